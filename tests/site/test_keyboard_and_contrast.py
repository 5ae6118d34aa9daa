"""Glossary terms reachable by keyboard with a readable tooltip, and hover colours that
keep text readable (white on Material's deep orange was 2.8:1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hooks import a11y
from tests.conftest import Recorder


def test_first_use_of_each_term_gets_a_tab_stop() -> None:
    html = '<p><abbr title="A">x</abbr> <abbr title="B">y</abbr> <abbr title="A">x</abbr></p>'
    assert a11y.accessible(html) == (
        '<p><abbr tabindex="0" title="A">x</abbr> <abbr tabindex="0" title="B">y</abbr> '
        '<abbr title="A">x</abbr></p>'
    )


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """el => { const s = getComputedStyle(el);
  const rgb = v => v.match(/\\d+/g).slice(0, 3).map(Number);
  const alpha = s.backgroundColor.match(/[\\d.]+/g)[3] ?? '1';
  return {fg: rgb(s.color), bg: rgb(s.backgroundColor), alpha: alpha}; }"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_buttons_and_links_stay_readable(
    built_site: Path, recorded_page: tuple[Any, Recorder], scheme: str
) -> None:
    page, _rec = recorded_page
    page.emulate_media(color_scheme=scheme)
    page.goto((built_site / "tools" / "venue.html").as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    button = page.locator(".md-typeset .md-button").first
    button.hover()
    page.wait_for_timeout(400)  # Material animates the colour change
    got = button.evaluate(COLOURS)
    assert float(got["alpha"]) == 1.0
    assert contrast(tuple(got["fg"]), tuple(got["bg"])) >= 4.5, got
    link = page.locator(".md-content a[href]:not(.md-button):not(.headerlink)").first
    link.hover()
    page.wait_for_timeout(400)
    page_bg = page.evaluate(
        "() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number)"
    )
    fg = link.evaluate(COLOURS)["fg"]
    assert contrast(tuple(fg), tuple(page_bg[:3])) >= 4.5, (fg, page_bg)


@pytest.mark.browser
def test_glossary_term_is_reached_by_tab_and_shows_a_readable_tooltip(
    built_site: Path, recorded_page: tuple[Any, Recorder]
) -> None:
    page, _rec = recorded_page
    page.goto((built_site / "step-2-plan.html").as_uri(), wait_until="load")
    page.locator("article h1").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("() => document.activeElement.tagName") == "ABBR"
    tip = page.locator('[role="tooltip"]').first
    tip.wait_for(state="visible", timeout=5000)
    inner = "el => getComputedStyle(el.querySelector('.md-tooltip2__inner') || el).fontSize"
    size = float(tip.evaluate(inner)[:-2])
    assert size >= 13, size
