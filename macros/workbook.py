"""Workbook macros for mkdocs-macros (pages with `render_macros: true`).

- `workbook_page()`: the planning workbook: every step's questions pre-rendered by
  track2guide.workbook_view (the same code Pyodide runs in the browser), its save,
  share and clear group, and the scripts that start Python on this page only.
- `paper_workbook()`: the paper planning workbook (Markdown, links relative to
  docs/tools/paper/).

The workbook (decision_trees/workbook/workbook.yaml) is loaded and checked once per
build by the build edge (track2guide_build.workbook), whose cache hooks/workbook.py,
which ships the same data to the browser, shares.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from track2guide.workbook import MAX_PLAN_CHARS
from track2guide.workbook_app import SHELL_TEXTS
from track2guide.workbook_doc import paper
from track2guide.workbook_view import render_form
from track2guide_build.assets import WORKBOOK_RUNTIME
from track2guide_build.workbook import checked_workbook

from .safety import PRIVACY, PROTECT, quick_exit_html
from .wizard import HOST

PAPER_LINK_BASE = "../../"
STYLE = "stylesheets/workbook.css"
SHELL = "javascripts/workbook.js"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def workbook_html(workbook: dict[str, Any], root: str) -> str:
    """The whole workbook block for a page `root` levels below the site root (one HTML block)."""
    scripts = " ".join(root + s for s in WORKBOOK_RUNTIME)
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
            f'<div class="t2-wb-form">{render_form(workbook, {"answers": {}}, root)}</div>',
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
    project = Path(env.project_dir)

    @env.macro  # type: ignore[untyped-decorator]
    def paper_workbook(link_base: str = PAPER_LINK_BASE) -> str:
        """The paper planning workbook as Markdown (with its print stylesheet)."""
        style = f'<link rel="stylesheet" href="{link_base}{STYLE}">\n\n'
        return style + paper(checked_workbook(project), link_base=link_base)

    @env.macro  # type: ignore[untyped-decorator]
    def workbook_page() -> str:
        """The interactive planning workbook, pre-rendered."""
        return workbook_html(checked_workbook(project), "../" * env.page.url.count("/"))
