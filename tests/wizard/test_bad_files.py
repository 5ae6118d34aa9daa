"""Loading an answers file is untrusted input: every kind of bad file gives a clear,
announced message, leaves the current answers alone, and runs no script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.wizard.helpers import answer, finished, open_menu, open_wizard, session_answers
from track2guide.wizard import MAX_FILE_CHARS

pytestmark = pytest.mark.browser

REFUSED = "This file could not be loaded, and your current answers are unchanged."
XSS = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1</script>'


def good(**changes: Any) -> dict[str, Any]:
    return {"tree": "venue", "version": 1, "answers": {"process-type": "dialogue"}, **changes}


BAD_FILES: dict[str, bytes] = {
    "broken-json": b'{"tree": "venue", "version": 1, "answers": {',
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not-an-object": b'["venue", 1]',
    "other-tree": json.dumps(good(tree="choose-process")).encode(),
    "other-version": json.dumps(good(version=99)).encode(),
    "unknown-choice": json.dumps(good(answers={"process-type": "picnic"})).encode(),
    "unknown-question": json.dumps(good(answers={"favourite-colour": "red"})).encode(),
    "wrong-type": json.dumps(good(answers={"process-type": ["dialogue"]})).encode(),
    "markup-in-values": json.dumps(good(answers={"process-type": XSS})).encode(),
    "markup-in-keys": json.dumps(good(answers={XSS: "dialogue"})).encode(),
    "markup-in-tree": json.dumps(good(tree=XSS)).encode(),
    "extra-keys": json.dumps({**good(), "html": XSS}).encode(),
    "deeply-nested": b"[" * 20000 + b"]" * 20000,
    "huge": json.dumps(good()).encode() + b" " * (200 * 1024),
    # wording, cleaned ids, deep but valid JSON
    "null-answer": json.dumps(good(answers={"process-type": None})).encode(),
    "number-answer": json.dumps(good(answers={"process-type": 3})).encode(),
    "deep-valid-json": json.dumps(good(answers={"process-type": [[[[[[[[[]]]]]]]]]})).encode(),
    "bidi-choice": json.dumps(good(answers={"process-type": "\u202eevil\u2066" + "x" * 300})).encode(),
    "bidi-question": json.dumps(good(answers={"\u202e" + "q" * 300: "dialogue"})).encode(),
    "protected-but-cut": b'{"format": "track2-protected", "version": 1, "kdf": "PBKDF2-SHA-256", "iter',
}


def test_every_kind_of_bad_file(recorded_page: Any, file_url: str, tmp_path: Path) -> None:
    page, rec = recorded_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    scenario = finished("venue")[0]
    path = scenario["expect"]["path"]
    open_wizard(page, file_url, "venue")
    for qid in path[:2]:
        answer(page, qid, scenario["answers"][qid])
    before = session_answers(page)
    screen = page.inner_html(".t2-screen")
    for name, content in BAD_FILES.items():
        bad = tmp_path / f"{name}.json"
        bad.write_bytes(content)
        page.evaluate("() => { document.querySelector('.t2-alert').textContent = ''; }")
        open_menu(page)
        with page.expect_file_chooser() as chooser:
            page.locator('.t2-toolbar [data-action="load"]').click()
        chooser.value.set_files(bad)
        alert = page.locator(".t2-alert")
        alert.filter(has_text="could not be loaded").wait_for(timeout=5000)
        text = alert.text_content()
        assert text.startswith(REFUSED) and len(text) > len(REFUSED) + 5, name
        if name == "huge":  # refused by the shell before reading, with Python's cap in the words
            assert text.endswith(f"(limit {MAX_FILE_CHARS // 1024} KB)."), text
        assert page.evaluate("() => document.querySelector('.t2-alert').children.length") == 0, name
        assert not any(ch in text for ch in "\u202e\u2066\x00") and "x" * 60 not in text, name
        assert session_answers(page) == before, name
        assert page.inner_html(".t2-screen") == screen, name
        assert page.evaluate("() => document.activeElement === document.querySelector('.t2-alert')"), name
    assert page.get_attribute(".t2-alert", "role") == "alert"
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    # The inline scripts are data, never run: the page's own words (macros/safety.py) and the
    # opening's replies worked out at build time (macros/wizard.py).
    assert page.locator(".t2-wizard img").count() == 0
    inline = page.eval_on_selector_all(".t2-wizard script:not([src])",
                                       "els => els.map(e => [e.id || e.className, e.type])")
    assert sorted(inline) == [["t2-opening", "application/json"], ["t2-texts", "application/json"]]
    assert dialogs == []
    assert rec.console_errors == [] and rec.page_errors == []
    answer(page, path[2], scenario["answers"][path[2]])  # the wizard still works
    assert page.locator(".t2-alert").text_content() == ""
