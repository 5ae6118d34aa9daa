"""Where the build puts the files the browser loads, as paths from the site root.

The hooks that write these files and the macros that link them both read them here, so
a path is named once.  Data reaches the page as classic scripts that set globals
(`file://` forbids fetch); node_modules is where npm installed the pinned runtimes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

TREES_JS = "assets/wizard/trees.js"  # `window.TRACK2_TREES = {id: compiled tree}` (hooks/trees.py)
WORKBOOK_DATA_JS = "assets/workbook/workbook-data.js"  # `TRACK2_TREES.workbook` (hooks/workbook.py)
PYODIDE_DIR = "assets/pyodide"  # hooks/pyodide_bundle.py
# The Pyodide runtime's scripts, in the order a page loads them (they run in that order): the
# worker's own code first, so that it starts while the rest loads, then the biggest payloads,
# whose decoding is then the first work waiting for it.
PYODIDE_FILES = (
    "pyodide-runtime.js",
    "pyodide-wasm.js",
    "pyodide-snapshot.js",
    "python-stdlib.js",
    "pyodide-lock.js",
)
PYODIDE = tuple(f"{PYODIDE_DIR}/{name}" for name in PYODIDE_FILES)
WIZARD_RUNTIME = (*PYODIDE, TREES_JS)  # the runtime, then the page's data (needed once Python starts)
# The workbook's Design step walks the wizards' answers files: the runtime, their trees, then
# the workbook data (which refers to them).
WORKBOOK_RUNTIME = (*PYODIDE, TREES_JS, WORKBOOK_DATA_JS)
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"
# Site path -> path inside node_modules, copied as they are by hooks/vendor.py.
VENDORED = {IFRAME_WORKER_SHIM: "iframe-worker/shim/index.js"}


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: the project whose files this build reads."""
    return Path(config.config_file_path).resolve().parent


def node_module_path(config: MkDocsConfig, relative: str) -> Path:
    """The file in node_modules, or fail the build saying how to get it."""
    root = project_root(config)
    path = root / "node_modules" / relative
    if not path.is_file():
        raise PluginError(
            f"missing node_modules/{relative}: run `npm ci` in {root} "
            "(browser runtimes are vendored from the npm lock file)"
        )
    return path
