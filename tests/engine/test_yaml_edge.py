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
    emit_engine_bundle,
    load_all_trees,
    load_yaml_text,
    load_yaml_with_lines,
    page_anchors,
    slugify,
)
from track2guide_build.__main__ import main

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
    (tmp_path / "macros").mkdir()
    return tmp_path


def test_missing_glossary_fails_the_build_but_may_be_allowed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    with pytest.raises(TreeError, match=r"macros/glossary.yaml:1: \(root\): the glossary file is missing"):
        load_all_trees(root)
    terms_used = any("term" in q for t in treedata.project_trees().values() for q in t["tree"]["questions"])
    if terms_used:
        with pytest.raises(TreeError, match="unknown glossary term"):
            load_all_trees(root, require_glossary=False)


def test_problems_of_all_files_are_reported_together(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.copy(ROOT / "macros" / "glossary.yaml", root / "macros" / "glossary.yaml")
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


def test_engine_bundle_carries_what_the_browser_runs_and_no_build_checks() -> None:
    payload = js_payload(emit_engine_bundle(), "TRACK2_ENGINE")
    shipped = {name.split("/", 1)[1].removesuffix(".py") for name in payload}
    every = {p.stem for p in (ROOT / "track2guide").glob("*.py")}
    assert shipped == every - BUILD_ONLY
    assert payload["track2guide/engine.py"] == (ROOT / "track2guide" / "engine.py").read_text()


def test_shipped_modules_import_only_shipped_modules() -> None:
    """Importing the wizard with only the shipped files loads (as the browser does)."""
    import subprocess
    import tempfile

    payload = js_payload(emit_engine_bundle(), "TRACK2_ENGINE")
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in payload.items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_text(source)
        code = "import sys, track2guide.wizard; print(sorted(m for m in sys.modules if 'track2guide' in m))"
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp, capture_output=True, text=True, check=False
        )
    assert run.returncode == 0, run.stderr
    assert "'track2guide.check'" not in run.stdout and "'track2guide.wizard'" in run.stdout


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
    (tmp_path / "macros").mkdir()
    shutil.copy(ROOT / "macros" / "glossary.yaml", tmp_path / "macros" / "glossary.yaml")
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
    def __init__(self) -> None:
        self.macros: dict[str, Any] = {}

    def macro(self, fn: Any) -> Any:
        self.macros[fn.__name__] = fn
        return fn


def test_macros_render_paper_and_reference() -> None:
    sys.path.insert(0, str(ROOT))
    from macros import trees as tree_macros
    from macros.treesource import TreeSource

    env = FakeEnv()
    tree_macros.register(env, TreeSource())
    tree_id = sorted(treedata.project_trees())[0]
    text = env.macros["paper"](tree_id)
    assert "## Questions {#questions}" in text and "](../../" in text
    with pytest.raises(KeyError, match=r"paper\(\): no decision tree 'nope'"):
        env.macros["paper"]("nope")
    assert env.macros["tree_reference"]().startswith("## Decision tree {#def-root}")


def load_hook() -> tuple[Any, Any]:
    pytest.importorskip("mkdocs")
    import importlib.util

    from mkdocs.config.defaults import MkDocsConfig

    spec = importlib.util.spec_from_file_location("trees_hook", ROOT / "hooks" / "trees.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(ROOT / "docs"), "site_dir": "/tmp/t2-unused"})
    config.validate()
    config.plugins._current_plugin = None  # set by MkDocs while it runs hooks
    return hook, config


def test_hook_adds_generated_files() -> None:
    from mkdocs.structure.files import Files

    hook, config = load_hook()
    files = hook.on_files(Files([]), config)
    names = sorted(f.src_uri for f in files)
    assert names == ["assets/wizard/engine.js", "assets/wizard/trees.js"]


def test_hook_fails_the_build_with_every_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    hook, config = load_hook()
    root = copy_project(tmp_path)
    shutil.copy(ROOT / "macros" / "glossary.yaml", root / "macros" / "glossary.yaml")
    tree = next(p for p in sorted((root / "decision_trees").glob("*.yaml")) if p.name != "vocabulary.yaml")
    tree.write_text(tree.read_text().replace("\nstart:", "\ncolour: red\nstart:", 1))
    monkeypatch.setattr(hook, "ROOT", root)
    with pytest.raises(PluginError) as info:
        hook.on_files(Files([]), config)
    message = str(info.value)
    assert message.startswith("1 problem in the decision trees:\n")
    assert f"decision_trees/{tree.name}:" in message and "colour: unknown key 'colour'" in message
