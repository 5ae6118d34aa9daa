"""The planning workbook's engine (track2guide.workbook, workbook_doc): sample plans built
from cases in the source, each plan check both ways, the plan file and its hostile forms,
and the plan documents. Runs under CPython and inside Pyodide (YAML arrives as JSON there)."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.engine import treedata
from track2guide.workbook import (
    MAX_NOTE_CHARS,
    MAX_PLAN_CHARS,
    PLAN_FORMAT,
    PlanError,
    adopt_wizard,
    dump_plan,
    fired_checks,
    parse_plan,
    set_answer,
    visible_answers,
)
from track2guide.workbook_compile import compile_workbook
from track2guide.workbook_doc import html_document, markdown, paper

HERE = Path(__file__).parent
PLANS = treedata.ROOT / "decision_trees" / "workbook" / "samples"  # the build checks them too
PAIRS = HERE / "workbook" / "check-pairs.yaml"
SNAPSHOTS = HERE / "snapshots"


def read_yaml(path: Path) -> Any:
    """YAML via the project's loader, or the JSON export named by TRACK2_YAML_JSON (Pyodide)."""
    exported = os.environ.get("TRACK2_YAML_JSON")
    if exported:
        data = json.loads(Path(exported).read_text(encoding="utf-8"))
        return data[path.relative_to(treedata.ROOT).as_posix()]
    from track2guide_build import load_yaml_with_lines

    return load_yaml_with_lines(path)[0]


@cache
def _workbook_json() -> str:
    raw = read_yaml(treedata.ROOT / "decision_trees" / "workbook" / "workbook.yaml")
    vocabulary = read_yaml(treedata.ROOT / "decision_trees" / "vocabulary.yaml")
    return json.dumps(compile_workbook(raw, vocabulary))


def workbook() -> dict[str, Any]:
    return json.loads(_workbook_json())  # type: ignore[no-any-return]


def fired(answers: dict[str, Any]) -> list[str]:
    return [c["id"] for c in fired_checks(workbook(), answers)]


def plan_files() -> list[Path]:
    return sorted(PLANS.glob("*.yaml"))


# --- sample plans from the source's cases -----------------------------------------


def test_there_are_at_least_five_sample_plans() -> None:
    assert len(plan_files()) >= 5


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.stem)
def test_sample_plan_raises_and_stays_quiet(path: Path) -> None:
    sample = read_yaml(path)
    assert sample["source"].strip() and sample["title"].strip()
    plan = parse_plan(workbook(), json.dumps({"format": PLAN_FORMAT, "version": 1, **sample["plan"]}))
    got = fired(plan["answers"])
    assert set(sample["fires"]) <= set(got), f"missing: {sorted(set(sample['fires']) - set(got))}"
    assert not set(sample["quiet"]) & set(got), (
        f"fired but must not: {sorted(set(sample['quiet']) & set(got))}"
    )
    assert set(sample["fires"]) == set(got), f"unexpected: {sorted(set(got) - set(sample['fires']))}"


def check_pairs() -> list[dict[str, Any]]:
    return read_yaml(PAIRS)  # type: ignore[no-any-return]


@pytest.mark.parametrize("pair", check_pairs(), ids=lambda p: p["check"])
def test_check_fires_and_stays_quiet(pair: dict[str, Any]) -> None:
    """One answer apart: the first set of answers raises the check, the second does not."""
    assert pair["check"] in fired(pair["fires"])
    assert pair["check"] not in fired(pair["quiet"])
    differ = {
        k for k in pair["fires"].keys() | pair["quiet"].keys() if pair["fires"].get(k) != pair["quiet"].get(k)
    }
    assert len(differ) == 1, f"the two answer sets should differ in one answer, not {sorted(differ)}"


def test_every_check_is_tested_both_ways_and_there_are_at_least_fifteen() -> None:
    ids = [c["id"] for c in workbook()["checks"]]
    assert len(ids) >= 15
    paired = {p["check"] for p in check_pairs()}
    assert paired == set(ids), (
        f"without a pair: {sorted(set(ids) - paired)}; unknown: {sorted(paired - set(ids))}"
    )


# --- answering ---------------------------------------------------------------------


def test_exclusive_none_cannot_be_ticked_with_another_answer() -> None:
    with pytest.raises(PlanError, match="cannot be ticked together"):
        set_answer(workbook(), {}, "follow-up", ["none", "meetings"])
    assert set_answer(workbook(), {}, "follow-up", ["none"]) == {"follow-up": ["none"]}


def test_multi_answers_keep_the_offered_order() -> None:
    assert set_answer(workbook(), {}, "relating", ["collaborate", "communicate"]) == {
        "relating": ["communicate", "collaborate"]
    }


def test_an_empty_note_clears_the_answer() -> None:
    answers = set_answer(workbook(), {}, "change", "Peace in the valley")
    assert set_answer(workbook(), answers, "change", "   ") == {}


def test_a_follow_up_question_goes_when_its_condition_fails() -> None:
    answers = set_answer(workbook(), {}, "banned", "yes")
    answers = set_answer(workbook(), answers, "legal-advice", "no")
    assert "legal-advice" in answers
    assert "legal-advice" not in set_answer(workbook(), answers, "banned", "no")


def test_a_wizard_result_answers_its_question() -> None:
    assert adopt_wizard(workbook(), {}, "choose-process", "icr") == {"process": "icr"}
    with pytest.raises(PlanError):
        adopt_wizard(workbook(), {}, "approach", "icr")


# --- the plan file -----------------------------------------------------------------


