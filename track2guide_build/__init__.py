"""Build-time edge of the engine: YAML with line numbers, handbook anchors, the glossary,
the trees and the workbook checked once per build, the browser's asset paths.

May import PyYAML; the engine package (track2guide) never does.
"""

from __future__ import annotations

from .anchors import collect_anchors, page_anchors, slugify
from .bundle import emit_browser_bundle
from .loadall import Context, load_all_trees, load_context, load_tree_file, read_glossary, tree_files
from .yamlload import Yaml12Loader, load_yaml_text, load_yaml_with_lines

__all__ = [
    "Context",
    "Yaml12Loader",
    "collect_anchors",
    "emit_browser_bundle",
    "load_all_trees",
    "load_context",
    "load_tree_file",
    "load_yaml_text",
    "load_yaml_with_lines",
    "page_anchors",
    "read_glossary",
    "slugify",
    "tree_files",
]
