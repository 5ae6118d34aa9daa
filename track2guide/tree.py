"""The engine's entry to the model: a tree handed to an engine call, as data or already built."""

from __future__ import annotations

from .jsontypes import Json
from .model import Tree
from .modelbuild import build_tree


def unwrap(tree: Json | Tree) -> Tree | None:
    """Accept a compiled tree (`{"format": ..., "tree": ...}`), a bare tree, or a Tree already
    built (callers that make several engine calls build it once); None if unusable."""
    return tree if isinstance(tree, Tree) else build_tree(tree)


__all__ = ["Tree", "unwrap"]
