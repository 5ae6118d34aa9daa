"""Ship third-party browser files from node_modules inside the built site.

Nothing is committed from npm and nothing is loaded from a CDN: the build copies
the exact files the lock file pinned (track2guide_build.assets.VENDORED).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from track2guide_build.assets import VENDORED, node_module_path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for dest, source in VENDORED.items():
        content = node_module_path(config, source).read_bytes()
        files.append(File.generated(config, dest, content=content))
    return files
