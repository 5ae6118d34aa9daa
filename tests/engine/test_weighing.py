from __future__ import annotations

from typing import Any

from tests.engine import treedata
from tests.engine.helpers import run


def ranked(state: dict[str, Any]) -> list[tuple[str, int, bool, bool]]:
    return [(r["outcome"], r["score"], r["indicated"], r["tied"]) for r in state["result"]["ranked"]]


FULL: dict[str, Any] = {"sides": "both", "safety": "safe", "venue": ["neutral"]}


def test_scores_sum_weights_of_single_and_multiple_answers() -> None:
    state = run(goal="talk", topics=["history", "economy"], **FULL)
    assert ranked(state) == [
        ("dialogue", 4, True, False),
        ("projects", 1, True, False),
        ("training", 0, False, False),
    ]
    top = state["result"]["ranked"][0]
    assert [{k: v for k, v in r.items() if k != "link"} for r in top["reasons"]] == [
        {
            "question": "goal",
            "choice": "talk",
            "outcome": "dialogue",
            "points": 2,
            "reason": "You want people to talk.",
        },
        {
            "question": "sides",
            "choice": "both",
            "outcome": "dialogue",
            "points": 1,
            "reason": "Both sides are present.",
        },
        {
            "question": "topics",
            "choice": "history",
            "outcome": "dialogue",
            "points": 1,
            "reason": "History is best shared in dialogue.",
        },
    ]


def test_each_reason_links_its_own_passage_or_its_question_s() -> None:
    state = run(goal="talk", topics=["history", "economy"], **FULL)
    links = {r["question"]: r["link"] for r in state["result"]["ranked"][0]["reasons"]}
    # The `sides: both` weight names its own passage; `goal` and `topics` have
    # no link on the weight nor on the question.
    assert links == {
        "goal": None,
        "sides": {"href": "sample.html#projects", "title": "Sample: projects"},
        "topics": None,
    }
    one_side = run(goal="skills", **{**FULL, "sides": "one"}, topics=["history"])
    training = next(r for r in one_side["result"]["ranked"] if r["outcome"] == "training")
    # `sides: one` has no link of its own: the reason takes its question's.
    assert [r["link"] for r in training["reasons"] if r["question"] == "sides"] == [
        {"href": "sample.html#dialogue", "title": "Sample: dialogue"}
    ]
    assert state["result"]["clear"] is True and state["result"]["message"] is None


def test_negative_points_count_against() -> None:
    state = run(goal="build", funding="secured", topics=["history"], safety="safe", venue=[])
    assert ranked(state) == [
        ("projects", 3, True, False),
        ("dialogue", 0, False, False),
        ("training", 0, False, False),
    ]


def test_ranking_lists_only_weighted_outcomes_in_declared_order_for_ties() -> None:
    state = run(goal="unsure")
    assert ranked(state) == [
        ("dialogue", 0, False, False),
        ("training", 0, False, False),
        ("projects", 0, False, False),
    ]
    assert state["result"]["clear"] is False
    assert state["result"]["message"] == "No single format stands out; compare the top ones."


def test_ties_keep_declared_order_and_are_flagged() -> None:
    tie = run(goal="skills", sides="both", topics=["history"], safety="safe", venue=[])
    assert ranked(tie)[:2] == [("dialogue", 2, True, True), ("training", 2, True, True)]
    assert tie["result"]["clear"] is False


def test_margin_rule() -> None:
    narrow = run(goal="skills", sides="both", topics=[], safety="safe", venue=[])
    assert ranked(narrow)[:2] == [("training", 2, True, False), ("dialogue", 1, True, False)]
    assert narrow["result"]["clear"] is False  # 2 - 1 < margin 2
    wide = run(goal="skills", sides="one", topics=["methods"], venue=[])
    assert ranked(wide)[0] == ("training", 4, True, False)
    assert wide["result"]["clear"] is True


def test_margin_zero_still_needs_a_lead() -> None:
    tree = treedata.compiled()
    tree["tree"]["result"]["margin"] = 0
    tie = run(tree, goal="skills", sides="both", topics=["history"], safety="safe", venue=[])
    assert tie["result"]["clear"] is False


def test_outcome_views_carry_links_steps_and_conditional_warnings() -> None:
    one_side = run(goal="talk", sides="one", topics=["history"], venue=[])
    dialogue = next(r for r in one_side["result"]["ranked"] if r["outcome"] == "dialogue")
    assert dialogue["link"] == {"href": "sample.html#dialogue", "title": "Sample: dialogue"}
    assert dialogue["next_steps"] == ["Find a facilitator.", "Agree on ground rules."]
    assert dialogue["warnings"] == [
        {"text": "Dialogue takes time.", "link": None},
        {
            "text": "With one side only, this is not dialogue.",
            "link": {"href": "sample.html#dialogue", "title": "Sample: dialogue"},
        },
    ]
    both = run(goal="talk", topics=["history"], **FULL)
    assert len(both["result"]["ranked"][0]["warnings"]) == 1


def test_tree_warnings() -> None:
    state = run(goal="talk", topics=["history", "economy"], sides="both", safety="safe", venue=["quiet"])
    assert state["result"]["warnings"] == [
        {
            "id": "many-topics",
            "text": "Many topics at once can crowd each other out.",
            "link": {"href": "sample.html#top", "title": "Sample: top"},
        },
        {"id": "no-neutral", "text": "Find a neutral venue first.", "link": None},
    ]
