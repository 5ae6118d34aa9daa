"""The typed model (track2guide.model) and the typed state (track2guide.state): no `Any` in
their types, read-only, and built once from tree data with the tree language's defaults."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from typing import Any

import pytest

from tests.engine import treedata
from track2guide import model, state
from track2guide.model import AllOf, Answered, Equals, Never, Not, OneOf, ResultTop, Tree
from track2guide.modelbuild import build_tree, condition


def _dataclasses() -> list[type]:
    return [
        v
        for m in (model, state)
        for v in vars(m).values()
        if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == m.__name__
    ]


def _parts(hint: object) -> Iterator[object]:
    """Every type inside a hint (unions, generics, Literal values left out)."""
    yield hint
    if typing.get_origin(hint) is typing.Literal:
        return
    for arg in typing.get_args(hint):
        if arg is not Ellipsis:
            yield from _parts(arg)


def test_every_model_and_state_dataclass_is_frozen_with_slots() -> None:
    classes = _dataclasses()
    assert len(classes) > 30
    for cls in classes:
        params = cls.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen, cls
        assert "__slots__" in vars(cls), cls


def test_no_any_in_the_model_or_the_state() -> None:
    seen: list[str] = []
    for cls in _dataclasses():
        for name, hint in typing.get_type_hints(cls).items():
            for part in _parts(hint):
                assert part is not Any, f"{cls.__name__}.{name}: {hint}"
                assert typing.get_origin(part) not in (list, dict, set), f"{cls.__name__}.{name}: {hint}"
                assert part not in (list, dict, set), f"{cls.__name__}.{name}: {hint}"
            seen.append(f"{cls.__name__}.{name}")
    assert "Tree.questions" in seen and "State.result" in seen and "Choice.when" in seen


def test_the_check_finds_any_where_there_is_one() -> None:
    """The walk over type hints does see an `Any` nested in a union inside a generic."""
    hint = tuple[int | dict[str, Any], ...]
    assert Any in list(_parts(hint))
    assert dict in [typing.get_origin(p) for p in _parts(hint)]


def test_the_model_is_read_only() -> None:
    tree = build_tree(treedata.compiled())
    assert tree is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        tree.questions["x"] = tree.questions[tree.start]  # type: ignore[index]
    assert isinstance(tree.questions[tree.start].choices, tuple)


def test_defaults_are_applied_once_when_built() -> None:
    tree = build_tree(
        {
            "id": "bare",
            "start": "q",
            "questions": [
                {"id": "q", "type": "checklist", "choices": [{"id": "a"}, {"id": "b", "importance": "odd"}]}
            ],
            "outcomes": [{"id": "o"}],
        }
    )
    assert isinstance(tree, Tree)
    q = tree.questions["q"]
    assert (tree.version, tree.title, tree.kind, tree.result.margin, tree.result.min_score) == (
        1, "bare", "ranking", 1, 1
    )
    assert (q.text, q.min_choices, q.next, q.when, q.term, q.link) == ("q", 0, None, None, None, None)
    assert [(c.label, c.importance, c.unknown, c.exclusive) for c in q.choices] == [
        ("a", "recommended", False, False),
        ("b", "recommended", False, False),
    ]
    o = tree.outcomes["o"]
    assert (o.title, o.summary, o.mix, o.next_steps, o.warnings) == ("o", "", None, (), ())
    assert tree.outcome("undeclared").title == "undeclared"
    assert tree.next_of("q", None) is None


@pytest.mark.parametrize("data", [None, [], {"start": "q"}, {"start": "q", "questions": [{"id": "q"}]}])
def test_unusable_data_builds_nothing(data: object) -> None:
    assert build_tree(data) is None


def test_links_and_terms_are_resolved_when_built() -> None:
    compiled = treedata.compiled()
    tree = build_tree(compiled)
    assert tree is not None
    for q in tree.questions.values():
        if q.link is not None:
            assert q.link.href == compiled["links"][q.link.key]["href"]
        for c in q.choices:
            for w in c.weights:
                # a reason leads to its own passage, else its question's
                assert w.source == (w.link or q.link)


def test_conditions_are_read_into_types() -> None:
    assert condition({"all": [{"answer": "a", "equals": "x"}, {"not": {"answered": "b"}}]}) == AllOf(
        (Equals("a", "x"), Not(Answered("b")))
    )
    assert condition({"answer": "a", "one_of": ["x", 3]}) == OneOf("a", ("x",))
    assert condition({"result_top": "o"}) == ResultTop("o")
    for odd in (None, {}, {"answer": "a"}, {"all": "x"}, {"equals": 3, "answer": "a"}):
        assert condition(odd) == Never()
