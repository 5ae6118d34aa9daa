"""The glossary page: `glossary()` renders data/glossary.yaml, read and validated by
track2guide_build.glossary (the file's one reader)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from track2guide.texts import say
from track2guide_build.glossary import GLOSSARY, Entry, load_glossary


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
    path = Path(env.project_dir) / GLOSSARY

    def glossary() -> str:
        # Read on every call so `mkdocs serve` picks up edits to the YAML file.
        return render_glossary(load_glossary(path))

    env.macro(glossary)
