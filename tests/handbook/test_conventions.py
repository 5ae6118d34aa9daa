"""House conventions of the handbook pages (docs/*.md, not the wizard pages in docs/tools/).

- One spelling variety: American ("organization", "program", "behavior"); British forms
  from a fixed list fail, except inside proper names.
- One checklist voice: every task-list item on a step page starts with "We ".
- "Questions to ask" is always an admonition box titled exactly so, never bold text.
- No table cell holds more than 30 words (wide comparisons become tabs, lists or cards).
- Every step page has the same layout: an "In short" box first, then what the step is for
  and its key decisions, then the sections, then checklist, pitfalls and tools, in that
  order, and the tools section names the wizards exactly as the wizard pages do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HANDBOOK = sorted(DOCS.glob("*.md"))
STEP_PAGES = sorted(DOCS.glob("step-*.md"))
TEXT_FILES = [*HANDBOOK, ROOT / "data" / "glossary.yaml"]

BRITISH = {
    "organisation": "organization", "organisations": "organizations", "organise": "organize",
    "organised": "organized", "organiser": "organizer", "organisers": "organizers",
    "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing",
    "programme": "program", "programmes": "programs", "behaviour": "behavior",
    "behaviours": "behaviors", "neighbour": "neighbor", "neighbours": "neighbors",
    "neighbourhood": "neighborhood", "favour": "favor", "favourite": "favorite",
    "favouritism": "favoritism", "favourable": "favorable", "colour": "color", "rumour": "rumor",
    "centre": "center", "judgement": "judgment", "defence": "defense", "defences": "defenses",
    "sceptic": "skeptic", "sceptics": "skeptics", "sceptical": "skeptical",
    "practise": "practice", "practised": "practiced", "practising": "practicing",
    "realise": "realize", "realised": "realized", "recognise": "recognize",
    "recognised": "recognized", "publicise": "publicize", "legitimise": "legitimize",
    "maximise": "maximize", "minimise": "minimize", "equalise": "equalize",
    "criticise": "criticize", "summarise": "summarize", "summarises": "summarizes",
    "emphasise": "emphasize", "prioritise": "prioritize", "labelled": "labeled",
    "travelled": "traveled", "modelling": "modeling", "licence": "license",
    "catalogue": "catalog", "towards": "toward", "whilst": "while", "amongst": "among",
}
# Proper names keep their own spelling.
PROPER_NAMES = ("Centre for Nonviolent Action",)
WIZARD_NAMES = {
    "tools/choose-process.md": "Choose a process",
    "tools/approach.md": "Prescriptive or elicitive",
    "tools/venue.md": "Venue checklist",
}
TASK_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(.*)$", re.MULTILINE)
MAX_CELL_WORDS = 30
H2 = re.compile(r"^## .*?\{#([\w-]+)\}\s*$", re.MULTILINE)


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", TEXT_FILES, ids=_name)
def test_american_spelling(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    found = sorted({m.group(0) for m in re.finditer(r"[A-Za-z]+", text) if m.group(0).lower() in BRITISH})
    assert not found, f"{_name(path)}: British spellings {found}; use " + ", ".join(
        sorted({BRITISH[word.lower()] for word in found})
    )


@pytest.mark.parametrize("path", STEP_PAGES, ids=_name)
def test_checklist_voice_is_we(path: Path) -> None:
    items = TASK_ITEM.findall(path.read_text(encoding="utf-8"))
    assert items, f"{_name(path)} has no task-list items"
    other = [item for item in items if not item.startswith("We ")]
    assert not other, f"{_name(path)}: checklist items not in the 'We ...' voice: {other}"


@pytest.mark.parametrize("path", HANDBOOK, ids=_name)
def test_questions_to_ask_is_a_box(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\*\*Questions (to ask|for)\b", text), f"{_name(path)}: bold 'Questions to ask'"
    for match in re.finditer(r'^\s*(!!!|\?\?\?\+?)\s+(\w+)\s+"(Questions[^"]*)"', text, re.MULTILINE):
        assert match.group(2) == "question" and match.group(3) == "Questions to ask", (
            f'{_name(path)}: write `!!! question "Questions to ask"`, not {match.group(0).strip()!r}'
        )


@pytest.mark.parametrize("path", HANDBOOK, ids=_name)
def test_table_cells_are_short(path: Path) -> None:
    long_cells = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.lstrip().startswith("|"):
            continue
        for cell in line.strip().strip("|").split("|"):
            words = len(re.sub(r"\]\([^)]*\)", "]", cell).split())
            if words > MAX_CELL_WORDS:
                long_cells.append(f"line {number}: {words} words")
    assert not long_cells, f"{_name(path)}: table cells over {MAX_CELL_WORDS} words: {long_cells}"


@pytest.mark.parametrize("path", STEP_PAGES, ids=_name)
def test_step_page_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = text.split("\n# ", 1)[1] if "\n# " in text else text
    first_block = body.split("\n", 1)[1].lstrip()
    assert first_block.startswith('!!! abstract "In short"'), f"{_name(path)}: no 'In short' box first"
    in_short = re.match(r'!!! abstract "In short"\n((?:    .*\n|\n)+)', first_block)
    assert in_short and 3 <= len(re.findall(r"^    - ", in_short.group(1), re.MULTILINE)) <= 7
    ids = H2.findall(text)
    assert ids[:2] == ["purpose", "key-decisions"], f"{_name(path)}: starts with {ids[:2]}"
    assert ids[-3:] == ["checklist", "pitfalls", "tools"], f"{_name(path)}: ends with {ids[-3:]}"


@pytest.mark.parametrize("path", STEP_PAGES, ids=_name)
def test_tools_section_names_the_wizards_exactly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tools = text[text.index("{#tools}"):]
    links = re.findall(r"\[([^\]]+)\]\((tools/[\w-]+\.md)\)", tools)
    wizard_links = [(label, target) for label, target in links if target in WIZARD_NAMES]
    assert wizard_links, f"{_name(path)}: the tools section links to no wizard"
    for label, target in re.findall(r"\[([^\]]+)\]\((tools/[\w-]+\.md)\)", text):
        if target in WIZARD_NAMES:
            assert label == WIZARD_NAMES[target], f"{_name(path)}: [{label}]({target})"


def test_step_two_uses_the_glossary_term(built_site: Path) -> None:
    # hooks/glossary.py matches exact, case-sensitive whole words, so the page must use the
    # glossary's own term for the tooltip to appear.
    html = (built_site / "step-2-plan.html").read_text(encoding="utf-8")
    assert re.search(r"<abbr[^>]*>key people and many people</abbr>", html)
