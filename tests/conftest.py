"""Shared fixtures: one strict build per session, a local http server, and a
real Chromium (Debian's, driven by Playwright) whose every request is recorded.

Set T2_SITE=/path/to/site to test an existing build instead of building.
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("T2_CHROMIUM", "/usr/bin/chromium")
# Flags that keep Debian's Chromium headless and stop its own network calls (updates,
# sync, QUIC), so the request recorder sees only what the pages load.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:")


def build_site(dest: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into dest; return the finished process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)]
    if config is not None:
        cmd += ["-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("T2_SITE"):
        return Path(os.environ["T2_SITE"])
    dest = tmp_path_factory.mktemp("site") / "site"
    proc = build_site(dest)
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def http_site(built_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the built site served on 127.0.0.1."""
    server, base = serve(built_site)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Recorder:
    """Everything a page did that a test may want to assert on."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self, allowed_origin: str | None = None) -> list[str]:
        """Requests that left the device: not file:/data:/blob: nor the test server."""
        return [
            url for url in self.requests
            if not url.startswith(LOCAL_SCHEMES)
            and not (allowed_origin and url.startswith(allowed_origin + "/"))
        ]


@pytest.fixture
def recorded_page(browser: Any) -> Iterator[tuple[Any, Recorder]]:
    """A fresh browser context and page, with requests and errors recorded."""
    context = browser.new_context()
    page = context.new_page()
    rec = Recorder()
    page.on("request", lambda request: rec.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and rec.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: rec.page_errors.append(str(exc)))
    yield page, rec
    context.close()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
