"""Render a JSON Schema (decision_trees/schema.json) as a Markdown reference page."""

from __future__ import annotations

import json

from .jsontypes import Json, JsonDict


def _anchor(name: str) -> str:
    return "def-" + "".join(f"-{ch.lower()}" if ch.isupper() else ch for ch in name)


def _type(schema: JsonDict, defs: JsonDict) -> str:
    """A short human name of a schema's type, with links to definitions."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        title = defs.get(name, {}).get("title", name)
        return f"[{title}](#{_anchor(name)})"
    if "enum" in schema:
        return " \\| ".join(
            f"`{json.dumps(v)}`" if not isinstance(v, str) else f"`{v}`" for v in schema["enum"]
        )
    kind = schema.get("type")
    if kind == "array":
        return "list of " + _type(schema.get("items", {}), defs)
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return "map of " + _type(schema["additionalProperties"], defs)
    if isinstance(kind, str):
        extra = f" matching `{schema['pattern']}`" if "pattern" in schema else ""
        return kind + extra
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            return " or ".join(_type(alt, defs) for alt in schema[keyword])
    return "any"


def _cell(text: Json) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _object(name: str, schema: JsonDict, level: str, defs: JsonDict) -> list[str]:
    out = [
        f"{level} {schema.get('title', name)} {{#{_anchor(name)}}}",
        "",
        str(schema.get("description", "")),
        "",
    ]
    props: JsonDict = schema.get("properties", {})
    if props:
        required = set(schema.get("required", []))
        out += ["| Key | Type | Required | Meaning |", "|---|---|---|---|"]
        for key, prop in props.items():
            meaning = f"**{prop.get('title', key)}.** {prop.get('description', '')}"
            out.append(
                f"| `{key}` | {_type(prop, defs)} | {'yes' if key in required else 'no'} | {_cell(meaning)} |"
            )
        out.append("")
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            out += ["One of:", ""] + [f"- {_type(alt, defs)}" for alt in schema[keyword]] + [""]
    if schema.get("type", "object") != "object":
        out += [f"Type: {_type(schema, defs)}", ""]
    return out


def schema_markdown(schema: Json, *, heading: str = "##") -> str:
    """Markdown reference: the top-level object, then every definition in `$defs`."""
    if not isinstance(schema, dict):
        return ""
    defs: JsonDict = schema.get("$defs", {})
    out = _object("root", schema, heading, defs)
    for name, sub in defs.items():
        out += _object(name, sub, heading + "#", defs)
    return "\n".join(out).rstrip("\n") + "\n"
