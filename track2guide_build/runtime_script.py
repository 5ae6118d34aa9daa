"""How the Pyodide runtime's code reaches the page (hooks/pyodide_bundle.py writes it,
hooks/csp.py allows it, docs/javascripts/pyodide-host.js runs it).

`pyodide-runtime.js` carries the runtime function's text as a string,
`window.TRACK2_PYODIDE.runtimeSource`, not as code: the page never runs it, it only hands
it to the Web Worker that runs Python, and a browser reads a 1.3 MB string far faster than
it parses 1.3 MB of code (measured: the worker starts about 100 ms sooner in Chromium and
Firefox). Where no worker can run, the host turns the text into code on the page with an
inline script of exactly `page_script(source)`, which the wizard pages' policy allows by
its hash (no 'unsafe-eval').
"""

from __future__ import annotations

import json

GLOBAL = "window.TRACK2_PYODIDE"
SOURCE_STATEMENT = f"{GLOBAL}.runtimeSource = "


def source_statement(source: str) -> str:
    """The statement of pyodide-runtime.js that carries the runtime function's text."""
    return f"{SOURCE_STATEMENT}{json.dumps(source)};\n"


def source_in(script: str) -> str | None:
    """The runtime function's text carried by the script `script`, if it carries one."""
    for line in script.splitlines():
        if line.startswith(SOURCE_STATEMENT) and line.endswith(";"):
            return str(json.loads(line[len(SOURCE_STATEMENT):-1]))
    return None


def page_script(source: str) -> str:
    """The inline script that defines the runtime on the page: the same text as
    `GLOBAL + ".runtime = " + source + ";"` in docs/javascripts/pyodide-host.js."""
    return f"{GLOBAL}.runtime = {source};"
