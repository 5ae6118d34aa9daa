from __future__ import annotations

from tests.engine import treedata
from track2guide import schema_markdown


def test_reference_lists_every_definition_and_property() -> None:
    schema = treedata.schema()
    text = schema_markdown(schema)
    assert text.startswith("## Decision tree {#def-root}\n")
    for name, sub in schema["$defs"].items():
        assert f" {sub['title']} {{#def-" in text, name
        for key, prop in sub.get("properties", {}).items():
            assert f"| `{key}` |" in text
            assert prop["description"].split("`")[0][:30] in text
    assert "| `choices` | list of [Choice](#def-choice) | yes |" in text
    assert "| `type` | `single` \\| `multiple` \\| `checklist` | yes |" in text
    assert "- [Answer equals](#def-if-equals)" in text


def test_every_internal_link_has_a_target() -> None:
    import re

    text = schema_markdown(treedata.schema(), heading="###")
    anchors = set(re.findall(r"\{#([a-z-]+)\}", text))
    assert set(re.findall(r"\]\(#([a-z-]+)\)", text)) <= anchors
    assert text.startswith("### ")


def test_vocabulary_schema_renders_maps() -> None:
    text = schema_markdown(treedata.vocabulary_schema())
    assert "| `links` | map of [Link target](#def-target) | yes |" in text


def test_non_schema_renders_nothing() -> None:
    assert schema_markdown([]) == ""
