"""Accessibility fixes to Material's output that no setting offers.

- The search overlay is a dialog without a name: give it one.
- Task-list checkboxes (pymdownx.tasklist) are wrapped in a label that holds no
  text, so screen readers announce "checkbox" alone: name each by its item.
- Glossary terms (<abbr title>, from hooks/glossary.py) show their definition only on
  hover: give the first use of each term on a page a tab stop, so keyboard users
  reach every definition without tabbing through each repetition.
"""
from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")'
    r"((?:\s+\w+(?:=\"[^\"]*\")?)*\s*/?>"
    r'<span class="task-list-indicator"></span></label>)(.*?)(?=</li>|<ul|<ol|<p>)',
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")
ABBR = re.compile(r'<abbr title="([^"]*)"')


def _name_task(match: re.Match[str]) -> str:
    text = " ".join(html.unescape(TAG.sub("", match.group(3))).split())
    return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'


def accessible(output: str) -> str:
    """The page's HTML with the search dialog and task-list checkboxes named."""
    named = TASK_ITEM.sub(_name_task, output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG))
    seen: set[str] = set()

    def first_use(match: re.Match[str]) -> str:
        if match.group(1) in seen:
            return match.group(0)
        seen.add(match.group(1))
        return f'<abbr tabindex="0" title="{match.group(1)}"'

    return ABBR.sub(first_use, named)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return accessible(output)
