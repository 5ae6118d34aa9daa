"""The wizard as a sequence of steps, at desktop and phone sizes, from file:// and over http:
each question is a step of the tab's history (Back and Forward, Read more and back), the
question heading lands below Material's sticky header and takes focus after every step,
errors show GOV.UK style in view with focus, and Start again asks first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.wizard.helpers import (
    PATIENT,
    answer,
    confirm,
    finished,
    open_wizard,
    session_answers,
    settled,
    ticked,
    wait_ready,
)

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# Where the focused heading (or error summary) is, and whether anything fixed lies over it.
IN_VIEW = """sel => {
  const el = document.querySelector(sel);
  const box = el.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const x = box.left + Math.min(20, box.width / 2), y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {top: box.top, bottom: box.bottom, headerBottom: header.bottom, height: innerHeight,
          covered: !(hit && (el === hit || el.contains(hit))), focused: document.activeElement === el};
}"""


@pytest.fixture(params=list(SIZES))
def sized_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    phone = request.param == "phone"
    context = browser.new_context(viewport=SIZES[request.param], is_mobile=phone, has_touch=phone)
    context.add_init_script(PATIENT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == []


def scenario() -> dict[str, Any]:
    return next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))


def question(page: Any) -> str:
    return page.get_attribute("form.t2-question", "data-question", timeout=10_000)  # type: ignore[no-any-return]


def assert_in_view(page: Any, selector: str) -> None:
    where = page.evaluate(IN_VIEW, selector)
    assert where["top"] >= where["headerBottom"] - 0.5, where
    assert where["bottom"] <= where["height"] + 0.5, where
    assert not where["covered"], where
    assert where["focused"], where


def test_back_and_forward_move_between_questions(sized_page: Any, site_url: str) -> None:
    page = sized_page
    case = scenario()
    path, answers = case["expect"]["path"], case["answers"]
    open_wizard(page, site_url, "choose-process")
    url, title = page.url, page.title()
    for qid in path[:3]:
        answer(page, qid, answers[qid])
    assert question(page) == path[3]
    assert page.url == url and page.title() == title  # no answer in the address or the title
    for qid in reversed(path[:3]):
        page.go_back()
        page.locator(f'form.t2-question[data-question="{qid}"]').wait_for()
        settled(page)
        want = answers[qid] if isinstance(answers[qid], list) else [answers[qid]]
        assert sorted(ticked(page)) == sorted(want), qid
        assert page.url == url
    page.go_forward()
    page.locator(f'form.t2-question[data-question="{path[1]}"]').wait_for()
    settled(page)
    assert session_answers(page)["answers"] == {q: answers[q] for q in path[:3]}
    state = page.evaluate("() => JSON.stringify(history.state)")
    assert answers[path[0]] in state  # the current entry holds the answers, for this tab only
    page.go_back()
    page.locator(f'form.t2-question[data-question="{path[0]}"]').wait_for()
    page.go_back()  # from question 1, Back leaves the wizard
    page.wait_for_function("u => location.href !== u", arg=url, timeout=10_000)


def test_read_more_and_back_keeps_the_answers(sized_page: Any, site_url: str) -> None:
    page = sized_page
    case = scenario()
    path, answers = case["expect"]["path"], case["answers"]
    open_wizard(page, site_url, "choose-process")
    for qid in path[:3]:
        answer(page, qid, answers[qid])
    page.locator("form.t2-question .t2-more a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert "/tools/" not in page.url
    page.go_back(wait_until="domcontentloaded")
    page.locator(f'form.t2-question[data-question="{path[3]}"]').wait_for(timeout=2000)  # at once
    wait_ready(page)
    assert session_answers(page)["answers"] == {q: answers[q] for q in path[:3]}
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('track2'))") == []
    page.go_back()  # and Back still steps through the questions
    page.locator(f'form.t2-question[data-question="{path[2]}"]').wait_for()


def test_heading_lies_below_the_header_after_every_step(sized_page: Any, site_url: str) -> None:
    page = sized_page
    case = scenario()
    open_wizard(page, site_url, "choose-process")
    for qid in case["expect"]["path"]:
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # Next is pressed low down
        answer(page, qid, case["answers"][qid])
        page.wait_for_function("() => document.activeElement.hasAttribute('data-focus')")
        assert_in_view(page, "[data-focus]")
    page.locator(".t2-result").wait_for()
    page.go_back()
    page.locator("form.t2-question").wait_for()
    settled(page)
    page.wait_for_function("() => document.activeElement.hasAttribute('data-focus')")
    assert_in_view(page, "[data-focus]")


def test_an_error_shows_in_view_with_focus(sized_page: Any, site_url: str) -> None:
    page = sized_page
    case = scenario()
    path = case["expect"]["path"]
    open_wizard(page, site_url, "choose-process", ready=False)
    page.locator("form.t2-question button[type=submit]").click()  # even before Python is ready
    assert page.locator(".t2-error-summary").is_visible()
    assert "will be used" not in (page.text_content(".t2-notice") or "")
    wait_ready(page)
    for qid in path[:2]:
        answer(page, qid, case["answers"][qid])
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.locator("form.t2-question button[type=submit]").click()
    summary = page.locator(".t2-error-summary")
    summary.wait_for()
    assert_in_view(page, ".t2-error-summary")
    assert summary.text_content().startswith("There is a problem")
    message = page.locator(".t2-error-message")
    assert message.is_visible() and "Choose an answer" in message.text_content()
    assert "t2-error" in page.get_attribute("form.t2-question fieldset", "aria-describedby")
    summary.locator("a").click()  # to the first answer, with no new history entry
    assert page.evaluate("() => document.activeElement.name") == "t2-answer"
    assert question(page) == path[2]
    assert session_answers(page)["answers"] == {q: case["answers"][q] for q in path[:2]}


def test_start_again_asks_first(sized_page: Any, file_url: str) -> None:
    page = sized_page
    case = scenario()
    path = case["expect"]["path"]
    open_wizard(page, file_url, "choose-process")
    for qid in path[:2]:
        answer(page, qid, case["answers"][qid])
    page.locator('.t2-toolbar [data-action="restart"]').click()
    assert page.locator("dialog.t2-confirm").is_visible()
    confirm(page, yes=False)
    assert question(page) == path[2]
    assert len(session_answers(page)["answers"]) == 2
    page.locator('.t2-toolbar [data-action="restart"]').click()
    confirm(page)
    page.locator(f'form.t2-question[data-question="{path[0]}"]').wait_for()
    assert session_answers(page)["answers"] == {}
    assert page.evaluate("() => history.state.track2Wizard.session.answers.answers") == {}
    page.go_back()  # the entries left behind hold no answers
    settled(page)
    assert session_answers(page)["answers"] == {}
    assert page.evaluate("() => history.state.track2Wizard.session.answers.answers") == {}


def test_forget_leaves_no_answers_in_any_entry(sized_page: Any, file_url: str) -> None:
    """What a quick exit calls before it replaces the page: rewind, wipe, and cut off the
    later entries (after Back, a later entry may still hold the answers)."""
    page = sized_page
    case = scenario()
    path = case["expect"]["path"]
    open_wizard(page, file_url, "choose-process")
    for qid in path[:3]:
        answer(page, qid, case["answers"][qid])
    page.go_back()
    page.locator(f'form.t2-question[data-question="{path[2]}"]').wait_for()
    settled(page)
    page.evaluate("""url => new Promise(done => window.TRACK2_WIZARD.forget(() => {
        location.replace(url); done(); }))""", f"{file_url}/index.html")
    page.wait_for_url("**/index.html")
    page.go_back()
    page.wait_for_url("**/tools/choose-process.html")
    wait_ready(page)
    assert session_answers(page)["answers"] == {}
    assert page.evaluate("() => history.state.track2Wizard.session.answers.answers") == {}
    assert page.locator(f'form.t2-question[data-question="{path[0]}"]').count() == 1
    page.go_forward()  # the exit page; nothing after it
    page.wait_for_url("**/index.html")
    assert page.evaluate("() => history.length") <= 3
