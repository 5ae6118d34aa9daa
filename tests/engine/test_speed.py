"""A step must stay well under a millisecond on CPython for the trees here (generous bound: 2 ms,
best of several runs, so a busy machine does not make it flaky). Not run under Pyodide."""

from __future__ import annotations

import sys
import time

import pytest

from tests.engine import treedata
from track2guide import step

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="timing bound is for CPython")


def full_answers(tree: dict[str, object]) -> dict[str, object]:
    """Answer every question with its first choice (single) or all of its choices (others)."""
    answers: dict[str, object] = {}
    for q in tree["tree"]["questions"]:  # type: ignore[index]
        ids = [c["id"] for c in q["choices"]]
        answers[q["id"]] = ids[0] if q["type"] == "single" else ids
    return {"tree": tree["tree"]["id"], "version": tree["tree"]["version"], "answers": answers}  # type: ignore[index]


@pytest.mark.parametrize("tree_id", sorted(treedata.all_trees()))
def test_step_is_fast(tree_id: str) -> None:
    tree = treedata.all_trees()[tree_id]
    answers = full_answers(tree)
    assert step(tree, answers)["ok"]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(20):
            step(tree, answers)
        best = min(best, (time.perf_counter() - start) / 20)
    assert best < 0.002, f"{tree_id}: {best * 1000:.3f} ms per step"
