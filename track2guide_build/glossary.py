"""The glossary's data: data/glossary.yaml, read with the build's YAML 1.2 loader and validated.

The one reader of that file: the tooltip hook (hooks/glossary.py), the glossary page
(macros/glossary.py) and the trees' checks (`term` ids, track2guide_build.loadall) use it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from .yamlload import load_yaml_with_lines

GLOSSARY = "data/glossary.yaml"  # relative to the project root

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SEE = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.md#[a-z][a-z0-9-]*$")
# Letter headings on the glossary page own these ids; a term must not take one.
_LETTER_PREFIX = "letter-"
_KEYS = {"id", "term", "definition", "also", "see"}


class Entry(TypedDict):
    id: str
    term: str
    definition: str
    also: list[str]
    see: NotRequired[str]


def _fail(index: int, label: str, problem: str) -> ValueError:
    # Every message names the entry by position and id/term, so the YAML line is easy to find.
    return ValueError(f"glossary entry {index} ({label}): {problem}")


def _text(raw: dict[str, Any], key: str, index: int, label: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(index, label, f"'{key}' must be a non-empty string")
    # Folded YAML may leave runs of spaces; a tooltip must be one clean line.
    return " ".join(value.split())


def _check_form(form: object, index: int, label: str) -> str:
    if not isinstance(form, str) or not form.strip():
        raise _fail(index, label, f"surface form {form!r} must be a non-empty string")
    # Markdown abbreviation syntax `*[form]: ...` cannot carry these characters.
    if form != form.strip() or any(ch in form for ch in "[]\\\n"):
        raise _fail(index, label, f"surface form {form!r} has surrounding spaces or [ ] \\ or a newline")
    return form


def _parse_entry(raw: object, index: int) -> Entry:
    if not isinstance(raw, dict):
        raise _fail(index, "?", "must be a mapping with id, term and definition")
    label = repr(raw.get("id", raw.get("term", "?")))
    unknown = set(raw) - _KEYS
    if unknown:
        raise _fail(index, label, f"unknown keys {sorted(unknown)}")
    entry_id = _text(raw, "id", index, label)
    if not _ID.match(entry_id) or entry_id.startswith(_LETTER_PREFIX):
        raise _fail(index, label, "id must be lowercase words joined by hyphens, not starting 'letter-'")
    term = _check_form(_text(raw, "term", index, label), index, label)
    also = raw.get("also", [])
    if not isinstance(also, list):
        raise _fail(index, label, "'also' must be a list of strings")
    entry: Entry = {
        "id": entry_id,
        "term": term,
        "definition": _text(raw, "definition", index, label),
        "also": [_check_form(form, index, label) for form in also],
    }
    if "see" in raw:
        see = raw["see"]
        if not isinstance(see, str) or not _SEE.match(see):
            raise _fail(index, label, f"'see' must look like 'page.md#anchor', got {see!r}")
        entry["see"] = see
    return entry


def surface_forms(entry: Entry) -> list[str]:
    """Every exact text form that should show this entry's tooltip: term first."""
    return [entry["term"], *entry["also"]]


def validate(raw_entries: object) -> list[Entry]:
    """Check parsed YAML and return the entries; raise ValueError naming the bad entry."""
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ValueError("glossary must be a non-empty YAML list of entries")
    entries: list[Entry] = []
    id_owner: dict[str, int] = {}
    form_owner: dict[str, tuple[int, str]] = {}
    for index, raw in enumerate(raw_entries, start=1):
        entry = _parse_entry(raw, index)
        label = repr(entry["id"])
        if entry["id"] in id_owner:
            raise _fail(index, label, f"duplicate id, already used by entry {id_owner[entry['id']]}")
        id_owner[entry["id"]] = index
        # Tooltips are keyed by exact text, so one form may belong to one entry only.
        for form in surface_forms(entry):
            if form in form_owner:
                owner_index, owner_id = form_owner[form]
                raise _fail(
                    index, label, f"surface form {form!r} already used by entry {owner_index} ({owner_id!r})"
                )
            form_owner[form] = (index, entry["id"])
        entries.append(entry)
    return entries


def load_glossary(path: str | Path) -> list[Entry]:
    """Read and validate a glossary YAML file (see data/glossary.yaml for the format)."""
    data, _lines = load_yaml_with_lines(path)
    return validate(data)
