from __future__ import annotations

import pytest

from track2guide.conditions import describe, holds, references
from track2guide.modelbuild import condition

ANSWERS: dict[str, str | list[str]] = {"a": "yes", "m": ["x", "y"], "c": []}


@pytest.mark.parametrize(
    ("cond", "expected"),
    [
        ({"answer": "a", "equals": "yes"}, True),
        ({"answer": "a", "equals": "no"}, False),
        ({"answer": "zz", "equals": "yes"}, False),  # unanswered -> false
        ({"answer": "m", "equals": "x"}, False),  # equals never matches a list
        ({"answer": "a", "one_of": ["no", "yes"]}, True),
        ({"answer": "a", "one_of": ["no"]}, False),
        ({"answer": "zz", "one_of": ["yes"]}, False),
        ({"answer": "m", "includes": "y"}, True),
        ({"answer": "m", "includes": "z"}, False),
        ({"answer": "a", "includes": "yes"}, False),  # includes never matches a single answer
        ({"answer": "c", "includes": "x"}, False),
        ({"answered": "c"}, True),  # an empty checklist is still an answer
        ({"answered": "zz"}, False),
        ({"all": [{"answered": "a"}, {"answer": "m", "includes": "x"}]}, True),
        ({"all": [{"answered": "a"}, {"answered": "zz"}]}, False),
        ({"any": [{"answered": "zz"}, {"answer": "a", "equals": "yes"}]}, True),
        ({"any": [{"answered": "zz"}]}, False),
        ({"not": {"answered": "zz"}}, True),
        ({"not": {"not": {"answered": "zz"}}}, False),
    ],
)
def test_holds(cond: dict[str, object], expected: bool) -> None:
    assert holds(condition(cond), ANSWERS) is expected


@pytest.mark.parametrize(
    "cond", [None, "a", 3, [], {}, {"answer": "a"}, {"all": "x"}, {"any": 1}, {"bogus": 1}]
)
def test_malformed_conditions_are_false_and_never_raise(cond: object) -> None:
    assert holds(condition(cond), ANSWERS) is False


def test_holds_never_evaluates_strings_as_code() -> None:
    assert holds(condition({"answer": "__import__('os')", "equals": "1 == 1"}), ANSWERS) is False


def test_references_name_every_question_and_choice_with_paths() -> None:
    cond = {
        "all": [
            {"answer": "a", "one_of": ["x", "y"]},
            {"not": {"answered": "b"}},
            {"any": [{"answer": "m", "includes": "z"}]},
        ]
    }
    refs = list(references(cond, ("gates", 0, "when")))
    assert [(r.operator, r.question, r.question_path) for r in refs] == [
        ("one_of", "a", ("gates", 0, "when", "all", 0, "answer")),
        ("answered", "b", ("gates", 0, "when", "all", 1, "not", "answered")),
        ("includes", "m", ("gates", 0, "when", "all", 2, "any", 0, "answer")),
    ]
    assert refs[0].choices == (
        ("x", ("gates", 0, "when", "all", 0, "one_of", 0)),
        ("y", ("gates", 0, "when", "all", 0, "one_of", 1)),
    )


def test_describe_in_plain_words() -> None:
    cond = {
        "all": [
            {"answer": "a", "equals": "yes"},
            {"answer": "m", "includes": "x"},
            {"not": {"answered": "b"}},
        ]
    }
    text = describe(condition(cond), lambda q: f"Q-{q}", lambda q, c: c.upper())
    assert text == (
        "you answered “YES” to Q-a, your answer to Q-m includes “X”, "
        "and it is not the case that you answered Q-b"
    )
    either = condition({"any": [{"answer": "a", "one_of": ["x", "y"]}, {"answered": "b"}]})
    assert (
        describe(either, str, lambda q, c: c)
        == "you answered “x” or “y” to a or you answered b"
    )
