"""Answers asked ahead (docs/javascripts/wizard-ahead.js `foresee`): while a question is on screen,
the shell asks Python in its worker for the screen each answer leads to, so Next shows the
next screen without a round trip. Each test checks that Next then sends nothing to Python,
that what shows is exactly what a fresh call returns, and that nothing was recorded early."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import answer, open_wizard, session_answers, settled

pytestmark = pytest.mark.browser

# From now on, log the calls to Python made for the session on screen (those asked ahead
# for the next screen have another session), and keep that session.
COUNT = """() => {
  const w = window.TRACK2_WIZARD;
  w.__calls = [];
  w.__before = JSON.stringify(w.session);
  const call = w.call;
  w.call = function (session, event) {
    if (session === w.__before) w.__calls.push(JSON.parse(event));
    return call.apply(this, arguments);
  };
  w.__fresh = call;
}"""
CALLS = "() => window.TRACK2_WIZARD.__calls"
MOVED = "q => document.querySelector('form.t2-question, .t2-result')?.dataset.question !== q"

# What Python returns for the same session and event when asked afresh (not from `ahead`).
FRESH = """async event => {
  const w = window.TRACK2_WIZARD;
  return (await w.__fresh(w.__before, JSON.stringify(event))).html;
}"""

ASKED = """what => {
  const w = window.TRACK2_WIZARD;
  return w.ahead.session === JSON.stringify(w.session) && !!w.ahead.replies[what];
}"""


def asked_ahead(page: Any, event: dict[str, Any]) -> None:
    what = page.evaluate("e => JSON.stringify(e)", event)
    page.wait_for_function(ASKED, arg=what, timeout=10_000)


def screen_html(page: Any) -> str:
    return str(page.evaluate("() => window.TRACK2_WIZARD.screen.innerHTML"))


def normalised(page: Any, html: str) -> str:
    return str(page.evaluate("h => { const t = document.createElement('template'); t.innerHTML = h; "
                             "return t.innerHTML; }", html))


@pytest.mark.parametrize("pick", [0, -1], ids=["first-choice", "last-choice"])
def test_next_on_a_single_choice_question_uses_the_answer_asked_ahead(
        recorded_page: Any, site_url: str, pick: int) -> None:
    page, rec = recorded_page
    open_wizard(page, site_url, "venue")
    form = page.locator("form.t2-question")
    qid = form.get_attribute("data-question")
    assert form.get_attribute("data-type") == "single"
    values = form.locator('input[name="t2-answer"]').evaluate_all("els => els.map(e => e.value)")
    for value in values:  # every choice is asked ahead, before any is ticked
        asked_ahead(page, {"action": "answer", "question": qid, "value": value})
    assert session_answers(page)["answers"] == {}, "an answer asked ahead was recorded"
    page.evaluate(COUNT)
    value = values[pick]
    answer(page, qid, value)
    settled(page)
    page.wait_for_function(MOVED, arg=qid)
    assert page.evaluate(CALLS) == [], "Next waited for Python"
    assert session_answers(page)["answers"] == {qid: value}
    fresh = page.evaluate(FRESH, {"action": "answer", "question": qid, "value": value})
    assert screen_html(page) == normalised(page, fresh)
    assert rec.console_errors == [] and rec.page_errors == []


def open_at(page: Any, site_url: str, tree: str, answers: dict[str, Any], qid: str) -> Any:
    """The wizard `tree`, with `answers` given, at question `qid` (its form)."""
    open_wizard(page, site_url, tree)
    for asked, value in answers.items():
        answer(page, asked, value)
    form = page.locator(f'form.t2-question[data-question="{qid}"]')
    form.wait_for()
    return form


def next_needs_no_python(page: Any, answers: dict[str, Any], event: dict[str, Any]) -> None:
    """`event`'s answer was asked ahead and is not recorded; Next then shows exactly what
    Python returns for it afresh, without a call, and records it."""
    qid = event["question"]
    asked_ahead(page, event)
    assert qid not in session_answers(page)["answers"], "an answer asked ahead was recorded"
    page.evaluate(COUNT)
    page.locator("form.t2-question button[type=submit]").click()
    settled(page)
    page.wait_for_function(MOVED, arg=qid)
    assert page.evaluate(CALLS) == [], "Next waited for Python"
    assert session_answers(page)["answers"] == {**answers, qid: event["value"]}
    assert screen_html(page) == normalised(page, page.evaluate(FRESH, event))


def test_next_on_a_multiple_choice_question_uses_what_was_ticked(recorded_page: Any, site_url: str) -> None:
    page, rec = recorded_page
    answers = {"readiness-skills": "partly", "readiness-culture": "familiar", "readiness-resources": "partly",
               "readiness-receptivity": "request"}
    form = open_at(page, site_url, "choose-process", answers, "feasibility")
    assert form.get_attribute("data-type") != "single"
    boxes = form.locator('input[name="t2-answer"]')
    values = [boxes.nth(i).get_attribute("value") for i in range(3)]
    boxes.nth(0).check()
    boxes.nth(2).check()
    boxes.nth(0).uncheck()  # a change of mind: only the third stays
    next_needs_no_python(page, answers, {"action": "answer", "question": "feasibility", "value": [values[2]]})
    assert rec.console_errors == [] and rec.page_errors == []


def test_next_on_a_checklist_with_nothing_ticked_uses_the_empty_answer_asked_ahead(
        recorded_page: Any, site_url: str) -> None:
    """A checklist where nothing is in place yet is a real answer (the empty set): it is asked
    ahead as soon as the question shows, so Next with nothing ticked needs no round trip."""
    page, rec = recorded_page
    answers = {"process-type": "dialogue", "sides-attending": "all-sides", "tense-period": "calm",
               "travel": "free"}
    form = open_at(page, site_url, "venue", answers, "venue-criteria")
    assert form.get_attribute("data-type") == "checklist"
    next_needs_no_python(page, answers, {"action": "answer", "question": "venue-criteria", "value": []})
    page.locator(".t2-result").wait_for()
    assert rec.console_errors == [] and rec.page_errors == []


def test_after_back_another_answer_shows_its_own_screen(recorded_page: Any, site_url: str) -> None:
    """Replies asked ahead belong to one session: after Back the same question stands in
    another session (the earlier answer is kept), and changing the answer shows exactly what
    Python makes of that session, never a reply asked for the first visit."""
    page, rec = recorded_page
    open_wizard(page, site_url, "venue")
    qid = page.get_attribute("form.t2-question", "data-question")
    choices = page.locator('form.t2-question input[name="t2-answer"]')
    values = choices.evaluate_all("els => els.map(e => e.value)")
    answer(page, qid, values[0])
    page.wait_for_function("q => document.querySelector('form.t2-question')?.dataset.question !== q", arg=qid)
    page.locator('form.t2-question [data-action="back"]').first.click()
    page.locator(f'form.t2-question[data-question="{qid}"]').wait_for()
    settled(page)
    page.evaluate(COUNT)
    answer(page, qid, values[1])
    settled(page)
    page.wait_for_function(MOVED, arg=qid)
    assert session_answers(page)["answers"][qid] == values[1]
    fresh = page.evaluate(FRESH, {"action": "answer", "question": qid, "value": values[1]})
    assert screen_html(page) == normalised(page, fresh)
    assert rec.console_errors == [] and rec.page_errors == []


# From now on, hold every call to Python until the test releases it (by its index), and log it.
HOLD = """() => {
  const w = window.TRACK2_WIZARD, real = w.call;
  w.__held = [];
  w.call = function (session, event) {
    let release;
    const reply = new Promise(done => { release = done; });
    w.__held.push({session: JSON.parse(session), event: JSON.parse(event),
                   release: () => release(real(session, event))});
    return reply;
  };
  // How many calls were made when the next screen was put on the page.
  new MutationObserver((records, observer) => {
    observer.disconnect();
    w.__heldAtShow = w.__held.length;
  }).observe(w.screen, {childList: true});
}"""
HELD = "() => window.TRACK2_WIZARD.__held.map(h => ({session: h.session, event: h.event}))"
RELEASE = "i => window.TRACK2_WIZARD.__held[i].release()"
HELD_COUNT = "n => window.TRACK2_WIZARD.__held.length === n"
SHOWS = "q => document.querySelector('form.t2-question')?.dataset.question === q"


def held(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(HELD)  # type: ignore[no-any-return]


def test_answers_are_asked_ahead_one_at_a_time_what_is_ticked_first(
        recorded_page: Any, site_url: str) -> None:
    """After the screen has been painted (not while it is put on the page), one call at a time,
    in the order on screen; a choice ticked meanwhile is asked next; each choice once."""
    page, rec = recorded_page
    open_wizard(page, site_url, "choose-process")
    settled(page)
    page.evaluate(HOLD)
    answer(page, "readiness-skills", "skilled")  # its reply came with the page (the opening)
    page.wait_for_function(SHOWS, arg="readiness-culture")
    at_show = page.evaluate("() => window.TRACK2_WIZARD.__heldAtShow")
    assert at_show == 0, "asked ahead before the screen was painted"
    page.wait_for_function(HELD_COUNT, arg=1)
    page.wait_for_timeout(300)
    calls = held(page)
    first = {"action": "answer", "question": "readiness-culture", "value": "familiar"}
    assert [c["event"] for c in calls] == [first], "more than one call at a time"
    assert calls[0]["session"]["answers"]["answers"] == {"readiness-skills": "skilled"}
    page.check('input[name="t2-answer"][value="unfamiliar"]')  # while the first call is out
    page.wait_for_timeout(200)
    assert len(held(page)) == 1
    page.evaluate(RELEASE, 0)
    page.wait_for_function(HELD_COUNT, arg=2)
    assert held(page)[1]["event"]["value"] == "unfamiliar", "the ticked choice was not asked next"
    page.evaluate(RELEASE, 1)
    page.wait_for_function(HELD_COUNT, arg=3)
    page.evaluate(RELEASE, 2)
    page.wait_for_timeout(300)
    assert [c["event"]["value"] for c in held(page)] == ["familiar", "unfamiliar", "partly"]
    page.locator("form.t2-question button[type=submit]").click()
    page.wait_for_function(SHOWS, arg="readiness-resources")
    assert [c["event"]["question"] for c in held(page)[3:]] in ([], ["readiness-resources"]), \
        "Next asked Python again for an answer asked ahead"
    assert session_answers_now(page) == {"readiness-skills": "skilled", "readiness-culture": "unfamiliar"}
    assert rec.console_errors == [] and rec.page_errors == []


def test_a_reader_who_moves_on_does_not_wait_behind_the_question_before(
        recorded_page: Any, site_url: str) -> None:
    """Answering as soon as the first reply asked ahead has come: the other choices of that
    question are never asked, and the next question's are asked at once."""
    page, rec = recorded_page
    open_wizard(page, site_url, "choose-process")
    settled(page)
    page.evaluate(HOLD)
    answer(page, "readiness-skills", "skilled")
    page.wait_for_function(HELD_COUNT, arg=1)
    page.check('input[name="t2-answer"][value="familiar"]')
    page.locator("form.t2-question button[type=submit]").click()
    page.wait_for_timeout(200)
    assert len(held(page)) == 1, "Next asked Python again for an answer being asked ahead"
    page.evaluate(RELEASE, 0)  # the reply to "familiar": the next question shows
    page.wait_for_function(SHOWS, arg="readiness-resources")
    page.wait_for_function(HELD_COUNT, arg=2)
    page.wait_for_timeout(200)
    calls = held(page)
    assert [c["event"]["question"] for c in calls] == ["readiness-culture", "readiness-resources"], \
        "the other answers to the question before were still asked"
    before = {"readiness-skills": "skilled", "readiness-culture": "familiar"}
    assert calls[1]["session"]["answers"]["answers"] == before
    assert rec.console_errors == [] and rec.page_errors == []


