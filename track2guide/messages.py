"""Translation: every user-visible string of a tree as a flat catalog, and back.

`extract_messages(tree)` -> `{stable id: text}` where ids look like
`choose-process:questions.ripeness.choices.yes.label` (ids, not positions, wherever the
tree has ids).  `apply_messages(tree, catalog)` returns a copy with those texts replaced;
ids missing from the catalog keep their text.  Works on bare and compiled trees (the
compiled form adds `links.<key>.title` and `terms.<id>.term|definition`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from .jsontypes import Json, JsonDict

Slot = tuple[str, Any, Any]  # (message id, container, key or index)


def _texts(obj: Json, keys: tuple[str, ...], prefix: str) -> Iterator[Slot]:
    if isinstance(obj, dict):
        for key in keys:
            if isinstance(obj.get(key), str):
                yield f"{prefix}.{key}", obj, key


def _keyed(items: Json, prefix: str) -> Iterator[tuple[str, Any]]:
    """(`prefix.<id or index>`, item) for a list of dicts."""
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                ident = item.get("id")
                yield f"{prefix}.{ident if isinstance(ident, str) else i}", item


def _raw_slots(tree: JsonDict) -> Iterator[Slot]:
    yield from _texts(tree, ("title", "summary"), "tree")
    yield from _texts(tree.get("result"), ("no_clear_winner", "ready_message", "not_ready_message"), "result")
    for qp, q in _keyed(tree.get("questions"), "questions"):
        yield from _texts(q, ("text", "help"), qp)
        for cp, c in _keyed(q.get("choices"), f"{qp}.choices"):
            yield from _texts(c, ("label", "help", "warning"), cp)
            for wp, w in _keyed(c.get("weights"), f"{cp}.weights"):
                yield from _texts(w, ("reason",), wp)
    for gp, g in _keyed(tree.get("gates"), "gates"):
        yield from _texts(g, ("reason",), gp)
    for xp, x in _keyed(tree.get("exclusions"), "exclusions"):
        yield from _texts(x, ("reason",), xp)
    for wp, w in _keyed(tree.get("warnings"), "warnings"):
        yield from _texts(w, ("text",), wp)
    for op, o in _keyed(tree.get("outcomes"), "outcomes"):
        yield from _texts(o, ("title", "summary"), op)
        steps = o.get("next_steps")
        if isinstance(steps, list):
            for i, s in enumerate(steps):
                if isinstance(s, str):
                    yield f"{op}.next_steps.{i}", steps, i
        for wp, w in _keyed(o.get("warnings"), f"{op}.warnings"):
            yield from _texts(w, ("text",), wp)


def _slots(tree: JsonDict) -> Iterator[Slot]:
    compiled = "format" in tree
    raw = tree.get("tree") if compiled else tree
    if not isinstance(raw, dict):
        return
    name = raw.get("id", "tree")
    for ident, container, key in _raw_slots(raw):
        yield f"{name}:{ident}", container, key
    if compiled:
        for section, fields in (("links", ("title",)), ("terms", ("term", "definition"))):
            entries = tree.get(section)
            if isinstance(entries, dict):
                for key, entry in entries.items():
                    for ident, container, field in _texts(entry, fields, f"{section}.{key}"):
                        yield f"{name}:{ident}", container, field


def extract_messages(tree: Json) -> dict[str, str]:
    """`{message id: text}` for every user-visible string of a (bare or compiled) tree, in tree order."""
    if not isinstance(tree, dict):
        return {}
    return {ident: container[key] for ident, container, key in _slots(tree)}


def apply_messages(tree: Json, catalog: Mapping[str, str]) -> Json:
    """A copy of `tree` with the catalog's texts put in (unknown ids and non-strings are ignored)."""
    result = copy.deepcopy(tree)
    if isinstance(result, dict):
        for ident, container, key in list(_slots(result)):
            text = catalog.get(ident)
            if isinstance(text, str):
                container[key] = text
    return result
