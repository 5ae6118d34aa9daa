"""Hostile answers files and events against the engine side (no browser): what the user
sees is what the session holds, messages quote only short cleaned ids, and the smaller
risks (escaping, link targets, wording, events of the wrong type, long lists)."""
from __future__ import annotations

import json
import time
import unicodedata
from typing import Any

import pytest

from tests.wizard.test_view import EVIL, doc, sample_tree, tags_of
from track2guide import summary, view, wizard
from track2guide.model import Link
from track2guide.safetext import link_target, short_id

BIDI = "\u202e\u2066\u200f"  # right-to-left override, isolate, mark


def load(answers: Any, **changes: Any) -> dict[str, Any]:
    text = json.dumps({**doc(answers), **changes})
    return wizard.handle(sample_tree(), None, {"action": "load", "text": text})


def test_off_path_answers_are_left_out_and_said() -> None:
    got = load({"way": "right", "extras": ["x"]})  # "right" skips the question "extras"
    assert got["ok"] and got["session"]["answers"]["answers"] == {"way": "right"}
    assert "1 answer(s) in the file belong to questions your other answers skip" in got["message"]
    on_path = load({"way": "left", "extras": ["x"]})
    assert on_path["session"]["answers"]["answers"] == {"way": "left", "extras": ["x"]}
    assert on_path["message"] == "Your answers were loaded from the file."


def test_the_review_shows_every_answer_the_session_holds() -> None:
    got = load({"way": "right", "extras": ["y"]})
    review = wizard.handle(sample_tree(), got["session"], {"action": "review"})
    shown = set(tags_of_questions(review["html"]))
    assert shown == set(review["session"]["answers"]["answers"])


def tags_of_questions(html: str) -> list[str]:
    return [v for k, v in tags_of(html).attrs if k == "data-question" and v]


@pytest.mark.parametrize("answers, field", [
    ({"way": "left" * 60 + BIDI + "\x00\x1b[31m"}, "choice"),
    ({"way": "left", "extras": ["evil" + BIDI + "\n" * 5 + "x" * 300]}, "choice"),
    ({BIDI + "q" * 300: "left"}, "question"),
])
def test_messages_quote_only_short_cleaned_ids(answers: dict[str, Any], field: str) -> None:
    got = load(answers)
    assert not got["ok"], field
    message = got["message"]
    assert not any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in message), field
    assert "x" * 60 not in message and "q" * 60 not in message and "left" * 20 not in message
    quoted = message.split("'")[1]
    assert len(quoted) <= 40


def test_wrong_tree_and_unknown_key_are_cleaned() -> None:
    got = load({"way": "left"}, tree=BIDI + "t" * 500)
    assert "t" * 50 not in got["message"] and BIDI[0] not in got["message"]
    extra = wizard.handle(sample_tree(), None, {"action": "load", "text": json.dumps(
        {**doc({"way": "left"}), BIDI + "k" * 500: 1})})
    assert "k" * 50 not in extra["message"] and BIDI[0] not in extra["message"]


@pytest.mark.parametrize("value", [None, 3, 2.5, True, {"a": 1}])
def test_null_or_number_answer_is_not_called_a_list(value: Any) -> None:
    got = load({"way": value})
    assert not got["ok"]
    assert "not a list" not in got["message"] and "needs an answer given as text" in got["message"]
    assert "not a list" in load({"way": ["left"]})["message"]


def test_valid_but_deep_json_is_named_for_what_it_is() -> None:
    deep = '{"tree": "demo", "version": 2, "answers": {"way": ' + "[" * 9 + "]" * 9 + "}}"
    json.loads(deep)
    got = wizard.handle(sample_tree(), None, {"action": "load", "text": deep})
    assert not got["ok"] and "nested far more deeply" in got["message"]
    assert "not a JSON answers file" not in got["message"]


@pytest.mark.parametrize("action", [["load"], {"a": 1}, 7, None])
def test_an_action_of_the_wrong_type_is_refused_not_raised(action: Any) -> None:
    got = wizard.handle(sample_tree(), None, {"action": action})
    assert not got["ok"] and got["message"] == "That action is not known."
    raw = wizard.handle_json(sample_tree(), "null", json.dumps({"action": action}))
    assert json.loads(raw)["ok"] is False


def test_the_duplicate_check_is_linear() -> None:
    def timed(n: int) -> float:
        text = json.dumps(doc({"way": "left", "extras": ["x"] * n}))
        began = time.perf_counter()
        got = wizard.parse_answers_file(sample_tree(), text)
        assert got[0] is None
        return time.perf_counter() - began

    small, big = timed(1000), timed(8000)
    assert big < small * 8 * 3 + 0.05  # 8x the items: about 8x the time, never 64x


def test_button_escapes_label_action_and_question() -> None:
    html = view.button(EVIL, EVIL, question=EVIL, hidden=EVIL)
    assert tags_of(html).tags == ["button", "span"]
    assert "<script" not in html and "<img" not in html


@pytest.mark.parametrize("url", [
    "//evil.example/x", "\\\\evil.example\\share", "/\\evil.example", "\\/evil.example",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "file:///etc/passwd",
    "vbscript:x", "java\tscript:alert(1)",
])
def test_unsafe_link_targets_are_dropped(url: str) -> None:
    assert link_target(url) is None
    assert view._href(url, "../") == "#"
    markdown = summary._link(Link("k", url, "T", "", ""), "https://base.example/")
    assert "(" not in markdown and markdown == "T"


@pytest.mark.parametrize("url, base, want", [
    ("step-3-design.html#venue", "", "[T](step-3-design.html#venue)"),
    ("step-3-design.html#venue", "https://h.example/", "[T](https://h.example/step-3-design.html#venue)"),
    ("https://usip.org/x", "https://h.example/", "[T](https://usip.org/x)"),
    ("#venue", "../", "[T](#venue)"),
])
def test_safe_link_targets_pass(url: str, base: str, want: str) -> None:
    assert summary._link(Link("k", url, "T", "", ""), base) == want


def test_markdown_link_cannot_break_out() -> None:
    assert summary._link(Link("k", "a.html) [x](//evil", "T", "", ""), "") == "T"
    escaped = summary._link(Link("k", "a.html", "T](//evil.example)", "", ""), "")
    assert escaped == "[T\\](//evil.example)](a.html)"
    nested = summary._link(Link("k", "a.html", "[x](//evil.example)", "", ""), "")
    assert nested == "[\\[x\\](//evil.example)](a.html)"


def test_the_summary_names_no_handbook_unless_asked() -> None:
    plain = wizard.export_markdown(sample_tree(), doc({"way": "right"}))
    assert "Made with" not in plain and "Track II" not in plain
    credited = summary.summary_markdown([(sample_tree(), doc({"way": "right"}))], credit=True)
    assert "Made with" in credited


def test_short_id() -> None:
    assert short_id("a\u202eb\u2066c\x00d\ne") == "abcd e"
    assert len(short_id("z" * 500)) == 40
