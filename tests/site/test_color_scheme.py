"""Dark mode follows the system setting on every kind of page, and choosing it stores nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Recorder

pytestmark = pytest.mark.browser

PAGES = ["index.html", "step-4-conduct.html", "tools/venue.html", "tools/workbook.html"]


@pytest.mark.parametrize("rel", PAGES)
@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_scheme_follows_the_system_and_nothing_is_stored(
    built_site: Path, recorded_page: tuple[Any, Recorder], rel: str, system: str, scheme: str
) -> None:
    page, rec = recorded_page
    page.emulate_media(color_scheme=system)
    page.goto((built_site / rel).as_uri(), wait_until="load")
    assert page.get_attribute("body", "data-md-color-scheme") == scheme
    other = "light" if system == "dark" else "dark"
    page.emulate_media(color_scheme=other)
    page.wait_for_function(
        "want => document.body.dataset.mdColorScheme === want", arg="slate" if other == "dark" else "default"
    )
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    assert rec.page_errors == []
