"""Answers documents: every kind of bad input gives an error value, never an exception."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine import treedata
from tests.engine.helpers import doc
from track2guide import step


def codes(answers: Any) -> list[tuple[str, str | None]]:
    state = step(treedata.compiled(), answers)
    assert state["ok"] is False
    assert all(isinstance(e["message"], str) and e["message"] for e in state["errors"])
    return [(e["code"], e["question"]) for e in state["errors"]]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (None, [("bad-format", None)]),
        ([], [("bad-format", None)]),
        ("goal=talk", [("bad-format", None)]),
        ({"tree": "sample", "version": 3}, [("bad-format", None)]),
        (
            {"tree": "sample", "version": 3, "answers": [], "extra": 1},
            [("bad-format", None), ("bad-format", None)],
        ),
        ({"tree": 5, "version": 3, "answers": {}}, [("bad-format", None)]),
        ({"tree": "sample", "version": "3", "answers": {}}, [("bad-format", None)]),
        ({"tree": "sample", "version": True, "answers": {}}, [("bad-format", None)]),
        (doc("venue"), [("wrong-tree", None)]),
        (doc(version=2), [("wrong-version", None)]),
        (doc(nope="x"), [("unknown-question", "nope")]),
        ({"tree": "sample", "version": 3, "answers": {1: "x"}}, [("unknown-question", None)]),
        (doc(goal="maybe"), [("unknown-choice", "goal")]),
        (doc(goal=["talk"]), [("wrong-type", "goal")]),
        (doc(goal=None), [("wrong-type", "goal")]),
        (doc(topics="history"), [("wrong-type", "topics")]),
        (doc(topics=["history", 3]), [("wrong-type", "topics")]),
        (doc(topics=["history", "history"]), [("bad-format", "topics")]),
        (doc(topics=["history", "poetry"]), [("unknown-choice", "topics")]),
        (
            doc(venue=["neutral", "sauna"], goal="maybe"),
            [("unknown-choice", "venue"), ("unknown-choice", "goal")],
        ),
    ],
)
def test_bad_documents(answers: Any, expected: list[tuple[str, str | None]]) -> None:
    assert codes(answers) == expected


def test_error_messages_are_plain_words() -> None:
    state = step(treedata.compiled(), doc(version=2, goal="maybe"))
    assert [e["message"] for e in state["errors"]] == [
        "These answers were saved for version 2 of this wizard, which is now at version 3.",
        "'maybe' is not one of the answers to question 'goal'.",
    ]
