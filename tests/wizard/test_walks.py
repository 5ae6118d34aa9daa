"""Full walks by clicking, from file:// and over http: every scenario of every tree
reaches its expected result, with reasons and working handbook links, no request to
another host and no console error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from tests.wizard.helpers import TREES, confirm, finished, mismatches, open_wizard, result_of, walk

pytestmark = pytest.mark.browser


def restart(page: Any, first_question: str) -> None:
    page.locator('.t2-toolbar [data-action="restart"]').click()
    confirm(page)
    page.locator(f'form.t2-question[data-question="{first_question}"]').wait_for()


def link_targets_exist(page: Any, site: Path) -> list[str]:
    """Handbook links in the result whose page or anchor does not exist in the built site."""
    broken = []
    hrefs = page.eval_on_selector_all(".t2-result a[href], .t2-review a[href]", "els => els.map(a => a.href)")
    for href in hrefs:
        url = urlparse(href)
        rel = unquote(url.path).split("/site/", 1)[-1] if url.scheme == "file" else url.path.lstrip("/")
        target = site / rel
        html = target.read_text(encoding="utf-8") if target.is_file() else ""
        if not html or (url.fragment and f'id="{url.fragment}"' not in html):
            broken.append(href)
    return broken


@pytest.mark.parametrize("tree", TREES)
def test_every_scenario_by_clicking(recorded_page: Any, site_url: str, built_site: Path, tree: str) -> None:
    page, rec = recorded_page
    cases = finished(tree)
    assert cases, f"no finished scenarios for {tree}"
    open_wizard(page, site_url, tree)
    first = page.get_attribute("form.t2-question", "data-question")
    failures = {}
    for scenario in cases:
        walk(page, scenario)
        got = result_of(page)
        wrong = mismatches(got, scenario["expect"]["result"])
        if wrong:
            failures[scenario["name"]] = wrong
        result = page.locator(".t2-result")
        if got.get("top"):  # the top result says why and where to read more
            assert page.locator(".t2-ranked > li:first-child .t2-reasons li").count() > 0, scenario["name"]
            assert page.locator(".t2-ranked > li:first-child a[href*='.html#']").count() > 0, scenario["name"]
        if got.get("missing_required"):
            assert page.locator(".t2-items--missing-required li").first.is_visible()
        assert page.locator(".t2-review .t2-answer-row").count() == len(scenario["expect"]["path"])
        assert result.locator("a[href*='.html#']").count() + page.locator(".t2-gate a").count() > 0
        assert not link_targets_exist(page, built_site), scenario["name"]
        restart(page, str(first))
    assert not failures, failures
    origin = site_url if site_url.startswith("http") else None
    assert rec.foreign_requests(origin) == []
    assert rec.console_errors == [] and rec.page_errors == []


def normalise(page: Any, html: str) -> str:
    script = "h => { const t = document.createElement('template'); t.innerHTML = h; return t.innerHTML; }"
    return page.evaluate(script, html)


@pytest.mark.parametrize("tree", TREES)
def test_prerendered_question_equals_the_live_one(recorded_page: Any, file_url: str, built_site: Path,
                                                   tree: str) -> None:
    page, _rec = recorded_page
    source = (built_site / "tools" / f"{tree}.html").read_text(encoding="utf-8")
    match = re.search(r'<div class="t2-screen"[^>]*>(.*?)</div><script type="application/json" '
                      r'class="t2-opening">', source, re.DOTALL)
    assert match, "no pre-rendered screen in the page"
    open_wizard(page, file_url, tree)
    show = '{"action": "show"}'  # asked of Python itself, not taken from the opening
    live = page.evaluate("async show => (await window.TRACK2_WIZARD.call('null', show)).html", show)
    assert normalise(page, match.group(1)) == normalise(page, live)
    assert normalise(page, match.group(1)) == page.inner_html(".t2-screen")


def test_runs_from_a_folder_named_with_spaces_and_brackets(recorded_page: Any, built_site: Path,
                                                            tmp_path: Path) -> None:
    page, rec = recorded_page
    copy = tmp_path / "Track II Handbook [USB copy]"
    shutil.copytree(built_site, copy)
    scenario = finished("venue")[0]
    open_wizard(page, copy.as_uri(), "venue")
    walk(page, scenario)
    assert not mismatches(result_of(page), scenario["expect"]["result"])
    assert rec.foreign_requests() == [] and rec.console_errors == [] and rec.page_errors == []


def test_print_view_shows_the_result_without_controls(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, file_url, "choose-process")
    walk(page, scenario)
    result_of(page)
    page.emulate_media(media="print")
    for hidden in (".t2-toolbar", ".t2-result-actions", ".t2-review .t2-change", ".md-header", ".md-sidebar"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".t2-result .t2-verdict").is_visible()
    assert page.locator(".t2-review .t2-answer-row").first.is_visible()
    assert page.locator(".t2-outcome--top .t2-reasons").is_visible()  # the winner's reasons print
    after = page.evaluate("""() => [...document.querySelectorAll('.t2-result a[href]')]
        .map(a => getComputedStyle(a, '::after').content).filter(c => c !== 'none' && c !== 'normal')""")
    assert after == []  # no "(../step-2-plan.html#...)" after the links


@pytest.mark.parametrize("tree", TREES)
def test_every_result_prints_on_at_most_three_a4_pages(recorded_page: Any, file_url: str, tree: str) -> None:
    page, _rec = recorded_page
    open_wizard(page, file_url, tree)
    first = str(page.get_attribute("form.t2-question", "data-question"))
    pages = {}
    for scenario in finished(tree):
        walk(page, scenario)
        result_of(page)
        pdf = page.pdf(format="A4")
        counts = re.findall(rb"/Count (\d+)", pdf)
        assert counts, "no page count in the PDF"
        pages[scenario["name"]] = max(int(c) for c in counts)
        restart(page, first)
    assert max(pages.values()) <= 3, pages