def session_answers_now(page: Any) -> Any:
    return page.evaluate("() => window.TRACK2_WIZARD.session.answers.answers")


# From now on, log every element put into or taken out of the wizard box itself (not its
# screen), with the batch of mutations it came in: one batch is one task.
STAGES = """() => {
  const w = window.TRACK2_WIZARD;
  w.__stages = [];
  let batch = 0;
  new MutationObserver(records => {
    batch++;
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const form = n.querySelector('form.t2-question');
        w.__stages.push({added: batch, cls: n.className, hidden: n.getAttribute('aria-hidden'),
                         inert: n.inert, html: n.innerHTML, question: form && form.dataset.question,
                         connected: n.isConnected});
      }
      for (const n of r.removedNodes) {
        const s = w.__stages.find(s => s.html === n.innerHTML && s.removed === undefined);
        if (s) s.removed = batch;
      }
    }
  }).observe(w.box, {childList: true});
}"""
# What a rehearsal must leave as it was: the screen, the history and the focus.
AS_IT_STANDS = ("() => [window.TRACK2_WIZARD.screen.innerHTML, history.length, "
                "document.activeElement.outerHTML]")
COUNT_STAGES = "n => window.TRACK2_WIZARD.__stages.filter(s => s.question === 'venue-criteria').length >= n"
# How the wizard's style sheet places a rehearsal: out of sight and out of the flow.
STAGE_STYLE = """() => {
  const probe = document.createElement('div');
  probe.className = 't2-rehearsal';
  window.TRACK2_WIZARD.box.append(probe);
  const style = getComputedStyle(probe), seen = [style.visibility, style.position, style.pointerEvents];
  probe.remove();
  return seen;
}"""
# The distinct screens of the replies asked ahead for the session on screen.
AHEAD_SCREENS = """async () => {
  const w = window.TRACK2_WIZARD;
  const replies = await Promise.all(Object.values(w.ahead.replies));
  return [...new Set(replies.filter(r => r && r.ok).map(r => r.html))];
}"""


