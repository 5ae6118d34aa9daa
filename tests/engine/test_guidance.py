"""Properties of the guidance over every tree, on every finished walk
when a tree has at most walks.LIMIT of them, else on sampled walks (Hypothesis):

(a) a "not sure" answer never changes the ranking (nor exclusions or strength);
(b) moving one step along a declared scale never lowers its outcome against any other
    weighted outcome, nor its rank;
(c) exclusions hold on every walk: what they rule out is never ranked;
(d) no warning fires where its words are false: conditions on the result agree with the
    result, and a warning that names an outcome fires only when that outcome is indicated.

It also checks that "what would change this advice" equals walking again for every change.
The test ids say how many walks each tree has ("every-729") or how many are sampled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine import treedata
from tests.engine.walks import a_walk, every_walk, tree_of
from track2guide.conditions import Answer
from track2guide.present import tree_warnings
from track2guide.statejson import ranking_json
from track2guide.tree import Tree
from track2guide.walk import walk
from track2guide.weighing import chosen, mixes, totals
from track2guide.weighing import rank as engine_rank
from track2guide.whatif import alternatives, what_would_change

TREES = {tid: tree_of(c) for tid, c in treedata.all_trees().items()}
RAW = {tid: c["tree"] for tid, c in treedata.all_trees().items()}  # the tree as written, for the oracles
EVERY = {tid: every_walk(t) for tid, t in TREES.items()}
SAMPLED = 150
Walk = dict[str, Answer]


def question(tree: Tree, qid: str) -> dict[str, Any]:
    """A question as written."""
    return next(q for q in RAW[tree.id]["questions"] if q["id"] == qid)


def outcomes(tree: Tree) -> dict[str, dict[str, Any]]:
    """The outcomes as written, by id."""
    return {o["id"]: o for o in RAW[tree.id].get("outcomes", [])}


def digest(result: dict[str, Any]) -> tuple[Any, ...]:
    return (
        result["top"],
        result["strength"],
        [(r["outcome"], r["score"], r["indicated"]) for r in result["ranked"]],
        [r["outcome"] for r in result["ruled_out"]],
    )


def rank(tree: Tree, path: Any) -> dict[str, Any]:
    """The ranking as the engine's JSON (what the oracles below read)."""
    return ranking_json(engine_rank(tree, path))


def not_sure(tree: Tree, answers: Walk) -> int:
    """(a) Taking a "not sure" answer back out of the path leaves the ranking as it was."""
    path = walk(tree, answers).path
    before = digest(rank(tree, path))
    checked = 0
    for i, (qid, answer) in enumerate(path):
        unknown = {c["id"] for c in question(tree, qid)["choices"] if c.get("unknown")}
        if not unknown & set(chosen(answer)):
            continue
        kept = [c for c in chosen(answer) if c not in unknown]
        rest = [*path[:i], *([(qid, kept)] if isinstance(answer, list) else []), *path[i + 1 :]]
        assert digest(rank(tree, rest)) == before, f"'not sure' to {qid} changed the ranking of {answers}"
        checked += 1
    return checked


def plain_rank(tree: Tree, table: dict[str, int], oid: str) -> int:
    """Place of `oid` among the weighted, non-mixed outcomes by points (ties: declared order)."""
    order = [o for o in tree.weighted if o not in mixes(tree)]
    return sorted(order, key=lambda o: (-table[o], order.index(o))).index(oid)


def monotone(tree: Tree, answers: Walk) -> int:
    """(b) One step toward a scale's outcome never loses ground against any other outcome."""
    state = walk(tree, answers)
    checked = 0
    for qid, answer in state.path:
        q = question(tree, qid)
        if "scale" not in q:
            continue
        toward = q["scale"]["toward"]
        steps = [c["id"] for c in q["choices"] if not c.get("unknown")]
        if answer not in steps or answer == steps[-1]:
            continue
        after = walk(tree, {**answers, qid: steps[steps.index(str(answer)) + 1]})
        if after.current is not None or [p for p, _ in after.path] != [p for p, _ in state.path]:
            continue  # the step leads elsewhere: other questions, other evidence
        t0, t1 = totals(tree, state.path), totals(tree, after.path)
        for other in tree.weighted:
            if other != toward and other not in mixes(tree):
                assert t1[toward] - t1[other] >= t0[toward] - t0[other], (qid, answer, other, answers)
        assert plain_rank(tree, t1, toward) <= plain_rank(tree, t0, toward), (qid, answer, answers)
        checked += 1
    return checked


def exclusions_hold(tree: Tree, answers: Walk) -> int:
    """(c) Whatever an exclusion rules out is never ranked, and is listed with its reason."""
    state = walk(tree, answers)
    result = rank(tree, state.path)
    ranked = [r["outcome"] for r in result["ranked"]]
    out = {r["outcome"] for r in result["ruled_out"]}
    expected: set[str] = set()
    for ex in RAW[tree.id].get("exclusions", []):
        if _holds(ex["when"], state.given, None):
            expected |= set(ex["outcomes"])
    assert out == expected, answers
    assert not out & set(ranked) and result["top"] not in out, answers
    for r in result["ranked"]:
        if r.get("mix_of") and set(r["mix_of"]) & out:
            assert not r["indicated"], (r["outcome"], answers)
    return len(expected)


