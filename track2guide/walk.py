"""Walk a tree along given answers: the path, the question to ask now, the gate that advises.

Gates advise; they never end a walk: once the walk is over, the first gate whose
condition holds on the path is reported with the result, before the ranking."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .conditions import Answer, holds
from .graph import reachable
from .model import Gate, Tree


@dataclass(frozen=True)
class Walk:
    """Where a walk stands. `current` is None when the walk has ended (result reached);
    `gate` is the first gate that holds on a finished walk's path."""

    path: tuple[tuple[str, Answer], ...]
    current: str | None
    gate: Gate | None
    skipped: tuple[str, ...]

    @property
    def given(self) -> dict[str, Answer]:
        """The answers that count: those on the path."""
        return dict(self.path)


def walk(tree: Tree, answers: Mapping[str, Answer]) -> Walk:
    """Follow `next` links from the start, using answers until one is missing or the walk ends."""
    path: list[tuple[str, Answer]] = []
    skipped: list[str] = []
    given: dict[str, Answer] = {}
    seen: set[str] = set()
    qid: str | None = tree.start
    while qid is not None and qid in tree.questions and qid not in seen:
        seen.add(qid)
        q = tree.questions[qid]
        if q.when is not None and not holds(q.when, given):
            skipped.append(qid)
            qid = tree.next_of(qid, None)
            continue
        if qid not in answers:
            return Walk(tuple(path), qid, None, tuple(skipped))
        given[qid] = answers[qid]
        path.append((qid, answers[qid]))
        qid = tree.next_of(qid, answers[qid])
    gate = next((g for g in tree.gates if holds(g.when, given)), None)
    return Walk(tuple(path), None, gate, tuple(skipped))


def split_off_path(tree: Tree, state: Walk, answers: Mapping[str, Answer]) -> tuple[list[str], list[str]]:
    """(dropped, pending) answers not on the path, in question order.

    Pending answers are for questions the walk may still reach from the current
    question (they will be used when it gets there); all others are dropped.
    """
    on_path = {qid for qid, _ in state.path}
    ahead = reachable(tree.successors, state.current) - {state.current} if state.current else set()
    dropped: list[str] = []
    pending: list[str] = []
    for qid in tree.questions:
        if qid in answers and qid not in on_path:
            (pending if qid in ahead else dropped).append(qid)
    return dropped, pending
