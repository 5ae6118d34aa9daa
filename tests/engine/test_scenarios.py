"""Scenarios: tests/scenarios/<tree-id>/*.yaml (the trees' documented cases) and
tests/engine/scenarios/<tree-id>/*.yaml (the sample trees'), each
`{title, justification, answers, expect: {path, current?, result?}}` (see TREE-LANGUAGE.md).
`top` is the top indicated outcome (None when nothing is indicated), whatever the strength."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.engine import treedata
from track2guide import step

ROOTS = (treedata.ROOT / "tests" / "scenarios", Path(__file__).parent / "scenarios")
SCENARIO_KEYS = {"title", "justification", "answers", "expect"}
EXPECT_KEYS = {"path", "current", "result"}
RESULT_KEYS = {
    "top",
    "clear",
    "strength",
    "ruled_out",
    "gate",
    "ranked",
    "not_indicated",
    "warnings",
    "ready",
    "missing_required",
    "missing_other",
    "met",
    "not_applicable",
}


def scenario_files() -> list[Path]:
    return sorted(p for root in ROOTS if root.exists() for p in root.glob("*/*.yaml"))


def label(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def load_scenario(path: Path) -> dict[str, Any]:
    """The scenario's data: from YAML, or where PyYAML is missing (Pyodide) from the
    JSON export named by TRACK2_YAML_JSON (`python -m track2guide_build export-yaml`)."""
    exported = os.environ.get("TRACK2_YAML_JSON")
    if exported:
        data = json.loads(Path(exported).read_text(encoding="utf-8"))
        return data[path.relative_to(treedata.ROOT).as_posix()]  # type: ignore[no-any-return]
    from track2guide_build import load_yaml_with_lines

    return load_yaml_with_lines(path)[0]  # type: ignore[no-any-return]


def actual_result(result: dict[str, Any]) -> dict[str, Any]:
    """The scenario vocabulary, computed from a step() result."""
    out: dict[str, Any] = {
        "gate": result["gate"]["outcome"] if result["gate"] else None,
        "warnings": [w["id"] for w in result["warnings"]],
    }
    if result["kind"] == "ranking":
        ranked = result["ranked"]
        out.update(
            clear=result["clear"],
            top=result["top"],
            strength=result["strength"],
            ruled_out=[r["outcome"] for r in result["ruled_out"]],
            ranked=[r["outcome"] for r in ranked if r["indicated"]],
            not_indicated=[r["outcome"] for r in ranked if not r["indicated"]],
        )
    report = result if result["kind"] == "checklist" else result.get("checklist")
    if report:
        out["ready"] = report["ready"]
        for key in ("missing_required", "missing_other", "met", "not_applicable"):
            out[key] = [item["id"] for item in report[key]]
    return out


@pytest.mark.parametrize("path", scenario_files(), ids=label)
def test_scenario(path: Path) -> None:
    scenario = load_scenario(path)
    assert set(scenario) <= SCENARIO_KEYS and {"title", "answers", "expect"} <= set(scenario), set(scenario)
    expect = scenario["expect"]
    assert set(expect) <= EXPECT_KEYS and "path" in expect, set(expect)
    trees = treedata.all_trees()
    tree_id = path.parent.name
    assert tree_id in trees, f"no tree '{tree_id}' for {path}"
    tree = trees[tree_id]
    answers = {"tree": tree_id, "version": tree["tree"]["version"], "answers": scenario["answers"]}
    state = step(tree, answers)
    assert state["ok"], state["errors"]
    assert [p["question"] for p in state["path"]] == expect["path"]
    if "current" in expect:
        current = state["current"]["id"] if state["current"] else None
        assert current == expect["current"]
    wanted = expect.get("result")
    if wanted is None:
        return
    assert state["result"] is not None, f"walk not finished: next question is {state['current']['id']}"
    assert set(wanted) <= RESULT_KEYS, set(wanted) - RESULT_KEYS
    got = actual_result(state["result"])
    assert {k: got.get(k) for k in wanted} == wanted


def test_every_project_tree_has_scenarios() -> None:
    if not treedata.project_trees():
        pytest.skip("project trees need PyYAML or TRACK2_TREES_JSON")
    covered = {p.parent.name for p in scenario_files()}
    assert set(treedata.project_trees()) <= covered
