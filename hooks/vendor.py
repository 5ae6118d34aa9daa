"""Ship third-party browser files from node_modules inside the built site.

Nothing is committed from npm and nothing is loaded from a CDN: the build copies
the exact files the lock file pinned. Other hooks (pyodide_bundle) reuse
``node_module_path`` so the "run npm ci" message is given in one place.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# site path -> path inside node_modules
VENDORED = {
    "assets/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
}


def node_module_path(config: MkDocsConfig, relative: str) -> Path:
    """Return the file in node_modules, or fail the build saying how to get it."""
    root = Path(config.config_file_path).parent
    path = root / "node_modules" / relative
    if not path.is_file():
        raise PluginError(
            f"missing node_modules/{relative}: run `npm ci` in {root} "
            "(browser runtimes are vendored from the npm lock file)"
        )
    return path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for dest, source in VENDORED.items():
        content = node_module_path(config, source).read_bytes()
        files.append(File.generated(config, dest, content=content))
    return files
