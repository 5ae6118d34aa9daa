"""No built page may ship as a placeholder: no "Being written", TODO or "coming soon", no
file path as its title, and a body with something in it. The checker is tested first on a
page like the one that once shipped ("tools/tree-language", "Being written.")."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from tests.conftest import ROOT, site_pages

PLACEHOLDER_WORDS = re.compile(r"being written|\bTODO\b|\bTBD\b|coming soon|lorem ipsum|\bFIXME\b", re.I)
PATH_LIKE = re.compile(r"^[\w.-]+(/[\w.-]+)+$|\.(md|html)$")
MIN_BODY_CHARS = 200


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def placeholder_problems(page: str) -> list[str]:
    """Why the page's content looks like a placeholder (empty list: it does not)."""
    problems = []
    article = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', page, re.S)
    body = article.group(1) if article else ""
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    names = [
        _text(title.group(1)).split(" - ")[0] if title else "",
        _text(h1.group(1)).replace("¶", "").strip() if h1 else "",
    ]
    for name in names:
        if not name or PATH_LIKE.search(name):
            problems.append(f"title {name!r} is missing or a file path")
    # The glossary tooltips' definitions and the permalink signs are not the page's content.
    text = _text(re.sub(r'<abbr title="[^"]*"', "<abbr", body)).replace("¶", "")
    found = PLACEHOLDER_WORDS.search(text)
    if found:
        problems.append(f"placeholder text {found.group(0)!r}")
    if len(text) - len(names[1]) < MIN_BODY_CHARS:
        problems.append(f"body has only {len(text)} characters")
    return problems


def test_the_checker_catches_the_placeholder_that_once_shipped() -> None:
    page = ('<html><head><title>tools/tree-language - Track II Peacemaking Handbook</title></head><body>'
            '<article class="md-content__inner md-typeset">'
            '<h1 id="toolstree-language">tools/tree-language</h1>'
            "<p>Being written.</p></article></body></html>")
    problems = placeholder_problems(page)
    assert any("file path" in p for p in problems)
    assert any("Being written" in p for p in problems)
    assert any("characters" in p for p in problems)
    real = page.replace("tools/tree-language", "Tree language reference").replace(
        "Being written.", "Every key a tree may use, and what it means. " * 10)
    assert placeholder_problems(real) == []


def test_no_built_page_is_a_placeholder(built_site: Path) -> None:
    found = {}
    for rel in site_pages(built_site):
        if rel == "404.html":
            continue
        problems = placeholder_problems((built_site / rel).read_text(encoding="utf-8"))
        if problems:
            found[rel] = problems
    assert found == {}


def test_the_tree_language_page_is_generated_from_the_schema(built_site: Path) -> None:
    schema = json.loads((ROOT / "decision_trees" / "schema.json").read_text(encoding="utf-8"))
    html = (built_site / "tools" / "tree-language.html").read_text(encoding="utf-8")
    assert "<title>Tree language reference" in html
    for key in schema["properties"]:
        assert f"<code>{key}</code>" in html, key
    for name, sub in schema["$defs"].items():
        assert sub.get("title", name) in unescape(html), name
