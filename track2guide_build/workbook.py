"""Load and check the planning workbook (decision_trees/workbook/workbook.yaml).

Structure is checked with jsonschema against decision_trees/workbook/schema.json (whose
conditions are the trees' own, by reference); meaning is checked here, each problem
pointing at `file:line: path`. The result is compiled for the engine: every link key
becomes `{key, title, href}`, so nothing downstream needs the vocabulary.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import referencing

from track2guide.conditions import references
from track2guide.problems import Locator, Problem, TreeError, format_path
from track2guide.vocabulary import Anchors, check_link
from track2guide.workbook_compile import compile_workbook
from track2guide.workbook_wizard import result_ids

from .anchors import collect_anchors
from .yamlload import load_yaml_with_lines

SOURCE = "decision_trees/workbook/workbook.yaml"
SCHEMA = "decision_trees/workbook/schema.json"
TREE_SCHEMA = "decision_trees/schema.json"
VOCABULARY = "decision_trees/vocabulary.yaml"


def _validator(root: Path) -> jsonschema.Draft202012Validator:
    tree_schema = json.loads((root / TREE_SCHEMA).read_text(encoding="utf-8"))
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        tree_schema["$id"], referencing.Resource.from_contents(tree_schema)
    )
    return jsonschema.Draft202012Validator(schema, registry=registry)


def structure_problems(data: Any, loc: Locator, validator: jsonschema.Draft202012Validator) -> list[Problem]:
    """Schema problems, deepest first within each path, one per path."""
    seen: set[str] = set()
    out: list[Problem] = []
    for error in sorted(
        validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    ):
        path = tuple(error.absolute_path)
        if format_path(path) in seen:
            continue
        seen.add(format_path(path))
        out.append(loc.problem(path, error.message, f"a value valid for {error.validator!r} in {SCHEMA}"))
    return out


def _dupes(ids: Iterable[tuple[str, tuple[Any, ...]]], loc: Locator, what: str) -> list[Problem]:
    counts = Counter(i for i, _ in ids)
    return [
        loc.problem((*path, "id"), f"{what} id '{i}' is used more than once", f"each {what} id once")
        for i, path in ids
        if counts[i] > 1
    ]


def _condition_problems(
    cond: Any, path: tuple[Any, ...], known: Mapping[str, Mapping[str, Any]], loc: Locator
) -> list[Problem]:
    """A condition names known questions and choices, with an operator fit for the question's type."""
    out: list[Problem] = []
    fits = {"equals": ("single",), "one_of": ("single",), "includes": ("multi",)}
    for ref in references(cond, path):
        question = known.get(ref.question)
        if question is None:
            out.append(
                loc.problem(
                    ref.question_path,
                    f"unknown question '{ref.question}'",
                    "a question asked earlier in the workbook" if known else "a question id",
                )
            )
            continue
        if ref.operator in fits and question["type"] not in fits[ref.operator]:
            out.append(
                loc.problem(
                    ref.question_path,
                    f"'{ref.operator}' cannot test a {question['type']} question",
                    f"a {' or '.join(fits[ref.operator])} question",
                )
            )
            continue
        ids = {c["id"] for c in question.get("choices", [])}
        out += [
            loc.problem(
                cpath, f"question '{ref.question}' has no choice '{cid}'", "one of " + ", ".join(sorted(ids))
            )
            for cid, cpath in ref.choices
            if cid not in ids
        ]
    return out


def _wizard_problems(
    question: Mapping[str, Any], qpath: tuple[Any, ...], outcomes: Mapping[str, list[str]], loc: Locator
) -> list[Problem]:
    """Every result of a question's wizard sets one of its choices (through `wizard_outcomes`)."""
    tree_id = question.get("wizard")
    mapping = question.get("wizard_outcomes", {})
    if tree_id is None:
        if mapping:
            return [loc.problem((*qpath, "wizard_outcomes"), "wizard_outcomes without a wizard", "a wizard")]
        return []
    if question["type"] != "single":
        return [loc.problem((*qpath, "wizard"), "only a single question can take a wizard's result",
                            "type: single")]
    ids = [c["id"] for c in question.get("choices", [])]
    if tree_id not in outcomes:
        return [loc.problem((*qpath, "wizard"), f"no decision tree '{tree_id}' in decision_trees/",
                            "the id of a tree in decision_trees/")]
    known = outcomes[tree_id]
    out = [
        loc.problem((*qpath, "wizard_outcomes", oid), f"the wizard '{tree_id}' has no outcome '{oid}'",
                    "one of " + ", ".join(known))
        for oid in mapping
        if oid not in known
    ]
    out += [
        loc.problem((*qpath, "wizard_outcomes", oid), f"question '{question['id']}' has no choice '{cid}'",
                    "one of " + ", ".join(ids))
        for oid, cid in mapping.items()
        if cid not in ids
    ]
    out += [
        loc.problem(
            (*qpath, "wizard"),
            f"the outcome '{oid}' of the wizard '{tree_id}' sets no choice of question '{question['id']}'",
            f"a choice with id '{oid}', or an entry '{oid}: <choice id>' in wizard_outcomes",
        )
        for oid in known
        if oid not in mapping and oid not in ids
    ]
    return out


