"""MkDocs hook: ship the checked planning workbook to the browser.

on_files adds `assets/workbook/workbook-data.js`, a classic script (file:// forbids
fetch) that sets `window.TRACK2_TREES.workbook` to the compiled workbook. The data is
loaded and checked once per build by the build edge (track2guide_build.workbook), whose
cache the workbook macros share; a problem fails the build with its file, line and path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from track2guide.problems import TreeError
from track2guide_build.assets import WORKBOOK_DATA_JS, project_root
from track2guide_build.workbook import SOURCE, checked_workbook


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        data = checked_workbook(project_root(config))
    except TreeError as exc:
        raise PluginError(f"problems in the planning workbook:\n{exc}") from None
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    script = f"window.TRACK2_TREES = window.TRACK2_TREES || {{}};\nwindow.TRACK2_TREES.workbook = {text};\n"
    files.append(File.generated(config, WORKBOOK_DATA_JS, content=script))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    server.watch(str((project_root(config) / SOURCE).parent))
    return server
