"""MkDocs hook: check every decision tree and ship the trees to the browser.

- on_files (runs on every build and rebuild, before any page is rendered): load and check
  all trees (decision_trees/*.yaml against schema.json, the vocabulary, the heading anchors
  of docs/ and data/glossary.yaml); any problem fails the build with every message, each
  as `file:line: path: what (expected ...)`.  Then add the generated classic script
  (file:// forbids fetch) `assets/wizard/trees.js`: `window.TRACK2_TREES = {id: compiled tree}`.
  The engine itself reaches the browser inside the Pyodide runtime (hooks/pyodide_bundle.py).
  The trees are loaded once per build: the macros get the same checked trees from the
  build edge's cache (track2guide_build.load_all_trees).
- on_serve: rebuild when a tree, the glossary or the engine changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from track2guide import CheckedTree, TreeError
from track2guide_build import emit_browser_bundle, load_all_trees
from track2guide_build.assets import TREES_JS, project_root
from track2guide_build.glossary import GLOSSARY


def checked_trees(config: MkDocsConfig) -> list[CheckedTree]:
    """Every tree of the project, checked; any problem fails the build."""
    try:
        return load_all_trees(project_root(config))
    except TreeError as exc:
        count = len(exc.problems)
        raise PluginError(
            f"{count} problem{'s' if count != 1 else ''} in the decision trees:\n{exc}"
        ) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, TREES_JS, content=emit_browser_bundle(checked_trees(config))))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    root = project_root(config)
    for path in (root / "decision_trees", root / GLOSSARY, root / "track2guide"):
        server.watch(str(path))
    return server
