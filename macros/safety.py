"""Safety controls shared by the wizard pages and the planning tools page.

- the "Quick exit" link (docs/javascripts/quick-exit.js makes it wipe the tab first;
  without JavaScript it is still a plain link to the home page);
- the scripts of passphrase protection and clearing (docs/javascripts/protect.js) and of
  quick exit, which must load before the wizard shell docs/javascripts/wizard.js;
- their stylesheet docs/stylesheets/safety.css.

All paths are relative to the page (`root` is "../" per folder level).
"""

from __future__ import annotations

from html import escape

PROTECT = "javascripts/protect.js"
QUICK_EXIT = "javascripts/quick-exit.js"
STYLE = "stylesheets/safety.css"
PRIVACY = "privacy.html"


def _e(text: str) -> str:
    return escape(text, quote=True)


def quick_exit_html(root: str) -> str:
    """The stylesheet, the quick exit link and its script (before any page shell)."""
    return "".join([
        f'<link rel="stylesheet" href="{_e(root + STYLE)}">',
        f'<a class="t2-quick-exit md-button md-button--primary" href="{_e(root)}index.html" '
        'title="Leave this page at once (or press Shift three times)">Quick exit</a>',
        f'<script src="{_e(root + QUICK_EXIT)}"></script>',
    ])


def safety_html(root: str) -> str:
    """Quick exit and the passphrase script (both before the wizard shell)."""
    return quick_exit_html(root) + f'<script src="{_e(root + PROTECT)}"></script>'


def privacy_html(root: str) -> str:
    """The privacy line under each wizard."""
    return (
        '<p class="t2-privacy">Your answers stay on this device: nothing is sent anywhere. While this tab is '
        "open they are also held in its history, so Back and Read more links keep them; Start again and "
        "Clear my answers remove them, and so does closing the tab (though a browser that can reopen closed "
        "tabs may keep that history for a while). They are kept after that only if you tick Keep my answers "
        "on this device (under Save, share or clear), until you clear them. Opened from a file in Chrome, "
        "Edge or Chromium, kept answers can be read by any other page opened from a file on this computer, "
        "unless you protect them with a passphrase: then they are kept encrypted. Press Shift three times, "
        f'or Quick exit, to leave at once. <a href="{_e(root + PRIVACY)}">How your answers are kept</a>.</p>'
    )
