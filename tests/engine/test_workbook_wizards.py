"""The Design step takes the process, the approach and the venue from the wizards' answers
files (track2guide.workbook_wizard through the workbook's controller): each wizard's file
adopted, unfinished walks and hostile files refused with the plan unchanged, answering by
hand overriding the wizard, and plan files with wizard parts kept, dropped or round-tripped.
Runs under CPython and inside Pyodide (the scenarios and trees arrive as JSON there)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.engine import treedata
from tests.engine.test_workbook import SNAPSHOTS, read_yaml, sample_plan, workbook
from track2guide.workbook import PLAN_FORMAT, dump_plan, parse_plan, wizard_ids
from track2guide.workbook_app import handle
from track2guide.workbook_doc import html_document, markdown
from track2guide.workbook_wizard import choice_for, result_ids, wizard_question
from track2guide.workbook_wizard import name as wizard_name

SCENARIOS = treedata.ROOT / "tests" / "scenarios"
# (tree, scenario, question, choice it sets, line shown beside the question)
ADOPTED = [
    ("choose-process", "tajik-dialogue-first-phase", "process", "dialogue",
     "From the Choose a process wizard: Dialogue (clear lead)."),
    ("choose-process", "weak-civil-society", "process", "not-sure",
     "From the Choose a process wizard: Do not start yet (before anything else)."),
    ("approach", "lederach-guatemala-first-course", "approach", "hybrid",
     "From the Prescriptive or elicitive wizard: Hybrid (listen first, then offer outside ideas) "
     "(clear lead)."),
    ("venue", "icr-university-campus", "venue", "ready",
     "From the Venue checklist wizard: Ready (every essential point is met)."),
    ("venue", "dialogue-on-one-sides-turf", "venue", "gaps",
     "From the Venue checklist wizard: Not ready yet (1 essential point missing)."),
]


def trees() -> dict[str, Any]:
    return treedata.project_trees()


def book() -> dict[str, Any]:
    """The workbook as the browser has it: with the wizards' checked trees."""
    wb = workbook()
    wb["wizard_trees"] = {tid: trees()[tid] for tid in wizard_ids(wb)}
    return wb


def scenario_answers(tree_id: str, name: str) -> dict[str, Any]:
    return dict(read_yaml(SCENARIOS / tree_id / f"{name}.yaml")["answers"])


def answers_file(tree_id: str, answers: dict[str, Any]) -> str:
    """What a wizard page downloads from its "Save, share or clear" menu."""
    version = trees()[tree_id]["tree"]["version"]
    return json.dumps({"tree": tree_id, "version": version, "answers": answers}, indent=2) + "\n"


