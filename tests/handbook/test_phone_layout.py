"""Handbook pages on a phone (390 x 844 CSS pixels) in Chromium, opened from disk.

No page may need sideways scrolling, and a table wider than the screen is allowed only
inside a scroll container that shows a visible cue (the edge shadow set in
docs/stylesheets/extra.css). Wizard pages under docs/tools/ are tested in tests/wizard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = sorted(p.with_suffix(".html").name for p in (ROOT / "docs").glob("*.md"))

# For every table: does it overflow its scroll container, and does that container show a
# cue (a background gradient, i.e. the scroll shadow)? Also the page's own width.
MEASURE = """() => {
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const tables = [...document.querySelectorAll('.md-content table')].map((table) => {
    const scrollers = [];
    for (let el = table; el && !el.classList.contains('md-content'); el = el.parentElement) {
      if (scrolls(el) && el.scrollWidth > el.clientWidth + 1) scrollers.push(el);
    }
    const sticksOut = table.getBoundingClientRect().right > innerWidth + 1;
    const cue = scrollers.length > 0 && scrollers.every(
      (el) => getComputedStyle(el).backgroundImage.includes('gradient'));
    return {overflows: scrollers.length > 0 || sticksOut, cue,
            hidden: !table.checkVisibility(),
            head: ((table.querySelector('th, td') || {}).textContent || '').slice(0, 40)};
  });
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth, tables};
}"""


@pytest.fixture
def phone_page(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def measure(page: Any, url: str) -> dict[str, Any]:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


@pytest.mark.parametrize("rel", PAGES)
def test_page_fits_a_phone(built_site: Path, phone_page: Any, rel: str) -> None:
    found = measure(phone_page, (built_site / rel).as_uri())
    assert found["scrollWidth"] <= found["innerWidth"], (
        f"{rel}: page is {found['scrollWidth']}px wide on a {found['innerWidth']}px screen"
    )
    uncued = [t for t in found["tables"] if t["overflows"] and not t["cue"] and not t["hidden"]]
    assert not uncued, f"{rel}: tables wider than the screen without a scroll cue: {uncued}"


def test_overflow_check_can_fail(built_site: Path, phone_page: Any) -> None:
    # A table forced wider than the screen, with the cue removed, must be reported.
    phone_page.goto((built_site / "step-2-plan.html").as_uri(), wait_until="load")
    # Styles set from script (the page's content policy refuses inline style sheets).
    phone_page.evaluate("""() => {
        document.querySelectorAll('.md-content table').forEach(t => { t.style.minWidth = '900px'; });
        document.querySelectorAll('*').forEach(
            e => e.style.setProperty('background-image', 'none', 'important'));
    }""")
    found = phone_page.evaluate(MEASURE)
    assert any(t["overflows"] and not t["cue"] for t in found["tables"])
