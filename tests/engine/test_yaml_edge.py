"""The build edge (track2guide_build): YAML with lines, anchors, loading all trees, bundles, hook, macros.

Needs PyYAML, so the whole module is skipped inside Pyodide.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("yaml")

from tests.engine import treedata
from track2guide import TreeError, step
from track2guide_build import (
    collect_anchors,
    emit_browser_bundle,
    load_all_trees,
    load_yaml_text,
    load_yaml_with_lines,
    page_anchors,
    slugify,
)
from track2guide_build.__main__ import main
from track2guide_build.glossary import GLOSSARY

ROOT = treedata.ROOT


def test_lines_point_at_keys_and_items() -> None:
    text = "id: x\nquestions:\n  - id: a\n    choices:\n      - {id: yes, label: Yes}\n"
    data, lines = load_yaml_text(text, "t.yaml")
    assert data == {"id": "x", "questions": [{"id": "a", "choices": [{"id": "yes", "label": "Yes"}]}]}
    assert lines["id"] == 1 and lines["questions"] == 2 and lines["questions[0]"] == 3
    assert lines["questions[0].choices[0]"] == 5 and lines["questions[0].choices[0].label"] == 5


def test_yes_no_on_off_stay_strings_true_false_are_booleans() -> None:
    data, _ = load_yaml_text("a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: [y, n]\n", "t.yaml")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": True, "f": False, "g": ["y", "n"]}


def test_duplicate_keys_and_syntax_errors_are_problems() -> None:
    with pytest.raises(TreeError) as info:
        load_yaml_text("a: 1\nb:\n  c: 1\n  c: 2\n", "t.yaml")
    assert str(info.value) == (
        "t.yaml:4: b.c: duplicate key 'c' (expected each key once in a mapping; it is first used at line 3)"
    )
    with pytest.raises(TreeError) as info:
        load_yaml_text("a: [1, 2\n", "t.yaml")
    assert str(info.value).startswith("t.yaml:2: (root): YAML syntax error:")
    assert load_yaml_text("", "empty.yaml") == (None, {"": 1})


@pytest.mark.parametrize(("yes", "no"), [("yes", "no"), ("on", "off"), ("y", "n")])
def test_choice_ids_that_yaml_1_1_reads_as_booleans_stay_strings(yes: str, no: str) -> None:
    """A tree whose choices are `yes`/`no` (or `on`/`off`) loads, checks and walks with those ids."""
    from track2guide import load_tree

    text = (treedata.TREES / "shape-sample.yaml").read_text(encoding="utf-8")
    assert "      - id: yes\n" in text and "      - id: no\n" in text and "equals: no}" in text
    changes = {"- id: yes\n": f"- id: {yes}\n", "- id: no\n": f"- id: {no}\n", "s: no}": f"s: {no}}}"}
    for old, new in changes.items():
        text = text.replace(old, new)
    data, lines = load_yaml_text(text, "shape.yaml")
    tree = load_tree(data, lines=lines, **treedata.check_args("shape-sample")).data
    funded = next(q for q in tree["tree"]["questions"] if q["id"] == "funded")
    assert [c["id"] for c in funded["choices"]] == [yes, no]


@pytest.mark.parametrize("name", treedata.SAMPLES)
def test_json_copies_of_the_samples_are_current(name: str) -> None:
    data, _ = load_yaml_with_lines(treedata.TREES / f"{name}.yaml")
    assert data == treedata.raw(name), "run: python -m tests.engine.treedata"


def test_slugs_match_python_markdown() -> None:
    markdown = pytest.importorskip("markdown")
    from markdown.extensions.toc import slugify as reference  # type: ignore[import-untyped]

    for text in [
        "Track II: what it is",
        "Step 1 — assess",
        "ARIA (anger, resonance)",
        "Über große Fragen",
        "Who pays?  Funders & donors",
        "A `code` and *emphasis*",
    ]:
        plain = text.replace("`", "").replace("*", "")
        assert slugify(text) == reference(plain, "-"), text
    assert markdown is not None


def test_page_anchors() -> None:
    page = (
        "# Title\n\n## Ground rules {#ground-rules}\n\n## Ground Rules\n\n## Ground rules\n"
        '### Attr { #venue .wide }\n```\n## Not a heading {#no}\n```\n<a id="raw"></a>\n'
    )
    assert page_anchors(page) == {"title", "ground-rules", "ground-rules_1", "venue", "raw"}


def test_collect_anchors_reads_nested_pages(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    (tmp_path / "index.md").write_text("# Home {#home}\n")
    (tmp_path / "tools" / "venue.md").write_text("## Check a venue\n")
    assert collect_anchors(tmp_path) == {"index.md": {"home"}, "tools/venue.md": {"check-a-venue"}}


def test_all_project_trees_load() -> None:
    trees = load_all_trees(ROOT)
    assert [t.id for t in trees] == sorted(t.id for t in trees)
    assert all(t.source == f"decision_trees/{t.id}.yaml" for t in trees)


def copy_project(tmp_path: Path) -> Path:
    for folder in ("decision_trees", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "data").mkdir()
    return tmp_path


def test_missing_glossary_fails_the_build_but_may_be_allowed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    with pytest.raises(TreeError, match=r"data/glossary.yaml:1: \(root\): the glossary file is missing"):
        load_all_trees(root)
    terms_used = any("term" in q for t in treedata.project_trees().values() for q in t["tree"]["questions"])
    if terms_used:
        with pytest.raises(TreeError, match="unknown glossary term"):
            load_all_trees(root, require_glossary=False)


def test_problems_of_all_files_are_reported_together(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.copy(ROOT / GLOSSARY, root / GLOSSARY)
    for path in sorted((root / "decision_trees").glob("*.yaml"))[:2]:
        if path.name != "vocabulary.yaml":
            path.write_text(path.read_text().replace("\nversion:", "\nversion: x\nold_version:", 1))
    with pytest.raises(TreeError) as info:
        load_all_trees(root)
    assert len({p.source for p in info.value.problems}) == 2


def test_vocabulary_problems_stop_the_load(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    vocab = root / "decision_trees" / "vocabulary.yaml"
    vocab.write_text(vocab.read_text() + "\nextra: 1\n")
    with pytest.raises(TreeError, match=r"decision_trees/vocabulary.yaml:\d+: extra: unknown key 'extra'"):
        load_all_trees(root, require_glossary=False)


def js_payload(text: str, name: str) -> Any:
    prefix = f"window.{name} = "
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix) : -2])


def test_browser_bundle_holds_the_compiled_trees() -> None:
    trees = load_all_trees(ROOT)
    payload = js_payload(emit_browser_bundle(trees), "TRACK2_TREES")
    assert payload == {t.id: t.data for t in trees}
    for tree in payload.values():
        assert step(tree, {"tree": tree["tree"]["id"], "version": tree["tree"]["version"], "answers": {}})[
            "ok"
        ]


def test_bundle_escapes_script_end_tags() -> None:
    checked = treedata.compiled()
    checked["tree"]["title"] = "</script><b>"
    from track2guide import CheckedTree

    text = emit_browser_bundle([CheckedTree("sample", "x", checked)])
    assert (
        "</script>" not in text
        and js_payload(text, "TRACK2_TREES")["sample"]["tree"]["title"] == "</script><b>"
    )


BUILD_ONLY = {
    "check",
    "checkrefs",
    "checkrules",
    "paper",
    "schema_doc",
    "structure",
    "vocabulary",
    "workbook_compile",
}


def test_the_wizard_imports_no_build_time_check() -> None:
    """What the browser imports first (track2guide.wizard) leaves the build's checks and
    their libraries unloaded."""
    import subprocess

    code = "import sys, track2guide.wizard; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    loaded = set(run.stdout.split())
    assert "track2guide.wizard" in loaded and "track2guide.workbook_app" in loaded
    assert not {f"track2guide.{name}" for name in BUILD_ONLY} & loaded
    assert not {"yaml", "jsonschema", "track2guide_build"} & loaded


def test_the_browser_gets_the_modules_the_wizard_imports_and_no_build_check() -> None:
    """browser_modules (what the build ships) holds everything importing the wizard loads,
    and none of the build-time checks."""
    import subprocess

    from track2guide_build.bundle import browser_modules

    shipped = {p.stem for p in browser_modules(ROOT / "track2guide")}
    code = "import sys, track2guide.wizard; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    loaded = {m.split(".", 1)[1] for m in run.stdout.split() if m.startswith("track2guide.")}
    assert loaded <= shipped
    assert "workbook_wizard" in shipped  # imported inside a function only: found all the same
    assert not BUILD_ONLY & shipped


def test_browser_modules_follows_imports_and_skips_type_checking_blocks(tmp_path: Path) -> None:
    from track2guide_build.bundle import browser_modules

    files = {
        "__init__": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .check import x\n",
        "wizard": "from . import view\nfrom .engine import step\ndef f():\n    from .late import y\n",
        "view": "import json\n", "engine": "import track2guide.walk\n", "walk": "", "late": "",
        "check": "", "unused": "",
    }
    for name, text in files.items():
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    found = [p.stem for p in browser_modules(tmp_path)]
    assert found == ["__init__", "engine", "late", "view", "walk", "wizard"]
    (tmp_path / "walk.py").write_text("from .gone import z\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"track2guide\.gone"):
        browser_modules(tmp_path)


def test_engine_imports_nothing_outside_the_stdlib() -> None:
    """The browser's modules use the standard library only; the build-time structural check
    also uses jsonschema."""
    import ast

    allowed = set(sys.stdlib_module_names) | {"track2guide"}
    for path in (ROOT / "track2guide").glob("*.py"):
        extra = {"jsonschema"} if path.stem == "structure" else set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            assert all(n.split(".")[0] in allowed | extra for n in names), f"{path.name}: {names}"
            assert not {"eval", "exec"} & {getattr(n, "id", "") for n in ast.walk(node)}


def test_trees_are_loaded_once_until_an_input_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from track2guide_build import loadall

    for folder in ("decision_trees", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.png", "*.svg"))
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / GLOSSARY, tmp_path / GLOSSARY)
    reads: list[str] = []
    real = loadall.load_yaml_with_lines

    def counting(path: Path, *args: Any) -> Any:
        reads.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(loadall, "load_yaml_with_lines", counting)
    first = loadall.load_all_trees(tmp_path)
    parsed = len(reads)
    assert parsed > 0
    first[0].data["tree"]["title"] = "changed by a caller"
    again = loadall.load_all_trees(tmp_path)
    assert len(reads) == parsed  # the hook and the macros share one load per build
    assert again[0].data["tree"]["title"] != "changed by a caller"
    tree_file = tmp_path / "decision_trees" / f"{again[0].id}.yaml"
    stat = tree_file.stat()
    os.utime(tree_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    loadall.load_all_trees(tmp_path)
    assert len(reads) == 2 * parsed  # an edit loads them again


def test_cli_check_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "trees.json"
    assert main(["--root", str(ROOT), "export-json", str(out)]) == 0
    assert json.loads(out.read_text()) == {t.id: t.data for t in load_all_trees(ROOT)}
    assert main(["--root", str(ROOT), "check"]) == 0
    assert "trees OK" in capsys.readouterr().out
    assert main(["--root", str(tmp_path), "check"]) == 1


class FakeEnv:
    project_dir = str(ROOT)

    def __init__(self) -> None:
        self.macros: dict[str, Any] = {}

    def macro(self, fn: Any) -> Any:
        self.macros[fn.__name__] = fn
        return fn


def test_macros_render_paper_and_reference() -> None:
    from macros import trees as tree_macros
    from macros.treesource import TreeSource

    env = FakeEnv()
    tree_macros.register(env, TreeSource(ROOT))
    tree_id = sorted(treedata.project_trees())[0]
    text = env.macros["paper"](tree_id)
    assert "## Questions {#questions}" in text and "](../../" in text
    with pytest.raises(KeyError, match=r"paper\(\): no decision tree 'nope'"):
        env.macros["paper"]("nope")
    assert env.macros["tree_reference"]().startswith("## Decision tree {#def-root}")


def load_hook(root: Path = ROOT) -> tuple[Any, Any]:
    """The trees hook, loaded by file path as MkDocs loads it, and a config for the project at `root`."""
    pytest.importorskip("mkdocs")
    import importlib.util

    from mkdocs.config.defaults import MkDocsConfig

    spec = importlib.util.spec_from_file_location("trees_hook", ROOT / "hooks" / "trees.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(root / "docs"), "site_dir": "/tmp/t2-unused"})
    config.validate()
    config.plugins._current_plugin = None  # set by MkDocs while it runs hooks
    return hook, config


def test_hook_ships_the_trees_that_the_wizard_pages_load() -> None:
    from mkdocs.structure.files import Files

    from macros.wizard import wizard_html
    from track2guide_build.assets import PYODIDE, TREES_JS

    hook, config = load_hook()
    files = hook.on_files(Files([]), config)
    assert [f.src_uri for f in files] == [TREES_JS]
    payload = js_payload(files.get_file_from_path(TREES_JS).content_string, "TRACK2_TREES")
    assert payload == {t.id: t.data for t in load_all_trees(ROOT)}
    # A wizard page loads the Pyodide runtime (its code first, its stdlib zip holding the
    # engine), then the trees, needed only once Python has started.
    html = wizard_html(payload["venue"], "tools/venue.html")
    scripts = html.split('data-scripts="', 1)[1].split('"', 1)[0].split()
    assert scripts == [f"../{path}" for path in (*PYODIDE, TREES_JS)]
    assert scripts[0].endswith("/pyodide-runtime.js") and "../assets/pyodide/python-stdlib.js" in scripts
    # The browser shell refuses bigger files before reading them, with the engine's own cap.
    from track2guide.safetext import MAX_FILE_CHARS

    assert f'data-max-bytes="{MAX_FILE_CHARS}"' in html


def test_mkdocs_lists_the_shim_that_the_build_ships() -> None:
    """Material's offline plugin would add a CDN copy of iframe-worker unless mkdocs.yml lists ours."""
    from track2guide_build.assets import IFRAME_WORKER_SHIM, VENDORED

    config, _ = load_yaml_with_lines(ROOT / "mkdocs.yml")
    assert config["extra"]["polyfills"] == [IFRAME_WORKER_SHIM] and IFRAME_WORKER_SHIM in VENDORED


def test_hook_fails_the_build_with_every_problem(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    root = copy_project(tmp_path)
    hook, config = load_hook(root)
    shutil.copy(ROOT / GLOSSARY, root / GLOSSARY)
    tree = next(p for p in sorted((root / "decision_trees").glob("*.yaml")) if p.name != "vocabulary.yaml")
    tree.write_text(tree.read_text().replace("\nstart:", "\ncolour: red\nstart:", 1))
    with pytest.raises(PluginError) as info:
        hook.on_files(Files([]), config)
    message = str(info.value)
    assert message.startswith("1 problem in the decision trees:\n")
    assert f"decision_trees/{tree.name}:" in message and "colour: unknown key 'colour'" in message
