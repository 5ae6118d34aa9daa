"""Catalog part: the wizard and workbook pages around the engine's screens.

`PAGE_TEXTS`: what the macros write into the pages (controls, privacy lines).
`SHELL_TEXTS`: what the browser shell shows by itself (docs/javascripts/*.js). The macros
write these into each page as a JSON block (macros/safety.py) that the shell reads through
`t(name, values)` (docs/javascripts/protect.js), filling `{name}` fields itself.
Read through `track2guide.texts.say`.
"""

from __future__ import annotations

PAGE_TEXTS = {
    # the wizard pages
    "page.skip": "Skip to the first answer",
    "page.starting": "Starting the wizard",
    "page.starting-text": "Starting the wizard (Python in your browser).",
    "page.controls": "Wizard controls",
    "page.menu": "Save, share or clear",
    "page.download": "Download my answers",
    "page.load": "Load answers from a file",
    "page.file": "Answers file to load",
    "page.keep": "Keep my answers on this device",
    "page.clear": "Clear my answers",
    "page.confirm-yes": "Yes, remove my answers",
    "page.confirm-no": "No, keep my answers",
    "page.noscript": "This wizard needs JavaScript. Use the {link} instead.",
    "page.noscript-link": "paper version",
    "page.clear-all": "Clear all kept answers",
    "page.privacy": (
        "Your answers stay on this device: nothing is sent anywhere. While this tab is open they are "
        "also held in its history, so Back and Read more links keep them; Start again and Clear my "
        "answers remove them, and so does closing the tab (though a browser that can reopen closed tabs "
        "may keep that history for a while). They are kept after that only if you tick Keep my answers "
        "on this device (under Save, share or clear), until you clear them. Opened from a file in Chrome, "
        "Edge or Chromium, kept answers can be read by any other page opened from a file on this "
        "computer, unless you protect them with a passphrase: then they are kept encrypted. Press Shift "
        "three times, or Quick exit, to leave at once. {link}."
    ),
    "page.privacy-link": "How your answers are kept",
    "page.quick-exit": "Quick exit",
    "page.quick-exit-title": "Leave this page at once (or press Shift three times)",
    # the wizards on the planning tools page (each named by its tree's title)
    "page.paper-version": "Paper version: {link}",
    "page.paper-title": "{title} (paper)",
    # the glossary page (macros/glossary.py)
    "glossary.also": "Also: {names}.",
    "glossary.more": "More in the handbook",
    # the workbook page
    "workbook.save": "Download the plan file",
    "workbook.load": "Load a plan file",
    "workbook.export-markdown": "Save as Markdown",
    "workbook.export-html": "Save as a document (opens in a word processor)",
    "workbook.clear": "Clear the plan",
    "workbook.starting": "Starting the workbook",
    "workbook.starting-text": (
        "Starting the plan checks (Python in your browser). You can already fill in the plan."
    ),
    "workbook.checks-waiting": "Checks appear here and under each step once the workbook has started.",
    "workbook.file": "Plan file to load",
    "workbook.privacy": (
        "Your plan stays in this page: nothing is sent anywhere and nothing is stored in the browser. "
        "It is gone when you close or leave the page, so download the plan file to keep it, and load it "
        "again later; protect it with a passphrase and the file is encrypted. Press Shift three times, "
        "or Quick exit, to leave at once. {link}."
    ),
    "workbook.privacy-link": "How the site treats what you enter",
    "workbook.noscript": "The plan checks need JavaScript. Use the {link} instead.",
    "workbook.noscript-link": "paper workbook",
}

