"""Neutral by default, in Chromium: nothing stored before opt-in (the theme included), no
search terms in the URL, the no-JS form cannot submit, what the review shows is what a
downloaded file holds, and a file the browser cannot read is reported."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Recorder
from tests.wizard.helpers import (
    answer,
    finished,
    open_menu,
    open_wizard,
    read_yaml,
    session_answers,
    settled,
)

pytestmark = pytest.mark.browser

STORED = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"


def test_nothing_stored_after_a_walk_and_a_search_without_opt_in(
    wizard_page: tuple[Any, Recorder], site_url: str
) -> None:
    page, _rec = wizard_page
    page.goto(f"{site_url}/index.html")
    assert page.evaluate(STORED) == []
    page.click("input.md-search__input")
    page.keyboard.type("venue")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(timeout=10_000)
    first.click()
    page.wait_for_load_state("load")
    assert "?" not in page.evaluate("() => location.href"), "search terms went into the URL"
    scenario = finished("venue")[0]
    open_wizard(page, site_url, "venue")
    for qid in scenario["expect"]["path"]:
        answer(page, qid, scenario["answers"][qid])
    assert page.evaluate(STORED) == []
    page.goto(f"{site_url}/tools/index.html")
    assert page.evaluate(STORED) == []


def test_the_first_question_cannot_submit_without_javascript(browser: Any, built_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = (built_site / "tools" / "choose-process.html").as_uri()
    page.goto(url)
    assert page.locator("noscript").count() >= 1
    form = page.locator("form.t2-question")
    form.locator('input[name="t2-answer"]').first.check()
    form.locator("button[type=submit]").click()
    page.wait_for_timeout(500)
    assert page.evaluate("() => location.href") == url
    context.close()


def test_downloaded_file_holds_what_the_review_shows(
    wizard_page: tuple[Any, Recorder], file_url: str, tmp_path: Path
) -> None:
    page, _rec = wizard_page
    tree = read_yaml(ROOT / "decision_trees" / "choose-process.yaml")
    ids = [q["id"] for q in tree["questions"]]
    # A finished walk that skips at least one question.
    scenario = next(s for s in finished("choose-process") if set(ids) - set(s["expect"]["path"]))
    path = scenario["expect"]["path"]
    open_wizard(page, file_url, "choose-process")
    # The file: the scenario's answers plus answers to every question the path skips.
    extra = {q["id"]: (q["choices"][0]["id"] if q["type"] == "single" else [q["choices"][0]["id"]])
             for q in tree["questions"] if q["id"] not in path}
    assert extra, "every question is on this path: pick another scenario"
    given = tmp_path / "given.json"
    given.write_text(json.dumps({"tree": "choose-process", "version": tree["version"],
                                 "answers": {**scenario["answers"], **extra}}), encoding="utf-8")
    open_menu(page)
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-toolbar [data-action="load"]').click()
    chooser.value.set_files(given)
    page.locator(".t2-result").wait_for()
    assert f"{len(extra)} answer(s) in the file belong to questions" in page.text_content(".t2-notice")
    held = session_answers(page)["answers"]
    assert set(held) == set(path)
    open_menu(page)
    with page.expect_download() as info:
        page.locator('.t2-toolbar [data-action="download"]').click()
    saved = tmp_path / "saved.json"
    info.value.save_as(saved)
    assert set(json.loads(saved.read_text(encoding="utf-8"))["answers"]) == set(path)


def test_a_file_the_browser_cannot_read_is_reported(
    wizard_page: tuple[Any, Recorder], file_url: str, tmp_path: Path
) -> None:
    page, _rec = wizard_page
    open_wizard(page, file_url, "venue")
    before = session_answers(page)
    unreadable = "() => { File.prototype.text = () => Promise.reject(new DOMException('', 'NotReadable')); }"
    page.evaluate(unreadable)
    any_file = tmp_path / "answers.json"
    any_file.write_text("{}", encoding="utf-8")
    open_menu(page)
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-toolbar [data-action="load"]').click()
    chooser.value.set_files(any_file)
    page.locator(".t2-alert").filter(has_text="could not read it").wait_for(timeout=5000)
    settled(page)
    assert session_answers(page) == before
