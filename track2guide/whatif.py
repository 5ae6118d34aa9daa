"""What would change this advice: single answers that, changed, change the top result or its strength.

Computed by walking the tree again with one answer changed (never authored): each
other choice of a single question, and ticking or unticking one choice of a multiple
question.  "Not sure" choices are not offered (they are no evidence), and a change
that leads to questions not yet answered is left out (its result is not known).
"""

from __future__ import annotations

from .answers import check_value
from .conditions import Answer
from .model import AllOf, Answered, AnyOf, Condition, Equals, Includes, Not, OneOf, Tree
from .state import Change, How, Ranking
from .walk import Walk, walk
from .weighing import chosen, totals, verdict


def alternatives(tree: Tree, qid: str, answer: Answer) -> list[tuple[Answer, str, How]]:
    """(new answer, choice id, how: choose | tick | untick) for each one-step change."""
    q = tree.questions[qid]
    out: list[tuple[Answer, str, How]] = []
    for c in q.choices:
        cid = c.id
        if c.unknown:
            continue
        if q.type == "single":
            if cid != answer:
                out.append((cid, cid, "choose"))
        elif isinstance(answer, list):
            if cid in answer:
                out.append(([x for x in answer if x != cid], cid, "untick"))
            else:
                # ticking an exclusive choice replaces the others; ticking another drops it
                rest = [] if c.exclusive else [x for x in answer if not _exclusive(tree, qid, x)]
                out.append(([*rest, cid], cid, "tick"))
    return [(a, cid, how) for a, cid, how in out if check_value(tree, qid, a)[0] is not None]


def _exclusive(tree: Tree, qid: str, cid: str) -> bool:
    c = tree.choice(qid, cid)
    return c is not None and c.exclusive


def _named(cond: Condition) -> set[str]:
    """The questions a condition names."""
    if isinstance(cond, AllOf | AnyOf):
        return {qid for part in cond.parts for qid in _named(part)}
    if isinstance(cond, Not):
        return _named(cond.part)
    if isinstance(cond, Equals | OneOf | Includes | Answered):
        return {cond.question}
    return set()


def _steers(tree: Tree) -> set[str]:
    """Questions whose answer can change the path: a choice with its own `next`, or named in a `when`."""
    out = {qid for qid, q in tree.questions.items() if any(c.next is not None for c in q.choices)}
    for q in tree.questions.values():
        if q.when is not None:
            out |= _named(q.when)
    return out


def _shifted(tree: Tree, table: dict[str, int], qid: str, old: Answer, new: Answer) -> dict[str, int]:
    """The totals after replacing one answer (same path): take the old points off, add the new."""
    out = dict(table)
    for sign, answer in ((-1, old), (1, new)):
        for cid in chosen(answer):
            for oid, points in tree.points.get((qid, cid), {}).items():
                if oid in out:
                    out[oid] += sign * points
    return out


def what_would_change(tree: Tree, state: Walk, ranking: Ranking) -> tuple[Change, ...]:
    """Each one-answer change on the path that changes the top result or its strength."""
    out: list[Change] = []
    given = state.given
    base = totals(tree, state.path)
    steers = _steers(tree)
    for i, (qid, answer) in enumerate(state.path):
        q = tree.questions[qid]
        if q.type == "checklist":
            continue
        for new, cid, how in alternatives(tree, qid, answer):
            if qid in steers:  # the path may change: walk it again
                changed = dict(given)
                changed[qid] = new
                after = walk(tree, changed)
                if after.current is not None:
                    continue
                top, strength = verdict(tree, after.path)
            else:  # same path, one answer swapped
                path = [*state.path[:i], (qid, new), *state.path[i + 1 :]]
                top, strength = verdict(tree, path, _shifted(tree, base, qid, answer, new))
            if top == ranking.top and strength == ranking.strength:
                continue
            title = tree.outcome(top).title if top is not None else None
            out.append(Change(qid, q.text, cid, tree.label(qid, cid), how, top, title, strength))
    return tuple(out)
