"""The shared vocabulary (decision_trees/vocabulary.yaml): link keys -> handbook anchors."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping

from .jsontypes import Json, JsonDict
from .problems import Locator, Path, Problem, quote_list

Anchors = Mapping[str, Collection[str]]


def href(page: str, anchor: str) -> str:
    """URL from the site root: (`step-3-design.md`, `training`) -> `step-3-design.html#training`."""
    base = page[:-3] + ".html" if page.endswith(".md") else page
    return f"{base}#{anchor}" if anchor else base


def link_target(vocabulary: Json, key: str) -> JsonDict | None:
    """`{key, page, anchor, title, href}` for a link key, or None if unknown."""
    links = vocabulary.get("links") if isinstance(vocabulary, dict) else None
    entry = links.get(key) if isinstance(links, dict) else None
    if not isinstance(entry, dict):
        return None
    page, anchor = str(entry.get("page", "")), str(entry.get("anchor", ""))
    return {
        "key": key,
        "page": page,
        "anchor": anchor,
        "title": str(entry.get("title", key)),
        "href": href(page, anchor),
    }


def closest(word: str, options: Collection[str]) -> list[str]:
    """Up to three options that look like `word`."""
    return difflib.get_close_matches(word, sorted(options), n=3, cutoff=0.6)


def anchor_problem(
    loc: Locator, path: Path, what: str, *, page: str, anchor: str, anchors: Anchors
) -> Problem | None:
    """A problem if `page#anchor` is not a heading of the handbook, else None."""
    if page not in anchors:
        return loc.problem(
            path,
            f"{what} points to page {page}, which does not exist",
            "a page under docs/: " + quote_list(sorted(anchors)),
        )
    if anchor not in anchors[page]:
        near = closest(anchor, anchors[page])
        hint = f"an anchor of {page}" + (f", such as {', '.join(near)}" if near else "")
        return loc.problem(path, f"{what} points to {page}#{anchor}, which does not exist", hint)
    return None


def check_link(
    loc: Locator, path: Path, key: str, vocabulary: Json, anchors: Anchors | None
) -> list[Problem]:
    """Problems with one use of a link key in a tree."""
    target = link_target(vocabulary, key)
    if target is None:
        links = vocabulary.get("links", {}) if isinstance(vocabulary, dict) else {}
        near = closest(key, links)
        hint = "a key of the vocabulary's links" + (f"; closest: {', '.join(near)}" if near else "")
        return [loc.problem(path, f"unknown link key '{key}'", hint)]
    if anchors is None:
        return []
    found = anchor_problem(
        loc, path, f"link '{key}'", page=target["page"], anchor=target["anchor"], anchors=anchors
    )
    return [found] if found else []


def check_vocabulary(
    vocabulary: Json,
    *,
    schema: JsonDict,
    anchors: Anchors | None,
    source: str = "decision_trees/vocabulary.yaml",
    lines: Mapping[str, int] | None = None,
) -> list[Problem]:
    """Schema problems, then every link whose page or anchor is missing from the handbook."""
    from .structure import validate  # jsonschema: build and test time only

    loc = Locator(source, lines or {})
    issues = validate(vocabulary, schema)
    if issues:
        return [loc.problem(i.path, i.what, i.expected) for i in issues]
    out: list[Problem] = []
    if anchors is not None:
        for key, entry in vocabulary["links"].items():
            found = anchor_problem(
                loc,
                ("links", key),
                f"link '{key}'",
                page=entry["page"],
                anchor=entry["anchor"],
                anchors=anchors,
            )
            if found:
                out.append(found)
    return out
