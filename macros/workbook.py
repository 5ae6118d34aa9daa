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

from html import escape
from pathlib import Path
from typing import Any

from track2guide.texts import say
from track2guide.workbook import MAX_PLAN_CHARS
from track2guide.workbook_doc import paper
from track2guide.workbook_view import render_form
from track2guide_build.assets import WORKBOOK_RUNTIME
from track2guide_build.workbook import checked_workbook

from .safety import PRIVACY, PROTECT, quick_exit_html, say_html
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
        ("save", say("workbook.save")),
        ("load", say("workbook.load")),
        ("export-markdown", say("workbook.export-markdown")),
        ("export-html", say("workbook.export-html")),
        ("print", say("print")),
        ("clear", say("workbook.clear")),
    )
    privacy = f'<a href="{_e(root + PRIVACY)}">{_e(say("workbook.privacy-link"))}</a>'
    noscript = f'<a href="{_e(paper_href)}">{_e(say("workbook.noscript-link"))}</a>'
    return "".join(
        [
            f'<div class="t2-workbook" data-root="{_e(root)}" data-scripts="{_e(scripts)}" '
            f'data-max-bytes="{MAX_PLAN_CHARS}">',
            f'<link rel="stylesheet" href="{_e(root + STYLE)}">',
            quick_exit_html(root),
            '<div class="t2-wb-loading" role="status"><progress max="100" value="5" '
            f'aria-label="{_e(say("workbook.starting"))}"></progress> '
            f'<span>{_e(say("workbook.starting-text"))}</span></div>',
            '<p class="t2-wb-alert" role="alert"></p><p class="t2-wb-notice" role="status"></p>',
            f'<p class="t2-wb-summary" aria-live="polite">{_e(say("workbook.checks-waiting"))}</p>',
            f'<div class="t2-wb-form">{render_form(workbook, {"answers": {}}, root)}</div>',
            f'<div class="t2-wb-toolbar t2-toolbar" role="group" aria-label="{_e(say("page.menu"))}">',
            *(
                f'<button type="button" class="md-button" data-action="{a}">{_e(label)}</button>'
                for a, label in buttons
            ),
            '<input type="file" class="t2-wb-file" accept=".json,application/json" hidden '
            f'aria-label="{_e(say("workbook.file"))}">',
            "</div>",
            f'<p class="t2-wb-privacy">{say_html("workbook.privacy", link=privacy)}</p>',
            f'<noscript><p>{say_html("workbook.noscript", link=noscript)}</p></noscript>',
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
