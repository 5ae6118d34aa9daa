"""Passphrase protection (docs/javascripts/protect.js) in Chromium: known-answer vectors,
damaged and wrong-passphrase files, and protected keeping, download and load in the wizard."""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Recorder
from tests.wizard.helpers import (
    answer,
    finished,
    open_menu,
    open_wizard,
    result_of,
    session_answers,
    wait_ready,
    walk,
)

pytestmark = pytest.mark.browser

# Expected ciphertexts computed independently with Node's crypto (OpenSSL):
# PBKDF2-SHA-256, 600,000 iterations, 32-byte key; AES-256-GCM with the additional data
# "track2-protected:1"; data = ciphertext followed by the 16-byte tag, in base64.
VECTORS = [
    {
        "passphrase": "correct horse battery staple",
        "salt": "000102030405060708090a0b0c0d0e0f",
        "iv": "a0a1a2a3a4a5a6a7a8a9aaab",
        "plain": '{"tree": "venue", "version": 1, "answers": {}}',
        "data": "0EzH8h5Q59IXCGTXauBokdR+zUOcbvrcNLwH0x4HDd9woP5dxCRWjGzBLNqvC5p5JtwHj604H/c9R2cnxJo=",
    },
    {   # typed decomposed (e + combining accent): the same key as the composed form (NFC)
        "passphrase": "cafe\u0301 au lait \u2014 \u0645\u0631\u062d\u0628\u0627",
        "salt": "ffeeddccbbaa99887766554433221100",
        "iv": "000000000000000000000001",
        "plain": "Gesprächspartner: «Ωμέγα» 🙂",
        "data": "ECpxYA/cGjsuC+lHVzWXkbxyg6Ho17xGeT2U6CMFJBZD2JhgnYNm934Smd3Lu7jWbdHroF45",
    },
]

ENCRYPT_FIXED = """async (v) => {
  const hex = (h) => new Uint8Array(h.match(/../g).map((b) => parseInt(b, 16)));
  return await TRACK2_PROTECT.encrypt(v.plain, v.passphrase, {salt: hex(v.salt), iv: hex(v.iv)});
}"""
ALERT_SAYS = "(words) => document.querySelector('.t2-alert').textContent.includes(words)"
DECRYPT = """async ([text, passphrase]) => {
  try { return {plain: await TRACK2_PROTECT.decrypt(text, passphrase)}; }
  catch (e) { return {reason: e.reason || String(e)}; }
}"""


@pytest.fixture
def tools_page(recorded_page: tuple[Any, Recorder], built_site: Path) -> Any:
    page, _rec = recorded_page
    page.goto((built_site / "tools" / "index.html").as_uri())
    return page


def test_the_key_derivation_is_pbkdf2_sha256_600000() -> None:
    # The vectors' keys, checked with Python's own PBKDF2: the format's documented parameters.
    key = hashlib.pbkdf2_hmac("sha256", b"correct horse battery staple", bytes(range(16)), 600_000)
    assert key.hex() == "ef177144eec9420cbc1093d2a8b344a92bc506d0d4ec9c028dd19f8324d8c1e6"


@pytest.mark.parametrize("vector", VECTORS, ids=["ascii", "unicode"])
def test_known_answer_vectors(tools_page: Any, vector: dict[str, str]) -> None:
    text = tools_page.evaluate(ENCRYPT_FIXED, vector)
    doc = json.loads(text)
    assert doc == {
        "format": "track2-protected", "version": 1, "kdf": "PBKDF2-SHA-256", "iterations": 600000,
        "salt": base64.b64encode(bytes.fromhex(vector["salt"])).decode(), "cipher": "AES-256-GCM",
        "iv": base64.b64encode(bytes.fromhex(vector["iv"])).decode(), "data": vector["data"],
    }
    assert tools_page.evaluate(DECRYPT, [text, vector["passphrase"]]) == {"plain": vector["plain"]}


