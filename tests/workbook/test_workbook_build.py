"""The build's checks of the planning workbook (track2guide_build.workbook): the real
workbook passes; each broken variant fails with its exact, pointing message."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from track2guide.problems import TreeError
from track2guide_build.anchors import collect_anchors
from track2guide_build.workbook import SCHEMA, SOURCE, load_workbook
from track2guide_build.yamlload import load_yaml_with_lines

ROOT = Path(__file__).resolve().parents[2]


def test_the_project_workbook_is_valid() -> None:
    wb = load_workbook(ROOT, anchors=collect_anchors(ROOT / "docs"))
    assert wb["checks"] and all(c["link"]["href"] for c in wb["checks"])


def test_every_schema_property_has_a_title_and_description() -> None:
    schema = json.loads((ROOT / SCHEMA).read_text(encoding="utf-8"))

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert prop.get("title") and prop.get("description"), f"{path}.{name}"
            for key, value in node.items():
                walk(value, f"{path}.{key}")

    walk(schema, "schema")
    assert all(d.get("additionalProperties") is False for d in schema["$defs"].values() if "properties" in d)


def broken(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> str:
    """Copy the project's data into tmp_path with the workbook changed; the build's message."""
    for rel in ("decision_trees/schema.json", "decision_trees/vocabulary.yaml", SCHEMA):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    data = copy.deepcopy(load_yaml_with_lines(ROOT / SOURCE)[0])
    change(data)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    (tmp_path / SOURCE).write_text(text, encoding="utf-8")
    with pytest.raises(TreeError) as caught:
        load_workbook(tmp_path, anchors=None)
    return str(caught.value)


def q(data: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(x for s in data["sections"] for x in s["questions"] if x["id"] == qid)


def check(data: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in data["checks"] if c["id"] == cid)


def _set(target: dict[str, Any], key: str, value: Any) -> None:
    target[key] = value


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "unknown-key",
        lambda d: _set(q(d, "talks"), "colour", "red"),
        "sections[0].questions[1]: Additional properties are not allowed ('colour' was unexpected)",
    ),
    (
        "duplicate-question",
        lambda d: _set(q(d, "track-one"), "id", "talks"),
        "sections[0].questions[1].id: question id 'talks' is used more than once "
        "(expected each question id once)",
    ),
    (
        "unknown-question-in-check",
        lambda d: _set(check(d, "bad-history"), "when", {"answer": "histry", "equals": "bad"}),
        "checks[3].when.answer: unknown question 'histry' "
        "(expected a question asked earlier in the workbook)",
    ),
    (
        "unknown-choice-in-check",
        lambda d: _set(check(d, "bad-history"), "when", {"answer": "history", "equals": "awful"}),
        "checks[3].when.equals: question 'history' has no choice 'awful' "
        "(expected one of bad, good, none, not-sure)",
    ),
    (
        "includes-on-single",
        lambda d: _set(check(d, "bad-history"), "when", {"answer": "history", "includes": "bad"}),
        "checks[3].when.answer: 'includes' cannot test a single question (expected a multi question)",
    ),
    (
        "condition-on-later-question",
        lambda d: _set(q(d, "talks"), "when", {"answered": "needs"}),
        "sections[0].questions[1].when.answered: unknown question 'needs' "
        "(expected a question asked earlier in the workbook)",
    ),
    (
        "text-with-choices",
        lambda d: _set(q(d, "conflict"), "choices", [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]),
        "sections[0].questions[0].choices: a text question has no choices (expected no choices)",
    ),
    (
        "single-without-choices",
        lambda d: q(d, "talks").pop("choices"),
        "sections[0].questions[1]: a single question needs choices (expected a choices list)",
    ),
    (
        "exclusive-on-single",
        lambda d: _set(q(d, "talks")["choices"][0], "exclusive", True),
        "sections[0].questions[1].choices[0].exclusive: only a multi question has an exclusive choice "
        "(expected no exclusive)",
    ),
    (
        "unknown-link",
        lambda d: _set(check(d, "bad-history"), "link", "assess-histroy"),
        "checks[3].link: unknown link key 'assess-histroy'",
    ),
]


@pytest.mark.parametrize(("name", "change", "message"), CASES, ids=[c[0] for c in CASES])
def test_broken_workbook_is_refused_with_a_pointing_message(
    tmp_path: Path, name: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    text = broken(tmp_path, change)
    assert text.startswith(f"{SOURCE}:"), text
    assert message in text, text
