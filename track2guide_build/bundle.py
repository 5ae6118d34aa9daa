"""The trees as a classic script for the browser (file:// forbids fetch, so data ships as JS).

The engine's own source reaches the browser inside the Pyodide runtime's standard library
zip (hooks/pyodide_bundle.py, tools/pyodide_snapshot/make_snapshot.mjs)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from track2guide import CheckedTree


def _js_json(value: object) -> str:
    """JSON that is also safe inside any HTML or JS context."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def emit_browser_bundle(checked_trees: Iterable[CheckedTree]) -> str:
    """`window.TRACK2_TREES = {id: compiled tree, ...};`"""
    trees = {t.id: t.data for t in sorted(checked_trees, key=lambda t: t.id)}
    return f"window.TRACK2_TREES = {_js_json(trees)};\n"
