"""The glossary: its data file, loader, page macro, tooltip hook and built page."""

from __future__ import annotations

import html as html_module
import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import markdown
import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

import macros
from macros import glossary as glossary_page
from track2guide_build import glossary as gl
from track2guide_build.yamlload import load_yaml_with_lines

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_YAML = ROOT / gl.GLOSSARY
# Read without validating, so the uniqueness tests still report when the loader would refuse.
RAW: list[dict[str, Any]] = load_yaml_with_lines(GLOSSARY_YAML)[0]
ENTRIES = gl.load_glossary(GLOSSARY_YAML)
IDS = Counter(str(entry.get("id")) for entry in RAW)
FORMS = Counter(form for entry in RAW for form in [entry.get("term"), *entry.get("also", [])])

# Terms the handbook relies on; each must be some entry's term or `also` form.
REQUIRED_FORMS = [
    "track I",
    "track II",
    "Track II",
    "track 1.5",
    "multitrack diplomacy",
    "nine tracks",
    "civil society",
    "conflict assessment",
    "needs assessment",
    "ripeness",
    "mutually hurting stalemate",
    "spoiler",
    "peace constituency",
    "forum shopping",
    "prenegotiation",
    "circum-negotiation",
    "track II intervenor",
    "dialogue",
    "sustained dialogue",
    "problem-solving workshop",
    "interactive conflict resolution",
    "ICR",
    "transfer",
    "public peace education",
    "joint project",
    "train-the-trainer",
    "elicitive",
    "prescriptive",
    "ARIA",
    "venting",
    "re-entry",
    "formative evaluation",
    "summative evaluation",
    "moral imagination",
    "mid-level leaders",
    "grassroots",
    "scaling up",
    "theory of change",
    "needs-based",
    "values-based",
    "identity conflict",
    "NGO",
    "INGO",
]
MARKDOWN_EXTENSIONS = ["abbr", "attr_list", "def_list", "toc"]


def _load_hook() -> ModuleType:
    # MkDocs loads hooks by file path, not as a package; do the same here.
    spec = importlib.util.spec_from_file_location("glossary_hook", ROOT / "hooks" / "glossary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(tmp_path: Path, entries: list[dict[str, Any]]) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    return path


# --- the data file ---------------------------------------------------------------------


def test_glossary_file_loads_with_enough_terms() -> None:
    assert 40 <= len(ENTRIES) == len(RAW)
    assert all(entry["definition"] and "\n" not in entry["definition"] for entry in ENTRIES)


@pytest.mark.parametrize("form", REQUIRED_FORMS)
def test_required_term_is_defined(form: str) -> None:
    assert form in FORMS, f"no glossary entry has the term or surface form {form!r}"


@pytest.mark.parametrize("entry_id", sorted(IDS))
def test_id_is_unique(entry_id: str) -> None:
    assert IDS[entry_id] == 1


@pytest.mark.parametrize("form", sorted(FORMS, key=str))
def test_surface_form_is_unique(form: str) -> None:
    # Terms count too: a term repeated as another entry's `also` form would get two tooltips.
    assert FORMS[form] == 1


# --- the loader ------------------------------------------------------------------------


def test_loader_rejects_duplicate_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"id": "ripeness", "term": "ripeness", "definition": "Readiness to negotiate."},
            {"id": "ripeness", "term": "ripe moment", "definition": "The same idea again."},
        ],
    )
    with pytest.raises(ValueError) as info:
        gl.load_glossary(path)
    assert str(info.value) == "glossary entry 2 ('ripeness'): duplicate id, already used by entry 1"


def test_loader_rejects_duplicate_surface_form(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {
                "id": "icr",
                "term": "interactive conflict resolution",
                "definition": "Workshops.",
                "also": ["ICR"],
            },
            {"id": "icr-2", "term": "ICR", "definition": "The same term twice."},
        ],
    )
    with pytest.raises(ValueError) as info:
        gl.load_glossary(path)
    assert str(info.value) == "glossary entry 2 ('icr-2'): surface form 'ICR' already used by entry 1 ('icr')"