def _holds(cond: Any, given: Walk, top: str | None) -> bool:
    """The conditions' meaning, written out again here so the engine is not checked by itself."""
    if "all" in cond:
        return all(_holds(c, given, top) for c in cond["all"])
    if "any" in cond:
        return any(_holds(c, given, top) for c in cond["any"])
    if "not" in cond:
        return not _holds(cond["not"], given, top)
    if "result_top" in cond:
        return top == cond["result_top"]
    if "result_top_one_of" in cond:
        return top in cond["result_top_one_of"]
    if "answered" in cond:
        return cond["answered"] in given
    got = given.get(cond["answer"])
    if "includes" in cond:
        return isinstance(got, list) and cond["includes"] in got
    return got in (cond["one_of"] if "one_of" in cond else [cond["equals"]])


def warnings_true(tree: Tree, answers: Walk) -> int:
    """(d) Warnings fire exactly when their conditions hold on the answers and the result,
    and one that names an outcome fires only when that outcome is indicated."""
    state = walk(tree, answers)
    given = state.given
    result = rank(tree, state.path) if tree.kind == "ranking" else None
    top = result["top"] if result else None
    if result:
        first = result["ranked"][0] if result["ranked"] else None
        assert top == (first["outcome"] if first and first["indicated"] else None)
    fired = [w.id for w in tree_warnings(tree, given, top)]
    assert fired == [w["id"] for w in RAW[tree.id].get("warnings", []) if _holds(w["when"], given, top)]
    indicated = {r["outcome"] for r in result["ranked"] if r["indicated"]} if result else set()
    for w in RAW[tree.id].get("warnings", []):
        if w["id"] not in fired or result is None:
            continue
        for oid, o in outcomes(tree).items():
            if re.search(rf"\b{re.escape(o['title'])}\b", w["text"], re.IGNORECASE):
                assert oid in indicated, f"warning {w['id']} names {o['title']}, not indicated: {answers}"
    for r in result["ranked"] if result else []:
        own = outcomes(tree)[r["outcome"]].get("warnings", [])
        assert [x["text"] for x in r["warnings"]] == [
            x["text"] for x in own if "when" not in x or _holds(x["when"], given, top)
        ]
    return len(fired)


def changes_agree(tree: Tree, answers: Walk) -> int:
    """What would change the advice, as the engine finds it (walking again only where the path
    may change), equals walking the tree again for every one-answer change."""
    if tree.kind != "ranking":
        return 0
    state = walk(tree, answers)
    result = rank(tree, state.path)
    found = [
        (c.question, c.choice, c.top, c.strength)
        for c in what_would_change(tree, state, engine_rank(tree, state.path))
    ]
    brute = []
    for qid, answer in state.path:
        for new, cid, _how in alternatives(tree, qid, answer):
            after = walk(tree, {**state.given, qid: new})
            if after.current is None:
                other = rank(tree, after.path)
                if (other["top"], other["strength"]) != (result["top"], result["strength"]):
                    brute.append((qid, cid, other["top"], other["strength"]))
    assert found == brute, answers
    return len(found)


PROPERTIES: dict[str, Callable[[Tree, Walk], int]] = {
    "what-would-change": changes_agree,
    "not-sure": not_sure,
    "monotone": monotone,
    "exclusions": exclusions_hold,
    "warnings": warnings_true,
}
SMALL = sorted(tid for tid, walks in EVERY.items() if walks is not None)
LARGE = sorted(tid for tid, walks in EVERY.items() if walks is None)


def small_id(tid: str) -> str:
    return f"{tid}-every-{len(EVERY[tid] or [])}"


@pytest.mark.parametrize("prop", sorted(PROPERTIES))
@pytest.mark.parametrize("tree_id", SMALL, ids=small_id)
def test_property_on_every_walk(tree_id: str, prop: str) -> None:
    walks = EVERY[tree_id] or []
    checks = sum(PROPERTIES[prop](TREES[tree_id], answers) for answers in walks)
    print(f"{tree_id} {prop}: {len(walks)} walks, {checks} checks")


@pytest.mark.parametrize("prop", sorted(PROPERTIES))
@pytest.mark.parametrize("tree_id", LARGE, ids=lambda tid: f"{tid}-sampled-{SAMPLED}")
@settings(max_examples=SAMPLED, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_property_on_sampled_walks(tree_id: str, prop: str, data: st.DataObject) -> None:
    PROPERTIES[prop](TREES[tree_id], data.draw(a_walk(TREES[tree_id])))


def test_the_properties_have_something_to_check() -> None:
    """The sample trees declare scales, "not sure" choices, exclusions and result conditions."""
    shape = TREES["shape-sample"]
    walks = EVERY["shape-sample"] or []
    for prop in (not_sure, monotone, exclusions_hold, warnings_true, changes_agree):
        assert sum(prop(shape, answers) for answers in walks) > 0, prop.__name__
