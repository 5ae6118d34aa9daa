"""MkDocs hook: glossary tooltips on every page.

Appends a Markdown abbreviation (`*[term]: definition`) for every glossary term and
surface form to each page, so the `abbr` extension wraps each occurrence in <abbr> and
Material's `content.tooltips` shows the definition. The data file is
macros/glossary.yaml, found relative to mkdocs.yml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

# One block per build, computed in on_config: the same text is appended to every page.
_ABBREVIATIONS = ""


def _glossary_module(root: Path) -> ModuleType:
    # Load macros/glossary.py by path: importing the `macros` package would also pull in
    # every other macro module, which this hook does not need.
    path = root / "macros" / "glossary.py"
    spec = importlib.util.spec_from_file_location("_t2_glossary", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def abbreviation_block(config: Any) -> str:
    """All abbreviation definitions for the project whose mkdocs.yml is config_file_path."""
    root = Path(config["config_file_path"]).resolve().parent
    glossary = _glossary_module(root)
    return str(glossary.abbreviations(glossary.load_glossary(root / glossary.GLOSSARY_FILE)))


def on_config(config: Any) -> None:
    global _ABBREVIATIONS  # noqa: PLW0603 - MkDocs hooks keep per-build state at module level
    # Loading here (not per page) fails the build once, early, on a bad glossary file.
    _ABBREVIATIONS = abbreviation_block(config)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    # Blank lines first, so the definitions never continue a list, table or admonition.
    return f"{markdown.rstrip()}\n\n{_ABBREVIATIONS}\n"