def adopt(tree_id: str, text: str, answers: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    event = {"action": "wizard", "tree": tree_id, "text": text, "title": "T", "answers": answers or {}}
    event.update(extra)
    return handle(book(), event, "../")


def test_the_wizard_names_are_the_trees_titles() -> None:
    titles = {tid: trees()[tid]["tree"]["title"] for tid in wizard_ids(workbook())}
    assert {tid: wizard_name(book(), tid) for tid in wizard_ids(workbook())} == titles
    assert wizard_name(book(), "choose-process") == "Choose a process"


@pytest.mark.parametrize("tree_id", wizard_ids(workbook()))
def test_every_outcome_of_each_wizard_sets_a_choice(tree_id: str) -> None:
    question = wizard_question(workbook(), tree_id)
    assert question is not None
    choices = {c["id"] for c in question["choices"]}
    raw = trees()[tree_id]["tree"]
    for oid in result_ids(raw):
        assert choice_for(question, oid) in choices, oid


@pytest.mark.parametrize(("tree_id", "name", "qid", "choice", "line"), ADOPTED, ids=[a[1] for a in ADOPTED])
def test_a_wizards_answers_file_answers_its_question(
    tree_id: str, name: str, qid: str, choice: str, line: str
) -> None:
    given = scenario_answers(tree_id, name)
    result = adopt(tree_id, answers_file(tree_id, given), {"talks": "during"})
    assert result["ok"], result["message"]
    assert result["plan"]["answers"] == {"talks": "during", qid: choice}
    assert result["plan"]["wizards"] == {tree_id: given}
    status = result["wizards"][tree_id]
    assert status.startswith(line), status
    assert 'href="../step-' in status  # the handbook passage behind the result
    assert f'id="wb-{qid}--{choice}" value="{choice}" checked' in result["html"]
    assert result["focus"] == f"wb-{qid}-wizard"
    assert wizard_name(book(), tree_id) in result["message"]


def test_the_reason_shown_is_the_strongest_reason_of_the_top_outcome() -> None:
    result = adopt("choose-process", answers_file("choose-process", scenario_answers(
        "choose-process", "tajik-dialogue-first-phase")))
    assert "Improving relationships" in result["wizards"]["choose-process"]


def test_an_unfinished_walk_changes_nothing() -> None:
    given = scenario_answers("choose-process", "tajik-dialogue-first-phase")
    first = dict(list(given.items())[:3])
    result = adopt("choose-process", answers_file("choose-process", first), {"process": "training"})
    assert result["ok"] is False and "html" not in result
    assert "is not finished" in result["message"] and "your plan is unchanged" in result["message"]


MARKER = "QUOTED-FROM-FILE"
HOSTILE = [
    ("not-json", "{" + MARKER),
    ("too-big", answers_file("venue", {}) + " " * (70 * 1024)),
    ("too-deep", '{"answers": ' + "[" * 50 + "]" * 50 + "}"),
    ("plan-file", json.dumps({"format": PLAN_FORMAT, "version": 1, "answers": {}})),
    ("unknown-question", answers_file("venue", {"x" + MARKER: "a"})),
    ("markup-choice", answers_file("venue", {"process-type": "<b>" + MARKER})),
    ("old-version", answers_file("venue", {}).replace('"version": 2', '"version": 1')),
]


@pytest.mark.parametrize(("name", "text"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_answers_file_is_refused_without_quoting_it(name: str, text: str) -> None:
    result = adopt("venue", text, {"venue": "not-chosen"})
    assert result["ok"] is False, name
    assert result["message"].startswith("This answers file could not be used, and your plan is unchanged.")
    # The wizard's own rules: plain text (the shell shows it as text), one short line, and at
    # most a cleaned, shortened id quoted from the file.
    assert "\n" not in result["message"] and len(result["message"]) < 300
    assert name != "not-json" or MARKER not in result["message"]


def test_another_wizards_file_is_refused() -> None:
    text = answers_file("approach", scenario_answers("approach", "lederach-guatemala-first-course"))
    result = adopt("choose-process", text)
    assert result["ok"] is False and "could not be used" in result["message"]


def test_a_wizard_not_in_the_workbook_is_refused() -> None:
    result = adopt("checklist-sample", answers_file("venue", {}))
    assert result["ok"] is False and "cannot be used here" in result["message"]


def adopted_plan() -> dict[str, Any]:
    plan = sample_plan()
    text = answers_file("approach", scenario_answers("approach", "lederach-guatemala-first-course"))
    result = handle(book(), {"action": "wizard", "tree": "approach", "text": text, **plan}, "")
    assert result["ok"], result["message"]
    return dict(result["plan"])


def test_answering_by_hand_overrides_the_wizard() -> None:
    plan = adopted_plan()
    same = handle(book(), {"action": "update", **plan}, "")
    assert same["plan"]["wizards"] == plan["wizards"] and same["message"] == ""
    by_hand = {**plan["answers"], "approach": "elicitive"}
    changed = handle(book(), {"action": "update", **plan, "answers": by_hand}, "")
    assert changed["plan"]["wizards"] == {}
    assert changed["plan"]["answers"]["approach"] == "elicitive"
    assert changed["wizards"]["approach"] == ""
    assert "yourself" in changed["message"] and "Prescriptive or elicitive" in changed["message"]


def test_plan_file_with_wizards_round_trips() -> None:
    plan = adopted_plan()
    saved = handle(book(), {"action": "save", **plan}, "")
    assert json.loads(saved["text"])["wizards"] == plan["wizards"]
    loaded = handle(book(), {"action": "load", "text": saved["text"]}, "")
    assert loaded["message"] == "Your plan was loaded."
    assert loaded["plan"] == plan
    assert "From the Prescriptive or elicitive wizard: Hybrid" in loaded["wizards"]["approach"]
    again = handle(book(), {"action": "save", **loaded["plan"]}, "")
    assert again["text"] == saved["text"]


def test_a_wizard_part_that_no_longer_fits_is_dropped_and_nothing_else() -> None:
    plan = adopted_plan()
    data = json.loads(dump_plan(book(), plan))
    data["wizards"]["venue"] = {"no-such-question": "a"}
    data["wizards"]["approach"] = {**data["wizards"]["approach"], "culture-familiarity": "not-a-choice"}
    loaded = handle(book(), {"action": "load", "text": json.dumps(data)}, "")
    assert loaded["ok"]
    assert loaded["plan"]["answers"] == plan["answers"] and loaded["plan"]["title"] == plan["title"]
    assert loaded["plan"]["wizards"] == {}
    assert loaded["message"].startswith("Your plan was loaded.")
    assert "Venue checklist wizard's answers in this file no longer fit" in loaded["message"]
    assert "Prescriptive or elicitive wizard's answers in this file no longer fit" in loaded["message"]


def test_a_wizard_part_that_gives_another_answer_is_dropped() -> None:
    plan = adopted_plan()
    data = json.loads(dump_plan(book(), plan))
    data["answers"]["approach"] = "prescriptive"
    loaded = handle(book(), {"action": "load", "text": json.dumps(data)}, "")
    assert loaded["plan"]["answers"]["approach"] == "prescriptive" and loaded["plan"]["wizards"] == {}
    assert "give another answer than the plan holds" in loaded["message"]


def test_a_hostile_wizard_part_refuses_the_file() -> None:
    text = json.dumps({"format": PLAN_FORMAT, "version": 1, "wizards": {"venue": {"a": "<script>"}}})
    assert handle(book(), {"action": "load", "text": text}, "")["ok"] is False


def test_documents_name_the_wizard_result_and_its_reason() -> None:
    plan = adopted_plan()
    for name, text in (
        ("workbook-plan-wizard.md", markdown(book(), plan)),
        ("workbook-plan-wizard.html", html_document(book(), plan)),
    ):
        assert text == (SNAPSHOTS / name).read_text(encoding="utf-8"), name
    md = markdown(book(), plan)
    assert "From the Prescriptive or elicitive wizard: Hybrid" in md
    assert "(Handbook: Step 3a: prescriptive and elicitive approaches.)" in md


def test_a_plan_without_wizard_trees_shows_no_wizard_line() -> None:
    plan = adopted_plan()
    assert "From the" not in markdown(workbook(), plan)
    assert parse_plan(workbook(), dump_plan(workbook(), plan))["wizards"] == plan["wizards"]
