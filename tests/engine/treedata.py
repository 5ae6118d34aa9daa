"""Tree data for the engine tests, loadable without PyYAML (so the tests run in Pyodide).

The sample trees are kept as YAML (the source, with line numbers) and as JSON copies
(`trees/*.json`, refreshed by `python -m tests.engine.treedata`; test_yaml_edge.py
checks that they agree).  The project's trees come from PyYAML when it is importable,
else from the JSON file named by the TRACK2_TREES_JSON environment variable (written
by `python -m track2guide_build export-json FILE`), else there are none.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from track2guide import load_tree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TREES = HERE / "trees"
SAMPLES = ("sample", "checklist-sample", "shape-sample")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def schema() -> dict[str, Any]:
    return read_json(ROOT / "decision_trees" / "schema.json")  # type: ignore[no-any-return]


@cache
def vocabulary_schema() -> dict[str, Any]:
    return read_json(ROOT / "decision_trees" / "vocabulary.schema.json")  # type: ignore[no-any-return]


@cache
def _fixture() -> str:
    return (TREES / "fixture.json").read_text(encoding="utf-8")


def fixture() -> dict[str, Any]:
    """A fresh copy of `{vocabulary, anchors (page -> set), terms}` for the sample trees."""
    data = json.loads(_fixture())
    data["anchors"] = {page: set(ids) for page, ids in data["anchors"].items()}
    return data  # type: ignore[no-any-return]


def raw(name: str = "sample") -> dict[str, Any]:
    """A fresh copy of a sample tree as written."""
    return read_json(TREES / f"{name}.json")  # type: ignore[no-any-return]


def has_jsonschema() -> bool:
    try:
        import jsonschema  # noqa: F401
    except ImportError:  # inside Pyodide: the sample trees were validated under CPython
        return False
    return True


def check_args(name: str = "sample") -> dict[str, Any]:
    """Keyword arguments for check_tree/load_tree on a sample tree (structure checked where
    jsonschema is installed)."""
    fx = fixture()
    return {
        "schema": schema() if has_jsonschema() else None,
        "vocabulary": fx["vocabulary"],
        "anchors": fx["anchors"],
        "terms": fx["terms"],
        "source": f"tests/engine/trees/{name}.yaml",
    }


def compiled(name: str = "sample") -> dict[str, Any]:
    """A sample tree, checked and compiled (a fresh copy every call)."""
    return load_tree(raw(name), **check_args(name)).data


@cache
def _project_json() -> str:
    path = os.environ.get("TRACK2_TREES_JSON")
    if path:
        return Path(path).read_text(encoding="utf-8")
    try:
        from track2guide_build import load_all_trees
    except ImportError:  # no PyYAML (Pyodide) and no exported JSON
        return "{}"
    return json.dumps({t.id: t.data for t in load_all_trees(ROOT)})


def project_trees() -> dict[str, dict[str, Any]]:
    """Tree id -> compiled tree for every tree in decision_trees/ (fresh copies)."""
    return json.loads(_project_json())  # type: ignore[no-any-return]


def all_trees() -> dict[str, dict[str, Any]]:
    """The project's trees and the sample trees, compiled."""
    return {**project_trees(), **{name: compiled(name) for name in SAMPLES}}


def refresh_json_copies() -> None:
    """Rewrite trees/*.json from trees/*.yaml (needs PyYAML)."""
    from track2guide_build import load_yaml_with_lines

    for name in SAMPLES:
        data, _lines = load_yaml_with_lines(TREES / f"{name}.yaml")
        (TREES / f"{name}.json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    refresh_json_copies()
