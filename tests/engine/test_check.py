"""Semantic checks on in-memory trees (the exact-message corpus is test_broken.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine import treedata
from track2guide import FORMAT, TreeError, check_tree, check_vocabulary, compile_tree, load_tree


def messages(tree: dict[str, Any], **overrides: Any) -> list[str]:
    args = {**treedata.check_args(), **overrides}
    return [p.message for p in check_tree(tree, **args)]


@pytest.mark.parametrize("name", treedata.SAMPLES)
def test_sample_trees_are_clean(name: str) -> None:
    assert messages(treedata.raw(name), **treedata.check_args(name)) == []


def test_load_tree_compiles_links_and_terms() -> None:
    checked = load_tree(treedata.raw(), **treedata.check_args())
    assert checked.id == "sample"
    assert checked.source == "tests/engine/trees/sample.yaml"
    data = checked.data
    assert data["format"] == FORMAT
    assert data["tree"] == treedata.raw()
    assert sorted(data["links"]) == [
        "sample-dialogue",
        "sample-home",
        "sample-projects",
        "sample-training",
        "sample-venue",
    ]
    assert data["links"]["sample-venue"] == {
        "key": "sample-venue",
        "page": "other/venue.md",
        "anchor": "venue",
        "title": "Sample: venue",
        "href": "other/venue.html#venue",
    }
    assert data["terms"] == {
        "sample-term": {
            "id": "sample-term",
            "term": "sample term",
            "definition": "A word defined for the tests.",
        }
    }


def test_compile_does_not_share_the_input() -> None:
    tree = treedata.raw()
    data = compile_tree(tree, vocabulary=treedata.fixture()["vocabulary"])
    data["tree"]["title"] = "changed"
    assert tree["title"] != "changed"


def test_load_tree_raises_with_every_problem() -> None:
    tree = treedata.raw()
    tree["questions"][0]["next"] = "nowhere"
    tree["questions"][1]["link"] = "no-such-link"
    with pytest.raises(TreeError) as info:
        load_tree(tree, **treedata.check_args())
    assert len(info.value.problems) == 2
    assert str(info.value).count("\n") == 1


def test_without_lines_problems_point_at_line_1() -> None:
    tree = treedata.raw()
    tree["start"] = "nope"
    assert messages(tree, lines=None) == [
        "tests/engine/trees/sample.yaml:1: start: unknown question 'nope' (expected one of: goal, sides, "
        "funding, topics, safety, venue)"
    ]


def test_anchors_and_terms_are_checked_only_when_given() -> None:
    tree = treedata.raw()
    tree["questions"][1]["term"] = "unknown-term"
    tree["questions"][1]["link"] = "broken-anchor"
    assert messages(tree, anchors=None, terms=None) == []
    assert len(messages(tree)) == 2


def test_missing_page_is_reported() -> None:
    fx = treedata.fixture()
    del fx["anchors"]["other/venue.md"]
    found = messages(treedata.raw(), anchors=fx["anchors"])
    assert len(found) == 2
    assert found[1].endswith(
        "questions[5].link: link 'sample-venue' points to page other/venue.md, which does "
        "not exist (expected a page under docs/: sample.md)"
    )


def test_checklist_only_keys_and_weights_rules() -> None:
    tree = treedata.raw("checklist-sample")
    tree["questions"][0]["choices"][0]["weights"] = [{"outcome": "cancel", "points": 1, "reason": "r"}]
    tree["questions"][1]["choices"][0]["weights"] = [{"outcome": "cancel", "points": 1, "reason": "r"}]
    found = messages(tree, **{**treedata.check_args("checklist-sample")})
    assert [m.split(": ", 1)[1] for m in found] == [
        "questions[0].choices[0].weights: weights only count in a ranking tree "
        "(expected no weights, or result kind 'ranking')",
        "questions[1].choices[0].weights: weights are not counted on checklist items "
        "(expected weights on choices of single or multiple questions)",
    ]


def test_tree_kind_needs_its_material() -> None:
    tree = treedata.raw()
    for q in tree["questions"]:
        for c in q["choices"]:
            c.pop("weights", None)
    found = messages(tree)
    assert any("result.kind: a ranking tree gives no points to any outcome" in m for m in found)
    checklist = treedata.raw("checklist-sample")
    checklist["questions"][1]["type"] = "multiple"
    for c in checklist["questions"][1]["choices"]:
        c.pop("importance", None)
        c.pop("when", None)
        c.pop("warning", None)
    found = messages(checklist, **{**treedata.check_args("checklist-sample")})
    assert any("a checklist tree has no checklist question" in m for m in found)


def test_equals_on_a_multiple_question_is_refused() -> None:
    tree = treedata.raw()
    tree["warnings"][0]["when"] = {"answer": "topics", "equals": "history"}
    assert [m.split(": ", 1)[1] for m in messages(tree)] == [
        "warnings[0].when.equals: 'equals' needs a single question, but 'topics' is multiple "
        "(expected includes)"
    ]


needs_jsonschema = pytest.mark.skipif(
    not treedata.has_jsonschema(), reason="needs 'jsonschema' (not installable in Pyodide)"
)


@needs_jsonschema
def test_schema_problems_stop_the_semantic_checks() -> None:
    tree = treedata.raw()
    tree["questions"][0]["next"] = "nowhere"
    tree["version"] = "3"
    found = messages(tree)
    assert len(found) == 1 and "version: wrong type" in found[0]


@needs_jsonschema
def test_vocabulary_checks() -> None:
    fx = treedata.fixture()
    schema = treedata.vocabulary_schema()
    found = [
        p.message
        for p in check_vocabulary(
            fx["vocabulary"], schema=schema, anchors=fx["anchors"], source="fixture.json"
        )
    ]
    assert found == [
        "fixture.json:1: links.broken-anchor: link 'broken-anchor' points to sample.md#nowhere, "
        "which does not exist (expected an anchor of sample.md)"
    ]
    bad = {"links": {"Bad Key": {"page": "x.md", "anchor": "a", "title": "t"}, "ok": {"page": "x.md"}}}
    found = [p.message for p in check_vocabulary(bad, schema=schema, anchors=None, source="v.yaml")]
    assert found == [
        f"v.yaml:1: links.Bad Key: 'Bad Key' is not a valid link key (expected a value matching "
        f"{schema['$defs']['key']['pattern']})",
        "v.yaml:1: links.ok: missing required key 'anchor' (expected keys: page, anchor, title)",
        "v.yaml:1: links.ok: missing required key 'title' (expected keys: page, anchor, title)",
    ]
