"""Paper versions agree with the engine: every scenario, and every walk of
the small trees, worked through the rendered paper page by tests/engine/papertally.py (which
reads only the Markdown) gives the engine's path, advice first, points, exclusions, ranking
and strength."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.engine import papertally, treedata
from tests.engine.test_scenarios import label, load_scenario, scenario_files
from tests.engine.walks import every_walk, tree_of
from track2guide import paper_markdown, step

TREES = treedata.all_trees()


@cache
def paper(tree_id: str) -> papertally.Paper:
    return papertally.parse(paper_markdown(TREES[tree_id]))


def labels(compiled: dict[str, Any], answers: dict[str, Any]) -> dict[str, list[str]]:
    """The person's answers as the labels printed on the page."""
    by_id = {(q["id"], c["id"]): c["label"] for q in compiled["tree"]["questions"] for c in q["choices"]}
    return {
        qid: [by_id[(qid, cid)] for cid in ([a] if isinstance(a, str) else a)]
        for qid, a in answers.items()
        if all((qid, cid) in by_id for cid in ([a] if isinstance(a, str) else a))
    }


def engine_view(state: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": [p["question"] for p in state["path"]],
        "current": state["current"]["id"] if state["current"] else None,
    }
    result = state["result"]
    if result is None:
        return out
    out["gate"] = result["gate"]["outcome"] if result["gate"] else None
    if result["kind"] == "ranking":
        out.update(
            top=result["top"],
            strength=result["strength"],
            ranked=[r["outcome"] for r in result["ranked"] if r["indicated"]],
            ruled_out=sorted(r["outcome"] for r in result["ruled_out"]),
            scores={r["outcome"]: r["score"] for r in result["ranked"] if not r.get("mix_of")},
        )
    return out


def agree(tree_id: str, answers: dict[str, Any]) -> None:
    compiled = TREES[tree_id]
    state = step(compiled, {"tree": tree_id, "version": compiled["tree"]["version"], "answers": answers})
    assert state["ok"], state
    want = engine_view(state)
    got = papertally.work_through(paper(tree_id), labels(compiled, answers))
    if compiled["tree"]["result"]["kind"] != "ranking":
        got = {k: v for k, v in got.items() if k in want}
    else:  # outcomes ruled out have points on paper, but the engine does not rank them
        got["scores"] = {o: s for o, s in got.get("scores", {}).items() if o in want.get("scores", {})}
        if "scores" not in want:
            got.pop("scores")
    assert got == want


@pytest.mark.parametrize("path", scenario_files(), ids=label)
def test_scenario_on_paper(path: Path) -> None:
    agree(path.parent.name, load_scenario(path)["answers"])


SMALL = sorted(tid for tid, c in TREES.items() if every_walk(tree_of(c)) is not None)


@pytest.mark.parametrize("tree_id", SMALL, ids=lambda t: f"{t}-every-walk")
def test_every_walk_on_paper(tree_id: str) -> None:
    walks = every_walk(tree_of(TREES[tree_id])) or []
    for answers in walks:
        agree(tree_id, answers)
    print(f"{tree_id}: {len(walks)} walks agree on paper")


def test_conditions_read_back_from_the_words() -> None:
    cond = papertally.parse_condition(
        "you answered [question 3](#q-funding), (you answered “A” or “B” to [question 1](#q-goal) or "
        "your answer to [question 4](#q-topics) includes “Jobs”), and it is not the case that "
        "you answered “No” to [question 5](#q-safety)"
    )
    assert cond == {
        "all": [
            {"answered": "funding"},
            {"any": [{"answer": "goal", "one_of": ["A", "B"]}, {"answer": "topics", "includes": "Jobs"}]},
            {"not": {"answer": "safety", "one_of": ["No"]}},
        ]
    }
