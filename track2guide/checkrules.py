"""Semantic checks of the weighing rules: "not sure" choices, scales, mixed outcomes,
exclusions, gates' outcomes, multiple-choice rules and conditions on the result."""

from __future__ import annotations

import itertools

from .conditions import references, result_refs
from .jsontypes import Json, JsonDict
from .problems import Locator, Path, Problem, line_for, quote_list

ONLY_IN_WARNINGS = "a condition on answers only; result_top belongs in warnings"


def _weighted(tree: JsonDict) -> set[str]:
    return {w["outcome"] for q in tree["questions"] for c in q["choices"] for w in c.get("weights", [])}


def _mixes(tree: JsonDict) -> dict[str, JsonDict]:
    return {o["id"]: o["mix"] for o in tree.get("outcomes", []) if "mix" in o}


def _points(choice: JsonDict) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in choice.get("weights", []):
        out[w["outcome"]] = out.get(w["outcome"], 0) + int(w["points"])
    return out


def check_choices(tree: JsonDict, loc: Locator) -> list[Problem]:
    """`unknown` carries no weight; `exclusive` and `min_choices` belong to multiple questions."""
    out: list[Problem] = []
    for i, q in enumerate(tree["questions"]):
        qtype = q["type"]
        if "min_choices" in q:
            if qtype != "multiple":
                out.append(
                    loc.problem(
                        ("questions", i, "min_choices"),
                        f"'min_choices' is only for multiple questions, but '{q['id']}' is {qtype}",
                        "no 'min_choices' here",
                    )
                )
            elif q["min_choices"] > len(q["choices"]):
                out.append(
                    loc.problem(
                        ("questions", i, "min_choices"),
                        f"'min_choices' is {q['min_choices']}, more than the {len(q['choices'])} choices",
                        f"at most {len(q['choices'])}",
                    )
                )
        for j, c in enumerate(q["choices"]):
            base = ("questions", i, "choices", j)
            if c.get("unknown") and "weights" in c:
                out.append(
                    loc.problem((*base, "weights"), "a choice marked unknown carries no weight", "no weights")
                )
            if c.get("unknown") and qtype == "checklist":
                out.append(
                    loc.problem(
                        (*base, "unknown"),
                        "'unknown' is only for choices of single or multiple questions",
                        "no 'unknown' on a checklist item",
                    )
                )
            if c.get("exclusive") and qtype != "multiple":
                out.append(
                    loc.problem(
                        (*base, "exclusive"),
                        f"'exclusive' is only for choices of multiple questions, but '{q['id']}' is {qtype}",
                        "no 'exclusive' here",
                    )
                )
    return out


def check_scales(tree: JsonDict, loc: Locator) -> list[Problem]:
    """A scale's choices point more and more toward its outcome (against every other outcome)."""
    out: list[Problem] = []
    weighted, mixes = _weighted(tree), _mixes(tree)
    others = [o["id"] for o in tree.get("outcomes", []) if o["id"] in weighted and o["id"] not in mixes]
    for i, q in enumerate(tree["questions"]):
        if "scale" not in q:
            continue
        toward = q["scale"]["toward"]
        if q["type"] != "single":
            out.append(
                loc.problem(
                    ("questions", i, "scale"),
                    f"a scale needs a single question, but '{q['id']}' is {q['type']}",
                    "no 'scale' here",
                )
            )
            continue
        if toward not in others:
            out.append(
                loc.problem(
                    ("questions", i, "scale", "toward"),
                    f"'{toward}' is not a weighted outcome",
                    "one of: " + quote_list(others),
                )
            )
            continue
        steps = [(j, c) for j, c in enumerate(q["choices"]) if not c.get("unknown")]
        for (_j0, before), (j, after) in itertools.pairwise(steps):
            p0, p1 = _points(before), _points(after)
            for other in others:
                if other == toward:
                    continue
                d0 = p0.get(toward, 0) - p0.get(other, 0)
                d1 = p1.get(toward, 0) - p1.get(other, 0)
                if d1 < d0:
                    out.append(
                        loc.problem(
                            ("questions", i, "choices", j),
                            f"choice '{after['id']}' points less toward '{toward}' than '{before['id']}' "
                            f"before it ({toward} minus {other}: {d1} after {d0})",
                            f"choices ordered from least to most toward '{toward}'",
                        )
                    )
                    break
    return out


