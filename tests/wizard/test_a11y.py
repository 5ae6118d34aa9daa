"""Accessibility: axe-core finds no serious or critical violation on the wizard pages
(question, review and result screens), and a keyboard-only walk reaches a result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.wizard.helpers import ROOT, TREES, finished, mismatches, open_wizard, result_of, settled, walk

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_violations(page: Any, context: str = ".t2-wizard") -> list[str]:
    """Serious/critical violations in `context`; axe-core is injected by this test only."""
    if not page.evaluate("() => !!window.axe"):
        # Evaluated, not a script tag: the page's content policy refuses inline scripts.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate("async (ctx) => (await axe.run(ctx, {resultTypes: ['violations']})).violations",
                          context)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in found if v["impact"] in SERIOUS]


@pytest.mark.parametrize("tree", TREES)
def test_axe_on_every_screen(recorded_page: Any, file_url: str, tree: str) -> None:
    page, _rec = recorded_page
    if not AXE.exists():
        pytest.fail("node_modules/axe-core missing: run npm ci")
    open_wizard(page, file_url, tree)
    problems = {"question": axe_violations(page)}
    scenario = finished(tree)[0]
    walk(page, scenario)
    result_of(page)
    problems["result"] = axe_violations(page)
    page.locator('.t2-review [data-action="change"]').first.click()
    page.locator("form.t2-question").wait_for()
    settled(page)
    problems["changing"] = axe_violations(page)
    assert problems == {"question": [], "result": [], "changing": []}


def focused(page: Any) -> dict[str, Any]:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || null, value: e.value || null, checked: !!e.checked,
                focus: e.hasAttribute('data-focus'), inForm: !!e.closest('form.t2-question'),
                action: e.dataset ? e.dataset.action || null : null}; }""")


def tab_to(page: Any, wanted: Any, limit: int = 80) -> dict[str, Any]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            return now
    raise AssertionError("Tab never reached the wanted control")


def keyboard_answer(page: Any, qid: str, value: Any) -> None:
    page.locator(f'form.t2-question[data-question="{qid}"]').wait_for()
    now = tab_to(page, lambda f: f["inForm"] and f["type"] in ("radio", "checkbox"))
    if now["type"] == "radio":
        for _ in range(40):  # arrow keys move through the group and select
            if focused(page)["value"] == value:
                break
            page.keyboard.press("ArrowDown")
        if not focused(page)["checked"]:
            page.keyboard.press("Space")
        assert focused(page)["value"] == value and focused(page)["checked"]
        tab_to(page, lambda f: f["action"] == "answer")
    else:  # Tab through the list (links included), ticking with Space, to the Next button
        while now["action"] != "answer":
            if now["inForm"] and now["type"] == "checkbox" and (now["value"] in value) != now["checked"]:
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
            now = focused(page)
    page.keyboard.press("Enter")


def test_keyboard_only_walk(recorded_page: Any, site_url: str) -> None:
    page, _rec = recorded_page
    scenario = finished("venue")[0]
    open_wizard(page, site_url, "venue")
    for qid in scenario["expect"]["path"]:
        keyboard_answer(page, qid, scenario["answers"][qid])
        page.wait_for_function("() => document.activeElement.hasAttribute('data-focus')")
    got = result_of(page)
    assert not mismatches(got, scenario["expect"]["result"])
    assert page.evaluate("() => document.activeElement.textContent") == "Your result"
    assert page.text_content(".t2-live").startswith("Your result: ")


def test_every_control_is_labelled(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    open_wizard(page, file_url, "venue")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('.t2-wizard input, .t2-wizard button')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
        .map(e => e.outerHTML)""")
    assert unlabelled == []


def test_phone_sized_screen_has_no_sideways_scroll(browser: Any, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_wizard(page, built_site.as_uri(), "choose-process")
        walk(page, next(s for s in finished("choose-process") if s["expect"]["result"].get("top")))
        result_of(page)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"page is {width}px wide on a 390px screen"
    finally:
        context.close()


def test_a_skip_link_leads_to_the_first_answer(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    open_wizard(page, file_url, "venue")
    for _ in range(2):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('t2-skip')"):
            break
    on_skip = page.evaluate("() => document.activeElement.classList.contains('t2-skip')")
    assert on_skip, "the skip link is not among the first two Tab stops"
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to the first answer"
    page.keyboard.press("Enter")
    now = focused(page)
    assert now["inForm"] and now["type"] in ("radio", "checkbox")
    assert page.evaluate("() => location.hash") == ""  # no #fragment entry in the history
