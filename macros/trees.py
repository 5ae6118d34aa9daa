"""Tree macros for mkdocs-macros (pages with `render_macros: true`).

- `paper(tree_id)`: the paper version of a decision tree (Markdown, links relative to
  docs/tools/paper/, i.e. `../../step-3-design.md#training`).
- `tree_reference()`: the reference of the tree language, from decision_trees/schema.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from track2guide import paper_markdown, schema_markdown

from .treesource import TreeSource

PAPER_LINK_BASE = "../../"


def register(env: Any, trees: TreeSource) -> None:
    schema_file = Path(env.project_dir) / "decision_trees" / "schema.json"

    def paper(tree_id: str, link_base: str = PAPER_LINK_BASE) -> str:
        """The paper version of decision tree `tree_id` as Markdown."""
        return paper_markdown(trees.get(tree_id, "paper"), link_base=link_base)

    def tree_reference(heading: str = "##") -> str:
        """Markdown reference of the tree language (decision_trees/schema.json)."""
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        return schema_markdown(schema, heading=heading)

    env.macro(paper)
    env.macro(tree_reference)
