"""A small JSON Schema (draft 2020-12) validator for the subset our schemas use.

Supported keywords: type, properties, required, additionalProperties (false or a
schema), propertyNames, enum, items, uniqueItems, pattern, minLength, minItems,
minimum, oneOf, anyOf and $ref to `#/$defs/...`.  Annotation keywords (title,
description, $schema, $id, $comment, default, examples) are ignored.  Any other
keyword is refused by `unsupported_keywords`, so the schema cannot silently use
more than this validator understands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .jsontypes import Json, JsonDict, kind_of, short_repr
from .problems import Path

VALIDATING = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "enum",
        "items",
        "uniqueItems",
        "pattern",
        "minLength",
        "minItems",
        "minimum",
        "oneOf",
        "anyOf",
        "$ref",
    }
)
ANNOTATIONS = frozenset(
    {"title", "description", "$schema", "$id", "$comment", "$defs", "default", "examples"}
)
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
    """All issues of `instance` against `schema` (whose $defs resolve $refs)."""
    out: list[SchemaIssue] = []
    _check(instance, schema, (), schema, out)
    return out


def unsupported_keywords(schema: Json, where: str = "#") -> list[str]:
    """Places in a schema that use a keyword this validator does not implement."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, sub in schema.items():
            if key not in VALIDATING and key not in ANNOTATIONS:
                found.append(f"{where}/{key}")
            if key in ("properties", "$defs"):
                for name, child in sub.items():
                    found += unsupported_keywords(child, f"{where}/{key}/{name}")
            elif key in ("items", "additionalProperties", "propertyNames"):
                found += unsupported_keywords(sub, f"{where}/{key}")
            elif key in ("oneOf", "anyOf"):
                for i, child in enumerate(sub):
                    found += unsupported_keywords(child, f"{where}/{key}/{i}")
    return found


def resolve(root: JsonDict, ref: str) -> JsonDict:
    """Follow a local reference such as `#/$defs/question`."""
    if not ref.startswith("#"):
        raise ValueError(f"only local $ref is supported, not {ref!r}")
    node: Json = root
    for part in [p for p in ref[1:].split("/") if p]:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    if not isinstance(node, dict):
        raise ValueError(f"$ref {ref!r} does not name a schema")
    return node


def _type_ok(value: Json, expected: str) -> bool:
    actual = kind_of(value)
    return actual == expected or (expected == "number" and actual == "integer")


def _expected_types(types: str | list[str]) -> str:
    names = [types] if isinstance(types, str) else types
    return " or ".join(ARTICLES.get(n, n) for n in names)


def _check(value: Json, schema: JsonDict, path: Path, root: JsonDict, out: list[SchemaIssue]) -> None:
    if "$ref" in schema:
        _check(value, resolve(root, schema["$ref"]), path, root, out)
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_type_ok(value, n) for n in names):
            out.append(
                SchemaIssue(path, f"wrong type: {kind_of(value)} {short_repr(value)}", _expected_types(types))
            )
            return
    if "enum" in schema and not any(_same(value, allowed) for allowed in schema["enum"]):
        out.append(
            SchemaIssue(
                path,
                f"{short_repr(value)} is not allowed",
                "one of: " + ", ".join(str(v) for v in schema["enum"]),
            )
        )
        return
    if isinstance(value, dict):
        _check_object(value, schema, path, root, out)
    elif isinstance(value, list):
        _check_array(value, schema, path, root, out)
    elif isinstance(value, str):
        _check_string(value, schema, path, out)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        minimum = schema.get("minimum")
        if minimum is not None and value < minimum:
            out.append(SchemaIssue(path, f"{value!r} is too small", f"at least {minimum}"))
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            _check_alternatives(value, keyword, schema, path, root=root, out=out)


def _same(a: Json, b: Json) -> bool:
    return kind_of(a) == kind_of(b) and a == b


