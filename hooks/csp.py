"""Write a strict Content-Security-Policy into every built page, as a <meta> tag.

The site is opened from disk (file://) where no server can send headers, so the policy
travels inside each page. It is computed per page: inline scripts are allowed only by
the sha256 of their exact text, and Material's inline scripts differ by folder depth.

Besides the page's own inline scripts, one more is allowed: the script that the
iframe-worker shim (assets/vendor/iframe-worker/shim.js, shipped by hooks/vendor.py)
writes into the frame it uses instead of a Worker for Material's search from file://.
That frame inherits this page's policy, and its script text holds the search worker's
URL, so its hash is computed here from the shim's own template.

Pages that run the wizard's Python (those that load the Pyodide runtime) allow one more: the
inline script that defines the runtime on the page where no Web Worker can run it
(track2guide_build/runtime_script.py), hashed from the built runtime file.

Table cells aligned by Markdown get an `align` attribute instead of a style attribute
(which `style-src 'self'` would block); `<link rel="prev|next">` hints go (Firefox
prefetches them, and the policy refuses and reports it); any other inline style or event handler fails the
build, since the browser would ignore it silently.

Runs in on_post_build over every HTML file (pages, 404, generated ones), after the
other hooks that change HTML and before hooks/offline_guard.py.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from track2guide_build.assets import IFRAME_WORKER_SHIM as SHIM
from track2guide_build.assets import PYODIDE_DIR
from track2guide_build.runtime_script import page_script, source_in

RUNTIME_FILE = f"{PYODIDE_DIR}/pyodide-runtime.js"

# Directives, in order; "{scripts}" is filled with the page's hashes.
POLICY = (
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'{scripts}",
    "style-src 'self'",
    "img-src 'self' data:",
    # 'self' for Material's search over http, which starts its worker from a file and
    # fetches search/search_index.json; from file:// it needs neither (the iframe-worker
    # shim and a script), and the wizard's Python worker is a Blob that fetches nothing.
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
)
META_NAME = 'http-equiv="Content-Security-Policy"'
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
TYPE_ATTR = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
# Inline event handlers and style attributes would be blocked silently: refuse them.
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+|style)\s*=", re.IGNORECASE)
# Markdown tables align columns with a style attribute, which style-src 'self' blocks;
# the align attribute does the same (Material styles th/td[align]) and is no style.
TABLE_ALIGN = re.compile(r'(<t[hd]) style="text-align: (left|right|center);"')
# Firefox prefetches <link rel="next"> (and the policy then reports it); the page's own
# footer links do the navigating, so these hints go.
PREFETCH_HINT = re.compile(r'\s*<link rel="(?:prev|next)" href="[^"]*">')
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


def sha256_source(text: str) -> str:
    """The CSP source expression that allows an inline script of exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of `html` that a browser would run."""
    out = []
    for match in SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = TYPE_ATTR.search(attrs)
        if (kind.group(1).lower() if kind else "") in RUNNABLE_TYPES:
            out.append(body)
    return out


def _function_source(js: str, name: str) -> str:
    """The source text of `function name(...){...}` in `js` (what Function.toString gives)."""
    start = js.find(f"function {name}(")
    if start < 0:
        raise PluginError(f"csp: function {name} not found in {SHIM}")
    depth, i = 0, js.index("{", start)
    while i < len(js):
        depth += {"{": 1, "}": -1}.get(js[i], 0)
        if depth == 0:
            return js[start : i + 1]
        i += 1
    raise PluginError(f"csp: unbalanced function {name} in {SHIM}")


def shim_frame_script(shim_js: str, worker_url: str) -> str:
    """The inline script that the iframe-worker shim writes into its frame for `worker_url`.

    The shim writes `<script>TEMPLATE</script>` where TEMPLATE interpolates two of its
    functions and the worker's URL; rebuild the same text from the shim's source.
    """
    match = re.search(r"document\.write\(`<html><body><script>(.*?)<\\/script>", shim_js, re.DOTALL)
    if not match:
        raise PluginError(f"csp: the frame template of {SHIM} has changed; update hooks/csp.py")

    def fill(part: re.Match[str]) -> str:
        name = part.group(1)
        return _function_source(shim_js, name) if len(name) == 1 and name != "e" else worker_url

    return re.sub(r"\$\{(\w+)\}", fill, match.group(1))


def policy_for(html: str, shim_js: str | None, runtime_hash: str | None = None) -> str:
    """The policy for one page: its inline scripts' hashes, plus the shim frame's if it has
    search, plus the runtime's on-page script if the page loads the runtime."""
    hashes = [sha256_source(s) for s in inline_scripts(html)]
    if runtime_hash and RUNTIME_FILE in html:
        hashes.append(runtime_hash)
    config = CONFIG.search(html)
    if shim_js and config:
        search = json.loads(config.group(1)).get("search")
        if search:
            hashes.append(sha256_source(shim_frame_script(shim_js, str(search))))
    unique = list(dict.fromkeys(hashes))
    scripts = "".join(" " + h for h in unique)
    return "; ".join(POLICY).replace("{scripts}", scripts)


def with_policy(html: str, shim_js: str | None, runtime_hash: str | None = None) -> str:
    """`html` with its policy as the first element after <meta charset> (before any script)."""
    if META_NAME in html:
        raise PluginError("csp: a page already carries a Content-Security-Policy")
    tag = f'<meta {META_NAME} content="{policy_for(html, shim_js, runtime_hash)}">'
    charset = CHARSET.search(html)
    if not charset:
        raise PluginError("csp: page without <meta charset>: the policy must come before any script")
    return html[: charset.end()] + "\n    " + tag + html[charset.end() :]


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    shim_path = site / SHIM
    shim_js = shim_path.read_text(encoding="utf-8") if shim_path.is_file() else None
    runtime_hash = None
    if (site / RUNTIME_FILE).is_file():
        source = source_in((site / RUNTIME_FILE).read_text(encoding="utf-8"))
        if source is None:
            raise PluginError(f"csp: {RUNTIME_FILE} carries no runtime source")
        runtime_hash = sha256_source(page_script(source))
    problems = []
    for path in sorted(site.rglob("*.html")):
        html = PREFETCH_HINT.sub("", TABLE_ALIGN.sub(r'\1 align="\2"', path.read_text(encoding="utf-8")))
        for match in INLINE_HANDLER.finditer(html):
            problems.append(f"{path.relative_to(site).as_posix()}: inline {match.group(1)}= attribute")
        path.write_text(with_policy(html, shim_js, runtime_hash), encoding="utf-8")
    if problems:
        raise PluginError("csp: the policy would block these:\n  " + "\n  ".join(problems))
