"""Load and check every decision tree of the project (the build's entry point)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from track2guide import CheckedTree, Problem, TreeError, check_vocabulary, load_tree

from .anchors import collect_anchors
from .glossary import GLOSSARY
from .yamlload import load_yaml_with_lines

TREE_DIR = "decision_trees"


@dataclass(frozen=True)
class Context:
    """What trees are checked against: schema, vocabulary, handbook anchors, glossary terms."""

    schema: dict[str, Any]
    vocabulary: dict[str, Any]
    anchors: dict[str, set[str]]
    terms: dict[str, dict[str, Any]]


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_glossary(root: Path, *, required: bool = True) -> dict[str, dict[str, Any]]:
    """Glossary id -> entry from data/glossary.yaml (a list of {id, term, definition, ...})."""
    path = root / GLOSSARY
    if not path.exists():
        if required:
            raise TreeError(
                [
                    Problem(
                        GLOSSARY,
                        1,
                        "",
                        "the glossary file is missing",
                        "a list of {id, term, definition} entries",
                    )
                ]
            )
        return {}
    data, _lines = load_yaml_with_lines(path, GLOSSARY)
    entries = data if isinstance(data, list) else []
    return {e["id"]: e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}


def load_context(root: str | Path, *, require_glossary: bool = True) -> Context:
    """Read schema, vocabulary (checked), anchors of docs/ and the glossary; raise TreeError on problems."""
    base = Path(root)
    anchors = collect_anchors(base / "docs")
    source = f"{TREE_DIR}/vocabulary.yaml"
    vocabulary, lines = load_yaml_with_lines(base / source, source)
    problems = check_vocabulary(
        vocabulary,
        schema=read_json(base / TREE_DIR / "vocabulary.schema.json"),
        anchors=anchors,
        source=source,
        lines=lines,
    )
    if problems:
        raise TreeError(problems)
    return Context(
        read_json(base / TREE_DIR / "schema.json"),
        vocabulary,
        anchors,
        read_glossary(base, required=require_glossary),
    )


def load_tree_file(path: Path, source: str, context: Context) -> CheckedTree:
    """Load, check and compile one tree file; raise TreeError with its problems."""
    data, lines = load_yaml_with_lines(path, source)
    return load_tree(
        data,
        schema=context.schema,
        vocabulary=context.vocabulary,
        source=source,
        lines=lines,
        anchors=context.anchors,
        terms=context.terms,
    )


def tree_files(root: str | Path) -> list[Path]:
    """decision_trees/*.yaml except the vocabulary, sorted."""
    return sorted(p for p in (Path(root) / TREE_DIR).glob("*.yaml") if p.name != "vocabulary.yaml")


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every file the checked trees depend on."""
    files = [*sorted((root / TREE_DIR).glob("*")), root / GLOSSARY, *sorted((root / "docs").rglob("*.md"))]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


# The last result, so that the build's hook and its macros check the trees once per build;
# any change to a tree, the vocabulary, the schema, the glossary or a page loads them again.
_LAST: dict[tuple[object, ...], list[CheckedTree]] = {}


def load_all_trees(root: str | Path, *, require_glossary: bool = True) -> list[CheckedTree]:
    """Every tree of the project, checked; raise one TreeError listing the problems of all files."""
    key = (str(Path(root).resolve()), require_glossary, _fingerprint(Path(root)))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = _load_all_trees(root, require_glossary=require_glossary)
    return copy.deepcopy(_LAST[key])  # callers may change what they get


def _load_all_trees(root: str | Path, *, require_glossary: bool) -> list[CheckedTree]:
    context = load_context(root, require_glossary=require_glossary)
    checked: list[CheckedTree] = []
    problems: list[Problem] = []
    for path in tree_files(root):
        try:
            checked.append(load_tree_file(path, f"{TREE_DIR}/{path.name}", context))
        except TreeError as exc:
            problems += exc.problems
    if problems:
        raise TreeError(problems)
    return checked
