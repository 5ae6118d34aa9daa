from __future__ import annotations

from typing import Any

from tests.engine import treedata
from tests.engine.helpers import ids, run


def checklist(**answers: Any) -> dict[str, Any]:
    return run(treedata.compiled("checklist-sample"), **answers)


def test_missing_required_item_means_not_ready() -> None:
    result = checklist(size="large", room=["hall", "tea"])["result"]
    assert result["kind"] == "checklist" and result["gate"] is None
    assert ids(result["met"]) == ["hall", "tea"]
    assert ids(result["missing_required"]) == ["chairs"]
    assert result["missing_required"][0] == {
        "question": "room",
        "id": "chairs",
        "label": "Enough chairs",
        "importance": "required",
        "link": None,
        "warning": "People will stand.",
    }
    assert result["missing_other"] == [] and result["not_applicable"] == []
    assert result["ready"] is False and result["message"] == "Keep looking."


def test_items_whose_condition_fails_do_not_apply() -> None:
    result = checklist(size="small", room=["chairs", "hall"])["result"]
    assert ids(result["met"]) == ["chairs"]
    assert ids(result["not_applicable"]) == ["hall"]  # ticked, but it does not apply
    assert ids(result["missing_other"]) == ["tea"]
    assert result["ready"] is True and result["message"] == "The room will do."
    assert ids(result["warnings"]) == ["no-tea"]


def test_gate_in_a_checklist_tree_advises_and_the_walk_goes_on() -> None:
    state = checklist(size="none", room=["chairs"])
    result = state["result"]
    assert result["gate"]["outcome"] == "cancel" and result["gate"]["reason"] == "Nobody is coming."
    assert ids(state["path"], "question") == ["size", "room"] and state["dropped"] == []
    assert result["ready"] is False and ids(result["met"]) == ["chairs"]


def test_empty_checklist_answer_is_an_answer() -> None:
    result = checklist(size="large", room=[])["result"]
    assert ids(result["missing_required"]) == ["chairs", "hall"]


def test_ranking_tree_reports_its_checklist_questions() -> None:
    result = run(goal="talk", sides="both", topics=["history"], safety="safe", venue=["neutral", "garden"])[
        "result"
    ]
    report = result["checklist"]
    assert ids(report["met"]) == ["neutral", "garden"]
    assert ids(report["missing_required"]) == ["visas"]
    assert ids(report["missing_other"]) == ["quiet", "interpreters"]
    assert report["ready"] is False
    assert report["met"][0]["link"] == {"href": "other/venue.html#venue", "title": "Sample: venue"}
    assert run(goal="unsure")["result"]["checklist"] is None
