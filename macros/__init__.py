"""mkdocs-macros entry point (`module_name: macros` in mkdocs.yml).

Each feature keeps its macros in its own module with a `register` function. The tree
and wizard macros share one TreeSource, which reads the build edge's cached trees.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import glossary, trees, wizard, workbook
from .treesource import TreeSource


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build; each feature module registers its macros."""
    source = TreeSource(Path(env.project_dir))
    glossary.register(env)
    trees.register(env, source)
    wizard.register(env, source)
    workbook.register(env)