def _check_object(
    value: JsonDict, schema: JsonDict, path: Path, root: JsonDict, out: list[SchemaIssue]
) -> None:
    props: JsonDict = schema.get("properties", {})
    required: list[str] = schema.get("required", [])
    for key in required:
        if key not in value:
            out.append(SchemaIssue(path, f"missing required key '{key}'", "keys: " + ", ".join(required)))
    extra = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    for key, child in value.items():
        child_path = (*path, key)
        if names is not None:
            _check(key, names, child_path, root, out)
        if key in props:
            _check(child, props[key], child_path, root, out)
        elif extra is False:
            out.append(SchemaIssue(child_path, f"unknown key '{key}'", "one of: " + ", ".join(props)))
        elif isinstance(extra, dict):
            _check(child, extra, child_path, root, out)


def _check_array(
    value: list[Json], schema: JsonDict, path: Path, root: JsonDict, out: list[SchemaIssue]
) -> None:
    min_items = schema.get("minItems")
    if min_items is not None and len(value) < min_items:
        out.append(
            SchemaIssue(
                path, f"list has {len(value)} item{'' if len(value) == 1 else 's'}", f"at least {min_items}"
            )
        )
    items = schema.get("items")
    if isinstance(items, dict):
        for i, child in enumerate(value):
            _check(child, items, (*path, i), root, out)
    if schema.get("uniqueItems"):
        seen: list[Json] = []
        for i, child in enumerate(value):
            if any(_same(child, s) for s in seen):
                out.append(SchemaIssue((*path, i), f"{short_repr(child)} is listed twice", "each item once"))
            seen.append(child)


def _check_string(value: str, schema: JsonDict, path: Path, out: list[SchemaIssue]) -> None:
    min_length = schema.get("minLength")
    if min_length is not None and len(value) < min_length:
        out.append(
            SchemaIssue(
                path,
                "text is empty" if not value else f"text {short_repr(value)} is too short",
                f"at least {min_length} character{'' if min_length == 1 else 's'}",
            )
        )
    pattern = schema.get("pattern")
    if pattern is not None and re.search(pattern, value) is None:
        title = str(schema.get("title", "value")).lower()
        out.append(
            SchemaIssue(path, f"{short_repr(value)} is not a valid {title}", f"a value matching {pattern}")
        )


def _branches(alternatives: list[JsonDict], root: JsonDict) -> Iterator[JsonDict]:
    for alt in alternatives:
        yield resolve(root, alt["$ref"]) if "$ref" in alt else alt


def _shape(branch: JsonDict) -> str:
    if "required" in branch:
        return "{" + ", ".join(branch["required"]) + "}"
    return str(branch.get("title", branch.get("type", "?")))


def _check_alternatives(
    value: Json, keyword: str, schema: JsonDict, path: Path, *, root: JsonDict, out: list[SchemaIssue]
) -> None:
    branches = list(_branches(schema[keyword], root))
    results: list[list[SchemaIssue]] = []
    for branch in branches:
        issues: list[SchemaIssue] = []
        _check(value, branch, path, root, issues)
        results.append(issues)
    passing = [i for i, issues in enumerate(results) if not issues]
    if keyword == "anyOf" and passing:
        return
    if keyword == "oneOf" and len(passing) == 1:
        return
    shapes = " | ".join(_shape(b) for b in branches)
    if len(passing) > 1:
        out.append(SchemaIssue(path, "matches more than one form", "exactly one of: " + shapes))
        return
    candidates = [
        i
        for i, b in enumerate(branches)
        if isinstance(value, dict)
        and b.get("type", "object") == "object"
        and b.get("required")
        and all(k in value for k in b["required"])
    ]
    if candidates:
        best = min(candidates, key=lambda i: len(results[i]))
        out.extend(results[best])
        return
    title = str(schema.get("title", "value")).lower()
    shown = "this mapping" if isinstance(value, dict) else short_repr(value)
    out.append(SchemaIssue(path, f"{shown} is not a valid {title}", "one of: " + shapes))
