"""Safety controls shared by the wizard pages and the planning tools page.

- the "Quick exit" link (docs/javascripts/quick-exit.js makes it wipe the tab first;
  without JavaScript it is still a plain link to the home page);
- the scripts of passphrase protection and clearing (docs/javascripts/protect.js) and of
  quick exit, which must load before the wizard shell docs/javascripts/wizard.js;
- their stylesheet docs/stylesheets/safety.css;
- the shell's words (`SHELL_TEXTS` of the catalog track2guide/texts*.py) as a JSON block,
  read by every shell script through `t(name, values)` (docs/javascripts/protect.js).

All paths are relative to the page (`root` is "../" per folder level).
"""

from __future__ import annotations

import json
from html import escape

from track2guide.texts import TEXTS, say
from track2guide.texts_page import SHELL_TEXTS

PROTECT = "javascripts/protect.js"
QUICK_EXIT = "javascripts/quick-exit.js"
STYLE = "stylesheets/safety.css"
PRIVACY = "privacy.html"


def _e(text: str) -> str:
    return escape(text, quote=True)


def say_html(key: str, /, **html: str) -> str:
    """The catalog's text for `key`, escaped, with its `{name}` fields filled with the given HTML."""
    return _e(TEXTS[key]).format(**html)


def texts_html() -> str:
    """The shell's words as data (not run, so the content policy needs no hash for it);
    `<` is escaped so that no text can end the block."""
    data = json.dumps(SHELL_TEXTS, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="t2-texts">{data}</script>'


def quick_exit_html(root: str) -> str:
    """The shell's words, the stylesheet, the quick exit link and its script (before any page shell)."""
    return "".join([
        texts_html(),
        f'<link rel="stylesheet" href="{_e(root + STYLE)}">',
        f'<a class="t2-quick-exit md-button md-button--primary" href="{_e(root)}index.html" '
        f'title="{_e(say("page.quick-exit-title"))}">{_e(say("page.quick-exit"))}</a>',
        f'<script src="{_e(root + QUICK_EXIT)}"></script>',
    ])


def safety_html(root: str) -> str:
    """Quick exit and the passphrase script (both before the wizard shell)."""
    return quick_exit_html(root) + f'<script src="{_e(root + PROTECT)}"></script>'


def privacy_html(root: str) -> str:
    """The privacy line under each wizard."""
    link = f'<a href="{_e(root + PRIVACY)}">{_e(say("page.privacy-link"))}</a>'
    return f'<p class="t2-privacy">{say_html("page.privacy", link=link)}</p>'
