"""Wizard macros for mkdocs-macros (pages with `render_macros: true`).

- `wizard(tree_id)`: the wizard of a decision tree: its controls, the first question
  pre-rendered by track2guide.wizard (the same code Pyodide runs in the browser), and
  the script tags of the Pyodide host docs/javascripts/pyodide-host.js and the thin
  shell docs/javascripts/wizard.js (with its parts wizard-tab.js and wizard-ahead.js), all
  with paths relative to the page. The shell then loads the engine and the Pyodide runtime (only here) and
  starts Python in a Web Worker.
- `wizard_list()`: the planning-tools list in Markdown (title, summary, wizard and paper links).
- `clear_all_button()`: a button that wipes every wizard's kept answers in this browser.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from track2guide.safetext import MAX_FILE_CHARS
from track2guide.texts import say
from track2guide.wizard import opening
from track2guide_build.assets import WIZARD_RUNTIME

from .safety import privacy_html, safety_html, say_html
from .treesource import TreeSource

HOST = "javascripts/pyodide-host.js"  # starts Pyodide; the shell calls it
TAB = "javascripts/wizard-tab.js"  # history steps, scrolling, confirm dialog, skip link
AHEAD = "javascripts/wizard-ahead.js"  # the opening, replies asked ahead, the first render
SHELL = "javascripts/wizard.js"
STYLE = "stylesheets/wizard.css"


def page_root(url: str) -> str:
    """'../' for each folder level of a page URL (use_directory_urls is false)."""
    return "../" * url.count("/")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _button(action: str, key: str, cls: str = "") -> str:
    return f'<button type="button" class="md-button{cls}" data-action="{action}">{_e(say(key))}</button>'


def json_island(value: Any) -> str:
    """`value` as JSON text safe inside a `<script type="application/json">`: no `</` (so no
    `</script>`) and no `<!--` that could end or change the block, both written as JSON escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def wizard_html(tree: dict[str, Any], page_url: str) -> str:
    """The whole wizard block for a page at `page_url` (one HTML block, no blank lines)."""
    root = page_root(page_url)
    data = tree["tree"]
    tid = str(data["id"])
    paper = f"{root}tools/paper/{tid}.html"  # the static version, linked when Python cannot start
    # The trees' data, then the runtime (hooks/pyodide_bundle.py), whose stdlib zip holds
    # the engine and whose snapshot has it imported already.
    scripts = " ".join(root + s for s in WIZARD_RUNTIME)
    # The engine's replies for the first "show" and the first answer, worked out now: the first
    # screen is pre-rendered from the one, and the shell uses them while Python starts.
    first = opening(tree, root)
    return "".join([
        f'<div class="t2-wizard" data-tree="{_e(tid)}" data-root="{_e(root)}" data-paper="{_e(paper)}" '
        f'data-scripts="{_e(scripts)}" data-max-bytes="{MAX_FILE_CHARS}">',
        f'<link rel="stylesheet" href="{_e(root + STYLE)}">',
        # The shell moves this link to the top of the page, beside Material's own skip link.
        f'<a class="md-skip t2-skip" href="#t2-screen">{_e(say("page.skip"))}</a>',
        '<div class="t2-loading" role="status"><progress class="t2-loading-bar" max="100" value="5" '
        f'aria-label="{_e(say("page.starting"))}"></progress><span class="t2-loading-text">'
        f'{_e(say("page.starting-text"))} {_e(say("wizard.early"))}</span></div>',
        '<p class="t2-alert" role="alert" tabindex="-1"></p>',
        '<p class="t2-notice" role="status"></p>',
        '<p class="t2-live t2-sr" aria-live="polite"></p>',
        f'<div class="t2-screen" id="t2-screen">{first["start"]["html"] if first["start"] else ""}</div>',
        f'<script type="application/json" class="t2-opening">{json_island(first)}</script>',
        f'<div class="t2-toolbar" role="group" aria-label="{_e(say("page.controls"))}">',
        _button("restart", "restart", " t2-restart"),
        f'<details class="t2-menu"><summary class="t2-menu-button">{_e(say("page.menu"))}</summary>',
        '<div class="t2-menu-body">',
        _button("download", "page.download"),
        _button("load", "page.load"),
        '<input type="file" class="t2-file" accept=".json,application/json" hidden '
        f'aria-label="{_e(say("page.file"))}">',
        _button("export", "export"),
        _button("print", "print"),
        '<span class="t2-keep-group"><input type="checkbox" class="t2-keep" id="t2-keep">',
        f'<label for="t2-keep">{_e(say("page.keep"))}</label></span>',
        _button("clear", "page.clear", " t2-clear-one"),
        "</div></details>",
        "</div>",
        '<dialog class="t2-confirm" aria-labelledby="t2-confirm-text">',
        '<p class="t2-confirm-text" id="t2-confirm-text"></p>',
        '<div class="t2-confirm-actions">',
        # The shell puts in the question, and the words of "yes" for it, before it opens the dialog.
        '<button type="button" class="md-button md-button--primary" data-confirm="yes">'
        f'{_e(say("page.confirm-yes"))}</button>',
        f'<button type="button" class="md-button" data-confirm="no">{_e(say("page.confirm-no"))}</button>',
        "</div></dialog>",
        privacy_html(root),
        f'<noscript><p class="t2-noscript">'
        f'{say_html("page.noscript", link=f"""<a href="{_e(paper)}">{_e(say("page.noscript-link"))}</a>""")}'
        "</p></noscript>",
        safety_html(root),
        f'<script src="{_e(root + HOST)}"></script>',
        f'<script src="{_e(root + TAB)}"></script>',
        f'<script src="{_e(root + AHEAD)}"></script>',
        f'<script src="{_e(root + SHELL)}"></script>',
        "</div>",
    ])


