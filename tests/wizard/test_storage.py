"""Keeping answers in the browser (opt-in, visible, wipeable), downloading them, loading
them back, exporting the result as Markdown, and the clear-all button."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.wizard.helpers import (
    answer,
    confirm,
    finished,
    open_menu,
    open_wizard,
    result_of,
    session_answers,
    wait_ready,
    walk,
)

pytestmark = pytest.mark.browser

KEPT = "() => Object.keys(localStorage).filter(k => k.startsWith('track2-wizard:'))"
# Everything in localStorage except Material's own colour-scheme choice (`<path>.__palette`).
STORED = "() => Object.keys(localStorage).filter(k => !k.endsWith('.__palette'))"


def sort_lists(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: sorted(v) if isinstance(v, list) else v for k, v in answers.items()}


def test_kept_answers_survive_a_new_tab_and_clear_wipes_them(recorded_page: Any, site_url: str) -> None:
    page, _rec = recorded_page
    scenario = finished("venue")[0]
    path, answers = scenario["expect"]["path"], scenario["answers"]
    open_wizard(page, site_url, "venue")
    open_menu(page)
    page.check(".t2-keep")
    assert "kept in this browser" in page.text_content(".t2-notice")
    for qid in path[:2]:
        answer(page, qid, answers[qid])
    page.locator(f'form.t2-question[data-question="{path[2]}"]').wait_for()
    assert page.evaluate(KEPT) == ["track2-wizard:venue"]
    page.close()
    page = recorded_page[0].context.new_page()  # a new tab: only the kept answers can bring them back
    open_wizard(page, site_url, "venue", ready=False)
    assert "Restoring your answers" in page.text_content(".t2-screen") or page.locator(".t2-ready").count()
    wait_ready(page)
    page.locator(f'form.t2-question[data-question="{path[2]}"]').wait_for()
    assert page.is_checked(".t2-keep")
    assert page.text_content(".t2-notice") == "Your kept answers were restored."
    open_menu(page)
    page.locator('.t2-toolbar [data-action="clear"]').click()
    confirm(page)
    page.locator(f'form.t2-question[data-question="{path[0]}"]').wait_for()
    assert page.evaluate(STORED) == []
    assert not page.is_checked(".t2-keep")
    assert session_answers(page)["answers"] == {}
    page.reload(wait_until="domcontentloaded")  # nor does this tab's history keep them
    wait_ready(page)
    assert session_answers(page)["answers"] == {}


def test_nothing_is_kept_without_the_opt_in(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    scenario = finished("venue")[0]
    open_wizard(page, file_url, "venue")
    for qid in scenario["expect"]["path"][:2]:
        answer(page, qid, scenario["answers"][qid])
    assert page.evaluate(STORED) == []
    other = page.context.new_page()  # another tab: this tab's history is not shared
    open_wizard(other, file_url, "venue")
    assert session_answers(other)["answers"] == {}
    open_menu(other)
    other.check(".t2-keep")
    other.uncheck(".t2-keep")
    assert other.evaluate(STORED) == []


def test_download_then_load_gives_the_same_result(recorded_page: Any, site_url: str, tmp_path: Path) -> None:
    page, _rec = recorded_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, site_url, "choose-process")
    walk(page, scenario)
    before = result_of(page)
    open_menu(page)
    with page.expect_download() as info:
        page.locator('.t2-toolbar [data-action="download"]').click()
    assert info.value.suggested_filename == "answers.json"  # a name that tells nothing
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert set(doc) == {"tree", "version", "answers"} and doc["tree"] == "choose-process"
    assert sort_lists(doc["answers"]) == sort_lists(scenario["answers"])
    page.locator('.t2-toolbar [data-action="restart"]').click()
    confirm(page)
    page.locator("form.t2-question").wait_for()
    assert session_answers(page)["answers"] == {}
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-toolbar [data-action="load"]').click()
    chooser.value.set_files(saved)
    assert result_of(page) == before
    assert page.text_content(".t2-notice") == "Your answers were loaded from the file."


def test_export_markdown(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, file_url, "choose-process")
    walk(page, scenario)
    title = page.text_content(".t2-outcome--top h3")
    with page.expect_download() as info:
        page.locator('.t2-result [data-action="export"]').click()
    assert info.value.suggested_filename == "summary.md"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# ") and title.split(" (")[0] in text


def test_clear_all_on_the_tools_page(recorded_page: Any, site_url: str) -> None:
    page, rec = recorded_page
    page.goto(f"{site_url}/tools/index.html")
    page.evaluate("""() => { localStorage.setItem('track2-wizard:venue', '{}');
                            localStorage.setItem('track2-wizard:approach', '{}');
                            localStorage.setItem('unrelated', 'x'); }""")
    page.locator(".t2-clear-all").click()  # visits each wizard page, which clears its own storage
    page.wait_for_function("() => (document.querySelector('.t2-clear .t2-notice') || {}).textContent")
    assert page.evaluate("() => location.href") == f"{site_url}/tools/index.html"
    assert page.evaluate(KEPT) == []
    assert page.evaluate("() => localStorage.getItem('unrelated')") == "x"
    assert "cleared" in page.text_content(".t2-clear .t2-notice")
    assert not [u for u in rec.requests if "/assets/pyodide/" in u], "the wizard pages must not start Python"
    assert page.evaluate("() => history.length") <= 2, "the clearing round must replace history entries"
    assert rec.console_errors == [] and rec.page_errors == []
