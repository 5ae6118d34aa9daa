"""Site search works from file://: a word found only on another page leads there."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Recorder

pytestmark = pytest.mark.browser


def word_only_on_one_page(site: Path) -> tuple[str, str]:
    """A distinctive word that the search index holds for exactly one page (not Home)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages_by_word: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        for word in set(re.findall(r"[a-z]{9,}", text)):
            pages_by_word.setdefault(word, set()).add(page)
    candidates = sorted(
        (word, next(iter(pages)))
        for word, pages in pages_by_word.items()
        if len(pages) == 1 and next(iter(pages)) not in ("", "index.html")
        and next(iter(pages)).startswith("step-")
    )
    assert candidates, "no word unique to one step page in the search index"
    return candidates[len(candidates) // 2]


def test_search_from_disk_finds_word_on_other_page(
    built_site: Path, recorded_page: tuple[Any, Recorder]
) -> None:
    page, rec = recorded_page
    word, target = word_only_on_one_page(built_site)
    page.goto((built_site / "index.html").as_uri())
    page.click("input.md-search__input")  # desktop width: the box is in the header
    page.keyboard.type(word)
    result = page.locator(".md-search-result__item a.md-search-result__link").first
    result.wait_for(timeout=10_000)
    assert target in (result.get_attribute("href") or "")
    result.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].split("?")[0].endswith("/" + target)
    assert word in page.inner_text("article").lower()
    assert rec.foreign_requests() == []
    assert rec.console_errors == []
