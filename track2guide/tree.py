"""The engine's entry to the model: a tree handed to an engine call, as data or already built."""

from __future__ import annotations

from .jsontypes import Json
from .model import Tree
from .modelbuild import build_tree

# The browser's host hands the same tree object to every event of a page (and the workbook
# its three wizard trees): each is built once, not per event, which in Pyodide costs more
# than the event itself. Keyed by identity; trees handed to the engine are never changed.
_BUILT: list[tuple[object, Tree | None]] = []
_KEEP = 8


def unwrap(tree: Json | Tree) -> Tree | None:
    """Accept a compiled tree (`{"format": ..., "tree": ...}`), a bare tree, or a Tree already
    built; None if unusable. The model of a tree object seen lately is reused."""
    if isinstance(tree, Tree):
        return tree
    for data, built in _BUILT:
        if data is tree:
            return built
    built = build_tree(tree)
    _BUILT.insert(0, (tree, built))
    del _BUILT[_KEEP:]
    return built


__all__ = ["Tree", "unwrap"]
