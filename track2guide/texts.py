"""The text catalog: every word the engine, the wizard and workbook pages and the browser
shell show, each idea worded once, under a stable key.

The entries live in parts, one per audience: `texts_wizard` (engine errors, the wizard's
screens, the plan summary, conditions in words), `texts_paper` (paper worksheets),
`texts_workbook` (the planning workbook) and `texts_page` (what the macros write into the
pages, and `SHELL_TEXTS`, what the browser shell shows by itself). A second language is a
second catalog with the same keys.
Templates use `{name}` fields filled with `str.format` (the template is ours, values are
plain data).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .texts_page import PAGE_TEXTS, SHELL_TEXTS
from .texts_paper import PAPER_TEXTS
from .texts_wizard import WIZARD_TEXTS
from .texts_workbook import WORKBOOK_TEXTS

PARTS: tuple[Mapping[str, str], ...] = (WIZARD_TEXTS, PAPER_TEXTS, WORKBOOK_TEXTS, PAGE_TEXTS, SHELL_TEXTS)
TEXTS: Mapping[str, str] = MappingProxyType({key: text for part in PARTS for key, text in part.items()})


def say(key: str, /, **values: object) -> str:
    """The catalog's text for `key`, with its `{name}` fields filled in from `values`."""
    template = TEXTS[key]
    return template.format(**values) if values else template
