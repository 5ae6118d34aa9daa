"""Every built page, opened in Chromium from disk and over http: styled, no
console error, and no request to any other host."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Recorder, site_pages

DOCS = ROOT / "docs"

pytestmark = pytest.mark.browser

# Enough time for the wizard pages' runtime to settle, so late errors count too.
SETTLE_MS = 1500


def check_page(page: Any, rec: Recorder, url: str, origin: str | None) -> None:
    """Open url and assert it rendered with Material's styles, quietly and locally."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS if "/tools/" in url else 200)
    # Material's stylesheet makes the header sticky; unstyled HTML leaves it static.
    position = page.eval_on_selector(".md-header", "el => getComputedStyle(el).position")
    assert position == "sticky", f"{url}: Material stylesheet not applied"
    assert page.title(), f"{url}: no title"
    assert rec.foreign_requests(origin) == [], f"{url}: requests left the device"
    assert rec.console_errors == [], f"{url}: console errors"
    assert rec.page_errors == [], f"{url}: uncaught errors"


# Known at collection time from the sources, so each page is its own test.
PAGES = sorted(p.relative_to(DOCS).with_suffix(".html").as_posix() for p in DOCS.rglob("*.md"))


def test_every_built_page_is_tested(built_site: Path) -> None:
    built = [p for p in site_pages(built_site) if p != "404.html"]
    assert len(built) >= 15
    assert built == PAGES


@pytest.mark.parametrize("rel", PAGES)
@pytest.mark.parametrize("scheme", ["file", "http"])
def test_page_renders_locally(
    built_site: Path, http_site: str, recorded_page: tuple[Any, Recorder], scheme: str, rel: str
) -> None:
    page, rec = recorded_page
    if scheme == "file":
        check_page(page, rec, (built_site / rel).as_uri(), None)
    else:
        check_page(page, rec, f"{http_site}/{rel}", http_site)
