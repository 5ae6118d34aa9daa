"""Handbook pages cover what their writers promised in tests/handbook/coverage_*.yaml.

Each coverage file is a YAML list of {page, anchors: [...], cases: [...]}: every anchor
must be a heading id on the page and every case phrase must appear in the title of an
`!!! example` (or `??? example`) admonition there. Files are discovered at collection
time, so a writer's new file is checked without editing this module.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from track2guide import TreeError
from track2guide_build import load_yaml_with_lines

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HERE = Path(__file__).resolve().parent
COVERAGE_FILES = sorted(HERE.glob("coverage_*.yaml"))
# The handbook has these five step pages (the nav of mkdocs.yml); any other step-*.md found is checked too.
STEP_PAGES = sorted(
    {
        "step-1-assess.md",
        "step-2-plan.md",
        "step-3-design.md",
        "step-4-conduct.md",
        "step-5-follow-up.md",
        *(path.name for path in DOCS.glob("step-*.md")),
    }
)
# Nav pages that need no coverage entry: wizard pages are tested in tests/wizard, and the
# glossary and reference list are generated or bibliographic (see test_glossary.py).
NO_COVERAGE_NEEDED = {"glossary.md", "references.md"}
MIN_CHECKLIST_ITEMS = 5

HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXAMPLE_TITLE = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+example\b[^"\n]*"([^"\n]*)"', re.MULTILINE)
TASK_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s", re.MULTILINE)
TOOLS_LINK = re.compile(r"""(?:\]\(|href=["'])(?:\./)?(tools/[^)"'#\s]+)""")


def _page_name(page: str) -> str:
    # Writers may write "step-1-assess.md", "docs/step-1-assess.md" or "step-1-assess".
    name = page.strip().removeprefix("./").removeprefix("docs/")
    return name if name.endswith(".md") else f"{name}.md"


def _read_coverage(path: Path) -> tuple[list[dict[str, Any]], str]:
    """Entries of one coverage file, and a problem description ('' when well formed)."""
    try:
        data = load_yaml_with_lines(path)[0]
    except TreeError as error:
        return [], f"not valid YAML: {error}"
    if not isinstance(data, list) or not data:
        return [], "must be a non-empty YAML list of {page, anchors, cases}"
    for number, entry in enumerate(data, start=1):
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("page"), str)
            and all(isinstance(entry.get(key, []), list) for key in ("anchors", "cases"))
        ):
            return [], f"entry {number} needs a 'page' string and 'anchors'/'cases' lists"
    return data, ""


COVERAGE = {path.name: _read_coverage(path) for path in COVERAGE_FILES}
ENTRIES = [entry for entries, _ in COVERAGE.values() for entry in entries]
ANCHORS = sorted({(_page_name(e["page"]), str(a)) for e in ENTRIES for a in e.get("anchors", [])})
CASES = sorted({(_page_name(e["page"]), str(c)) for e in ENTRIES for c in e.get("cases", [])})
COVERED_PAGES = sorted({_page_name(entry["page"]) for entry in ENTRIES})


def _markdown(page: str) -> str:
    path = DOCS / page
    assert path.is_file(), f"docs/{page} does not exist"
    return path.read_text(encoding="utf-8")


def _heading_ids(text: str) -> dict[str, tuple[int, int]]:
    """Heading ids set with attr_list ({#id}), each with its level and offset in the text."""
    found: dict[str, tuple[int, int]] = {}
    for match in HEADING.finditer(text):
        attrs = re.search(r"\{([^{}]*)\}$", match.group(2))
        for anchor in re.findall(r"(?:^|\s)#([\w-]+)", attrs.group(1)) if attrs else []:
            found[anchor] = (len(match.group(1)), match.end())
    return found


def _fold(text: str) -> str:
    # Case titles may use typographic dashes and quotes where the coverage file has plain ones.
    text = re.sub(r"[\u2010-\u2015]", "-", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.casefold().split())


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    return []


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose python tags (e.g. !!python/name:) are irrelevant here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


# --- the coverage files ------------------------------------------------------------------


def test_coverage_files_exist() -> None:
    assert COVERAGE_FILES, "no tests/handbook/coverage_*.yaml file found"


@pytest.mark.parametrize("name", sorted(COVERAGE))
def test_coverage_file_is_well_formed(name: str) -> None:
    entries, problem = COVERAGE[name]
    assert not problem, f"{name}: {problem}"
    assert entries


@pytest.mark.parametrize("page", COVERED_PAGES)
def test_covered_page_exists(page: str) -> None:
    assert (DOCS / page).is_file(), f"a coverage file lists docs/{page}, which does not exist"


def test_every_nav_page_has_coverage() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    pages = [page for page in _nav_pages(config.get("nav")) if not page.startswith("tools/")]
    assert pages, "mkdocs.yml has no handbook pages in its nav"
    missing = [page for page in pages if page not in NO_COVERAGE_NEEDED and page not in COVERED_PAGES]
    assert not missing, f"nav pages with no entry in any coverage_*.yaml: {missing}"


# --- what the coverage files promise -------------------------------------------------------


@pytest.mark.parametrize(("page", "anchor"), ANCHORS)
def test_anchor_exists(page: str, anchor: str, request: pytest.FixtureRequest) -> None:
    if anchor in _heading_ids(_markdown(page)):
        return
    # Not a `{#id}` heading in the Markdown: accept any element with that id in the built page.
    built: Path = request.getfixturevalue("built_site")
    html = (built / page.replace(".md", ".html")).read_text(encoding="utf-8")
    assert f'id="{anchor}"' in html, f"docs/{page} has no heading {{#{anchor}}}"


@pytest.mark.parametrize(("page", "case"), CASES)
def test_case_has_example_admonition(page: str, case: str) -> None:
    titles = EXAMPLE_TITLE.findall(_markdown(page))
    assert any(_fold(case) in _fold(title) for title in titles), (
        f'docs/{page} has no `!!! example "..."` admonition whose title contains {case!r}; '
        f"titles found: {titles}"
    )


# --- the five step pages --------------------------------------------------------------------


@pytest.mark.parametrize("page", STEP_PAGES)
def test_step_page_has_checklist(page: str) -> None:
    text = _markdown(page)
    headings = _heading_ids(text)
    assert "checklist" in headings, f"docs/{page} has no heading {{#checklist}}"
    level, start = headings["checklist"]
    # The checklist section runs to the next heading of the same or a higher level.
    end = next((m.start() for m in HEADING.finditer(text, start) if len(m.group(1)) <= level), len(text))
    items = len(TASK_ITEM.findall(text, start, end))
    assert items >= MIN_CHECKLIST_ITEMS, f"docs/{page}: {items} task-list items under {{#checklist}}"


@pytest.mark.parametrize("page", STEP_PAGES)
def test_step_page_has_pitfalls(page: str) -> None:
    assert "pitfalls" in _heading_ids(_markdown(page)), f"docs/{page} has no heading {{#pitfalls}}"


@pytest.mark.parametrize("page", STEP_PAGES)
def test_step_page_links_to_a_tool(page: str) -> None:
    targets = {link for link in TOOLS_LINK.findall(_markdown(page)) if (DOCS / link).is_file()}
    assert targets, f"docs/{page} links to no existing page under docs/tools/"