def test_random_salt_and_iv_each_time(tools_page: Any) -> None:
    texts = tools_page.evaluate("""async () => [await TRACK2_PROTECT.encrypt("same", "passphrase1"),
                                                await TRACK2_PROTECT.encrypt("same", "passphrase1")]""")
    a, b = (json.loads(t) for t in texts)
    assert a["salt"] != b["salt"] and a["iv"] != b["iv"] and a["data"] != b["data"]
    assert "passphrase1" not in texts[0] and "same" not in texts[0]


def _flip(b64: str, index: int) -> str:
    raw = bytearray(base64.b64decode(b64))
    raw[index] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def damaged(text: str) -> dict[str, str]:
    """Ways a protected file can arrive broken, each with what protect.js must answer."""
    doc = json.loads(text)
    out = {}
    for name, change, reason in [
        ("tampered-data", {"data": _flip(doc["data"], 0)}, "passphrase"),
        ("tampered-tag", {"data": _flip(doc["data"], -1)}, "passphrase"),
        ("tampered-salt", {"salt": _flip(doc["salt"], 3)}, "passphrase"),
        ("tampered-iv", {"iv": _flip(doc["iv"], 3)}, "passphrase"),
        ("fewer-iterations", {"iterations": 1000}, "format"),
        ("huge-iterations", {"iterations": 10**9}, "format"),
        ("newer-version", {"version": 2}, "version"),
        ("bad-base64", {"data": "%%%"}, "format"),
        ("short-iv", {"iv": base64.b64encode(b"123").decode()}, "format"),
        ("no-tag", {"data": base64.b64encode(b"short").decode()}, "format"),
        ("other-cipher", {"cipher": "AES-128-CBC"}, "format"),
    ]:
        out[name] = (json.dumps({**doc, **change}), reason)
    out["truncated"] = (text[: len(text) // 2], "format")
    out["data-cut"] = (json.dumps({**doc, "data": doc["data"][:-8]}), "passphrase")
    return {k: v for k, v in out.items()}  # type: ignore[misc]


def test_wrong_tampered_and_truncated(tools_page: Any) -> None:
    text = tools_page.evaluate("() => TRACK2_PROTECT.encrypt('{\"a\": 1}', 'the right one')")
    assert tools_page.evaluate(DECRYPT, [text, "the right one"]) == {"plain": '{"a": 1}'}
    assert tools_page.evaluate(DECRYPT, [text, "the wrong one"]) == {"reason": "passphrase"}
    for name, (bad, reason) in damaged(text).items():
        assert tools_page.evaluate(DECRYPT, [bad, "the right one"]) == {"reason": reason}, name


def _set_passphrase(page: Any, passphrase: str) -> None:
    page.locator(".t2-protect-toggle").click()
    page.locator(".t2-protect-set input").nth(0).fill(passphrase)
    page.locator(".t2-protect-set input").nth(1).fill(passphrase)
    page.locator(".t2-protect-set .md-button--primary").click()
    assert "Passphrase protection is on" in page.text_content(".t2-notice")


def _unlock(page: Any, passphrase: str) -> None:
    field = page.locator(".t2-unlock input")
    field.wait_for()
    assert field.get_attribute("type") == "password"
    assert field.get_attribute("autocomplete") == "current-password"
    field.fill(passphrase)
    page.locator(".t2-unlock .md-button--primary").click()


def test_passphrase_fields_become_password_fields_when_shown(wizard_page: tuple[Any, Recorder],
                                                             built_site: Path) -> None:
    """Until the reader opens the passphrase panel the page holds no password field (Firefox's
    password manager then slows every history step of the wizard); shown, they are masked."""
    page, rec = wizard_page
    open_wizard(page, built_site.as_uri(), "venue")
    assert page.locator("input[type=password]").count() == 0
    fields = page.locator(".t2-protect-set input")
    assert fields.count() == 2 and not fields.nth(0).is_visible() and not fields.nth(1).is_visible()
    page.locator(".t2-protect-toggle").click()
    for i in range(2):
        assert fields.nth(i).is_visible()
        assert fields.nth(i).get_attribute("type") == "password"
        assert fields.nth(i).get_attribute("autocomplete") == "new-password"
    page.locator(".t2-protect-toggle").click()  # closed and opened again: still masked
    page.locator(".t2-protect-toggle").click()
    assert [fields.nth(i).get_attribute("type") for i in range(2)] == ["password", "password"]
    assert rec.console_errors == [] and rec.page_errors == []


def test_protected_keeping_in_the_wizard(wizard_page: tuple[Any, Recorder], built_site: Path) -> None:
    page, rec = wizard_page
    scenario = finished("venue")[0]
    path, answers = scenario["expect"]["path"], scenario["answers"]
    open_wizard(page, built_site.as_uri(), "venue")
    _set_passphrase(page, "a long passphrase")
    open_menu(page)
    page.check(".t2-keep")
    for qid in path[:2]:
        answer(page, qid, answers[qid])
    page.wait_for_function("() => (localStorage.getItem('track2-wizard:venue') || '').includes('track2-')")
    kept = page.evaluate("() => localStorage.getItem('track2-wizard:venue')")
    assert json.loads(kept)["format"] == "track2-protected"
    for qid in path[:2]:
        assert qid not in kept and str(answers[qid]) not in kept
    # Another tab: a reload would restore this tab's own history entry (held for the tab
    # only); a new tab finds only the kept answers, encrypted, and asks for the passphrase.
    page = page.context.new_page()
    page.add_init_script("window.TRACK2_START_TIMEOUT_MS = 90000;")
    page.on("pageerror", lambda exc: rec.page_errors.append(str(exc)))
    page.goto(f"{built_site.as_uri()}/tools/venue.html", wait_until="domcontentloaded")
    page.locator(".t2-unlock").wait_for()
    _unlock(page, "not the passphrase")
    page.wait_for_function("() => document.querySelector('.t2-alert').textContent.includes('does not open')")
    assert page.evaluate("() => localStorage.getItem('track2-wizard:venue')") == kept  # nothing lost
    _unlock(page, "a long passphrase")
    wait_ready(page)
    page.locator(f'form.t2-question[data-question="{path[2]}"]').wait_for()
    assert page.is_checked(".t2-keep")
    assert rec.page_errors == []


def test_protected_download_and_load(
    wizard_page: tuple[Any, Recorder], built_site: Path, tmp_path: Path
) -> None:
    page, _rec = wizard_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, built_site.as_uri(), "choose-process")
    walk(page, scenario)
    before = result_of(page)
    _set_passphrase(page, "another passphrase")
    open_menu(page)
    with page.expect_download() as info:
        page.locator('.t2-toolbar [data-action="download"]').click()
    assert info.value.suggested_filename == "answers.json"
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert json.loads(text)["format"] == "track2-protected" and "answers" not in json.loads(text)
    # A fresh page: the passphrase is asked for, a wrong one changes nothing.
    page.reload(wait_until="domcontentloaded")
    wait_ready(page)
    start = session_answers(page)

    def load(path: Path) -> None:
        open_menu(page)
        with page.expect_file_chooser() as chooser:
            page.locator('.t2-toolbar [data-action="load"]').click()
        chooser.value.set_files(path)

    load(saved)
    _unlock(page, "wrong passphrase")
    page.wait_for_function("() => document.querySelector('.t2-alert').textContent.includes('does not open')")
    assert session_answers(page) == start
    page.locator(".t2-unlock .md-button:not(.md-button--primary)").click()  # cancel
    for name, (bad, _reason) in damaged(text).items():
        broken = tmp_path / f"{name}.json"
        broken.write_text(bad, encoding="utf-8")
        page.evaluate("() => { document.querySelector('.t2-alert').textContent = ''; }")
        load(broken)
        if _reason == "passphrase":
            _unlock(page, "another passphrase")
        page.wait_for_function(ALERT_SAYS, arg="Nothing was")
        assert bad[:40] not in page.text_content(".t2-alert")
        if _reason == "passphrase":
            page.locator(".t2-unlock .md-button:not(.md-button--primary)").click()
        assert session_answers(page) == start, name
    load(saved)
    _unlock(page, "another passphrase")
    assert result_of(page) == before
