"""The wizard's opening (docs/javascripts/wizard-ahead.js `open`, track2guide.wizard.opening): on a
fresh page the first answer shows its next screen at once, before Python has started, from the
replies the build worked out with the same engine. Each test holds Python's start back, so the
first answer surely comes first; then checks that what showed is exactly what Python returns
once started, that the answer is recorded like any other, and that anything else waits."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import (
    PATIENT,
    TREES,
    answer,
    is_ready,
    open_wizard,
    session_answers,
    slow_start,
    wait_ready,
)

pytestmark = pytest.mark.browser

SLOW_MS = 6000
MOVED = "q => document.querySelector('form.t2-question, .t2-result')?.dataset.question !== q"

# Python's own reply, once started, to the first "show" and then to `event` on its session.
FRESH = """async event => {
  const w = window.TRACK2_WIZARD;
  const first = await w.call("null", JSON.stringify({action: "show"}));
  const reply = await w.call(JSON.stringify(first.session), JSON.stringify(event));
  const t = document.createElement("template");
  t.innerHTML = reply.html;
  return {html: t.innerHTML, session: reply.session, announce: reply.announce};
}"""


def question(page: Any) -> str:
    return str(page.get_attribute("form.t2-question", "data-question", timeout=10_000))


def choices(page: Any) -> list[str]:
    return page.locator('form.t2-question input[name="t2-answer"]').evaluate_all(  # type: ignore[no-any-return]
        "els => els.map(e => e.value)")


def held(page: Any, site_url: str, tree: str) -> None:
    page.add_init_script(PATIENT)
    slow_start(page, SLOW_MS)
    open_wizard(page, site_url, tree, ready=False)


@pytest.mark.parametrize("tree", TREES)
def test_the_first_answer_shows_before_python_has_started(
        recorded_page: Any, site_url: str, tree: str) -> None:
    page, rec = recorded_page
    held(page, site_url, tree)
    qid = question(page)
    value = choices(page)[-1]
    answer(page, qid, value)
    page.wait_for_function(MOVED, arg=qid, timeout=3000)
    assert not is_ready(page), "Python started before the answer: nothing was tested"
    assert page.evaluate("() => !window.TRACK2_WIZARD.call"), "Python was asked"
    assert page.text_content(".t2-notice") == ""  # not held back for later
    loading = page.evaluate("() => [document.querySelector('.t2-loading-text').textContent, "
                            "JSON.parse(document.getElementById('t2-texts').textContent)['wizard.early']]")
    assert page.locator(".t2-loading").is_visible() and loading[1] not in loading[0], loading  # done already
    assert session_answers(page)["answers"] == {qid: value}
    entry = page.evaluate("() => history.state.track2Wizard")
    assert entry["n"] == 1 and entry["session"]["answers"]["answers"] == {qid: value}
    shown = page.evaluate("() => ({html: window.TRACK2_WIZARD.screen.innerHTML, "
                          "announce: document.querySelector('.t2-live').textContent})")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-focus')")
    wait_ready(page)
    fresh = page.evaluate(FRESH, {"action": "answer", "question": qid, "value": value})
    assert shown == {"html": fresh["html"], "announce": fresh["announce"]}
    assert page.evaluate("() => window.TRACK2_WIZARD.session") == fresh["session"]
    assert rec.console_errors == [] and rec.page_errors == []


def test_the_next_answer_waits_for_python(recorded_page: Any, site_url: str) -> None:
    page, rec = recorded_page
    held(page, site_url, "approach")
    first = question(page)
    one = choices(page)[0]
    answer(page, first, one)
    page.wait_for_function(MOVED, arg=first, timeout=3000)
    second = question(page)
    two = choices(page)[0]
    answer(page, second, two)
    assert not is_ready(page), "Python started before the second answer: nothing was tested"
    assert "as soon as" in (page.text_content(".t2-notice") or "")  # held back, and told so
    assert question(page) == second
    assert page.locator(".t2-loading progress").is_visible()
    wait_ready(page)
    page.wait_for_function(MOVED, arg=second, timeout=10_000)
    assert session_answers(page)["answers"] == {first: one, second: two}
    assert rec.console_errors == [] and rec.page_errors == []


def test_a_page_with_answers_in_its_tab_does_not_open_afresh(recorded_page: Any, site_url: str) -> None:
    page, rec = recorded_page
    page.add_init_script(PATIENT)
    open_wizard(page, site_url, "choose-process")
    first = question(page)
    one = choices(page)[1]
    answer(page, first, one)
    page.wait_for_function(MOVED, arg=first)
    second = question(page)
    slow_start(page, SLOW_MS)
    page.reload(wait_until="domcontentloaded")
    assert page.evaluate("() => window.TRACK2_WIZARD.opened") is False
    assert question(page) == second  # from the tab's history
    assert page.evaluate("() => window.TRACK2_WIZARD.session.answers.answers") == {first: one}
    assert not is_ready(page)
    assert rec.console_errors == [] and rec.page_errors == []


def test_kept_answers_are_restored_not_replaced_by_the_opening(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(PATIENT)
        open_wizard(page, site_url, "venue")
        page.locator(".t2-menu > summary").click()
        page.locator(".t2-keep").check()
        first = question(page)
        one = choices(page)[2]
        answer(page, first, one)
        page.wait_for_function(MOVED, arg=first)
        second = question(page)
        other = context.new_page()  # a new tab: no history entry, only what was kept
        other.add_init_script(PATIENT)
        slow_start(other, SLOW_MS)
        open_wizard(other, site_url, "venue", ready=False)
        assert other.evaluate("() => window.TRACK2_WIZARD.opened") is False
        assert other.locator(".t2-screen .t2-restoring").count() == 1
        wait_ready(other)
        assert question(other) == second
        assert session_answers(other)["answers"] == {first: one}
    finally:
        context.close()
