"""Declarative conditions on answers: evaluate them (typed, `track2guide.model`), describe them,
and list what their raw form refers to (for the build's checks, which report YAML paths).

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
from .model import (
    AllOf,
    Answered,
    AnyOf,
    Condition,
    Equals,
    Includes,
    Not,
    OneOf,
    ResultTop,
    ResultTopOneOf,
)
from .problems import Path
from .texts import say

Answer = str | list[str]
Answers = Mapping[str, Answer]


def holds(cond: Condition, answers: Answers, top: str | None = None) -> bool:
    """True if `cond` holds on `answers` (qid -> choice id or list of ids) and the result's `top`."""
    if isinstance(cond, AllOf):
        return all(holds(c, answers, top) for c in cond.parts)
    if isinstance(cond, AnyOf):
        return any(holds(c, answers, top) for c in cond.parts)
    if isinstance(cond, Not):
        return not holds(cond.part, answers, top)
    if isinstance(cond, ResultTop):
        return top is not None and cond.outcome == top
    if isinstance(cond, ResultTopOneOf):
        return top is not None and top in cond.outcomes
    if isinstance(cond, Answered):
        return cond.question in answers
    if isinstance(cond, Equals):
        given = answers.get(cond.question)
        return isinstance(given, str) and given == cond.choice
    if isinstance(cond, OneOf):
        given = answers.get(cond.question)
        return isinstance(given, str) and given in cond.choices
    if isinstance(cond, Includes):
        given = answers.get(cond.question)
        return isinstance(given, list) and cond.choice in given
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


def describe(cond: Condition, question: Namer, choice: ChoiceNamer, outcome: Namer = str) -> str:
    """Plain-English rendering, e.g. `you answered "Yes" to question 2`."""
    if isinstance(cond, AllOf):
        return _join([_part(c, question, choice, outcome) for c in cond.parts], say("condition.and"))
    if isinstance(cond, AnyOf):
        return _join([_part(c, question, choice, outcome) for c in cond.parts], say("condition.or"))
    if isinstance(cond, Not):
        return say("condition.not", condition=_part(cond.part, question, choice, outcome))
    if isinstance(cond, ResultTop):
        return say("condition.result-top", outcome=outcome(cond.outcome))
    if isinstance(cond, ResultTopOneOf):
        names = [outcome(o) for o in cond.outcomes]
        return say("condition.result-top", outcome=_join(names, say("condition.or")))
    if isinstance(cond, Answered):
        return say("condition.answered", question=question(cond.question))
    if isinstance(cond, Equals):
        qid = cond.question
        return say("condition.equals", choice=choice(qid, cond.choice), question=question(qid))
    if isinstance(cond, OneOf):
        labels = [f"“{choice(cond.question, c)}”" for c in cond.choices]
        choices = _join(labels, say("condition.or"))
        return say("condition.one-of", choices=choices, question=question(cond.question))
    if isinstance(cond, Includes):
        qid = cond.question
        return say("condition.includes", question=question(qid), choice=choice(qid, cond.choice))
    return say("condition.never")


def _part(cond: Condition, question: Namer, choice: ChoiceNamer, outcome: Namer) -> str:
    """A part of a compound condition; compound parts go in brackets so that the words stay unambiguous."""
    text = describe(cond, question, choice, outcome)
    compound = isinstance(cond, AllOf | AnyOf) and len(cond.parts) > 1
    return f"({text})" if compound else text


def _join(parts: list[str], word: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} {word} {parts[1]}"
    return f"{', '.join(parts[:-1])}, {word} {parts[-1]}"
