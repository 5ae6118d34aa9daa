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
from mkdocs.exceptions import PluginError

from hooks.workbook import check_samples
from track2guide.problems import TreeError
from track2guide_build.anchors import collect_anchors
from track2guide_build.workbook import SCHEMA, SOURCE, load_workbook
from track2guide_build.workbook_samples import SAMPLES, sample_files, sample_problems
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
    trees = [f"decision_trees/{t}.yaml" for t in ("choose-process", "approach", "venue")]
    for rel in ("decision_trees/schema.json", "decision_trees/vocabulary.yaml", SCHEMA, *trees):
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
        "wizard-outcome-without-choice",
        lambda d: q(d, "process").pop("wizard_outcomes"),
        "sections[2].questions[0].wizard: the outcome 'partner-first' of the wizard 'choose-process' sets no "
        "choice of question 'process' (expected a choice with id 'partner-first', or an entry "
        "'partner-first: <choice id>' in wizard_outcomes)",
    ),
    (
        "wizard-outcome-to-unknown-choice",
        lambda d: _set(q(d, "venue"), "wizard_outcomes", {"not-ready": "gap"}),
        "sections[2].questions[2].wizard_outcomes.not-ready: question 'venue' has no choice 'gap' "
        "(expected one of ready, gaps, not-chosen, no-meetings)",
    ),
    (
        "wizard-unknown-outcome",
        lambda d: _set(q(d, "approach"), "wizard_outcomes", {"mixed": "hybrid"}),
        "sections[2].questions[1].wizard_outcomes.mixed: the wizard 'approach' has no outcome 'mixed' "
        "(expected one of hybrid, elicitive, prescriptive)",
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


def test_every_sample_plan_agrees_with_the_checks() -> None:
    data = load_workbook(ROOT, anchors=None)
    assert sample_problems(ROOT, data) == []
    assert len(sample_files(ROOT)) >= 5


def test_the_build_fails_on_a_sample_plan_that_disagrees(tmp_path: Path) -> None:
    """A sample that lists a check its plan does not raise, and one that raises a check it
    says must stay quiet: the hook fails the build naming each sample and check."""
    data = load_workbook(ROOT, anchors=None)
    samples = tmp_path / SAMPLES
    samples.mkdir(parents=True)
    for path in sample_files(ROOT):
        shutil.copy(path, samples / path.name)
    check_samples(tmp_path, data)  # the copies agree
    radio, _ = load_yaml_with_lines(samples / "radio-soap-opera.yaml")
    radio["plan"]["answers"]["baseline"] = "before-after"  # no-baseline no longer fires
    (samples / "radio-soap-opera.yaml").write_text(yaml.safe_dump(radio, sort_keys=False), encoding="utf-8")
    georgia, _ = load_yaml_with_lines(samples / "georgia-south-ossetia-workshops.yaml")
    georgia["fires"].remove("restricted-travel")
    georgia["quiet"].append("restricted-travel")
    text = yaml.safe_dump(georgia, sort_keys=False)
    (samples / "georgia-south-ossetia-workshops.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        check_samples(tmp_path, data)
    text = str(caught.value)
    assert f"{SAMPLES}/radio-soap-opera.yaml: check 'no-baseline' should fire but does not" in text, text
    assert (
        f"{SAMPLES}/georgia-south-ossetia-workshops.yaml: check 'restricted-travel' must stay quiet but fires"
        in text
    ), text
    assert text.startswith("2 sample plan problems"), text
