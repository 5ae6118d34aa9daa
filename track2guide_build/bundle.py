"""Classic-script bundles for the browser (file:// forbids fetch, so data ships as JS)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from track2guide import CheckedTree

ENGINE_PACKAGE = Path(__file__).resolve().parent.parent / "track2guide"


def _js_json(value: object) -> str:
    """JSON that is also safe inside any HTML or JS context."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def emit_browser_bundle(checked_trees: Iterable[CheckedTree]) -> str:
    """`window.TRACK2_TREES = {id: compiled tree, ...};`"""
    trees = {t.id: t.data for t in sorted(checked_trees, key=lambda t: t.id)}
    return f"window.TRACK2_TREES = {_js_json(trees)};\n"


def engine_sources(package: Path = ENGINE_PACKAGE) -> dict[str, str]:
    """`track2guide/<file>.py` -> source, for every module of the engine package."""
    return {f"track2guide/{p.name}": p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py"))}


def emit_engine_bundle(package: Path = ENGINE_PACKAGE) -> str:
    """`window.TRACK2_ENGINE = {"track2guide/__init__.py": "...", ...};`"""
    return f"window.TRACK2_ENGINE = {_js_json(engine_sources(package))};\n"