def wizard_outcomes(root: Path) -> dict[str, list[str]]:
    """Tree id -> every result the wizard can give (from its YAML; hooks/trees.py checks the trees)."""
    out = {}
    for path in sorted((root / "decision_trees").glob("*.yaml")):
        tree, _ = load_yaml_with_lines(path, f"decision_trees/{path.name}")
        if isinstance(tree, dict) and "questions" in tree:
            out[str(tree.get("id"))] = result_ids(tree)
    return out


def check_workbook(
    data: Any,
    *,
    root: Path,
    vocabulary: Any,
    anchors: Anchors | None,
    lines: Mapping[str, int],
    outcomes: Mapping[str, list[str]] | None = None,
) -> list[Problem]:
    """Every problem of the workbook, structure first (meaning is not checked on a broken structure)."""
    loc = Locator(SOURCE, lines)
    problems = structure_problems(data, loc, _validator(root))
    if problems:
        return problems
    sections = data["sections"]
    qpaths = [
        (q["id"], ("sections", si, "questions", qi))
        for si, s in enumerate(sections)
        for qi, q in enumerate(s["questions"])
    ]
    problems += _dupes([(s["id"], ("sections", i)) for i, s in enumerate(sections)], loc, "section")
    problems += _dupes(qpaths, loc, "question")
    problems += _dupes([(c["id"], ("checks", i)) for i, c in enumerate(data["checks"])], loc, "check")
    earlier: dict[str, Mapping[str, Any]] = {}
    results = wizard_outcomes(root) if outcomes is None else outcomes
    for (qid, qpath), question in zip(qpaths, (q for s in sections for q in s["questions"]), strict=True):
        choices = question.get("choices")
        if question["type"] == "text" and choices is not None:
            problems.append(loc.problem((*qpath, "choices"), "a text question has no choices", "no choices"))
        if question["type"] != "text" and not choices:
            problems.append(
                loc.problem(qpath, f"a {question['type']} question needs choices", "a choices list")
            )
        for ci, choice in enumerate(choices or []):
            if choice.get("exclusive") and question["type"] != "multi":
                problems.append(
                    loc.problem(
                        (*qpath, "choices", ci, "exclusive"),
                        "only a multi question has an exclusive choice",
                        "no exclusive",
                    )
                )
        problems += _dupes(
            [(c["id"], (*qpath, "choices", i)) for i, c in enumerate(choices or [])], loc, "choice"
        )
        if "when" in question:
            problems += _condition_problems(question["when"], (*qpath, "when"), earlier, loc)
        problems += check_link(loc, (*qpath, "link"), question["link"], vocabulary, anchors)
        problems += _wizard_problems(question, qpath, results, loc)
        earlier[qid] = question
    for si, section in enumerate(sections):
        problems += check_link(loc, ("sections", si, "link"), section["link"], vocabulary, anchors)
    for ci, check in enumerate(data["checks"]):
        problems += _condition_problems(check["when"], ("checks", ci, "when"), earlier, loc)
        problems += check_link(loc, ("checks", ci, "link"), check["link"], vocabulary, anchors)
    return problems


def load_workbook(root: str | Path, *, anchors: Anchors | None = None) -> dict[str, Any]:
    """The checked, compiled workbook; TreeError lists every problem (file, line, path)."""
    base = Path(root)
    data, lines = load_yaml_with_lines(base / SOURCE, SOURCE)
    vocabulary, _ = load_yaml_with_lines(base / VOCABULARY, VOCABULARY)
    problems = check_workbook(data, root=base, vocabulary=vocabulary, anchors=anchors, lines=lines)
    if problems:
        raise TreeError(problems)
    return compile_workbook(data, vocabulary)


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every file the checked workbook depends on."""
    files = [
        *sorted((root / SOURCE).parent.glob("*")),
        root / TREE_SCHEMA,
        root / VOCABULARY,
        *sorted((root / "docs").rglob("*.md")),
    ]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


# The last result, so that the hook that ships the workbook and the macros that render it
# check it once per build; a change to any file it depends on loads it again.
_LAST: dict[tuple[object, ...], dict[str, Any]] = {}


def checked_workbook(root: str | Path) -> dict[str, Any]:
    """The project's workbook, checked against the handbook's anchors and compiled (cached)."""
    base = Path(root)
    key = (str(base.resolve()), _fingerprint(base))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = load_workbook(base, anchors=collect_anchors(base / "docs"))
    return copy.deepcopy(_LAST[key])  # callers may change what they get
