"""mkdocs-macros entry point (`module_name: macros` in mkdocs.yml).

Each feature keeps its macros in its own module with a `register(env)` function, so
helpers can add one without editing another's code: import the module below and add
it to _FEATURES.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from . import glossary, trees, wizard

_FEATURES: tuple[ModuleType, ...] = (glossary, trees, wizard)


def define_env(env: Any) -> None:
    """Called once by mkdocs-macros; each feature module registers its own macros."""
    for feature in _FEATURES:
        feature.register(env)
