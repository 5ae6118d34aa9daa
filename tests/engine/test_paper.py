"""The paper rendering: exact snapshots of the sample trees, plus structural checks on every tree.

To accept a deliberate change: `T2_UPDATE_SNAPSHOTS=1 python -m pytest tests/engine/test_paper.py`, then read
the diff of tests/engine/snapshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.engine import treedata
from track2guide import paper_markdown

SNAPSHOTS = Path(__file__).parent / "snapshots"
LINK_BASE = "../../"


@pytest.mark.parametrize("name", treedata.SAMPLES)
def test_paper_matches_snapshot(name: str) -> None:
    text = paper_markdown(treedata.compiled(name), link_base=LINK_BASE)
    snapshot = SNAPSHOTS / f"{name}.paper.md"
    if os.environ.get("T2_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("tree_id", sorted(treedata.all_trees()))
def test_paper_is_complete_and_self_consistent(tree_id: str) -> None:
    compiled = treedata.all_trees()[tree_id]
    tree = compiled["tree"]
    text = paper_markdown(compiled, link_base=LINK_BASE)
    anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", text))
    for target in re.findall(r"\]\(#([a-z0-9-]+)\)", text):
        assert target in anchors, f"link to #{target} has no heading"
    for q in tree["questions"]:
        assert f"{{#q-{q['id']}}}" in text
        for c in q["choices"]:
            assert c["label"] in text
    for o in tree.get("outcomes", []):
        assert f"{{#o-{o['id']}}}" in text
    for key, link in compiled["links"].items():
        assert f"]({LINK_BASE}{link['page']}#{link['anchor']})" in text, key
    assert "{{" not in text and "{%" not in text  # nothing Jinja would read


def test_unusable_tree_renders_nothing() -> None:
    assert paper_markdown({"nope": 1}) == ""
