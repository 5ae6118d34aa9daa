"""Workbook macros for mkdocs-macros (pages with `render_macros: true`).

- `paper_workbook()`: the paper planning workbook (Markdown, links relative to
  docs/tools/paper/), from decision_trees/workbook/workbook.yaml, checked by the build:
  a problem in the workbook fails the build with its file, line and path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from track2guide.workbook_doc import paper
from track2guide_build.anchors import collect_anchors
from track2guide_build.workbook import load_workbook

ROOT = Path(__file__).resolve().parent.parent
PAPER_LINK_BASE = "../../"
STYLE = "stylesheets/workbook.css"


@cache
def _workbook(root: Path, stamp: float) -> dict[str, Any]:
    """Loaded once per version of the file (`mkdocs serve` rebuilds pick up edits)."""
    return load_workbook(root, anchors=collect_anchors(root / "docs"))


def workbook(root: Path = ROOT) -> dict[str, Any]:
    source = root / "decision_trees" / "workbook" / "workbook.yaml"
    return _workbook(root, source.stat().st_mtime)


def register(env: Any) -> None:
    @env.macro  # type: ignore[untyped-decorator]
    def paper_workbook(link_base: str = PAPER_LINK_BASE) -> str:
        """The paper planning workbook as Markdown (with its print stylesheet)."""
        style = f'<link rel="stylesheet" href="{link_base}{STYLE}">\n\n'
        return style + paper(workbook(), link_base=link_base)
