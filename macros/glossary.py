"""Glossary data: load and validate macros/glossary.yaml, render the glossary page.

This module needs only the standard library, PyYAML and the text catalog
(track2guide/texts.py, standard library only), so hooks/glossary.py can load it straight
from its file path without importing the rest of the macros package.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from track2guide.texts import say  # noqa: E402

GLOSSARY_FILE = Path("macros") / "glossary.yaml"  # relative to the project root

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
    """Read and validate a glossary YAML file (see macros/glossary.yaml for the format)."""
    with open(path, encoding="utf-8") as handle:
        return validate(yaml.safe_load(handle))


def abbreviations(entries: Iterable[Entry]) -> str:
    """Markdown abbreviation definitions (`*[form]: definition`) for every surface form."""
    lines = [f"*[{form}]: {entry['definition']}" for entry in entries for form in surface_forms(entry)]
    # One block per definition: Python-Markdown re-tests the rest of a block after each
    # definition it consumes, so a single 250-line block costs about a second per page.
    return "\n\n".join(lines)


def _with_plurals(form: str) -> set[str]:
    key = form.casefold()
    forms = {key, key + "s"}
    if key.endswith("y"):
        forms.add(key[:-1] + "ies")
    return forms


def _other_names(entry: Entry) -> list[str]:
    """Forms worth showing as 'also': skip capitalised and plural variants of earlier forms."""
    seen = _with_plurals(entry["term"])
    shown: list[str] = []
    for form in entry["also"]:
        if form.casefold() not in seen:
            shown.append(form)
        seen |= _with_plurals(form)
    return shown


def _initial(term: str) -> str:
    first = term[0].upper()
    return first if first.isalpha() else "#"


def render_glossary(entries: Iterable[Entry]) -> str:
    """The glossary as Markdown: a heading per initial letter, then a definition list.

    Each term carries `{#id}` (attr_list on the definition term), which gives the stable
    anchor `glossary.md#<id>` that pages and decision trees link to.
    """
    ordered = sorted(entries, key=lambda entry: entry["term"].casefold())
    letters = list(dict.fromkeys(_initial(entry["term"]) for entry in ordered))
    out = [" · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in letters), ""]
    current = ""
    for entry in ordered:
        letter = _initial(entry["term"])
        if letter != current:
            current = letter
            out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        out.append(f"**{entry['term']}** {{#{entry['id']}}}")
        out.append(f":   {entry['definition']}")
        notes = []
        if others := _other_names(entry):
            notes.append(say("glossary.also", names=", ".join(others)))
        if "see" in entry:
            notes.append(f"[{say('glossary.more')}]({entry['see']})")
        if notes:
            out += ["", "    " + " ".join(notes)]
        out.append("")
    return "\n".join(out)


def register(env: Any) -> None:
    """Add the `glossary()` macro to a mkdocs-macros environment."""
    path = Path(env.project_dir) / GLOSSARY_FILE

    def glossary() -> str:
        # Read on every call so `mkdocs serve` picks up edits to the YAML file.
        return render_glossary(load_glossary(path))

    env.macro(glossary)
