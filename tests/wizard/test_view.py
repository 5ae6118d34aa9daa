"""Unit tests of the wizard's view (track2guide.view) and controller (track2guide.wizard).

Snapshots (tests/wizard/snapshots/*.html) pin the exact HTML for a small synthetic tree;
refresh them on purpose with `T2_UPDATE_SNAPSHOTS=1 pytest tests/wizard/test_view.py`.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from track2guide import FORMAT, start, view, wizard
from track2guide.engine import where
from track2guide.model import Choice, Link, Outcome
from track2guide.modelbuild import build_tree
from track2guide.state import (
    Advice,
    Checklist,
    ChecklistResult,
    GateAdvice,
    Item,
    Progress,
    Ranking,
    RankingResult,
    State,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"
EVIL = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">&"\''


def compiled(tree: dict[str, Any], links: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"format": FORMAT, "tree": tree, "links": links or {}, "terms": {}}


def sample_tree(text: str = "Which way?") -> dict[str, Any]:
    """Two questions and a ranking: `way` (single) then `extras` (multiple)."""
    return compiled(
        {
            "id": "demo",
            "version": 2,
            "title": "Demo",
            "summary": "A demo.",
            "start": "way",
            "result": {
                "kind": "ranking",
                "margin": 1,
                "min_score": 1,
                "no_clear_winner": "Too close to call.",
            },
            "questions": [
                {
                    "id": "way",
                    "type": "single",
                    "text": text,
                    "help": "Pick the one you prefer.",
                    "link": "read",
                    "next": "extras",
                    "choices": [
                        {
                            "id": "left",
                            "label": "Left",
                            "weights": [{"outcome": "a", "points": 2, "reason": "Left suits A."}],
                        },
                        {
                            "id": "right",
                            "label": "Right",
                            "next": "end",
                            "weights": [{"outcome": "b", "points": 2, "reason": "Right suits B."}],
                        },
                    ],
                },
                {
                    "id": "extras",
                    "type": "multiple",
                    "text": "Anything else?",
                    "next": "end",
                    "choices": [
                        {
                            "id": "x",
                            "label": "X",
                            "weights": [{"outcome": "a", "points": 1, "reason": "X helps A."}],
                        },
                        {"id": "y", "label": "Y"},
                    ],
                },
            ],
            "warnings": [
                {
                    "id": "w1",
                    "when": {"answer": "extras", "includes": "y"},
                    "text": "Y is risky.",
                    "link": "read",
                }
            ],
            "outcomes": [
                {
                    "id": "a",
                    "title": "Outcome A",
                    "summary": "Do A.",
                    "link": "read",
                    "next_steps": ["Plan A."],
                },
                {"id": "b", "title": "Outcome B", "summary": "Do B."},
            ],
        },
        {"read": {"href": "step-3-design.html#venue", "title": "Step 3: venue"}},
    )


def doc(answers: dict[str, Any], tree: str = "demo", version: int = 2) -> dict[str, Any]:
    return {"tree": tree, "version": version, "answers": answers}


def check_snapshot(name: str, html: str) -> None:
    path = SNAPSHOTS / f"{name}.html"
    pretty = html.replace("><", ">\n<") + "\n"
    if os.environ.get("T2_UPDATE_SNAPSHOTS"):
        path.write_text(pretty, encoding="utf-8")
    assert path.exists(), f"{path.name} missing: run with T2_UPDATE_SNAPSHOTS=1 once"
    assert pretty == path.read_text(encoding="utf-8"), f"{name}: HTML changed (see module docstring)"


class _Tags(HTMLParser):
    """Collects tag names and attributes, to prove no markup slipped through unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def tags_of(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


# ---- snapshots ----


def test_first_question_snapshot() -> None:
    check_snapshot("first-question", wizard.first_screen(sample_tree(), "../"))


def test_result_snapshot() -> None:
    state = where(built(), doc({"way": "left", "extras": ["x", "y"]}))
    assert isinstance(state, State)
    check_snapshot("result", view.render_result(state, root="../"))


def built() -> Any:
    tree = build_tree(sample_tree())
    assert tree is not None
    return tree


def item(cid: str, label: str, importance: Any, link: Link | None = None, warning: str | None = None) -> Item:
    return Item("c", Choice(cid, label, None, None, (), False, False, importance, None, link, warning))


def finished(result: Any) -> State:
    """A finished state with a made-up result (what the view is given)."""
    return State(built(), (), (), (), (), None, result, Progress(1, 1, 100))


def test_checklist_result_snapshot() -> None:
    trust = Link("trust", "step-4-conduct.html#trust", "Trust", "step-4-conduct.md", "trust")
    checks = Checklist(
        met=(item("m", "Met item", "required"),),
        missing_required=(item("r", "Safe", "required", trust, "Nobody will speak freely."),),
        missing_other=(),
        not_applicable=(item("n", "Visas", "nice"),),
        ready=False,
    )
    result = ChecklistResult(gate=None, checklist=checks, ready=False, message=None, warnings=())
    check_snapshot("checklist-result", view.render_result(finished(result)))


# ---- escaping ----


def test_every_text_is_escaped() -> None:
    tree = sample_tree(EVIL)
    tree["tree"]["questions"][0]["choices"][0]["label"] = EVIL
    tree["tree"]["questions"][0]["help"] = EVIL
    tree["links"]["read"]["title"] = EVIL
    html = wizard.first_screen(tree)
    assert "<script" not in html and "<img" not in html
    parsed = tags_of(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    assert html.count("&lt;script&gt;") >= 3


def test_links_get_the_page_root_and_unsafe_schemes_are_dropped() -> None:
    ripeness = Link("k", "step-1-assess.html#ripeness", "R", "", "")
    assert view.render_link(ripeness, "../") == (
        '<p class="t2-more"><a href="../step-1-assess.html#ripeness">Read more: R</a></p>'
    )
    assert 'href="#"' in view.render_link(Link("k", "javascript:alert(1)", "x", "", ""), "../")
    assert view.render_link(None) == ""


def test_previous_answer_is_preselected() -> None:
    tree = sample_tree()
    out = wizard.handle(tree, {"answers": doc({"way": "right"}), "at": "way"}, {"action": "show"})
    assert 'value="right" checked' in out["html"] and 'value="left" checked' not in out["html"]


# ---- the controller ----


def walk(tree: dict[str, Any], *answers: tuple[str, Any]) -> dict[str, Any]:
    out = wizard.handle(tree, None, {"action": "show"})
    for qid, value in answers:
        out = wizard.handle(tree, out["session"], {"action": "answer", "question": qid, "value": value})
        assert out["ok"], out["message"]
    return out


def test_walk_to_a_ranked_result_with_reasons_and_links() -> None:
    out = walk(sample_tree(), ("way", "left"), ("extras", ["x"]))
    assert out["announce"] == "Your result: Recommended: Outcome A"
    assert "Left suits A." in out["html"] and "X helps A." in out["html"]
    assert 'href="step-3-design.html#venue"' in out["html"]


def test_single_question_needs_an_answer() -> None:
    tree = sample_tree()
    out = wizard.handle(tree, None, {"action": "answer", "question": "way", "value": None})
    assert not out["ok"] and out["error"] and out["html"] is None
    assert out["message"] == view.say("choose-one")


def test_back_keeps_answers_and_changing_recomputes() -> None:
    tree = sample_tree()
    done = walk(tree, ("way", "left"), ("extras", ["x"]))
    back = wizard.handle(tree, done["session"], {"action": "back"})
    assert back["session"]["at"] == "extras" and 'value="x" checked' in back["html"]
    back = wizard.handle(tree, back["session"], {"action": "back"})
    assert back["session"]["at"] == "way" and back["session"]["answers"]["answers"] == {
        "way": "left",
        "extras": ["x"],
    }
    changed = wizard.handle(tree, back["session"], {"action": "answer", "question": "way", "value": "right"})
    assert changed["session"]["answers"]["answers"] == {"way": "right"}
    assert changed["message"] == view.say("dropped", count=1)
    assert changed["announce"] == "Your result: Recommended: Outcome B"


def test_review_change_returns_to_the_review() -> None:
    tree = sample_tree()
    done = walk(tree, ("way", "left"), ("extras", ["x"]))
    assert 'data-action="change" data-question="way"' in done["html"]
    change = wizard.handle(tree, done["session"], {"action": "change", "question": "extras"})
    assert change["session"]["at"] == "extras"
    again = wizard.handle(
        tree, change["session"], {"action": "answer", "question": "extras", "value": ["x", "y"]}
    )
    assert again["session"]["at"] == "review" and "Y is risky." not in again["html"]
    result = wizard.handle(tree, again["session"], {"action": "continue"})
    assert "Y is risky." in result["html"]


def test_restart_and_export() -> None:
    tree = sample_tree()
    done = walk(tree, ("way", "left"), ("extras", []))
    assert wizard.handle(tree, done["session"], {"action": "restart"})["session"]["answers"] == start(tree)
    exported = json.loads(wizard.handle_json(tree, json.dumps(done["session"]), '{"action": "export"}'))
    assert exported["markdown"].startswith("# ") and "Outcome A" in exported["markdown"]


BAD_FILES = {
    "broken-json": '{"tree": "demo", "version": 2, "answers": {',
    "not-an-object": "[1, 2, 3]",
    "other-tree": json.dumps(doc({}, tree="venue")),
    "other-version": json.dumps(doc({}, version=1)),
    "unknown-choice": json.dumps(doc({"way": "up"})),
    "unknown-question": json.dumps(doc({"colour": "red"})),
    "wrong-type": json.dumps(doc({"way": ["left"]})),
    "extra-key": json.dumps({**doc({}), "script": "x"}),
    "injection": json.dumps(doc({EVIL: EVIL, "way": EVIL})),
    "deep-nesting": "[" * 50000 + "]" * 50000,
    "huge": json.dumps(doc({"way": "left"})) + " " * (wizard.MAX_FILE_CHARS + 1),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_are_refused_and_change_nothing(name: str) -> None:
    tree = sample_tree()
    before = walk(tree, ("way", "left"))
    out = wizard.handle(tree, before["session"], {"action": "load", "text": BAD_FILES[name]})
    assert not out["ok"] and out["error"] and out["html"] is None
    assert out["session"] == before["session"]
    assert out["message"].startswith(view.say("load.failed"))
    assert len(out["message"]) < 1000


def test_a_good_file_loads() -> None:
    tree = sample_tree()
    out = wizard.handle(tree, None, {"action": "load", "text": json.dumps(doc({"way": "right"}))})
    assert out["ok"] and out["message"] == view.say("load.ok")
    assert out["announce"] == "Your result: Recommended: Outcome B"


def test_bad_kept_answers_restart_the_wizard() -> None:
    tree = sample_tree()
    out = wizard.handle(tree, None, {"action": "resume", "text": json.dumps(doc({"way": "up"}))})
    assert out["ok"] and out["error"] and out["session"]["answers"] == start(tree)
    assert out["message"].startswith(view.say("resume.failed"))


@pytest.mark.parametrize("session", [None, 3, "x", {"answers": 7}, {"answers": {"tree": "other"}, "at": 5}])
def test_nonsense_sessions_and_events_never_raise(session: Any) -> None:
    tree = sample_tree()
    for event in (
        {"action": "show"},
        {"action": "fly"},
        {},
        None,
        {"action": "answer", "question": 3, "value": {}},
    ):
        out = wizard.handle(tree, session, event)
        assert set(out) == {"ok", "session", "html", "announce", "message", "error"}
    assert json.loads(wizard.handle_json(tree, "{", "nonsense"))["message"] == view.say("unknown-action")


def test_progress_text_and_numbers() -> None:
    html = view.render_progress(Progress(2, 5, 40), 3)
    assert 'value="40"' in html and "Question 3 of about 5" in html
    assert re.search(r"All questions answered", view.render_progress(Progress(0, 0, 0), None))


def test_points_are_counted_in_words() -> None:
    assert [view.points_text(n) for n in (1, -1, 0, 3)] == ["1 point", "-1 point", "0 points", "3 points"]
    out = walk(sample_tree(), ("way", "left"), ("extras", ["x"]))
    assert ">3 points<" in out["html"] and "1 points" not in out["html"]


def test_gate_advice_is_said_once() -> None:
    gate = GateAdvice(Advice(Outcome("b", "Outcome B", "Wait.", None, None, (), ()), ()), "Too soon.", None)
    ranking = Ranking("insufficient", None, None, (), (), 0, 0)
    html = view.render_result(finished(RankingResult(gate, ranking, (), None, ())))
    assert html.count("Before anything else") == 1


def test_a_question_carries_its_error_message_hidden() -> None:
    html = wizard.first_screen(sample_tree())
    summary = re.search(r'<div class="t2-error-summary"[^>]*hidden>.*?</div>', html)
    assert summary and 'href="#t2-c-way-left"' in summary.group(0)
    assert view.say("choose-one") in summary.group(0)
    assert re.search(r'<p class="t2-error-message" id="t2-error" hidden>', html)
    assert "Start again" not in walk(sample_tree(), ("way", "left"), ("extras", []))["html"]


def test_exported_links_name_their_section_and_say_where_they_lead() -> None:
    done = walk(sample_tree(), ("way", "left"), ("extras", ["y"]))
    event = '{"action": "export"}'
    exported = json.loads(wizard.handle_json(sample_tree(), json.dumps(done["session"]), event))
    text = exported["markdown"]
    assert "[Step 3: venue](step-3-design.html#venue)" in text  # the section's name is the link text
    assert "relative to the handbook's folder (the one holding index.html)" in text


def test_a_session_not_made_from_json_is_refused_in_words() -> None:
    """Answers with keys of mixed types (possible only from Python) give the engine's error, no crash."""
    answers = {"tree": "demo", "version": 2, "answers": {1: "x", "way": "left"}}
    out = wizard.handle(sample_tree(), {"answers": answers}, {"action": "show"})
    assert out["ok"] and out["error"] and out["message"].startswith(view.say("resume.failed"))
