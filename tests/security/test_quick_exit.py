"""Quick exit (docs/javascripts/quick-exit.js) in Chromium: by the button and by Shift
pressed three times it leaves for the home page; Back then shows no answers, even from
history entries that held them (as a wizard that keeps one entry per question does)."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Recorder
from tests.wizard.helpers import answer, finished, open_wizard, session_answers

pytestmark = pytest.mark.browser

# What a wizard keeping one history entry per question stores: answers in history.state,
# one entry pushed per click (a click gives the user activation without which Chromium's
# Back skips entries a page pushed).
PUSH_ENTRIES = """(answers) => {
  history.replaceState({t2: {answers: {}}}, "");
  const todo = Object.entries(answers);
  document.querySelector("h1").addEventListener("click", () => {
    const [q, v] = todo.shift();
    history.pushState({t2: {answers: {[q]: v}}}, "");
  });
}"""
STATE = "() => JSON.stringify(history.state)"
# Playwright's page.url can miss a location.replace() between file:// pages: ask the page.
AT = "(url) => location.href === url && document.readyState !== 'loading'"


def _walk_some(page: Any, site_url: str) -> dict[str, Any]:
    scenario = finished("venue")[0]
    path, answers = scenario["expect"]["path"], scenario["answers"]
    open_wizard(page, site_url, "venue")
    for qid in path[:2]:
        answer(page, qid, answers[qid])
    given = {q: answers[q] for q in path[:2]}
    page.evaluate(PUSH_ENTRIES, given)
    for _ in given:
        page.locator("h1").click()
    page.evaluate("() => sessionStorage.setItem('t2-draft', 'in progress')")
    return given


def _assert_nothing_shown(page: Any, given: dict[str, Any]) -> None:
    page.wait_for_function("() => location.href.endsWith('/tools/venue.html') && document.body")
    # The entry may hold the wizard's fresh state (its first question), never an answer.
    state = page.evaluate(STATE)
    assert not any(f'"{qid}":' in state for qid in given), state
    page.wait_for_selector(".t2-wizard.t2-ready, .t2-failed", state="attached", timeout=90_000)
    assert session_answers(page)["answers"] == {}
    screen = page.text_content(".t2-screen") or ""
    assert "t2-draft" not in str(page.evaluate("() => Object.keys(sessionStorage)"))
    for qid in given:
        assert f'data-question="{qid}"' not in page.inner_html(".t2-screen") or "checked" not in screen


@pytest.mark.parametrize("how", ["button", "keys"])
def test_quick_exit_then_back_shows_no_answers(
    wizard_page: tuple[Any, Recorder], site_url: str, how: str
) -> None:
    page, rec = wizard_page
    given = _walk_some(page, site_url)
    assert page.evaluate(STATE) != "null"
    if how == "button":
        page.locator(".t2-quick-exit").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_function(AT, arg=f"{site_url}/index.html")
    # Back, through every entry the wizard page had (its own, one per question, and the
    # ones pushed above; the last was replaced by the exit), until the page is left.
    steps = 0
    while True:
        page.go_back(wait_until="domcontentloaded")
        page.wait_for_function("() => document.readyState !== 'loading'")
        if not page.evaluate("() => location.href.endsWith('/tools/venue.html')"):
            break
        _assert_nothing_shown(page, given)
        assert page.evaluate("() => Object.keys(sessionStorage)") == ["track2-exited"]
        steps += 1
        assert steps <= 12, "Back never leaves the wizard page"
    assert steps >= len(given)
    assert rec.foreign_requests(site_url if site_url.startswith("http") else None) == []
    assert rec.page_errors == []


def test_shift_typing_does_not_exit(wizard_page: tuple[Any, Recorder], file_url: str) -> None:
    page, _rec = wizard_page
    open_wizard(page, file_url, "venue")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.evaluate("() => location.href").endswith("/tools/venue.html")


def test_quick_exit_on_the_tools_page(wizard_page: tuple[Any, Recorder], file_url: str) -> None:
    page, _rec = wizard_page
    page.goto(f"{file_url}/tools/index.html")
    assert page.locator(".t2-quick-exit").is_visible()
    page.locator(".t2-quick-exit").click()
    page.wait_for_function(AT, arg=f"{file_url}/index.html")
