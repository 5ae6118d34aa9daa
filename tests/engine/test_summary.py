from __future__ import annotations

from tests.engine import treedata
from tests.engine.helpers import doc
from track2guide import summary_markdown

SAMPLE_DONE = doc(goal="talk", sides="both", topics=["history", "economy"], safety="safe", venue=["quiet"])


def test_summary_of_a_finished_ranking_walk() -> None:
    text = summary_markdown([(treedata.compiled(), SAMPLE_DONE)], base_url="../")
    assert text.startswith("# Plan summary\n\n")
    assert "## Plan a sample meeting\n" in text
    assert "| Who will take part? | People from both sides |" in text
    assert "| Which topics will come up? | The history of the conflict; Jobs and trade |" in text
    assert "**Recommended: Dialogue**" in text
    assert "1. **Dialogue**: 4 points\n    - You want people to talk. (+2)" in text
    assert "Not indicated by your answers: Training." in text
    assert "Read more: [Sample: dialogue](../sample.html#dialogue)" in text
    assert "1. Find a facilitator.\n2. Agree on ground rules." in text
    assert "- [x] Quiet rooms" in text
    assert "- [ ] Neutral ground: A venue one side owns puts the other on guard. " in text
    assert "- Many topics at once can crowd each other out. ([Sample: top](../sample.html#top))" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_summary_of_several_trees_unfinished_gated_and_invalid() -> None:
    checklist = treedata.compiled("checklist-sample")
    items = [
        (treedata.compiled(), doc(goal="talk")),
        (checklist, doc("checklist-sample", 1, size="none", room=[])),
        (checklist, doc("checklist-sample", 1, size="small", room=["chairs"])),
        (treedata.compiled(), doc(goal="maybe")),
        ({"broken": True}, doc()),
    ]
    text = summary_markdown(items)
    assert "Not finished yet: the next question is “Who will take part?”." in text
    assert "**Before anything else: Cancel**\n\nNobody is coming." in text
    assert "**Ready: every required item that applies is met.**\n\nThe room will do." in text
    gated = text.split("**Before anything else: Cancel**")[1].split("\n## ")[0]
    assert "**Not ready yet: some required items are missing.**" in gated  # the checklist follows the advice
    assert (
        "These answers could not be used:\n\n- 'maybe' is not one of the answers to question 'goal'." in text
    )
    assert "This wizard's decision tree is damaged" in text
    assert text.count("\n## ") == 4  # a damaged tree has no title to show


def test_no_clear_winner_and_ties() -> None:
    text = summary_markdown(
        [(treedata.compiled(), doc(goal="skills", sides="both", topics=["history"], safety="safe", venue=[]))]
    )
    assert "**No clear winner**\n\nNo single format stands out; compare the top ones." in text
    assert "1. **Dialogue**: 2 points (tied)" in text and "2. **Training**: 2 points (tied)" in text


def test_table_cells_are_escaped() -> None:
    tree = treedata.compiled()
    tree["tree"]["questions"][0]["text"] = "Pipes | and\nnewlines?"
    assert "| Pipes \\| and newlines? | People talking to each other |" in summary_markdown(
        [(tree, SAMPLE_DONE)]
    )
