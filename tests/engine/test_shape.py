"""The weighing rules of tree language 2 on shape-sample: not sure, strength in words,
mixed outcomes by shape, exclusions, gates that advise, warnings on the result,
multiple-choice rules and what would change the advice."""

from __future__ import annotations

from typing import Any

from tests.engine import treedata
from tests.engine.helpers import doc, ids, run
from track2guide import answer, step

FULL = {"needs": ["skills"], "funded": "yes"}


def shape(**answers: Any) -> dict[str, Any]:
    return run(treedata.compiled("shape-sample"), **answers)["result"]


def table(result: dict[str, Any]) -> list[tuple[str, int, bool]]:
    return [(r["outcome"], r["score"], r["indicated"]) for r in result["ranked"]]


def test_not_sure_is_recorded_but_weighs_nothing() -> None:
    sure = shape(sides="both", style="models", local="minor", **FULL)
    unsure = shape(sides="both", style="models", local="unsure", **FULL)
    assert sure["weighted_answers"] == 4 and unsure["weighted_answers"] == 3
    assert (
        dict((o, s) for o, s, _ in table(unsure))["teach"] == 3
    )  # models 2 + skills 1, nothing for "not sure"
    state = run(treedata.compiled("shape-sample"), sides="both", style="models", local="unsure", **FULL)
    assert {
        "question": "local",
        "answer": "unsure",
        "text": "How much does local knowledge matter here?",
        "labels": ["Not sure"],
    } in state["path"]


def test_strength_words_clear_close_and_insufficient() -> None:
    assert shape(sides="one", style="models", local="minor", **FULL)["strength"] == "clear"
    close = shape(sides="both", style="both-ways", local="important", **FULL)
    assert close["strength"] == "close" and close["clear"] is False
    assert close["message"] == "Neither approach stands out; weigh the top ones together."
    few = shape(sides="unsure", style="models", local="unsure", needs=["none"], funded="yes")
    assert few["weighted_answers"] == 1 and few["strength"] == "insufficient"
    assert few["top"] == "teach"  # still the top indicated outcome, but not enough to go on


def test_mixed_outcome_is_indicated_by_shape_and_ranked_first() -> None:
    both = shape(sides="one", style="both-ways", local="minor", needs=["relations"], funded="yes")
    assert table(both)[0] == ("mix", 2, True) and both["top"] == "mix"
    mix = both["ranked"][0]
    assert mix["mix_of"] == ["teach", "elicit"]
    assert {r["outcome"] for r in mix["reasons"]} == {"teach", "elicit"}  # both sides' reasons
    one_sided = shape(sides="one", style="models", local="minor", **FULL)
    assert table(one_sided)[-1] == ("mix", 4, False) and one_sided["top"] == "teach"


def test_exclusion_rules_out_whatever_the_scores() -> None:
    result = shape(sides="one", style="own-ways", local="important", needs=["relations"], funded="yes")
    assert "dialogue" not in ids(result["ranked"], "outcome")
    assert result["ruled_out"] == [
        {
            "outcome": "dialogue",
            "title": "Dialogue",
            "exclusion": "one-side",
            "reason": "dialogue needs people from more than one side.",
            "link": {"href": "sample.html#dialogue", "title": "Sample: dialogue"},
        }
    ]


def test_gate_advises_first_and_the_ranking_follows() -> None:
    result = shape(sides="one", style="models", local="minor", needs=["skills"], funded="no")
    assert result["gate"]["outcome"] == "find-funds"
    assert result["gate"]["reason"] == "Without money the training cannot start."
    assert result["gate"]["link"]["href"] == "sample.html#projects"
    assert result["top"] == "teach" and result["strength"] == "clear"


def test_warnings_on_the_result_fire_only_where_true() -> None:
    teach = shape(sides="one", style="models", local="important", needs=["skills"], funded="yes")
    assert teach["top"] == "teach" and ids(teach["warnings"]) == ["adapt-models"]
    elicit = shape(sides="one", style="own-ways", local="important", needs=["skills"], funded="yes")
    assert elicit["top"] == "elicit" and ids(elicit["warnings"]) == []
    assert [w["text"] for w in elicit["ranked"][0]["warnings"]] == [
        "Drawing out takes more time than teaching."
    ]
    mix = shape(sides="one", style="both-ways", local="minor", needs=["relations"], funded="yes")
    assert ids(mix["warnings"]) == ["blend"]
    assert all(not r["warnings"] for r in mix["ranked"])  # elicit's warning needs elicit on top


def test_min_choices_and_exclusive_are_refused_plainly() -> None:
    tree = treedata.compiled("shape-sample")
    answers = doc("shape-sample", 1, sides="one", style="models", local="minor")
    none = answer(tree, answers, "needs", [])
    assert none["ok"] is False and none["errors"][0]["code"] == "too-few-choices"
    assert none["errors"][0]["message"] == "Tick at least 1 answer(s) to this question."
    both = answer(tree, answers, "needs", ["skills", "none"])
    assert both["errors"][0]["code"] == "exclusive-choice"
    assert both["errors"][0]["message"] == "“None of these” cannot be ticked together with other answers."
    assert answer(tree, answers, "needs", ["none"])["ok"] is True


def test_what_would_change_lists_single_answers_found_by_walking_again() -> None:
    result = shape(sides="one", style="models", local="important", needs=["skills"], funded="yes")
    assert result["top"] == "teach" and result["strength"] == "close"
    changes = {(c["question"], c["choice"]): (c["top"], c["strength"]) for c in result["changes"]}
    assert changes[("local", "minor")] == ("teach", "clear")
    assert changes[("style", "own-ways")] == ("elicit", "clear")
    assert changes[("style", "both-ways")] == ("elicit", "close")
    assert ("local", "unsure") not in changes  # "not sure" is never offered as a change
    assert ("funded", "no") not in changes  # the gate changes neither the top nor the strength
    for (qid, cid), (top, strength) in changes.items():  # each claim holds when walked for real
        given = {
            "sides": "one",
            "style": "models",
            "local": "important",
            "needs": ["skills"],
            "funded": "yes",
        }
        if qid == "needs":
            continue
        given[qid] = cid
        again = step(treedata.compiled("shape-sample"), doc("shape-sample", 1, **given))["result"]
        assert (again["top"], again["strength"]) == (top, strength)
