"""Issue 16: what a user does on the screen shown before the engine is ready survives the
engine's first render (ticks, unticks, focus), from file:// and over http, with a normal and a
slowed start-up; then Next gives the answer the user ticked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import (
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
    """Read more from question 5 (tick every answer that applies), Back with a slow start-up:
    the question is back at once; tick two, untick one, and the engine's first render keeps them."""
    page, _rec = recorded_page
    answers = {"readiness-skills": "partly", "readiness-culture": "familiar", "readiness-resources": "partly",
               "readiness-receptivity": "request"}
    open_wizard(page, site_url, "choose-process")
    for qid, value in answers.items():
        answer(page, qid, value)
    page.locator('form.t2-question[data-question="change-goal"]').wait_for()
    slow_start(page, SLOW_MS)
    page.locator("form.t2-question .t2-more a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert "/tools/" not in page.url
    page.go_back(wait_until="domcontentloaded")
    form = page.locator('form.t2-question[data-question="change-goal"]')
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
    page.locator('form.t2-question[data-question="participants-reach"]').wait_for()
    got = session_answers(page)["answers"]
    assert sorted(got.pop("change-goal")) == sorted([values[0], values[2]])
    assert got == answers
