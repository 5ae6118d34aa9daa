"""Declarative conditions on answers: evaluate them, list what they refer to.

Forms: {answer: Q, equals: C} | {answer: Q, one_of: [C, ...]} | {answer: Q, includes: C}
| {answered: Q} | {all: [...]} | {any: [...]} | {not: cond}, and in warnings only
{result_top: O} | {result_top_one_of: [O, ...]} (true when O is the top indicated outcome
of the result).  Nothing is ever evaluated as code; an unanswered question makes equals,
one_of and includes false, and without a result the result forms are false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .jsontypes import Json
from .problems import Path
from .texts import say

Answer = str | list[str]
Answers = Mapping[str, Answer]


def holds(cond: Json, answers: Answers, top: str | None = None) -> bool:
    """True if `cond` holds on `answers` (qid -> choice id or list of ids) and the result's `top`."""
    if not isinstance(cond, dict):
        return False
    if "all" in cond:
        parts = cond["all"]
        return isinstance(parts, list) and all(holds(c, answers, top) for c in parts)
    if "any" in cond:
        parts = cond["any"]
        return isinstance(parts, list) and any(holds(c, answers, top) for c in parts)
    if "not" in cond:
        return not holds(cond["not"], answers, top)
    if "result_top" in cond:
        return top is not None and cond["result_top"] == top
    if "result_top_one_of" in cond:
        options = cond["result_top_one_of"]
        return top is not None and isinstance(options, list) and top in options
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
    if "result_top" in cond or "result_top_one_of" in cond:
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


def result_refs(cond: Json, path: Path) -> Iterator[tuple[str, Path]]:
    """(outcome id, path) for every result_top / result_top_one_of inside a condition."""
    if not isinstance(cond, dict):
        return
    for key in ("all", "any"):
        for i, sub in enumerate(cond.get(key, [])):
            yield from result_refs(sub, (*path, key, i))
    if "not" in cond:
        yield from result_refs(cond["not"], (*path, "not"))
    if "result_top" in cond:
        yield cond["result_top"], (*path, "result_top")
    for i, oid in enumerate(cond.get("result_top_one_of", [])):
        yield oid, (*path, "result_top_one_of", i)


Namer = Callable[[str], str]
ChoiceNamer = Callable[[str, str], str]


def describe(cond: Json, question: Namer, choice: ChoiceNamer, outcome: Namer = str) -> str:
    """Plain-English rendering, e.g. `you answered "Yes" to question 2`."""
    if not isinstance(cond, dict):
        return say("condition.never")
    if "all" in cond:
        return _join([_part(c, question, choice, outcome) for c in cond["all"]], say("condition.and"))
    if "any" in cond:
        return _join([_part(c, question, choice, outcome) for c in cond["any"]], say("condition.or"))
    if "not" in cond:
        return say("condition.not", condition=_part(cond["not"], question, choice, outcome))
    if "result_top" in cond:
        return say("condition.result-top", outcome=outcome(str(cond["result_top"])))
    if "result_top_one_of" in cond:
        names = [outcome(str(o)) for o in cond["result_top_one_of"]]
        return say("condition.result-top", outcome=_join(names, say("condition.or")))
    if "answered" in cond:
        return say("condition.answered", question=question(cond["answered"]))
    qid = str(cond.get("answer", ""))
    if "equals" in cond:
        return say("condition.equals", choice=choice(qid, cond["equals"]), question=question(qid))
    if "one_of" in cond:
        labels = [f"“{choice(qid, c)}”" for c in cond["one_of"]]
        return say("condition.one-of", choices=_join(labels, say("condition.or")), question=question(qid))
    if "includes" in cond:
        return say("condition.includes", question=question(qid), choice=choice(qid, cond["includes"]))
    return say("condition.never")


def _part(cond: Json, question: Namer, choice: ChoiceNamer, outcome: Namer) -> str:
    """A part of a compound condition; compound parts go in brackets so that the words stay unambiguous."""
    text = describe(cond, question, choice, outcome)
    parts = cond.get("all", cond.get("any")) if isinstance(cond, dict) else None
    compound = isinstance(parts, list) and len(parts) > 1
    return f"({text})" if compound else text


def _join(parts: list[str], word: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} {word} {parts[1]}"
    return f"{', '.join(parts[:-1])}, {word} {parts[-1]}"