def test_loader_rejects_empty_definition(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"id": "spoiler", "term": "spoiler", "definition": "  "}])
    with pytest.raises(ValueError) as info:
        gl.load_glossary(path)
    assert str(info.value) == "glossary entry 1 ('spoiler'): 'definition' must be a non-empty string"


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "Bad Id", "term": "x", "definition": "d"},
        {"id": "letter-a", "term": "x", "definition": "d"},
        {"id": "x", "term": "x [y]", "definition": "d"},
        {"id": "x", "term": "x", "definition": "d", "also": "not a list"},
        {"id": "x", "term": "x", "definition": "d", "see": "no-anchor.md"},
        {"id": "x", "term": "x", "definition": "d", "colour": "unknown key"},
    ],
)
def test_loader_rejects_malformed_entry(tmp_path: Path, bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"^glossary entry 1 \("):
        gl.load_glossary(_write(tmp_path, [bad]))


# --- the tooltip hook --------------------------------------------------------------------


@pytest.fixture(scope="module")
def hooked_markdown() -> str:
    hook = _load_hook()
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    hook.on_config(config)
    result: str = hook.on_page_markdown("# Page\n\nSome text.", page=None, config=config, files=None)
    return result


def test_hook_keeps_the_page(hooked_markdown: str) -> None:
    assert hooked_markdown.startswith("# Page\n\nSome text.\n\n*[")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["id"])
def test_hook_appends_abbreviation_for_every_form(hooked_markdown: str, entry: gl.Entry) -> None:
    lines = set(hooked_markdown.splitlines())
    missing = [form for form in gl.surface_forms(entry) if f"*[{form}]: {entry['definition']}" not in lines]
    assert not missing


def test_abbreviations_become_tooltips() -> None:
    text = "ICR, a problem-solving workshop and Track II.\n\n" + _load_hook().abbreviations(ENTRIES)
    html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)
    found = {
        text: html_module.unescape(title)
        for title, text in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)
    }
    by_form = {form: entry["definition"] for entry in ENTRIES for form in gl.surface_forms(entry)}
    # The longest form wins: "problem-solving workshop" is not split into smaller matches.
    assert found == {form: by_form[form] for form in ("ICR", "problem-solving workshop", "Track II")}


# --- the glossary page -----------------------------------------------------------------------


def test_macro_is_registered(tmp_path: Path) -> None:
    class FakeEnv:
        project_dir = str(ROOT)

        def __init__(self) -> None:
            self.macros: dict[str, Any] = {}

        def macro(self, function: Any) -> Any:
            self.macros[function.__name__] = function
            return function

    env = FakeEnv()
    macros.define_env(env)
    assert env.macros["glossary"]() == glossary_page.render_glossary(ENTRIES)


def test_rendered_glossary_is_sorted_with_anchors() -> None:
    html = markdown.markdown(glossary_page.render_glossary(ENTRIES), extensions=MARKDOWN_EXTENSIONS)
    anchors = re.findall(r'<dt id="([^"]+)">', html)
    expected = [entry["id"] for entry in sorted(ENTRIES, key=lambda entry: entry["term"].casefold())]
    assert anchors == expected
    for letter in {entry["term"][0].lower() for entry in ENTRIES}:
        assert f'id="letter-{letter}"' in html


def test_glossary_page_uses_the_macro() -> None:
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "render_macros: true" in text  # mkdocs.yml renders macros only on request
    assert text.count("{{ glossary() }}") == 1


@pytest.fixture(scope="module")
def glossary_html(built_site: Path) -> str:
    return (built_site / "glossary.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("entry_id", [entry["id"] for entry in ENTRIES])
def test_built_glossary_has_anchor(glossary_html: str, entry_id: str) -> None:
    assert f'id="{entry_id}"' in glossary_html


@pytest.mark.parametrize("entry", [e for e in ENTRIES if "see" in e], ids=lambda entry: entry["id"])
def test_see_link_target_exists(built_site: Path, entry: gl.Entry) -> None:
    page, anchor = entry["see"].split("#")
    html = (built_site / page.replace(".md", ".html")).read_text(encoding="utf-8")
    assert f'id="{anchor}"' in html


def test_built_page_shows_tooltips(built_site: Path) -> None:
    html = (built_site / "introduction.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">track II</abbr>|<abbr title="[^"]+">Track II</abbr>', html)
