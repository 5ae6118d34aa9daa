"""step(), answer() and question(): the walk along the sample tree."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine import treedata
from tests.engine.helpers import doc, ids, run
from track2guide import answer, question, start, step


@pytest.fixture
def tree() -> dict[str, Any]:
    return treedata.compiled()


def test_first_step_asks_the_start_question(tree: dict[str, Any]) -> None:
    state = run()
    assert state["path"] == [] and state["result"] is None
    current = state["current"]
    assert current["id"] == "goal" and current["number"] == 1 and current["type"] == "single"
    assert ids(current["choices"]) == ["talk", "skills", "build", "unsure"]
    assert current["choices"][1]["help"] == "For example negotiation or mediation."
    assert state["progress"] == {"answered": 0, "total": 5, "percent": 0}


def test_question_view_carries_term_and_link() -> None:
    current = run(goal="talk")["current"]
    assert current["id"] == "sides"
    assert current["term"] == {
        "id": "sample-term",
        "term": "sample term",
        "definition": "A word defined for the tests.",
    }
    assert current["link"] == {"href": "sample.html#dialogue", "title": "Sample: dialogue"}
    assert current["choices"][0]["link"] == {"href": "sample.html#dialogue", "title": "Sample: dialogue"}


def test_default_next_and_choice_next() -> None:
    assert run(goal="talk")["current"]["id"] == "sides"
    assert run(goal="build")["current"]["id"] == "funding"


def test_choice_next_end_finishes_the_walk() -> None:
    state = run(goal="unsure")
    assert state["current"] is None
    assert state["result"]["kind"] == "ranking"
    assert state["progress"] == {"answered": 1, "total": 1, "percent": 100}


def test_when_false_skips_the_question() -> None:
    state = run(goal="talk", sides="one", topics=["methods"])
    assert state["skipped"] == ["safety"]
    assert state["current"]["id"] == "venue"
    state = run(goal="build", funding="none", topics=["methods"], safety="safe")
    assert state["skipped"] == ["venue"]
    assert state["result"] is not None


def test_checklist_view_lists_only_items_that_apply() -> None:
    one = run(goal="talk", sides="one", topics=["methods"])["current"]
    assert ids(one["choices"]) == ["neutral", "quiet", "garden"]
    both = run(goal="talk", sides="both", topics=["history"], safety="safe")["current"]
    assert ids(both["choices"]) == ["neutral", "quiet", "garden", "visas", "interpreters"]
    assert both["choices"][0]["importance"] == "required"
    assert both["choices"][4]["importance"] == "recommended"  # the default
    assert both["choices"][0]["warning"] == "A venue one side owns puts the other on guard."


def test_gates_advise_in_order_and_the_walk_goes_on_to_the_ranking() -> None:
    state = run(goal="build", funding="none", topics=["economy"], safety="risky")
    gate = state["result"]["gate"]
    assert gate["outcome"] == "postpone"  # the first gate that holds, though the second holds too
    assert gate["reason"] == "A project about jobs needs money before it starts."
    assert gate["title"] == "Postpone" and gate["link"] is None
    assert ids(state["path"], "question") == ["goal", "funding", "topics", "safety"]
    assert state["dropped"] == [] and state["current"] is None
    assert state["result"]["top"] == "projects" and state["result"]["clear"] is True
    risky = run(goal="talk", sides="both", topics=[], safety="risky", venue=[])["result"]["gate"]
    assert risky["outcome"] == "partner-first"
    assert risky["link"] == {"href": "sample.html#top", "title": "Sample: top"}


def test_path_records_answers_in_order() -> None:
    state = run(venue=["neutral"], goal="talk", sides="both", topics=["history"], safety="safe")
    assert [{k: e[k] for k in ("question", "answer")} for e in state["path"]] == [
        {"question": "goal", "answer": "talk"},
        {"question": "sides", "answer": "both"},
        {"question": "topics", "answer": ["history"]},
        {"question": "safety", "answer": "safe"},
        {"question": "venue", "answer": ["neutral"]},
    ]
    # each entry carries what the views show: the question's text and the chosen labels
    assert state["path"][2]["text"] == "Which topics will come up?"
    assert state["path"][2]["labels"] == ["The history of the conflict"]


def test_dropped_and_pending_answers() -> None:
    state = run(goal="build", sides="both", topics=["history"])
    assert state["current"]["id"] == "funding"
    assert state["dropped"] == ["sides"]
    assert state["pending"] == ["topics"]


def test_progress_counts_the_longest_remaining_path() -> None:
    assert run(goal="talk")["progress"] == {"answered": 1, "total": 5, "percent": 20}
    assert run(goal="build")["progress"] == {"answered": 1, "total": 5, "percent": 20}
    assert run(goal="talk", sides="one", topics=[])["progress"] == {"answered": 3, "total": 4, "percent": 75}


def test_answer_builds_the_document(tree: dict[str, Any]) -> None:
    first = answer(tree, None, "goal", "talk")
    assert first == {"ok": True, "answers": doc(goal="talk"), "dropped": []}
    second = answer(tree, first["answers"], "sides", "both")
    assert second["answers"]["answers"] == {"goal": "talk", "sides": "both"}
    assert start(tree) == doc()


def test_changing_an_answer_drops_what_falls_off_the_path(tree: dict[str, Any]) -> None:
    before = doc(goal="talk", sides="both", topics=["history"], safety="safe")
    after = answer(tree, before, "goal", "build")
    assert after["ok"] and after["dropped"] == ["sides"]
    assert after["answers"]["answers"] == {"goal": "build", "topics": ["history"], "safety": "safe"}
    assert step(tree, after["answers"])["current"]["id"] == "funding"


def test_clearing_an_answer(tree: dict[str, Any]) -> None:
    after = answer(tree, doc(goal="talk", sides="both"), "sides", None)
    assert after["answers"]["answers"] == {"goal": "talk"}


def test_answer_refuses_questions_off_the_path(tree: dict[str, Any]) -> None:
    result = answer(tree, doc(goal="talk"), "funding", "none")
    assert result["ok"] is False
    assert result["errors"] == [
        {
            "code": "not-on-path",
            "question": "funding",
            "message": "Question 'funding' is not on the path of your answers, so it cannot be answered now.",
        }
    ]
    assert answer(tree, doc(), "nope", "x")["errors"][0]["code"] == "unknown-question"
    assert answer(tree, doc(), 7, "x")["errors"][0]["question"] is None
    assert answer(tree, doc(), "goal", "maybe")["errors"][0]["code"] == "unknown-choice"
    assert answer(tree, doc(), "goal", ["talk"])["errors"][0]["code"] == "wrong-type"
    assert answer(tree, {"bad": 1}, "goal", "talk")["ok"] is False


def test_question_shows_an_earlier_question_with_its_answer(tree: dict[str, Any]) -> None:
    answers = doc(goal="talk", sides="both", topics=["history"], safety="safe")
    view = question(tree, answers, "topics")
    assert view["ok"] and view["question"]["answer"] == ["history"] and view["question"]["number"] == 3
    assert question(tree, answers, "venue")["question"]["answer"] is None
    assert question(tree, answers, "funding")["errors"][0]["code"] == "not-on-path"
    assert question(tree, answers, "zz")["errors"][0]["code"] == "unknown-question"
    assert question(tree, None, "goal")["errors"][0]["code"] == "bad-format"


@pytest.mark.parametrize(
    "bad",
    [
        None,
        {},
        [],
        "tree",
        {"format": "x", "tree": {}},
        {"start": "a", "questions": []},
        {"start": "a", "questions": [{"id": "a", "type": "odd", "choices": []}]},
    ],
)
def test_unusable_tree_is_an_error_value(bad: Any) -> None:
    for result in (step(bad, doc()), answer(bad, None, "a", "b"), question(bad, doc(), "a"), start(bad)):
        assert result["ok"] is False and result["errors"][0]["code"] == "bad-tree"


def test_bare_tree_works_without_links() -> None:
    state = step(treedata.raw(), doc(goal="talk"))
    assert state["ok"] and state["current"]["link"] is None
    assert state["current"]["term"] == {"id": "sample-term", "term": "sample-term", "definition": ""}


def test_step_does_not_modify_its_inputs(tree: dict[str, Any]) -> None:
    answers = doc(goal="talk", sides="both", topics=["history"], safety="safe", venue=["neutral"])
    copy_tree, copy_answers = treedata.compiled(), doc(**answers["answers"])
    step(tree, answers)
    answer(tree, answers, "goal", "build")
    assert tree == copy_tree and answers == copy_answers
