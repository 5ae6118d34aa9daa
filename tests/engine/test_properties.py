"""Property tests over every tree (the project's and the samples): the engine never raises,
returns JSON, and answering one by one, all at once, or changing an earlier answer agree."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine import treedata
from track2guide import answer, step

TREES = treedata.all_trees()
CODES = {
    "unknown-choice",
    "unknown-question",
    "not-on-path",
    "wrong-type",
    "wrong-tree",
    "wrong-version",
    "bad-format",
    "bad-tree",
    "too-few-choices",
    "exclusive-choice",
}
SETTINGS = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def value_for(question: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A valid answer: one choice, or unique ticks (at least `min_choices`; an exclusive one alone)."""
    ids = [c["id"] for c in question["choices"]]
    if question["type"] == "single":
        return st.sampled_from(ids)
    plain = [c["id"] for c in question["choices"] if not c.get("exclusive")]
    alone = [c["id"] for c in question["choices"] if c.get("exclusive")]
    least = int(question.get("min_choices", 0))
    ticks = st.lists(st.sampled_from(plain), unique=True, min_size=least) if plain else st.just([])
    return ticks | st.sampled_from(alone).map(lambda c: [c]) if alone else ticks


def answers_strategy(tree: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Mostly valid answers to random questions, sometimes junk values or unknown questions."""
    questions = tree["tree"]["questions"]
    entries = [
        st.tuples(st.just(q["id"]), value_for(q) | junk if i % 3 == 0 else value_for(q))
        for i, q in enumerate(questions)
    ]
    valid_part = st.lists(st.one_of(*entries), max_size=len(questions)).map(dict)
    return st.tuples(valid_part, st.dictionaries(st.text(max_size=6), junk, max_size=2), st.booleans()).map(
        lambda t: {**t[0], **t[1]} if t[2] else t[0]
    )


def document(tree: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    return {"tree": tree["tree"]["id"], "version": tree["tree"]["version"], "answers": answers}


def check_shape(state: dict[str, Any]) -> None:
    assert json.loads(json.dumps(state)) == state  # JSON-safe
    if state["ok"]:
        assert (state["current"] is None) != (state["result"] is None)
        assert 0 <= state["progress"]["percent"] <= 100
    else:
        assert state["errors"] and all(e["code"] in CODES and e["message"] for e in state["errors"])


def walk_one_by_one(tree: dict[str, Any], data: st.DataObject) -> tuple[dict[str, Any], dict[str, Any]]:
    """Answer the current question until the result; return (last state, answers document)."""
    doc = document(tree, {})
    state = step(tree, doc)
    for _ in range(200):
        if state["current"] is None:
            break
        current = state["current"]
        question = next(q for q in tree["tree"]["questions"] if q["id"] == current["id"])
        reply = answer(tree, doc, current["id"], data.draw(value_for(question)))
        assert reply["ok"], reply
        doc = reply["answers"]
        state = step(tree, doc)
        check_shape(state)
    assert state["current"] is None, "the walk did not end"
    return state, doc


@pytest.mark.parametrize("tree_id", sorted(TREES))
@SETTINGS
@given(data=st.data())
def test_step_never_raises_on_random_answers(tree_id: str, data: st.DataObject) -> None:
    tree = TREES[tree_id]
    answers = data.draw(answers_strategy(tree))
    check_shape(step(tree, document(tree, answers)))
    check_shape(step(tree, data.draw(junk)))
    check_shape(
        step(
            tree,
            {
                **document(tree, answers),
                **data.draw(
                    st.dictionaries(st.sampled_from(["tree", "version", "answers", "x"]), junk, max_size=2)
                ),
            },
        )
    )


@pytest.mark.parametrize("tree_id", sorted(TREES))
@SETTINGS
@given(data=st.data())
def test_answer_never_raises(tree_id: str, data: st.DataObject) -> None:
    tree = TREES[tree_id]
    qids = [q["id"] for q in tree["tree"]["questions"]]
    reply = answer(
        tree,
        document(tree, data.draw(answers_strategy(tree))),
        data.draw(st.sampled_from(qids) | junk),
        data.draw(junk),
    )
    assert json.loads(json.dumps(reply)) == reply
    assert reply["ok"] in (True, False)


@pytest.mark.parametrize("tree_id", sorted(TREES))
@SETTINGS
@given(data=st.data())
def test_all_at_once_equals_one_by_one(tree_id: str, data: st.DataObject) -> None:
    tree = TREES[tree_id]
    last, doc = walk_one_by_one(tree, data)
    at_once = {p["question"]: p["answer"] for p in last["path"]}
    assert doc["answers"] == at_once
    assert step(tree, document(tree, at_once)) == last
    shuffled = dict(data.draw(st.permutations(list(at_once.items()))))
    assert step(tree, document(tree, shuffled)) == last  # key order does not matter


@pytest.mark.parametrize("tree_id", sorted(TREES))
@SETTINGS
@given(data=st.data())
def test_changing_an_earlier_answer_drops_and_reports(tree_id: str, data: st.DataObject) -> None:
    tree = TREES[tree_id]
    last, doc = walk_one_by_one(tree, data)
    if not last["path"]:
        return
    entry = data.draw(st.sampled_from(last["path"]))
    question = next(q for q in tree["tree"]["questions"] if q["id"] == entry["question"])
    reply = answer(tree, doc, entry["question"], data.draw(value_for(question)))
    assert reply["ok"], reply
    old, new = doc["answers"], reply["answers"]["answers"]
    assert set(new) == set(old) - set(reply["dropped"])
    assert set(reply["dropped"]) <= set(old)
    state = step(tree, reply["answers"])
    check_shape(state)
    assert state["dropped"] == []
    on_path = {p["question"] for p in state["path"]}
    assert set(new) == on_path | set(state["pending"])
    assert not set(reply["dropped"]) & (on_path | set(state["pending"]))
    with_old = step(tree, document(tree, {**old, entry["question"]: new[entry["question"]]}))
    assert with_old["dropped"] == reply["dropped"]  # step reports exactly what answer() removed