def nav_pages(nav: Any) -> list[str]:
    """Every page of a MkDocs nav (the `nav` of mkdocs.yml), in its order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    return []


def wizard_ids(trees: dict[str, dict[str, Any]], nav: Any) -> list[str]:
    """The trees of decision_trees/, in the order the nav lists their wizard pages."""
    order = [page.removeprefix("tools/").removesuffix(".md") for page in nav_pages(nav)]
    return [tid for tid in order if tid in trees]


def wizard_list_markdown(trees: dict[str, dict[str, Any]], order: list[str], base: str = "") -> str:
    """Markdown definition list of the wizards, links relative to docs/tools/ (or `base`).
    Each wizard goes by its tree's title, the one name it has on every page."""
    out = []
    for tid in order:
        data = trees[tid]["tree"]
        title, summary = str(data["title"]), " ".join(str(data.get("summary", "")).split())
        paper = f"[{say('page.paper-title', title=title)}]({base}paper/{tid}.md)"
        out += [f"[{title}]({base}{tid}.md)", f":   {summary}", "",
                f"    {say('page.paper-version', link=paper)}", ""]
    return "\n".join(out)


def register(env: Any, trees: TreeSource) -> None:

    @env.macro  # type: ignore[untyped-decorator]
    def wizard(tree_id: str) -> str:
        """The wizard for decision tree `tree_id`, first question pre-rendered."""
        return wizard_html(trees.get(tree_id, "wizard"), env.page.url)

    @env.macro  # type: ignore[untyped-decorator]
    def wizard_list(base: str = "") -> str:
        """The list of wizards (Markdown) for the planning-tools page."""
        every = trees.all()
        order = wizard_ids(every, env.conf["nav"])
        if sorted(order) != sorted(every):
            missing = ", ".join(sorted(set(every) - set(order)))
            raise KeyError(f"wizard_list(): no wizard page tools/<id>.md in the nav for {missing}")
        return wizard_list_markdown(every, order, base)

    @env.macro  # type: ignore[untyped-decorator]
    def clear_all_button() -> str:
        """Wipe every wizard's kept answers from this browser (plus the shell script)."""
        root = page_root(env.page.url)
        return (
            '<div class="t2-clear"><button type="button" class="md-button t2-clear-all">'
            f'{_e(say("page.clear-all"))}</button><p class="t2-notice" role="status"></p>'
            f'{safety_html(root)}<script src="{_e(root + SHELL)}"></script></div>'
        )
