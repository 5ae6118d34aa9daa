"""MkDocs hook: ship the checked planning workbook to the browser.

on_files adds `assets/workbook/workbook-data.js`, a classic script (file:// forbids
fetch) that sets `window.TRACK2_TREES.workbook` to the compiled workbook. The data is
loaded and checked once, by macros/workbook.py; a problem fails the build with its
file, line and path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.workbook import DATA_JS, workbook  # noqa: E402
from track2guide.problems import TreeError  # noqa: E402


def on_files(files: Files, config: Any) -> Files:
    try:
        data = workbook(ROOT)
    except TreeError as exc:
        raise PluginError(f"problems in the planning workbook:\n{exc}") from None
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    script = f"window.TRACK2_TREES = window.TRACK2_TREES || {{}};\nwindow.TRACK2_TREES.workbook = {text};\n"
    files.append(File.generated(config, DATA_JS, content=script))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(ROOT / "decision_trees" / "workbook"))
    return server
