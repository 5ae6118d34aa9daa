"""axe-core (from npm, injected by the test only) finds no serious or critical
violation on any page, in the light and the dark scheme; and the a11y hook's
fixes to Material's output."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Recorder
from tests.site.test_pages_browser import PAGES

spec = importlib.util.spec_from_file_location("a11y", ROOT / "hooks" / "a11y.py")
assert spec and spec.loader
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
        ),
        (
            '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
            '<span class="task-list-indicator"></span></label> Book a <a href="x.html">venue</a> &amp; food</li>',
            '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"'
            ' aria-label="Book a venue &amp; food"/>'
            '<span class="task-list-indicator"></span></label> Book a <a href="x.html">venue</a> &amp; food</li>',
        ),
        (
            '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked/>'
            '<span class="task-list-indicator"></span></label> Say "yes"<ul><li>nested</li></ul></li>',
            '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"'
            ' aria-label="Say &quot;yes&quot;" checked/>'
            '<span class="task-list-indicator"></span></label> Say "yes"<ul><li>nested</li></ul></li>',
        ),
        ("<p>No task list here</p>", "<p>No task list here</p>"),
    ],
)
def test_hook_names_search_dialog_and_task_checkboxes(html: str, expected: str) -> None:
    assert a11y.accessible(html) == expected


@pytest.mark.browser
@pytest.mark.parametrize("rel", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(
    built_site: Path, recorded_page: tuple[Any, Recorder], rel: str, scheme: str
) -> None:
    assert AXE.exists(), "node_modules/axe-core missing: run npm ci"
    page, _rec = recorded_page
    page.emulate_media(color_scheme=scheme)
    page.goto((built_site / rel).as_uri(), wait_until="load")
    # Evaluated, not a script tag: the page's content policy refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