def check_mixes_and_gates(tree: JsonDict, loc: Locator) -> list[Problem]:
    """Mixed outcomes mix two weighted outcomes and get no points; gates' outcomes get none either."""
    out: list[Problem] = []
    weighted, mixes = _weighted(tree), _mixes(tree)
    plain = [o["id"] for o in tree.get("outcomes", []) if o["id"] not in mixes]
    for i, o in enumerate(tree.get("outcomes", [])):
        if "mix" not in o:
            continue
        sides = o["mix"]["of"]
        if len(sides) != 2:
            out.append(
                loc.problem(("outcomes", i, "mix", "of"), f"a mix of {len(sides)} outcomes", "exactly 2")
            )
        for k, side in enumerate(sides):
            if side not in plain or side not in weighted:
                out.append(
                    loc.problem(
                        ("outcomes", i, "mix", "of", k),
                        f"'{side}' is not a weighted outcome that is not mixed",
                        "one of: " + quote_list([x for x in plain if x in weighted]),
                    )
                )
    # in a checklist tree every weight is already refused (check.py)
    gated = {g["outcome"] for g in tree.get("gates", [])} if tree["result"]["kind"] == "ranking" else set()
    for i, q in enumerate(tree["questions"]):
        for j, c in enumerate(q["choices"]):
            for k, w in enumerate(c.get("weights", [])):
                path = ("questions", i, "choices", j, "weights", k, "outcome")
                if w["outcome"] in mixes:
                    sides = " or ".join(f"'{s}'" for s in mixes[w["outcome"]]["of"])
                    out.append(
                        loc.problem(
                            path,
                            f"'{w['outcome']}' is a mixed outcome and collects no points",
                            f"weights on {sides}",
                        )
                    )
                elif w["outcome"] in gated:
                    out.append(
                        loc.problem(
                            path,
                            f"'{w['outcome']}' is a gate's outcome and collects no points",
                            "weights on outcomes that no gate names",
                        )
                    )
    return out


def check_exclusions(tree: JsonDict, loc: Locator) -> list[Problem]:
    """Exclusions name outcomes of the tree and never depend on a "not sure" answer."""
    out: list[Problem] = []
    outcomes = [o["id"] for o in tree.get("outcomes", [])]
    questions = {q["id"]: q for q in tree["questions"]}
    seen: dict[str, int] = {}
    for i, ex in enumerate(tree.get("exclusions", [])):
        if ex["id"] in seen:
            first = line_for(loc.lines, ("exclusions", seen[ex["id"]]))
            out.append(
                loc.problem(
                    ("exclusions", i, "id"),
                    f"duplicate exclusion id '{ex['id']}'",
                    f"each id once; it is first used at line {first}",
                )
            )
        seen.setdefault(ex["id"], i)
        for k, oid in enumerate(ex["outcomes"]):
            if oid not in outcomes:
                out.append(
                    loc.problem(
                        ("exclusions", i, "outcomes", k),
                        f"unknown outcome '{oid}'",
                        "one of: " + quote_list(outcomes),
                    )
                )
        for ref in references(ex["when"], ("exclusions", i, "when")):
            q = questions.get(ref.question)
            for cid, cpath in ref.choices:
                choice = next((c for c in q["choices"] if c["id"] == cid), None) if q else None
                if choice is not None and choice.get("unknown"):
                    out.append(
                        loc.problem(
                            cpath,
                            f"an exclusion depends on '{cid}', a choice marked unknown",
                            "a condition on answers that carry evidence",
                        )
                    )
    return out


def _result_conditions(tree: JsonDict) -> list[tuple[Json, Path, bool]]:
    """(condition, path, whether result_top is allowed there) for every condition of the tree."""
    found: list[tuple[Json, Path, bool]] = []
    for i, q in enumerate(tree["questions"]):
        if "when" in q:
            found.append((q["when"], ("questions", i, "when"), False))
        for j, c in enumerate(q["choices"]):
            if "when" in c:
                found.append((c["when"], ("questions", i, "choices", j, "when"), False))
    for key in ("gates", "exclusions"):
        for i, item in enumerate(tree.get(key, [])):
            found.append((item["when"], (key, i, "when"), False))
    for i, w in enumerate(tree.get("warnings", [])):
        found.append((w["when"], ("warnings", i, "when"), True))
    for i, o in enumerate(tree.get("outcomes", [])):
        for j, w in enumerate(o.get("warnings", [])):
            if "when" in w:
                found.append((w["when"], ("outcomes", i, "warnings", j, "when"), True))
    return found


def check_result_conditions(tree: JsonDict, loc: Locator) -> list[Problem]:
    """`result_top` only in warnings of ranking trees, naming outcomes of the tree."""
    out: list[Problem] = []
    outcomes = [o["id"] for o in tree.get("outcomes", [])]
    ranking = tree["result"]["kind"] == "ranking"
    for cond, path, allowed in _result_conditions(tree):
        for oid, opath in result_refs(cond, path):
            if not allowed:
                out.append(
                    loc.problem(
                        opath, "a condition on the result can only be used in a warning", ONLY_IN_WARNINGS
                    )
                )
            elif not ranking:
                out.append(
                    loc.problem(
                        opath, "a checklist tree has no top result", "no result_top in a checklist tree"
                    )
                )
            elif oid not in outcomes:
                out.append(loc.problem(opath, f"unknown outcome '{oid}'", "one of: " + quote_list(outcomes)))
    return out


def check_rules(tree: JsonDict, loc: Locator) -> list[Problem]:
    return (
        check_choices(tree, loc)
        + check_scales(tree, loc)
        + check_mixes_and_gates(tree, loc)
        + check_exclusions(tree, loc)
        + check_result_conditions(tree, loc)
    )
