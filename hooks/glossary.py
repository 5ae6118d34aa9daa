"""MkDocs hook: glossary tooltips on every page.

Appends a Markdown abbreviation (`*[term]: definition`) for every glossary term and
surface form to each page, so the `abbr` extension wraps each occurrence in <abbr> and
Material's `content.tooltips` shows the definition. The data file is data/glossary.yaml
of the project whose mkdocs.yml is being built, read by track2guide_build.glossary.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from track2guide_build.assets import project_root
from track2guide_build.glossary import GLOSSARY, Entry, load_glossary, surface_forms

# One block per build, computed in on_config: the same text is appended to every page.
_ABBREVIATIONS = ""


def abbreviations(entries: Iterable[Entry]) -> str:
    """Markdown abbreviation definitions (`*[form]: definition`) for every surface form."""
    lines = [f"*[{form}]: {entry['definition']}" for entry in entries for form in surface_forms(entry)]
    # One block per definition: Python-Markdown re-tests the rest of a block after each
    # definition it consumes, so a single 250-line block costs about a second per page.
    return "\n\n".join(lines)


def abbreviation_block(config: MkDocsConfig) -> str:
    """All abbreviation definitions of the project being built."""
    return abbreviations(load_glossary(project_root(config) / GLOSSARY))


def on_config(config: MkDocsConfig) -> None:
    global _ABBREVIATIONS  # noqa: PLW0603 - MkDocs hooks keep per-build state at module level
    # Loading here (not per page) fails the build once, early, on a bad glossary file.
    _ABBREVIATIONS = abbreviation_block(config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Blank lines first, so the definitions never continue a list, table or admonition.
    return f"{markdown.rstrip()}\n\n{_ABBREVIATIONS}\n"
