"""What a user does on the screen shown before the engine is ready survives the
engine's first render (ticks, unticks, focus), from file:// and over http, with a normal and a
slowed start-up; then Next gives the answer the user ticked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import (
    PATIENT,
    TREES,
    answer,
    focused_id,
    is_ready,
    open_wizard,
    session_answers,
    settled,
    slow_start,
    ticked,
    wait_ready,
)

pytestmark = pytest.mark.browser

SLOW_MS = 4000


@pytest.mark.parametrize("delay", [0, SLOW_MS], ids=["normal", "slow"])
@pytest.mark.parametrize("tree", TREES)
def test_a_tick_made_before_ready_survives(recorded_page: Any, site_url: str, tree: str, delay: int) -> None:
    page, rec = recorded_page
    page.add_init_script(PATIENT)
    if delay:
        slow_start(page, delay)
    open_wizard(page, site_url, tree, ready=False)
    form = page.locator("form.t2-question")
    qid = form.get_attribute("data-question")
    choices = form.locator('input[name="t2-answer"]')
    choices.nth(0).check()
    choices.nth(1).check()  # a change of mind: the second one stays
    want = choices.nth(1).get_attribute("value")
    focus = focused_id(page)
    assert focus == choices.nth(1).get_attribute("id")
    if delay:
        assert not is_ready(page), "the engine started before the ticks: nothing was tested"
    wait_ready(page)
    page.wait_for_timeout(300)  # any late redraw would land here
    assert ticked(page) == [want]
    assert focused_id(page) == focus
    page.locator("form.t2-question button[type=submit]").click()
    settled(page)
    page.wait_for_function("q => document.querySelector('form.t2-question')?.dataset.question !== q", arg=qid)
    assert session_answers(page)["answers"] == {qid: want}
    assert rec.console_errors == [] and rec.page_errors == []


def test_ticks_on_a_restored_multiple_choice_question_survive(recorded_page: Any, site_url: str) -> None:
    """Read more from question 5 (feasibility, tick all that apply), Back with a slow start-up:
    the question is back at once; tick two, untick one, and the engine's first render keeps them."""
    page, _rec = recorded_page
    answers = {"readiness-skills": "partly", "readiness-culture": "familiar", "readiness-resources": "partly",
               "readiness-receptivity": "request"}
    page.add_init_script(PATIENT)
    open_wizard(page, site_url, "choose-process")
    for qid, value in answers.items():
        answer(page, qid, value)
    page.locator('form.t2-question[data-question="feasibility"]').wait_for()
    slow_start(page, SLOW_MS)
    page.locator("form.t2-question .t2-more a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert "/tools/" not in page.url
    page.go_back(wait_until="domcontentloaded")
    form = page.locator('form.t2-question[data-question="feasibility"]')
    form.wait_for(timeout=3000)  # from the tab's history, before Python is ready
    assert not is_ready(page)
    boxes = form.locator('input[name="t2-answer"]')
    values = [boxes.nth(i).get_attribute("value") for i in range(3)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    boxes.nth(2).check()
    boxes.nth(1).uncheck()
    assert not is_ready(page)
    wait_ready(page)
    page.wait_for_timeout(300)
    assert ticked(page) == [values[0], values[2]]
    assert focused_id(page) == boxes.nth(1).get_attribute("id")
    form.locator("button[type=submit]").click()
    page.locator('form.t2-question[data-question="change-goal"]').wait_for()
    got = session_answers(page)["answers"]
    assert sorted(got.pop("feasibility")) == sorted([values[0], values[2]])
    assert got == answers


def test_start_up_shows_its_phases_and_restores_kept_answers(recorded_page: Any, http_site: str) -> None:
    page, _rec = recorded_page
    kept: dict[str, Any] = {"tree": "venue", "version": None, "answers": {}}
    open_wizard(page, http_site, "venue")
    kept["version"] = page.evaluate("() => window.TRACK2_WIZARD.session.answers.version")
    first = page.get_attribute("form.t2-question", "data-question")
    value = page.get_attribute('form.t2-question input[name="t2-answer"]', "value")
    kept["answers"] = {first: value}
    page.evaluate("doc => localStorage.setItem('track2-wizard:venue', JSON.stringify(doc))", kept)
    other = page.context.new_page()  # a new tab: the kept answers, not this tab's history
    slow_start(other, 2000)
    open_wizard(other, http_site, "venue", ready=False)
    assert other.text_content(".t2-screen") == "Restoring your answers…"
    assert other.locator("form.t2-question").count() == 0  # no blank question 1 meanwhile
    other.wait_for_function(
        "() => document.querySelector('.t2-loading-text').textContent.startsWith('Starting Python')",
        timeout=60_000)
    assert not other.evaluate("() => document.querySelector('.t2-loading progress').hasAttribute('value')")
    wait_ready(other)
    other.wait_for_function("q => document.querySelector('form.t2-question')?.dataset.question !== q",
                            arg=first)
    assert session_answers(other)["answers"] == {first: value}
    assert other.text_content(".t2-notice") == "Your kept answers were restored."


def test_a_failed_start_disables_every_control(recorded_page: Any, http_site: str) -> None:
    page, _rec = recorded_page
    page.route("**/assets/pyodide/pyodide-wasm.js", lambda route: route.abort())
    open_wizard(page, http_site, "approach", ready=False)
    page.locator(".t2-loading.t2-failed").wait_for(timeout=15_000)
    assert page.locator(".t2-failed a").get_attribute("href").endswith("tools/paper/approach.html")
    controls = page.locator(".t2-toolbar button, .t2-toolbar input, .t2-screen button, .t2-screen input")
    assert controls.count() > 5
    assert all(controls.nth(i).is_disabled() for i in range(controls.count()))
