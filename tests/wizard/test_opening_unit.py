"""The wizard's opening (track2guide.wizard.opening), worked out at build time: the replies a
fresh page uses before Python has started must be exactly what `handle` returns in the browser,
and the page must carry them as JSON that nothing in them can break out of."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest

from macros.wizard import json_island, wizard_html
from tests.wizard.test_view import sample_tree
from track2guide import wizard
from track2guide_build import load_all_trees

from .helpers import ROOT

TREES = {t.id: t.data for t in load_all_trees(ROOT)}


@pytest.mark.parametrize("tree_id", sorted(TREES))
@pytest.mark.parametrize("root", ["", "../"])
def test_each_reply_is_the_engines_own(tree_id: str, root: str) -> None:
    tree = TREES[tree_id]
    got = wizard.opening(tree, root)
    first = wizard.handle(tree, None, {"action": "show"}, root)
    assert got["start"] == first
    assert got["start"]["html"] == wizard.first_screen(tree, root)
    assert got["answers"], "a single-choice first question has an answer for each choice"
    for event, reply in got["answers"]:
        assert reply == wizard.handle(tree, first["session"], event, root)
        assert reply["ok"] and reply["session"]["answers"]["answers"] == {event["question"]: event["value"]}
    json.dumps(got)  # JSON-safe, as the page carries it


def test_every_choice_of_a_single_choice_first_question_has_its_reply() -> None:
    got = wizard.opening(sample_tree(), "../")
    assert [event for event, _reply in got["answers"]] == [
        {"action": "answer", "question": "way", "value": "left"},
        {"action": "answer", "question": "way", "value": "right"},
    ]
    left, right = (reply["html"] for _event, reply in got["answers"])
    assert 'data-question="extras"' in left
    assert 't2-result' in right and "Outcome B" in right  # `right` ends the walk: its result


def test_a_multiple_choice_first_question_waits_for_python() -> None:
    tree = sample_tree()
    tree["tree"]["start"] = "extras"
    got = wizard.opening(tree)
    assert 'data-question="extras"' in got["start"]["html"]
    assert got["answers"] == []


def test_a_broken_tree_opens_with_nothing() -> None:
    assert wizard.opening({"format": "nonsense"}) == {"start": None, "answers": []}


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--<script>", "a</SCRIPT>b",
                                  "\u2028\u2029 & < >", "😀"])
def test_json_island_cannot_end_its_block(text: str) -> None:
    island = json_island({"html": text, "list": [text]})
    assert "</" not in island and "<!--" not in island
    assert json.loads(island) == {"html": text, "list": [text]}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[dict[str, Any], str]] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs)
            self.blocks.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.blocks[-1] = (self._open, self.blocks[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def test_the_wizard_block_carries_the_opening_for_its_page() -> None:
    tree = TREES["venue"]
    parser = _Scripts()
    parser.feed(wizard_html({"tree": tree["tree"], **{k: v for k, v in tree.items() if k != "tree"}},
                            "tools/venue.md"))
    islands = [body for attrs, body in parser.blocks if attrs.get("class") == "t2-opening"]
    assert len(islands) == 1
    assert json.loads(islands[0]) == wizard.opening(tree, "../")
