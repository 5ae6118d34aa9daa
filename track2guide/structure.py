"""Structural validation of trees and vocabularies with `jsonschema` (build and test time only).

The browser gets trees that were checked at build time, so this module never ships
(see track2guide_build/bundle.py) and imports jsonschema only when called.  jsonschema
finds the errors; this module words them the way every problem of the project reads
(path, what, expected), e.g. `questions[1].colour: unknown key 'colour' (expected one of: ...)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .jsontypes import Json, JsonDict, kind_of, short_repr
from .problems import Path

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

ARTICLES = {
    "integer": "an integer",
    "object": "a mapping (object)",
    "array": "a list",
    "string": "a string",
    "boolean": "true or false",
    "number": "a number",
    "null": "null",
}


@dataclass(frozen=True)
class SchemaIssue:
    """One way an instance fails its schema: where, what, and what was expected."""

    path: Path
    what: str
    expected: str


def validate(instance: Json, schema: JsonDict) -> list[SchemaIssue]:
    """Every issue of `instance` against `schema` (JSON Schema 2020-12), in document order."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    out = [issue for error in validator.iter_errors(instance) for issue in _word(error, schema)]
    return sorted(dict.fromkeys(out), key=lambda issue: _position(instance, issue.path))


def _position(instance: Json, path: Path) -> tuple[int, ...]:
    """Where a path is in the document: the index of each key or item along the way."""
    out: list[int] = []
    node = instance
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            keys = list(node)
            out.append(keys.index(part) if part in keys else len(keys))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            out.append(part)
            node = node[part] if 0 <= part < len(node) else None
        else:
            break
    return tuple(out)


def _path(error: ValidationError) -> Path:
    path = tuple(p for p in error.absolute_path if isinstance(p, str | int))
    # a bad key is reported at the key itself (jsonschema reports it at its mapping)
    named = "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str)
    return (*path, error.instance) if named and isinstance(error.instance, str) else path


def _types(types: Json) -> str:
    names = [types] if isinstance(types, str) else list(types) if isinstance(types, list) else []
    return " or ".join(ARTICLES.get(str(n), str(n)) for n in names)


def _shape(branch: JsonDict, root: JsonDict) -> str:
    branch = _resolve(branch, root)
    if "required" in branch:
        return "{" + ", ".join(branch["required"]) + "}"
    return str(branch.get("title", branch.get("type", "?")))


def _resolve(schema: JsonDict, root: JsonDict) -> JsonDict:
    ref = schema.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return schema
    node: Json = root
    for part in ref[2:].split("/"):
        node = node[part] if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else schema


def _word(error: ValidationError, root: JsonDict) -> Iterable[SchemaIssue]:
    path, value, schema, keyword = _path(error), error.instance, error.schema, error.validator
    assert isinstance(schema, dict)
    if keyword == "type":
        yield SchemaIssue(path, f"wrong type: {kind_of(value)} {short_repr(value)}", _types(schema["type"]))
    elif keyword == "required":
        missing = [k for k in schema["required"] if isinstance(value, dict) and k not in value]
        for key in missing:
            yield SchemaIssue(path, f"missing required key '{key}'", "keys: " + ", ".join(schema["required"]))
    elif keyword == "additionalProperties":
        props = schema.get("properties", {})
        for key in [k for k in value if k not in props] if isinstance(value, dict) else []:
            yield SchemaIssue((*path, key), f"unknown key '{key}'", "one of: " + ", ".join(props))
    elif keyword == "enum":
        allowed = ", ".join(str(v).lower() if isinstance(v, bool) else str(v) for v in schema["enum"])
        yield SchemaIssue(path, f"{short_repr(value)} is not allowed", "one of: " + allowed)
    elif keyword == "minLength":
        n = schema["minLength"]
        what = "text is empty" if not value else f"text {short_repr(value)} is too short"
        yield SchemaIssue(path, what, f"at least {n} character{'' if n == 1 else 's'}")
    elif keyword == "pattern":
        title = str(schema.get("title", "value")).lower()
        yield SchemaIssue(
            path, f"{short_repr(value)} is not a valid {title}", f"a value matching {schema['pattern']}"
        )
    elif keyword == "minItems":
        n = len(value) if isinstance(value, list) else 0
        yield SchemaIssue(path, f"list has {n} item{'' if n == 1 else 's'}", f"at least {schema['minItems']}")
    elif keyword == "uniqueItems":
        seen: list[Json] = []
        for i, item in enumerate(value if isinstance(value, list) else []):
            if any(kind_of(item) == kind_of(s) and item == s for s in seen):
                yield SchemaIssue((*path, i), f"{short_repr(item)} is listed twice", "each item once")
            seen.append(item)
    elif keyword == "minimum":
        yield SchemaIssue(path, f"{value!r} is too small", f"at least {schema['minimum']}")
    elif keyword in ("oneOf", "anyOf"):
        yield from _alternatives(error, root)
    else:
        yield SchemaIssue(path, error.message, f"a value that satisfies '{keyword}'")


def _alternatives(error: ValidationError, root: JsonDict) -> Iterable[SchemaIssue]:
    """No branch (or, for oneOf, more than one) fits: report the errors of the branch whose
    required keys are all present, else say which forms were expected."""
    path, value, schema = _path(error), error.instance, error.schema
    assert isinstance(schema, dict)
    branches = [b for b in schema[str(error.validator)] if isinstance(b, dict)]
    shapes = " | ".join(_shape(b, root) for b in branches)
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or []:
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    if len(by_branch) < len(branches) - 1:  # two or more branches passed
        yield SchemaIssue(path, "matches more than one form", "exactly one of: " + shapes)
        return
    candidates = [
        i
        for i, b in enumerate(branches)
        if isinstance(value, dict)
        and _resolve(b, root).get("type", "object") == "object"
        and _resolve(b, root).get("required")
        and all(k in value for k in _resolve(b, root)["required"])
    ]
    if candidates:
        best = min(candidates, key=lambda i: len(by_branch.get(i, [])))
        for sub in by_branch.get(best, []):
            yield from _word(sub, root)
        return
    title = str(schema.get("title", "value")).lower()
    shown = "this mapping" if isinstance(value, dict) else short_repr(value)
    yield SchemaIssue(path, f"{shown} is not a valid {title}", "one of: " + shapes)
