"""MkDocs hook: ship the checked planning workbook to the browser, after checking the
sample plans against it.

on_files adds `assets/workbook/workbook-data.js`, a classic script (file:// forbids
fetch) that sets `window.TRACK2_TREES.workbook` to the compiled workbook, and gives it
the wizards' checked trees from `assets/wizard/trees.js` (loaded just before it, see
track2guide_build.assets.WORKBOOK_RUNTIME) as `wizard_trees`, so that Python can walk a
wizard's answers file in the Design step. The data is loaded and checked once per build
by the build edge (track2guide_build.workbook), whose cache the workbook macros share; a
problem fails the build with its file, line and path. Every sample plan
(decision_trees/workbook/samples/) must raise exactly the checks it lists, or the build
fails naming the sample and the check.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from track2guide.problems import TreeError
from track2guide.workbook import wizard_ids
from track2guide_build.assets import WORKBOOK_DATA_JS, project_root
from track2guide_build.workbook import SOURCE, checked_workbook
from track2guide_build.workbook_samples import sample_problems


def check_samples(root: Path, data: Any) -> None:
    """Fail the build (PluginError) when a sample plan raises other checks than it lists."""
    problems = sample_problems(root, data)
    if problems:
        count = len(problems)
        raise PluginError(
            f"{count} sample plan problem{'s' if count != 1 else ''} (the plan checks changed, "
            "or the sample did):\n" + "\n".join(problems)
        )


def data_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    trees = ",".join(f"{json.dumps(t)}:window.TRACK2_TREES[{json.dumps(t)}]" for t in wizard_ids(data))
    return (
        "window.TRACK2_TREES = window.TRACK2_TREES || {};\n"
        f"window.TRACK2_TREES.workbook = {text};\n"
        f"window.TRACK2_TREES.workbook.wizard_trees = {{{trees}}};\n"
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        data = checked_workbook(project_root(config))
    except TreeError as exc:
        raise PluginError(f"problems in the planning workbook:\n{exc}") from None
    check_samples(project_root(config), data)
    files.append(File.generated(config, WORKBOOK_DATA_JS, content=data_script(data)))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    server.watch(str((project_root(config) / SOURCE).parent))
    return server
