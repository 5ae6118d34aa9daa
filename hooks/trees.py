"""MkDocs hook: check every decision tree and ship the trees and the engine to the browser.

- on_files (runs on every build and rebuild, before any page is rendered): load and check
  all trees (decision_trees/*.yaml against schema.json, the vocabulary, the heading anchors
  of docs/ and macros/glossary.yaml); any problem fails the build with every message, each
  as `file:line: path: what (expected ...)`.  Then add two generated classic scripts
  (file:// forbids fetch):
  `assets/wizard/trees.js`  -> `window.TRACK2_TREES = {id: compiled tree}`
  `assets/wizard/engine.js` -> `window.TRACK2_ENGINE = {"track2guide/x.py": source}`
- on_serve: rebuild when a tree or the engine changes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from track2guide import CheckedTree, TreeError  # noqa: E402
from track2guide_build import emit_browser_bundle, emit_engine_bundle, load_all_trees  # noqa: E402

TREES_JS = "assets/wizard/trees.js"
ENGINE_JS = "assets/wizard/engine.js"


def _load() -> list[CheckedTree]:
    try:
        return load_all_trees(ROOT)
    except TreeError as exc:
        count = len(exc.problems)
        raise PluginError(
            f"{count} problem{'s' if count != 1 else ''} in the decision trees:\n{exc}"
        ) from None


def on_files(files: Files, config: Any) -> Files:
    trees = _load()
    files.append(File.generated(config, TREES_JS, content=emit_browser_bundle(trees)))
    files.append(File.generated(config, ENGINE_JS, content=emit_engine_bundle()))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    for folder in ("decision_trees", "track2guide", "macros"):
        server.watch(str(ROOT / folder))
    return server
