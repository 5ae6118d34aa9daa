"""Workbook macros for mkdocs-macros (pages with `render_macros: true`).

- `workbook_page()`: the planning workbook: every step's questions pre-rendered by
  track2guide.workbook_view (the same code Pyodide runs in the browser), its save,
  share and clear group, and the scripts that start Python on this page only.
- `paper_workbook()`: the paper planning workbook (Markdown, links relative to
  docs/tools/paper/).

The workbook (decision_trees/workbook/workbook.yaml) is loaded and checked once per
version of the file, here; hooks/workbook.py ships the same data to the browser.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from track2guide.workbook import MAX_PLAN_CHARS
from track2guide.workbook_app import SHELL_TEXTS
from track2guide.workbook_doc import paper
from track2guide.workbook_view import render_form
from track2guide_build.anchors import collect_anchors
from track2guide_build.workbook import load_workbook

from .safety import PRIVACY, PROTECT, quick_exit_html
from .wizard import HOST, PYODIDE
from .wizard import RUNTIME as WIZARD_RUNTIME

ROOT = Path(__file__).resolve().parent.parent
PAPER_LINK_BASE = "../../"
STYLE = "stylesheets/workbook.css"
DATA_JS = "assets/workbook/workbook-data.js"
# In load order: the wizards' trees (the Design step walks their answers files), the workbook
# data (which refers to them), then the Pyodide runtime (as for the wizards).
TREES_JS = WIZARD_RUNTIME[0]  # assets/wizard/trees.js (hooks/trees.py)
RUNTIME = (TREES_JS, DATA_JS, *PYODIDE)
SHELL = "javascripts/workbook.js"


@cache
def _workbook(root: Path, stamp: float) -> dict[str, Any]:
    """Loaded once per version of the file (`mkdocs serve` rebuilds pick up edits)."""
    return load_workbook(root, anchors=collect_anchors(root / "docs"))


def workbook(root: Path = ROOT) -> dict[str, Any]:
    source = root / "decision_trees" / "workbook" / "workbook.yaml"
    return _workbook(root, source.stat().st_mtime)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def workbook_html(root: str) -> str:
    """The whole workbook block for a page `root` levels below the site root (one HTML block)."""
    scripts = " ".join(root + s for s in RUNTIME)
    paper_href = f"{root}tools/paper/workbook.html"
    buttons = (
        ("save", "Download the plan file"),
        ("load", "Load a plan file"),
        ("export-markdown", "Save as Markdown"),
        ("export-html", "Save as a document (opens in a word processor)"),
        ("print", "Print"),
        ("clear", "Clear the plan"),
    )
    return "".join(
        [
            f'<div class="t2-workbook" data-root="{_e(root)}" data-scripts="{_e(scripts)}" '
            f'data-max-bytes="{MAX_PLAN_CHARS}" data-texts="{_e(json.dumps(SHELL_TEXTS))}">',
            f'<link rel="stylesheet" href="{_e(root + STYLE)}">',
            quick_exit_html(root),
            '<div class="t2-wb-loading" role="status"><progress max="100" value="5" '
            'aria-label="Starting the workbook"></progress> <span>Starting the plan checks (Python in your '
            "browser). You can already fill in the plan.</span></div>",
            '<p class="t2-wb-alert" role="alert"></p><p class="t2-wb-notice" role="status"></p>',
            '<p class="t2-wb-summary" aria-live="polite">Checks appear here and under each step once the '
            "workbook has started.</p>",
            f'<div class="t2-wb-form">{render_form(workbook(), {"answers": {}}, root)}</div>',
            '<div class="t2-wb-toolbar t2-toolbar" role="group" aria-label="Save, share or clear">',
            *(
                f'<button type="button" class="md-button" data-action="{a}">{_e(label)}</button>'
                for a, label in buttons
            ),
            '<input type="file" class="t2-wb-file" accept=".json,application/json" hidden '
            'aria-label="Plan file to load">',
            "</div>",
            '<p class="t2-wb-privacy">Your plan stays in this page: nothing is sent anywhere and nothing is '
            "stored in the browser. It is gone when you close or leave the page, so download the plan file "
            "to keep it, and load it again later; protect it with a passphrase and the file is encrypted. "
            "Press Shift three times, or Quick exit, to leave at once. "
            f'<a href="{_e(root + PRIVACY)}">How the site treats what you enter</a>.</p>',
            f'<noscript><p>The plan checks need JavaScript. Use the <a href="{_e(paper_href)}">paper '
            "workbook</a> instead.</p></noscript>",
            f'<script src="{_e(root + PROTECT)}"></script>',
            f'<script src="{_e(root + HOST)}"></script><script src="{_e(root + SHELL)}"></script>',
            "</div>",
        ]
    )


def register(env: Any) -> None:
    @env.macro  # type: ignore[untyped-decorator]
    def paper_workbook(link_base: str = PAPER_LINK_BASE) -> str:
        """The paper planning workbook as Markdown (with its print stylesheet)."""
        style = f'<link rel="stylesheet" href="{link_base}{STYLE}">\n\n'
        return style + paper(workbook(), link_base=link_base)

    @env.macro  # type: ignore[untyped-decorator]
    def workbook_page() -> str:
        """The interactive planning workbook, pre-rendered."""
        return workbook_html("../" * env.page.url.count("/"))
