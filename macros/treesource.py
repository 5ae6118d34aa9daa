"""The project's checked decision trees, loaded once per build and shared by the
tree and wizard macros (mkdocs-macros calls define_env again on every rebuild of
`mkdocs serve`, so a new source per build picks up edited trees)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from track2guide_build import load_all_trees  # noqa: E402


class TreeSource:
    def __init__(self, root: Path = ROOT) -> None:
        self._root = root
        self._trees: dict[str, dict[str, Any]] | None = None

    def all(self) -> dict[str, dict[str, Any]]:
        """Tree id -> compiled tree, for every tree in decision_trees/."""
        if self._trees is None:
            self._trees = {t.id: t.data for t in load_all_trees(self._root)}
        return self._trees

    def get(self, tree_id: str, macro: str) -> dict[str, Any]:
        """One compiled tree; a wrong id names the macro and the known ids."""
        trees = self.all()
        if tree_id not in trees:
            known = ", ".join(sorted(trees))
            raise KeyError(f"{macro}(): no decision tree '{tree_id}' (expected one of: {known})")
        return trees[tree_id]