SHELL_TEXTS = {
    # docs/javascripts/wizard.js
    "wizard.queued": "Your answer will be used as soon as the wizard has started.",
    "wizard.queued-other": "This will happen as soon as the wizard has started.",
    "wizard.restoring": "Restoring your answers…",
    "wizard.loading-files": "Loading the wizard ({done} of {total} files)…",
    "wizard.loading-python": (
        "Starting Python in your browser: the slow part, a few seconds (longer on an old computer)…"
    ),
    "wizard.loading-rules": "Python has started; preparing your questions…",
    "wizard.early": "You can already read and answer the first question.",
    "wizard.confirm-restart": "Start again? Every answer you gave in this wizard will be removed.",
    "wizard.confirm-restart-yes": "Yes, start again",
    "wizard.confirm-clear": (
        "Clear your answers? They will be removed from this page, this tab's history and this browser."
    ),
    "wizard.confirm-clear-yes": "Yes, clear my answers",
    "wizard.cleared": "Your answers were cleared from this page, this tab's history and this browser.",
    "wizard.all-cleared": (
        "Every wizard's kept answers were cleared from this browser: each wizard page was opened in turn "
        "to clear its own."
    ),
    "wizard.cannot-run": "The interactive wizard cannot run in this browser ({reason}).",
    "wizard.use-paper": "Use the paper version of this wizard instead.",
    "wizard.unknown-problem": "unknown problem",
    "wizard.broken": (
        "Something went wrong inside the wizard, and your answers are unchanged. "
        "Reloading the page may help; the paper version always works."
    ),
    "wizard.not-kept": "Your answers could not be encrypted, so they were not kept.",
    "wizard.not-sealed": "Your answers could not be encrypted, so nothing was saved.",
    "wizard.no-storage": "This browser does not allow keeping answers.",
    "wizard.keeping": "Your answers will be kept in this browser until you clear them.",
    "wizard.not-keeping": "Your answers are no longer kept in this browser.",
    "wizard.unreadable": (
        "The browser could not read it: it may have been moved, or be on a drive that is no longer connected."
    ),
    "wizard.ask-kept": "Your kept answers are protected by a passphrase. Enter it to open them.",
    "wizard.ask-file": "The answers in this file are protected by a passphrase. Enter it to open them.",
    "load.failed": "This file could not be loaded, and your current answers are unchanged.",
    "load.too-big": "The file is too big to be an answers file (limit {limit} KB).",
    "saved": "Saved as {name} in your downloads.",
    "saved-sealed": "Saved as {name} in your downloads, encrypted with your passphrase.",
    # docs/javascripts/protect.js
    "protect.format": (
        "This protected file is incomplete or damaged, so it cannot be opened. Nothing was "
        "changed."
    ),
    "protect.version": (
        "This protected file was made by a newer version of the handbook. Nothing was "
        "changed."
    ),
    "protect.passphrase": (
        "This passphrase does not open it: either the passphrase is wrong, or the file was changed after "
        "it was saved. Nothing was changed."
    ),
    "protect.other": "It could not be opened. Nothing was changed.",
    "protect.no-crypto": "This browser cannot decrypt protected answers.",
    "protect.toggle": "Protect with a passphrase",
    "protect.toggle-on": "Passphrase protection: on",
    "protect.group": "Passphrase protection",
    "protect.explain": (
        "With a passphrase, answers kept on this device and downloaded answers files are encrypted. "
        "The passphrase is not stored anywhere: without it they cannot be opened."
    ),
    "protect.new": "Passphrase (at least {min} characters)",
    "protect.again": "The same passphrase again",
    "protect.use": "Use this passphrase",
    "protect.stop": "Stop using it",
    "protect.unlock": "Enter the passphrase",
    "protect.passphrase-label": "Passphrase",
    "protect.open": "Open",
    "protect.cancel": "Cancel",
    "protect.too-short": "The passphrase needs at least {min} characters.",
    "protect.differ": "The two passphrases differ. Type the same passphrase twice.",
    "protect.on": (
        "Passphrase protection is on for this page: kept answers and downloaded answers files are "
        "encrypted with it. It is not stored: if you forget it, they cannot be opened."
    ),
    "protect.off": "Passphrase protection is off: kept answers and downloads are no longer encrypted.",
    "protect.nothing-opened": "Nothing was opened, and nothing was changed.",
    # docs/javascripts/pyodide-host.js (the reason in "cannot run in this browser (...)")
    "host.frame": "Wizard engine",
    "host.file-failed": "the file {name} could not be loaded",
    "host.old-browser": "this browser cannot run WebAssembly, or is too old",
    "host.timeout": "Python did not start within {seconds} seconds",
    "host.worker-stopped": "the worker stopped",
    "host.no-runtime": "the Pyodide runtime script did not run",
    # docs/javascripts/workbook.js
    "workbook.load-failed": "This file could not be loaded, and your plan is unchanged.",
    "workbook.too-big": "This file is too big to be a plan file (limit {limit} KB).",
    "workbook.unreadable": "This file could not be read, and your plan is unchanged.",
    # loading a wizard's answers file beside a Design question
    "workbook.answers-failed": "This answers file could not be used, and your plan is unchanged.",
    "workbook.broken": "Something went wrong inside the workbook, and your plan is unchanged.",
    "workbook.start-failed": (
        "The plan checks cannot run in this browser ({reason}). "
        "You can still fill in and print the plan, or use the paper workbook."
    ),
    "workbook.confirm-clear": (
        "Clear the whole plan on this page? Download the plan file first if you want to keep it."
    ),
    "workbook.cleared": "The plan was cleared.",
    "workbook.not-sealed": "The plan could not be encrypted, so nothing was saved.",
    "workbook.ask-file": "The plan in this file is protected by a passphrase. Enter it to open it.",
}
