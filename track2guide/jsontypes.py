"""Type names for JSON-like data (what `json.loads` returns)."""

from __future__ import annotations

from typing import Any

Json = Any
JsonDict = dict[str, Any]


def kind_of(value: Json) -> str:
    """The JSON Schema type name of a Python value ("integer", "object", ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def short_repr(value: Json, limit: int = 40) -> str:
    """A short quoted rendering of a value for messages."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 3] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    return kind_of(value)
