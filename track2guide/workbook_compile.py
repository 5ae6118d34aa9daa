"""Compile the checked planning workbook for the engine (build time only, never shipped):
every link key becomes `{key, page, anchor, title, href}`, so the browser needs no vocabulary."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .vocabulary import link_target


def compile_workbook(data: Mapping[str, Any], vocabulary: Any) -> dict[str, Any]:
    """A checked workbook with every link key replaced by `{key, page, anchor, title, href}`."""
    out = copy.deepcopy(dict(data))
    for section in out["sections"]:
        section["link"] = link_target(vocabulary, section["link"])
        for question in section["questions"]:
            question["link"] = link_target(vocabulary, question["link"])
    for check in out["checks"]:
        check["link"] = link_target(vocabulary, check["link"])
    return out
