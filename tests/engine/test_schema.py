"""decision_trees/schema.json and vocabulary.schema.json, and how track2guide.structure words
jsonschema's findings (skipped where jsonschema is not installed, as inside Pyodide)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.engine import treedata
from track2guide import TreeError, validate

jsonschema = pytest.importorskip("jsonschema")

BROKEN = Path(__file__).parent / "broken"
SCHEMAS = {"schema.json": treedata.schema, "vocabulary.schema.json": treedata.vocabulary_schema}


def property_schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """(location, schema) of every entry of every `properties` map, however deep."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                for name, prop in value.items():
                    yield f"{where}/properties/{name}", prop
            yield from property_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from property_schemas(item, f"{where}/{i}")


def object_schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from object_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from object_schemas(item, f"{where}/{i}")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_title_and_description(name: str) -> None:
    props = list(property_schemas(SCHEMAS[name]()))
    assert len(props) >= 5
    for where, prop in props:
        assert isinstance(prop.get("title"), str) and prop["title"], where
        assert isinstance(prop.get("description"), str) and prop["description"], where


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_object_is_closed(name: str) -> None:
    for where, obj in object_schemas(SCHEMAS[name]()):
        closed = obj.get("additionalProperties") is False
        is_map = isinstance(obj.get("additionalProperties"), dict) and "propertyNames" in obj
        assert closed or is_map, where


def test_schema_is_draft_2020_12() -> None:
    assert treedata.schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", treedata.SAMPLES)
def test_sample_trees_validate(name: str) -> None:
    assert validate(treedata.raw(name), treedata.schema()) == []


@pytest.mark.parametrize("tree_id", sorted(treedata.project_trees()))
def test_every_project_tree_validates(tree_id: str) -> None:
    assert validate(treedata.project_trees()[tree_id]["tree"], treedata.schema()) == []


def test_validator_reports_paths_and_expectations() -> None:
    tree = treedata.raw()
    tree["questions"][0]["type"] = "dropdown"
    tree["questions"][1]["choices"] = []
    tree["gates"][0]["when"] = {"answer": "goal", "equals": "talk", "one_of": ["x"]}
    issues = [(i.path, i.what, i.expected) for i in validate(tree, treedata.schema())]
    assert issues == [
        (("questions", 0, "type"), "'dropdown' is not allowed", "one of: single, multiple, checklist"),
        (("questions", 1, "choices"), "list has 0 items", "at least 1"),
        (("gates", 0, "when", "one_of"), "unknown key 'one_of'", "one of: answer, equals"),
    ]


def test_one_of_matching_two_forms_is_reported() -> None:
    schema = {"oneOf": [{"type": "integer"}, {"minimum": 0}]}
    assert [i.what for i in validate(3, schema)] == ["matches more than one form"]
    assert validate(-1, schema) == []
    assert validate(-1, {"anyOf": [{"type": "string"}, {"type": "integer"}]}) == []


def test_unique_items_and_minimum() -> None:
    schema = {"type": "array", "uniqueItems": True, "items": {"type": "integer", "minimum": 1}}
    assert [(i.path, i.what) for i in validate([1, 0, 1], schema)] == [
        ((1,), "0 is too small"),
        ((2,), "1 is listed twice"),
    ]
    assert [i.what for i in validate([True], {"type": "array", "items": {"type": "integer"}})] == [
        "wrong type: boolean true"
    ]


# Broken files whose YAML itself is broken have no data for a schema to judge.
UNREADABLE = {"duplicate-key", "yaml-syntax"}


def test_unreadable_broken_files_really_are() -> None:
    yaml_edge = pytest.importorskip("track2guide_build")
    for name in sorted(UNREADABLE):
        with pytest.raises(TreeError):
            yaml_edge.load_yaml_with_lines(BROKEN / f"{name}.yaml")


@pytest.mark.parametrize("name", sorted(p.stem for p in BROKEN.glob("*.yaml") if p.stem not in UNREADABLE))
def test_every_invalid_tree_gets_a_worded_issue(name: str) -> None:
    yaml_edge = pytest.importorskip("track2guide_build")
    data, _lines = yaml_edge.load_yaml_with_lines(BROKEN / f"{name}.yaml")
    reference = jsonschema.Draft202012Validator(treedata.schema())
    issues = validate(data, treedata.schema())
    assert reference.is_valid(data) == (issues == [])
    assert all("satisfies" not in i.expected for i in issues)  # every finding worded in our style


def test_jsonschema_accepts_both_schemas_and_the_vocabularies() -> None:
    for load in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(load())
    jsonschema.validate(treedata.fixture()["vocabulary"], treedata.vocabulary_schema())
