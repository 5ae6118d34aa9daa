"""Heading anchors of the handbook pages, as Python-Markdown's toc and attr_list make them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9_:.-]+)")
_HTML_ID = re.compile(r"""<[^>]*\sid=["']([^"']+)["']""")
_FENCE = re.compile(r"^\s*(```|~~~)")


def slugify(text: str, separator: str = "-") -> str:
    """Python-Markdown's default toc slug (markup removed first)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = re.sub(r"[*_`]", "", text)  # emphasis and code marks
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def page_anchors(markdown: str) -> set[str]:
    """Ids of the headings of one page: explicit `{#id}` or the slug of the heading text."""
    found: set[str] = set(_HTML_ID.findall(markdown))
    counts: dict[str, int] = {}
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match is None:
            continue
        text = match.group(2)
        attrs = _ATTR.search(text)
        explicit = _ID.search(attrs.group(1)) if attrs else None
        if explicit:
            found.add(explicit.group(1))
            continue
        slug = slugify(_ATTR.sub("", text))
        n = counts.get(slug, 0)
        counts[slug] = n + 1
        found.add(slug if n == 0 else f"{slug}_{n}")
    return found


def collect_anchors(docs: str | Path) -> dict[str, set[str]]:
    """page path relative to docs/ (e.g. `tools/venue.md`) -> its heading ids."""
    root = Path(docs)
    return {
        p.relative_to(root).as_posix(): page_anchors(p.read_text(encoding="utf-8"))
        for p in sorted(root.rglob("*.md"))
    }
