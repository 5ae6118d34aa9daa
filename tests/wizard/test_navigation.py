"""Going back, changing answers, the review list, and clicks made before the engine runs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import (
    answer,
    finished,
    open_wizard,
    result_of,
    session_answers,
    settled,
    wait_ready,
    walk,
)
from track2guide import step
from track2guide_build import load_all_trees

pytestmark = pytest.mark.browser


def engine_result(tree_id: str, answers: dict[str, Any]) -> dict[str, Any]:
    """What the page should show for these answers, computed by the engine under CPython."""
    tree = {t.id: t.data for t in load_all_trees(".")}[tree_id]
    result = step(tree, answers)["result"]
    out: dict[str, Any] = {"gate": result["gate"]["outcome"] if result["gate"] else None,
                           "warnings": [w["id"] for w in result["warnings"]]}
    if result["kind"] == "ranking" and not result["gate"]:
        out["top"] = result["ranked"][0]["outcome"] if result["clear"] else None
    return out


def current_question(page: Any) -> str | None:
    return page.get_attribute("form.t2-question", "data-question", timeout=10_000)  # type: ignore[no-any-return]


def test_a_click_before_the_engine_is_ready_is_honoured(recorded_page: Any, http_site: str) -> None:
    page, rec = recorded_page
    held: list[Any] = []  # the wasm bundle is held back until the click is made

    def hold(route: Any) -> None:
        held.append(route)

    page.route("**/pyodide-wasm.js", hold)
    scenario = finished("venue")[0]
    first, second, third = scenario["expect"]["path"][:3]
    open_wizard(page, http_site, "venue", ready=False)
    answer(page, first, scenario["answers"][first])  # shown at once from the page's opening
    page.locator(f'form.t2-question[data-question="{second}"]').wait_for(timeout=3000)
    answer(page, second, scenario["answers"][second])  # this one needs Python
    assert page.evaluate("() => !window.TRACK2_WIZARD.call")  # Python not connected yet
    assert "as soon as" in page.text_content(".t2-notice")
    assert page.locator(".t2-loading progress").is_visible()
    page.wait_for_timeout(200)
    assert held, "the wasm bundle was never requested"
    held[0].continue_()
    wait_ready(page)
    page.locator(f'form.t2-question[data-question="{third}"]').wait_for(timeout=10_000)
    assert session_answers(page)["answers"] == {q: scenario["answers"][q] for q in (first, second)}
    assert rec.console_errors == [] and rec.page_errors == []


def test_back_keeps_answers(recorded_page: Any, site_url: str) -> None:
    page, _rec = recorded_page
    scenario = finished("choose-process")[0]
    path, answers = scenario["expect"]["path"], scenario["answers"]
    open_wizard(page, site_url, "choose-process")
    for qid in path[:3]:
        answer(page, qid, answers[qid])
    assert current_question(page) == path[3]
    for qid in reversed(path[:3]):
        page.locator('form.t2-question [data-action="back"], .t2-screen [data-action="back"]').first.click()
        page.locator(f'form.t2-question[data-question="{qid}"]').wait_for()
        checked = page.eval_on_selector_all('input[name="t2-answer"]:checked', "els => els.map(e => e.value)")
        want = answers[qid] if isinstance(answers[qid], list) else [answers[qid]]
        assert checked == want, qid
        assert page.evaluate("() => document.activeElement.matches('[data-focus]')")
    assert page.locator('.t2-screen [data-action="back"]').count() == 0  # none on the first question
    page.locator("form.t2-question button[type=submit]").click()  # keep the kept answer, move on
    page.locator(f'form.t2-question[data-question="{path[1]}"]').wait_for()
    assert session_answers(page)["answers"] == {q: answers[q] for q in path[:3]}


def test_changing_an_earlier_answer_recomputes(recorded_page: Any, site_url: str) -> None:
    page, _rec = recorded_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, site_url, "choose-process")
    walk(page, scenario)
    before = result_of(page)
    rows = page.locator(".t2-review .t2-answer-row")
    assert rows.count() == len(scenario["expect"]["path"])
    first = scenario["expect"]["path"][0]
    change = page.locator(f'.t2-review [data-action="change"][data-question="{first}"]')
    assert "Change your answer to:" in change.text_content()
    change.click()
    page.locator(f'form.t2-question[data-question="{first}"]').wait_for()
    other = page.eval_on_selector_all('input[name="t2-answer"]:not(:checked)', "els => els.map(e => e.value)")
    answer(page, first, other[-1])
    for _ in range(40):  # answer whatever the new path asks, until a result or the review
        if page.locator(".t2-result").count():
            break
        if page.locator(".t2-review").count() and not page.locator("form.t2-question").count():
            page.locator('[data-action="continue"]').click()
            settled(page)
            continue
        qid = str(current_question(page))
        value = scenario["answers"].get(qid)
        if value is None:
            value = page.get_attribute('form.t2-question input[name="t2-answer"]', "value")
        answer(page, qid, value)
    shown = result_of(page)
    want = engine_result("choose-process", session_answers(page))
    assert {k: shown.get(k) for k in want} == want
    assert shown != before or other[-1] == scenario["answers"][first]


def test_review_list_mid_walk(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    scenario = finished("approach")[0]
    path = scenario["expect"]["path"]
    open_wizard(page, file_url, "approach")
    for qid in path[:2]:
        answer(page, qid, scenario["answers"][qid])
    page.locator('.t2-screen [data-action="review"]').click()
    settled(page)
    assert page.locator(".t2-review .t2-answer-row").count() == 2
    assert page.evaluate("() => document.activeElement.textContent") == "Your answers"
    assert "Your answers" in page.text_content(".t2-live")
    page.locator('[data-action="continue"]').click()
    assert current_question(page) == path[2]
