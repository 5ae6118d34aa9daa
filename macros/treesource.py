"""The project's checked decision trees for the tree and wizard macros.

They come from the build edge's cache (track2guide_build.load_all_trees), which the
trees hook (hooks/trees.py) filled earlier in the same build, so the trees are loaded
and checked once per build; an edited tree is loaded again on the next rebuild of
`mkdocs serve`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from track2guide_build import load_all_trees


class TreeSource:
    def __init__(self, root: Path) -> None:
        self._root = root

    def all(self) -> dict[str, dict[str, Any]]:
        """Tree id -> compiled tree, for every tree in decision_trees/."""
        return {t.id: t.data for t in load_all_trees(self._root)}

    def get(self, tree_id: str, macro: str) -> dict[str, Any]:
        """One compiled tree; a wrong id names the macro and the known ids."""
        trees = self.all()
        if tree_id not in trees:
            known = ", ".join(sorted(trees))
            raise KeyError(f"{macro}(): no decision tree '{tree_id}' (expected one of: {known})")
        return trees[tree_id]
