#!/usr/bin/env python3
"""Time the guidance engine (a benchmark, not a test): prints numbers, asserts nothing.

For every tree in decision_trees/ it plans a set of walks (the first one always
takes the first choice, the second the last, the rest pick at random with fixed
seeds), then measures

* one step:   a single ``track2guide.step(tree, answers)`` call, for every
              answer state met along those walks;
* first step: the call with no answers yet (what a wizard does when it opens);
* full walk:  a whole walk as a wizard does it, from no answers to the result,
              one ``step`` call per question plus the final one;
* what would change: the re-walks behind the result's "what would change this
              advice" list alone, for the finished state of every walk (its
              budget is 50 ms in Pyodide for the largest tree), with the worst
              walk (the slowest state, each at its best over the repeats).

and prints the median and 90th percentile in microseconds.

    python -m benchmarks.bench_engine [--walks N] [--repeat N] [--json]

The same file runs inside Pyodide: benchmarks/bench_engine_pyodide.mjs starts
it there with ``--trees-json FILE``, the compiled trees that host CPython wrote
with ``python -m track2guide_build export-json FILE`` (Pyodide has no YAML reader).
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import track2guide

ROOT = Path(__file__).resolve().parent.parent

Tree = dict[str, Any]
Answers = dict[str, Any]
Step = Callable[[Tree, Answers], dict[str, Any]]
MAX_STEPS = 500  # a walk longer than this means the engine loops


# ----------------------------------------------------------------- tree loading

def load_checked_trees() -> dict[str, Tree]:
    """Every tree in decision_trees/, checked and compiled, as `step` takes them (needs PyYAML)."""
    from track2guide_build import load_all_trees

    return {checked.id: checked.data for checked in load_all_trees(ROOT)}


def load_trees_json(path: Path) -> dict[str, Tree]:
    """Compiled trees from `python -m track2guide_build export-json FILE` ({id: tree})."""
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def tree_id(tree: Tree) -> str:
    return str(tree["tree"]["id"])


def new_answers(tree: Tree) -> Answers:
    return {"tree": tree["tree"]["id"], "version": tree["tree"]["version"], "answers": {}}


# ----------------------------------------------------------------------- walks

def pick(view: dict[str, Any], how: str, rng: random.Random) -> Any:
    """An answer to the question `view` (the engine's `current`)."""
    ids = [choice["id"] for choice in view["choices"]]
    if view["type"] == "single":
        return ids[0] if how == "first" else ids[-1] if how == "last" else rng.choice(ids)
    # multiple / checklist: a list of choice ids (for a checklist, the items met)
    if how == "first":
        return ids[:1]
    if how == "last":
        return ids
    return [i for i in ids if rng.random() < 0.5]


def plan_walk(step: Step, tree: Tree, how: str, seed: str) -> list[tuple[str, Any]]:
    """The (question, answer) pairs a walk gives, in order, checked to reach a result."""
    rng = random.Random(seed)
    answers: Answers = new_answers(tree)
    plan: list[tuple[str, Any]] = []
    for _ in range(MAX_STEPS):
        out = step(tree, answers)
        if not out.get("ok"):
            raise RuntimeError(f"{tree_id(tree)}: step refused planned answers: {out.get('errors')}")
        if out.get("result") is not None:
            return plan
        view = out["current"]
        value = pick(view, how, rng)
        plan.append((view["id"], value))
        answers = {**answers, "answers": {**answers["answers"], view["id"]: value}}
    raise RuntimeError(f"{tree_id(tree)}: walk {seed} did not end within {MAX_STEPS} steps")


def states_of(tree: Tree, plan: list[tuple[str, Any]]) -> list[Answers]:
    """The answer states a walk passes through: none, one, ..., all answers."""
    states: list[Answers] = []
    given: dict[str, Any] = {}
    states.append(new_answers(tree))
    for qid, value in plan:
        given = {**given, qid: value}
        states.append({**new_answers(tree), "answers": given})
    return states


def full_walk(step: Step, tree: Tree, plan: list[tuple[str, Any]]) -> None:
    """Replay a planned walk the way a wizard does: step, answer, step, ..."""
    answers: Answers = new_answers(tree)
    for qid, value in plan:
        step(tree, answers)
        answers = {**answers, "answers": {**answers["answers"], qid: value}}
    step(tree, answers)


# --------------------------------------------------------------------- timing

def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    k = (len(ordered) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_step(step: Step, tree: Tree, answers: Answers, inner: int) -> float:
    """Microseconds per call, averaged over `inner` back-to-back calls (coarse clocks)."""
    t0 = time.perf_counter_ns()
    for _ in range(inner):
        step(tree, answers)
    return (time.perf_counter_ns() - t0) / inner / 1000


def time_changes(tree: Tree, answers: Answers, inner: int) -> float:
    """Microseconds for the what-would-change re-walks of one finished answers state."""
    from track2guide.tree import unwrap
    from track2guide.walk import walk
    from track2guide.weighing import rank
    from track2guide.whatif import what_would_change

    t = unwrap(tree)
    assert t is not None
    state = walk(t, answers["answers"])
    ranking = rank(t, state.path)
    t0 = time.perf_counter_ns()
    for _ in range(inner):
        what_would_change(t, state, ranking)
    return (time.perf_counter_ns() - t0) / inner / 1000


def bench_tree(step: Step, tree: Tree, walks: int, repeat: int, inner: int) -> dict[str, Any]:
    hows = ["first", "last"] + ["random"] * max(0, walks - 2)
    plans = [plan_walk(step, tree, how, f"{tree_id(tree)}:{i}") for i, how in enumerate(hows[:walks])]
    states = [s for plan in plans for s in states_of(tree, plan)]
    empty = states[0]
    for plan in plans:  # warm up
        full_walk(step, tree, plan)

    finals = [states_of(tree, plan)[-1] for plan in plans]
    ranking = tree["tree"]["result"]["kind"] == "ranking"
    one, first, walk, changes = [], [], [], []
    per_final: list[list[float]] = [[] for _ in finals]
    for _ in range(repeat):
        if ranking:
            for k, answers in enumerate(finals):
                per_final[k].append(time_changes(tree, answers, inner))
                changes.append(per_final[k][-1])
        for answers in states:
            one.append(time_step(step, tree, answers, inner))
        first.append(time_step(step, tree, empty, inner))
        for plan in plans:
            t0 = time.perf_counter_ns()
            full_walk(step, tree, plan)
            walk.append((time.perf_counter_ns() - t0) / 1000)

    lengths = [len(plan) + 1 for plan in plans]

    def stats(xs: list[float]) -> dict[str, float]:
        return {"median": round(statistics.median(xs), 2), "p90": round(percentile(xs, 90), 2), "n": len(xs)}

    return {
        "tree": tree_id(tree),
        "walks": len(plans),
        "steps_per_walk": {"min": min(lengths), "median": statistics.median(lengths), "max": max(lengths)},
        "one_step_us": stats(one),
        "first_step_us": stats(first),
        "full_walk_us": stats(walk),
        # worst: the slowest finished walk, each timed at its best over the repeats (machine noise
        # such as a garbage collection or another process inflates single samples, not this)
        "changes_us": {**stats(changes), "worst": round(max(min(ts) for ts in per_final), 2)}
        if changes
        else None,
    }


def runtime() -> str:
    impl = platform.python_implementation()
    where = "Pyodide (emscripten/WebAssembly)" if sys.platform == "emscripten" else sys.platform
    return f"{impl} {platform.python_version()} on {where}"


def report(results: list[dict[str, Any]], walks: int, repeat: int) -> str:
    lines = [
        f"track2guide engine benchmark: {runtime()}; {walks} walks per tree, {repeat} repeats",
        "times in microseconds (median / p90)",
        "",
        f"{'tree':<18}{'steps/walk':>12}{'one step':>22}{'first step':>22}{'full walk':>24}"
        f"{'what would change (worst)':>32}",
    ]
    for r in results:
        spw = r["steps_per_walk"]

        def cell(s: dict[str, float], width: int) -> str:
            return f"{s['median']:.1f} / {s['p90']:.1f}".rjust(width)

        span = f"{spw['min']}-{spw['max']}"
        ch = r["changes_us"]
        changes = (cell(ch, 22) + f" ({ch['worst']:.0f})").rjust(32) if ch else "(checklist)".rjust(32)
        lines.append(
            f"{r['tree']:<18}{span:>12}"
            f"{cell(r['one_step_us'], 22)}{cell(r['first_step_us'], 22)}{cell(r['full_walk_us'], 24)}"
            + changes
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--walks", type=int, default=12, help="walks planned per tree (default 12)")
    parser.add_argument("--repeat", type=int, default=30, help="timing rounds (default 30)")
    parser.add_argument("--inner", type=int, default=5, help="back-to-back calls per one-step sample")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead")
    parser.add_argument("--trees-json", type=Path, metavar="FILE",
                        help="compiled trees written by `python -m track2guide_build export-json FILE`")
    args = parser.parse_args(argv)

    trees = load_trees_json(args.trees_json) if args.trees_json else load_checked_trees()
    if not trees:
        print("no trees found", file=sys.stderr)
        return 1
    results = [bench_tree(track2guide.step, tree, args.walks, args.repeat, args.inner)
               for _, tree in sorted(trees.items())]
    if args.json:
        print(json.dumps({"runtime": runtime(), "walks": args.walks, "repeat": args.repeat,
                          "results": results}, indent=2))
    else:
        print(report(results, args.walks, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