def test_each_screen_asked_ahead_is_laid_out_once_unseen_before_next(
        recorded_page: Any, site_url: str) -> None:
    """While the reader reads, each distinct screen asked ahead is put on the page once,
    hidden from sight, pointer and screen readers, and taken off in the same task (so the
    fonts and icons it uses are ready when Next shows it): the screen, focus, history and
    answers are as they were, and Next still shows what Python returns."""
    page, rec = recorded_page
    first = {"process-type": "dialogue", "sides-attending": "all-sides"}
    answers = {**first, "tense-period": "calm"}
    open_at(page, site_url, "venue", first, "tense-period")
    page.evaluate(STAGES)
    answer(page, "tense-period", "calm")
    form = page.locator('form.t2-question[data-question="travel"]')
    form.wait_for()
    qid = "travel"
    values = form.locator('input[name="t2-answer"]').evaluate_all("els => els.map(e => e.value)")
    before = page.evaluate(AS_IT_STANDS)
    for value in values:
        asked_ahead(page, {"action": "answer", "question": qid, "value": value})
    screens = page.evaluate(AHEAD_SCREENS)
    page.wait_for_function(COUNT_STAGES, arg=len(screens))
    page.wait_for_timeout(300)
    stages = page.evaluate("() => window.TRACK2_WIZARD.__stages")
    assert sorted(s["html"] for s in stages if s["question"] == "venue-criteria") == \
        sorted(normalised(page, h) for h in screens)
    for stage in stages:  # these and any for the question before
        assert stage["cls"] == "t2-rehearsal" and stage["hidden"] == "true" and stage["inert"] is True
        assert stage["removed"] == stage["added"] and stage["connected"] is False, "left on the page"
    assert page.evaluate(STAGE_STYLE) == ["hidden", "absolute", "none"]
    assert page.locator(".t2-rehearsal").count() == 0
    assert page.evaluate(AS_IT_STANDS) == before
    assert qid not in session_answers(page)["answers"]
    form.locator(f'input[value="{values[0]}"]').check()
    next_needs_no_python(page, answers, {"action": "answer", "question": qid, "value": values[0]})
    assert rec.console_errors == [] and rec.page_errors == []