def sample_plan() -> dict[str, Any]:
    return parse_plan(
        workbook(),
        json.dumps(
            {
                "format": PLAN_FORMAT,
                "version": 1,
                **read_yaml(PLANS / "training-low-power-party.yaml")["plan"],
            }
        ),
    )


def test_plan_file_round_trips_exactly() -> None:
    plan = sample_plan()
    plan["wizards"] = {"approach": {"culture-familiarity": "little", "time-available": "short"}}
    text = dump_plan(workbook(), plan)
    again = parse_plan(workbook(), text)
    assert again == plan
    assert dump_plan(workbook(), again) == text


def test_saved_file_holds_only_what_the_planner_sees() -> None:
    answers = {"banned": "no", "legal-advice": "yes", "talks": "during"}
    saved = json.loads(dump_plan(workbook(), {"title": "", "answers": answers}))
    assert saved["answers"] == {"talks": "during", "banned": "no"}
    assert visible_answers(workbook(), answers) == saved["answers"]


MARKER = "QUOTED-FROM-FILE"


def envelope(**parts: Any) -> str:
    return json.dumps({"format": PLAN_FORMAT, "version": 1, **parts})


HOSTILE = [
    ("not-json", "{" + MARKER, "not JSON"),
    ("array", json.dumps([MARKER]), "not a plan file"),
    ("answers-file", json.dumps({"culture-familiarity": MARKER}), "not a plan file"),
    ("other-version", json.dumps({"format": PLAN_FORMAT, "version": 99}), "another version"),
    ("too-big", envelope(title="x" * MAX_PLAN_CHARS), "too big"),
    ("too-deep", envelope(wizards={"venue": {"a": [[[[[[MARKER]]]]]]}}), "nested too deeply"),
    ("extra-part", envelope(script=MARKER), "parts the workbook does not know"),
    ("unknown-question", envelope(answers={MARKER.lower(): "x"}), "a question the workbook does not have"),
    ("unknown-choice", envelope(answers={"talks": MARKER}), "Choose one of the answers"),
    ("number-answer", envelope(answers={"talks": 3}), "Choose one of the answers"),
    ("null-answer", envelope(answers={"relating": None}), "must be a list"),
    ("empty-multi", envelope(answers={"relating": []}), "at least one"),
    ("repeated-choice", envelope(answers={"relating": ["communicate", "communicate"]}), "each once"),
    ("none-and-other", envelope(answers={"evaluation": ["none", "formative"]}), "cannot be ticked together"),
    ("note-not-text", envelope(answers={"change": [MARKER]}), "must be text"),
    ("note-too-long", envelope(answers={"change": "x" * (MAX_NOTE_CHARS + 1)}), "longer than"),
    ("bidi-override", envelope(answers={"change": "ok \u202e" + MARKER}), "text-direction"),
    ("bidi-isolate", envelope(title="a\u2067b"), "text-direction"),
    ("control-char", envelope(answers={"theory": "a\x1bb"}), "control"),
    ("title-not-text", envelope(title=[MARKER]), "title must be text"),
    ("wizards-unknown-tree", envelope(wizards={MARKER: {}}), "wizards part"),
    ("wizards-bad-answer", envelope(wizards={"venue": {"process": "<b>" + MARKER}}), "wizards part"),
    ("answers-not-object", envelope(answers=[MARKER]), "answers part"),
]


@pytest.mark.parametrize(("name", "text", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_plan_file_is_refused_without_quoting_it(name: str, text: str, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(workbook(), text)
    assert message in str(caught.value)
    assert MARKER.lower() not in str(caught.value).lower()
    assert len(str(caught.value)) < 120


# --- documents ----------------------------------------------------------------------


def test_markdown_and_html_match_their_snapshots() -> None:
    plan = sample_plan()
    for name, text in (
        ("workbook-plan.md", markdown(workbook(), plan)),
        ("workbook-plan.html", html_document(workbook(), plan)),
    ):
        assert text == (SNAPSHOTS / name).read_text(encoding="utf-8"), name


def test_documents_escape_the_planners_words() -> None:
    plan = {
        "title": "<img src=x> *bold* [link](http://x)",
        "answers": {"change": "<script>alert(1)</script>\n# heading\n- item"},
    }
    html = html_document(workbook(), plan)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "http://" in html and 'href="http' not in html
    md = markdown(workbook(), plan)
    assert "\\<script\\>" in md and "\\[link\\]\\(http://x\\)" in md and "\n\\# heading" in md


def test_html_document_loads_nothing() -> None:
    html = html_document(workbook(), sample_plan())
    for needle in ("<script", "<link", "src=", "href=", "@import", "url("):
        assert needle not in html


def test_documents_name_the_handbook_section_not_a_url() -> None:
    md = markdown(workbook(), sample_plan())
    assert "(Handbook: Step 3a: training.)" in md
    assert ".html" not in md


def test_an_untitled_plan_gets_a_neutral_title() -> None:
    md = markdown(workbook(), {"answers": {}})
    assert md.startswith("# Plan\n")
    assert "track II" not in md.split("\n", 1)[0].lower()


def test_paper_workbook_has_every_question_and_check() -> None:
    text = paper(workbook(), link_base="../../")
    wb = workbook()
    for section in wb["sections"]:
        assert f"## {section['title']}" in text
        for q in section["questions"]:
            assert q["text"] in text
    assert text.count("- [ ] **If ") == len(wb["checks"])
    assert text.count('class="t2-write"') == sum(
        q["type"] == "text" for s in wb["sections"] for q in s["questions"]
    )
