"""The planning workbook in Chromium, from disk and over http, desktop and phone: a whole
plan filled in (one of them by keyboard only), its checks shown as it fills in, its
exports equal to the engine's snapshots, the plan file loaded back identically, hostile
plan files refused with nothing lost, printing, accessibility, and no request elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.engine.test_workbook import PLANS, SNAPSHOTS, read_yaml, sample_plan
from tests.wizard.test_a11y import AXE, axe_violations
from track2guide.workbook import PLAN_FORMAT

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
READY_MS = 90_000
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def open_workbook(page: Any, base: str) -> None:
    # A loaded test machine can take longer than a user's start-up limit; this tests function.
    page.add_init_script(f"window.TRACK2_START_TIMEOUT_MS = {READY_MS};")
    page.goto(f"{base}/tools/workbook.html", wait_until="domcontentloaded")
    page.wait_for_selector(
        ".t2-workbook.t2-ready, .t2-wb-loading.t2-failed", state="attached", timeout=READY_MS
    )
    assert page.locator(".t2-workbook.t2-ready").count() == 1, page.inner_text(".t2-wb-loading")


def settle(page: Any) -> None:
    """Wait until every event sent to Python has been answered (typing pauses included)."""
    page.wait_for_timeout(500)
    page.evaluate("() => window.TRACK2_WORKBOOK.chain")


def fill(page: Any, answers: dict[str, Any], title: str = "") -> None:
    """Fill the plan in workbook order, as a person would, by clicking and typing."""
    if title:
        page.fill("#wb-title", title)
    for q in page.locator("[data-question]").all():
        qid = q.get_attribute("data-question")
        if qid not in answers:
            continue
        value = answers[qid]
        if q.get_attribute("data-type") == "text":
            page.fill(f"#wb-{qid}", value)
        else:
            for cid in value if isinstance(value, list) else [value]:
                page.check(f"#wb-{qid}--{cid}")
        settle(page)


def shown_checks(page: Any) -> list[str]:
    return page.eval_on_selector_all(".t2-wb-checks li[data-check]", "els => els.map(e => e.dataset.check)")


def download(page: Any, action: str) -> str:
    with page.expect_download() as caught:
        page.locator(f'.t2-wb-toolbar [data-action="{action}"]').click()
    return Path(caught.value.path()).read_text(encoding="utf-8")


TAJIK = "tests/scenarios/choose-process/tajik-dialogue-first-phase.yaml"


def process_answers_file(path: Path, answers: dict[str, Any]) -> Path:
    """The file the Choose a process page downloads from "Download my answers"."""
    version = read_yaml(ROOT / "decision_trees" / "choose-process.yaml")["version"]
    doc = {"tree": "choose-process", "version": version, "answers": answers}
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return path


def pick_file(page: Any, selector: str, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator(selector).click()
    chooser.value.set_files(path)
    settle(page)



@pytest.mark.parametrize("size", SIZES)
def test_fill_a_whole_plan_export_and_load_it_back(
    recorded_page: Any, site_url: str, size: str, tmp_path: Path
) -> None:
    page, rec = recorded_page
    page.set_viewport_size(SIZES[size])
    open_workbook(page, site_url)
    plan = sample_plan()
    fill(page, plan["answers"], plan["title"])
    expected = read_yaml(PLANS / "training-low-power-party.yaml")
    assert sorted(shown_checks(page)) == sorted(expected["fires"])
    assert download(page, "export-markdown") == (SNAPSHOTS / "workbook-plan.md").read_text(encoding="utf-8")
    assert download(page, "export-html") == (SNAPSHOTS / "workbook-plan.html").read_text(encoding="utf-8")
    saved = download(page, "save")
    assert json.loads(saved) == {"format": PLAN_FORMAT, "version": 1, **plan}
    # A fresh page: load the file back and get the same plan, the same checks, the same file.
    page.reload(wait_until="domcontentloaded")
    open_workbook(page, site_url)
    path = tmp_path / "plan.json"
    path.write_text(saved, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-wb-toolbar [data-action="load"]').click()
    chooser.value.set_files(path)
    settle(page)
    assert page.inner_text(".t2-wb-notice") == "Your plan was loaded."
    assert sorted(shown_checks(page)) == sorted(expected["fires"])
    assert download(page, "save") == saved
    assert rec.foreign_requests(site_url if site_url.startswith("http") else None) == []
    assert rec.page_errors == [] and rec.console_errors == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_checks_follow_the_answers_and_conditional_questions(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    open_workbook(page, file_url)
    assert page.inner_text(".t2-wb-summary") == "No check fires on your answers so far."
    assert page.locator('[data-question="legal-advice"]').is_hidden()
    page.check("#wb-banned--yes")
    settle(page)
    assert page.locator('[data-question="legal-advice"]').is_visible()
    assert shown_checks(page) == ["banned-without-legal-check"]
    # The check shows in the step where it arises, with its handbook link.
    check = page.locator('#wb-section-assess .t2-wb-checks li[data-check="banned-without-legal-check"]')
    assert "step-1-assess.html#illegitimate-parties" in check.locator("a").get_attribute("href")
    page.check("#wb-legal-advice--yes")
    settle(page)
    assert shown_checks(page) == []
    page.check("#wb-banned--no")
    settle(page)
    assert page.locator('[data-question="legal-advice"]').is_hidden()
    page.check("#wb-follow-up--none")
    page.check("#wb-follow-up--meetings")
    settle(page)
    error = page.locator('[data-question="follow-up"] .t2-wb-error')
    assert error.inner_text() == "“None yet” cannot be ticked together with another answer."


XSS = '<img src=x onerror="window.__pwned=1">'
HOSTILE = {
    "not-json": "{" + XSS,
    "answers-file": json.dumps({"tree": "venue", "version": 1, "answers": {}}),
    "bad-choice": json.dumps({"format": PLAN_FORMAT, "version": 1, "answers": {"talks": XSS}}),
    "markup-in-note": json.dumps(
        {"format": PLAN_FORMAT, "version": 1, "title": XSS, "answers": {"change": XSS + "\u202e"}}
    ),
    "huge": json.dumps({"format": PLAN_FORMAT, "version": 1}) + " " * (70 * 1024),
}


def test_hostile_plan_files_are_refused_with_nothing_lost(
    recorded_page: Any, file_url: str, tmp_path: Path
) -> None:
    page, rec = recorded_page
    open_workbook(page, file_url)
    fill(page, {"talks": "during", "change": "Keep this note"}, "My plan")
    before = download(page, "save")
    for name, text in HOSTILE.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        with page.expect_file_chooser() as chooser:
            page.locator('.t2-wb-toolbar [data-action="load"]').click()
        chooser.value.set_files(path)
        settle(page)
        alert = page.inner_text(".t2-wb-alert")
        assert alert.startswith("This file could not be loaded, and your plan is unchanged."), name
        assert "img" not in alert and "\u202e" not in alert, name
        assert download(page, "save") == before, name
    assert page.evaluate("() => window.__pwned") is None
    assert rec.page_errors == []


@pytest.mark.parametrize("size", SIZES)
def test_keyboard_only_plan(recorded_page: Any, site_url: str, size: str) -> None:
    """Tab through the whole workbook: every question is reached; Space ticks, typing fills notes."""
    page, rec = recorded_page
    page.set_viewport_size(SIZES[size])
    open_workbook(page, site_url)
    page.focus("#wb-title")
    page.keyboard.type("Keyboard plan")
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const e = document.activeElement; const q = e.closest('[data-question]');
            return {q: q ? q.dataset.question : null, tag: e.tagName, type: e.type || null,
                    checked: !!e.checked, action: e.dataset ? e.dataset.action || null : null}; }""")
        if info["action"] == "export-markdown":
            break
        if info["q"] and info["q"] not in reached:
            reached.add(info["q"])
            if info["tag"] == "TEXTAREA":
                page.keyboard.type("Noted.")
            elif info["type"] in ("radio", "checkbox") and not info["checked"]:
                page.keyboard.press("Space")
            settle(page)
    visible = set(
        page.eval_on_selector_all("[data-question]:not([hidden])", "els => els.map(e => e.dataset.question)")
    )
    assert visible <= reached, f"not reachable by keyboard: {sorted(visible - reached)}"
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    text = Path(caught.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# Keyboard plan\n") and "Noted." in text
    assert rec.foreign_requests(site_url if site_url.startswith("http") else None) == []


def test_printed_plan_has_no_controls_or_urls(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    open_workbook(page, file_url)
    fill(page, sample_plan()["answers"])
    page.emulate_media(media="print")
    assert page.locator(".t2-wb-toolbar").is_hidden()
    after = page.evaluate(
        """() => getComputedStyle(document.querySelector('.t2-wb-checks a'), '::after').content"""
    )
    assert after in ("none", "normal", '""')
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 1 <= pages <= 12, pages


def test_workbook_page_is_accessible(recorded_page: Any, file_url: str, tmp_path: Path) -> None:
    page, _rec = recorded_page
    if not AXE.exists():
        pytest.fail("node_modules/axe-core missing: run npm ci")
    open_workbook(page, file_url)
    fill(page, {"banned": "yes", "follow-up": ["none", "meetings"]})
    answers = read_yaml(ROOT / TAJIK)["answers"]  # a wizard's result shown beside its question
    wizard_file = process_answers_file(tmp_path / "a.json", answers)
    pick_file(page, '[data-question="process"] [data-action="wizard"]', wizard_file)
    assert page.inner_text("#wb-process-wizard")
    assert axe_violations(page, ".t2-workbook") == []


def test_quick_exit_leaves_without_asking_and_back_shows_no_plan(recorded_page: Any, file_url: str) -> None:
    page, rec = recorded_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.dismiss()))
    open_workbook(page, file_url)
    fill(page, {"change": "Names of people at risk"}, "Secret plan")
    page.locator("body").click(position={"x": 5, "y": 300})
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_function("() => location.href.endsWith('/index.html')", timeout=15_000)
    assert dialogs == []
    page.go_back(wait_until="domcontentloaded")
    page.wait_for_timeout(1000)
    assert "Names of people at risk" not in page.content()
    assert "Secret plan" not in page.content()
    assert rec.foreign_requests() == []


