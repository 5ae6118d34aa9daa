"""Declarative conditions on answers: evaluate them, list what they refer to.

Forms: {answer: Q, equals: C} | {answer: Q, one_of: [C, ...]} | {answer: Q, includes: C}
| {answered: Q} | {all: [...]} | {any: [...]} | {not: cond}.  Nothing is ever evaluated
as code; an unanswered question makes equals, one_of and includes false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .jsontypes import Json
from .problems import Path

Answer = str | list[str]
Answers = Mapping[str, Answer]


def holds(cond: Json, answers: Answers) -> bool:
    """True if `cond` holds on `answers` (qid -> choice id or list of ids)."""
    if not isinstance(cond, dict):
        return False
    if "all" in cond:
        parts = cond["all"]
        return isinstance(parts, list) and all(holds(c, answers) for c in parts)
    if "any" in cond:
        parts = cond["any"]
        return isinstance(parts, list) and any(holds(c, answers) for c in parts)
    if "not" in cond:
        return not holds(cond["not"], answers)
    if "answered" in cond:
        return cond["answered"] in answers
    given = answers.get(cond.get("answer", ""))
    if "equals" in cond:
        return isinstance(given, str) and given == cond["equals"]
    if "one_of" in cond:
        options = cond["one_of"]
        return isinstance(given, str) and isinstance(options, list) and given in options
    if "includes" in cond:
        return isinstance(given, list) and cond["includes"] in given
    return False


@dataclass(frozen=True)
class Reference:
    """A question (and maybe choices) that a condition names, with their paths."""

    operator: str  # equals | one_of | includes | answered
    question: str
    question_path: Path
    choices: tuple[tuple[str, Path], ...]


def references(cond: Json, path: Path) -> Iterator[Reference]:
    """Every question/choice reference inside a (schema-valid) condition."""
    if not isinstance(cond, dict):
        return
    for key in ("all", "any"):
        if key in cond:
            for i, sub in enumerate(cond[key]):
                yield from references(sub, (*path, key, i))
            return
    if "not" in cond:
        yield from references(cond["not"], (*path, "not"))
        return
    if "answered" in cond:
        yield Reference("answered", cond["answered"], (*path, "answered"), ())
        return
    qpath = (*path, "answer")
    if "equals" in cond:
        yield Reference("equals", cond["answer"], qpath, ((cond["equals"], (*path, "equals")),))
    elif "one_of" in cond:
        yield Reference(
            "one_of",
            cond["answer"],
            qpath,
            tuple((c, (*path, "one_of", i)) for i, c in enumerate(cond["one_of"])),
        )
    elif "includes" in cond:
        yield Reference("includes", cond["answer"], qpath, ((cond["includes"], (*path, "includes")),))


Namer = Callable[[str], str]
ChoiceNamer = Callable[[str, str], str]


def describe(cond: Json, question: Namer, choice: ChoiceNamer) -> str:
    """Plain-English rendering, e.g. `you answered "Yes" to question 2`."""
    if not isinstance(cond, dict):
        return "never"
    if "all" in cond:
        return _join([describe(c, question, choice) for c in cond["all"]], "and")
    if "any" in cond:
        return _join([describe(c, question, choice) for c in cond["any"]], "or")
    if "not" in cond:
        return f"it is not the case that {describe(cond['not'], question, choice)}"
    if "answered" in cond:
        return f"you answered {question(cond['answered'])}"
    qid = str(cond.get("answer", ""))
    if "equals" in cond:
        return f"you answered “{choice(qid, cond['equals'])}” to {question(qid)}"
    if "one_of" in cond:
        labels = [f"“{choice(qid, c)}”" for c in cond["one_of"]]
        return f"you answered {_join(labels, 'or')} to {question(qid)}"
    if "includes" in cond:
        return f"your answer to {question(qid)} includes “{choice(qid, cond['includes'])}”"
    return "never"


def _join(parts: list[str], word: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} {word} {parts[1]}"
    return f"{', '.join(parts[:-1])}, {word} {parts[-1]}"
