"""Questions and outcomes as the wizard shows them: the choices and warnings that apply."""

from __future__ import annotations

from collections.abc import Mapping

from .conditions import Answer, holds
from .model import Choice, Tree
from .state import Advice, Asked, Given, Notice


def given_of(answer: Answer) -> Given:
    """An answer as the state keeps it (a list becomes a tuple)."""
    return answer if isinstance(answer, str) else tuple(answer)


def applies(item: Choice, given: Mapping[str, Answer]) -> bool:
    """A checklist item applies unless its `when` fails on the answers before its question."""
    return item.when is None or holds(item.when, given)


def question_view(
    tree: Tree, qid: str, before: Mapping[str, Answer], previous: Answer | None, number: int
) -> Asked:
    """The question `qid` as asked after the answers `before` (checklists show applicable items only)."""
    q = tree.questions[qid]
    choices = tuple(c for c in q.choices if q.type != "checklist" or applies(c, before))
    return Asked(q, choices, number, None if previous is None else given_of(previous))


def outcome_view(tree: Tree, oid: str, given: Mapping[str, Answer], top: str | None = None) -> Advice:
    """An outcome with the warnings that apply (given the result's `top`)."""
    o = tree.outcome(oid)
    return Advice(
        o,
        tuple(
            Notice(None, w.text, w.link) for w in o.warnings if w.when is None or holds(w.when, given, top)
        ),
    )


def tree_warnings(tree: Tree, given: Mapping[str, Answer], top: str | None = None) -> tuple[Notice, ...]:
    """Tree-level warnings whose condition holds (on the answers and the result's `top`)."""
    return tuple(Notice(w.id, w.text, w.link) for w in tree.warnings if holds(w.when, given, top))