def test_plan_file_protected_with_a_passphrase(recorded_page: Any, file_url: str, tmp_path: Path) -> None:
    page, rec = recorded_page
    open_workbook(page, file_url)
    fill(page, {"change": "Names of people at risk", "talks": "during"}, "Protected plan")
    page.locator(".t2-protect-toggle").click()
    page.locator(".t2-protect-set input").nth(0).fill("a long passphrase")
    page.locator(".t2-protect-set input").nth(1).fill("a long passphrase")
    page.locator(".t2-protect-set .md-button--primary").click()
    sealed = download(page, "save")
    assert json.loads(sealed)["format"] == "track2-protected"
    assert "Names of people" not in sealed and "Protected plan" not in sealed
    # A fresh page: the file asks for the passphrase; a wrong one changes nothing.
    page.reload(wait_until="domcontentloaded")
    open_workbook(page, file_url)
    path = tmp_path / "plan.json"
    path.write_text(sealed, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-wb-toolbar [data-action="load"]').click()
    chooser.value.set_files(path)
    page.locator(".t2-unlock").wait_for()
    page.locator(".t2-unlock input").fill("not the passphrase")
    page.locator(".t2-unlock .md-button--primary").click()
    page.wait_for_function("() => document.querySelector('.t2-wb-alert').textContent.length > 0")
    assert page.input_value("#wb-change") == ""
    page.locator(".t2-unlock input").fill("a long passphrase")
    page.locator(".t2-unlock .md-button--primary").click()
    loaded = "() => document.querySelector('.t2-wb-notice').textContent === 'Your plan was loaded.'"
    page.wait_for_function(loaded)
    assert page.input_value("#wb-change") == "Names of people at risk"
    assert page.input_value("#wb-title") == "Protected plan"
    assert rec.page_errors == []


def test_process_from_the_wizards_answers_file_saved_cleared_and_loaded_back(
    recorded_page: Any, site_url: str, tmp_path: Path
) -> None:
    page, rec = recorded_page
    page.on("dialog", lambda d: d.accept())
    open_workbook(page, site_url)
    fill(page, {"talks": "during"}, "Plan with a wizard")
    answers = read_yaml(ROOT / TAJIK)["answers"]
    wizard_file = process_answers_file(tmp_path / "answers.json", answers)
    block = page.locator('[data-question="process"] .t2-wb-wizard')
    assert block.locator("a.t2-wb-wizard-open").get_attribute("href").endswith("tools/choose-process.html")
    pick_file(page, '[data-question="process"] [data-action="wizard"]', wizard_file)
    assert page.inner_text(".t2-wb-alert") == ""
    assert page.is_checked("#wb-process--dialogue")
    status = page.locator("#wb-process-wizard")
    assert status.inner_text().startswith("From the Choose a process wizard: Dialogue (clear lead).")
    assert "Improving relationships" in status.inner_text()
    assert "step-3-design.html#dialogue" in status.locator("a").get_attribute("href")
    assert page.evaluate("() => document.activeElement.id") == "wb-process-wizard"
    assert page.input_value("#wb-title") == "Plan with a wizard" and page.is_checked("#wb-talks--during")
    saved = download(page, "save")
    assert json.loads(saved)["wizards"] == {"choose-process": answers}
    shown = page.inner_text(".t2-wb-form")
    # Clear, then load the plan file back: the same plan, the same wizard line, the same file.
    page.locator('.t2-wb-toolbar [data-action="clear"]').click()
    settle(page)
    assert page.inner_text("#wb-process-wizard") == "" and not page.is_checked("#wb-process--dialogue")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(saved, encoding="utf-8")
    pick_file(page, '.t2-wb-toolbar [data-action="load"]', plan_file)
    assert page.inner_text(".t2-wb-notice") == "Your plan was loaded."
    assert page.inner_text(".t2-wb-form") == shown
    assert download(page, "save") == saved
    md = download(page, "export-markdown")
    assert "*From the Choose a process wizard: Dialogue (clear lead). Improving relationships" in md
    # Answering by hand overrides the wizard: its line goes and the plan file drops its answers.
    page.check("#wb-process--training")
    settle(page)
    assert page.inner_text("#wb-process-wizard") == ""
    assert "yourself" in page.inner_text(".t2-wb-notice")
    assert json.loads(download(page, "save"))["wizards"] == {}
    assert rec.foreign_requests(site_url if site_url.startswith("http") else None) == []
    assert rec.page_errors == [] and rec.console_errors == []


def test_an_unfinished_wizard_walk_changes_nothing(recorded_page: Any, file_url: str, tmp_path: Path) -> None:
    page, rec = recorded_page
    open_workbook(page, file_url)
    fill(page, {"process": "training"})
    answers = dict(list(read_yaml(ROOT / TAJIK)["answers"].items())[:2])
    path = process_answers_file(tmp_path / "answers.json", answers)
    before = download(page, "save")
    pick_file(page, '[data-question="process"] [data-action="wizard"]', path)
    assert "is not finished" in page.inner_text(".t2-wb-alert")
    assert page.is_checked("#wb-process--training") and page.inner_text("#wb-process-wizard") == ""
    assert download(page, "save") == before
    assert rec.page_errors == []
