"""Finished walks of a tree for the property tests: every one when there are few, else sampled.

A walk is the answers of one finished path (question id -> answer).  Enumeration stops
as soon as it passes `limit`, so asking is cheap even for a tree with millions of paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import Any

from hypothesis import strategies as st

from track2guide.conditions import Answer
from track2guide.model import Question
from track2guide.tree import Tree, unwrap
from track2guide.walk import walk

LIMIT = 4000  # up to this many finished walks, a property is checked on every one


def tree_of(compiled: dict[str, Any]) -> Tree:
    t = unwrap(compiled)
    assert t is not None
    return t


def values(question: Question) -> list[Answer]:
    """Every valid answer to a question (multiple: each allowed set of ticks)."""
    ids = [c.id for c in question.choices]
    if question.type == "single":
        return list(ids)
    plain = [c.id for c in question.choices if not c.exclusive]
    alone: list[Answer] = [[c.id] for c in question.choices if c.exclusive]
    least = question.min_choices
    subsets: list[Answer] = [list(s) for n in range(least, len(plain) + 1) for s in combinations(plain, n)]
    return subsets + alone


def _walks(tree: Tree, given: dict[str, Answer], budget: list[int]) -> Iterator[dict[str, Answer]]:
    state = walk(tree, given)
    if state.current is None:
        budget[0] -= 1
        if budget[0] < 0:
            raise OverflowError
        yield dict(state.given)
        return
    for value in values(tree.questions[state.current]):
        yield from _walks(tree, {**given, state.current: value}, budget)


def every_walk(tree: Tree, limit: int = LIMIT) -> list[dict[str, Answer]] | None:
    """All finished walks, or None when there are more than `limit`."""
    try:
        return list(_walks(tree, {}, [limit]))
    except OverflowError:
        return None


def an_answer(question: Question) -> st.SearchStrategy[Answer]:
    """A valid answer, drawn without listing every set of ticks (checklists have thousands)."""
    if question.type == "single":
        return st.sampled_from([c.id for c in question.choices])
    plain = [c.id for c in question.choices if not c.exclusive]
    alone = [c.id for c in question.choices if c.exclusive]
    least = question.min_choices
    ticks: st.SearchStrategy[Answer] = st.lists(st.sampled_from(plain), unique=True, min_size=least).map(
        lambda xs: [c for c in plain if c in xs]
    )
    return ticks | st.sampled_from(alone).map(lambda c: [c]) if alone else ticks


@st.composite
def a_walk(draw: st.DrawFn, tree: Tree) -> dict[str, Answer]:
    """One finished walk, answering each question on the way at random."""
    given: dict[str, Answer] = {}
    for _ in range(len(tree.questions) + 1):
        state = walk(tree, given)
        if state.current is None:
            return dict(state.given)
        given[state.current] = draw(an_answer(tree.questions[state.current]))
    raise AssertionError("the walk did not end")
