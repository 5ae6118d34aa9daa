"""When WebAssembly or Pyodide cannot start, the wizard says so within a few seconds in
plain words and links to the paper version; it never hangs."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tests.wizard.helpers import open_wizard

pytestmark = pytest.mark.browser

FEW_SECONDS_MS = 5000


def expect_fallback(page: Any, tree: str, started: float, limit_s: float) -> None:
    failed = page.locator(".t2-loading.t2-failed")
    failed.wait_for(timeout=int(limit_s * 1000))
    assert time.monotonic() - started < limit_s
    assert failed.get_attribute("role") == "alert"
    assert "cannot run in this browser" in failed.text_content()
    link = failed.locator("a")
    assert link.get_attribute("href").endswith(f"tools/paper/{tree}.html")
    assert page.locator('.t2-screen button[type="submit"]').is_disabled()


def test_missing_runtime_file_from_disk(recorded_page: Any, built_site: Path, tmp_path: Path) -> None:
    page, _rec = recorded_page
    copy = tmp_path / "site copy [no wasm]"
    shutil.copytree(built_site, copy)
    (copy / "assets" / "pyodide" / "pyodide-wasm.js").unlink()
    started = time.monotonic()
    open_wizard(page, copy.as_uri(), "venue", ready=False)
    expect_fallback(page, "venue", started, FEW_SECONDS_MS / 1000)
    page.locator(".t2-failed a").click()
    page.wait_for_url("**/tools/paper/venue.html")


def test_blocked_runtime_over_http(recorded_page: Any, http_site: str) -> None:
    page, _rec = recorded_page
    page.route("**/assets/pyodide/pyodide-wasm.js", lambda route: route.abort())
    started = time.monotonic()
    open_wizard(page, http_site, "approach", ready=False)
    expect_fallback(page, "approach", started, FEW_SECONDS_MS / 1000)


def test_no_webassembly(recorded_page: Any, file_url: str) -> None:
    page, _rec = recorded_page
    page.add_init_script("delete window.WebAssembly;")
    started = time.monotonic()
    open_wizard(page, file_url, "choose-process", ready=False)
    expect_fallback(page, "choose-process", started, FEW_SECONDS_MS / 1000)
    assert "WebAssembly" in page.text_content(".t2-failed")


def test_a_broken_runtime_says_why_at_once(recorded_page: Any, http_site: str) -> None:
    """A wasm that cannot be compiled fails the start (snapshot and normal alike) in plain words."""
    page, _rec = recorded_page
    broken = ('window.TRACK2_PYODIDE = window.TRACK2_PYODIDE || {}; window.TRACK2_PYODIDE.files = '
              '{"pyodide.asm.wasm": {gzip: false, base64: "AGFzbQEAAAAB"}};')  # a truncated module
    page.route("**/assets/pyodide/pyodide-wasm.js",
               lambda route: route.fulfill(body=broken, content_type="text/javascript"))
    started = time.monotonic()
    open_wizard(page, http_site, "venue", ready=False)
    expect_fallback(page, "venue", started, FEW_SECONDS_MS / 1000)
    assert "WebAssembly" in page.text_content(".t2-failed")


def test_a_runtime_that_never_starts_times_out(recorded_page: Any, http_site: str) -> None:
    """loadPyodide can hang forever (e.g. a wasm that never instantiates): the timeout must catch it."""
    page, _rec = recorded_page
    # On the page (no worker), so that the stalled instantiation is under the test's control.
    page.add_init_script("delete window.Worker; WebAssembly.instantiate = () => new Promise(() => {});"
                         "window.TRACK2_START_TIMEOUT_MS = 2000;")
    started = time.monotonic()
    open_wizard(page, http_site, "venue", ready=False)
    expect_fallback(page, "venue", started, 15)
    assert "did not start" in page.text_content(".t2-failed")
