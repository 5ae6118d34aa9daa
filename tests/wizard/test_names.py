"""One name per wizard everywhere, and the wizards reachable from the
first screen of the home page on a phone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.wizard.helpers import TREES, read_yaml

# Each wizard's one name is its tree's title.
NAMES = {tid: str(read_yaml(ROOT / "decision_trees" / f"{tid}.yaml")["title"]) for tid in TREES}

OTHER_NAMES = ("Check a venue", "hybrid approach", "choose process wizard", "venue wizard", "approach wizard")


def test_nav_trees_and_pages_use_the_one_name(built_site: Path) -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for tid, name in NAMES.items():
        assert f"{name}: tools/{tid}.md" in nav
        assert f'"{name} (paper)": tools/paper/{tid}.md' in nav
        for rel in (f"tools/{tid}.html", f"tools/paper/{tid}.html"):
            html = (built_site / rel).read_text(encoding="utf-8")
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
            assert h1 and re.sub(r"<[^>]+>", "", h1.group(1)).startswith(name), rel
    for rel in ("tools/index.html", "index.html", *(f"tools/{p}.html" for p in NAMES),
                *(f"tools/paper/{p}.html" for p in NAMES)):
        text = re.sub(r"<[^>]+>", " ", (built_site / rel).read_text(encoding="utf-8"))
        assert not [n for n in OTHER_NAMES if n.lower() in text.lower()], rel


@pytest.mark.browser
def test_the_wizards_are_on_the_first_phone_screen_of_the_home_page(browser: Any, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{built_site.as_uri()}/index.html")
        for tid, name in NAMES.items():
            link = page.locator(f'article a[href="tools/{tid}.html"]').first
            assert link.text_content() == name
            box = link.bounding_box()
            assert box and box["y"] + box["height"] <= 844, (name, box)
    finally:
        context.close()
