"""Weighing: score outcomes by the weights of the chosen answers and rank them."""

from __future__ import annotations

from collections.abc import Sequence

from .conditions import Answer
from .jsontypes import JsonDict
from .present import outcome_view
from .tree import Tree


def weighted_outcomes(tree: Tree) -> list[str]:
    """Outcomes named by at least one weight, in declared order (the order used for ties)."""
    named = {
        w.get("outcome") for q in tree.questions.values() for c in q["choices"] for w in c.get("weights", [])
    }
    return [oid for oid in tree.outcomes if oid in named]


def chosen(answer: Answer) -> list[str]:
    return [answer] if isinstance(answer, str) else list(answer)


def scores(tree: Tree, path: Sequence[tuple[str, Answer]]) -> dict[str, tuple[int, list[JsonDict]]]:
    """outcome -> (score, reasons) from the answers on the path."""
    out: dict[str, tuple[int, list[JsonDict]]] = {oid: (0, []) for oid in weighted_outcomes(tree)}
    for qid, answer in path:
        if tree.questions[qid]["type"] == "checklist":
            continue
        for cid in chosen(answer):
            choice = tree.choice(qid, cid) or {}
            for w in choice.get("weights", []):
                oid = w.get("outcome")
                if oid in out:
                    score, reasons = out[oid]
                    reasons.append(
                        {
                            "question": qid,
                            "choice": cid,
                            "points": w.get("points", 0),
                            "reason": w.get("reason", ""),
                            # Every reason leads back to the handbook: its own
                            # passage if it names one, else its question's.
                            "link": tree.link(w.get("link") or tree.questions[qid].get("link")),
                        }
                    )
                    out[oid] = (score + int(w.get("points", 0)), reasons)
    return out


def rank(tree: Tree, path: Sequence[tuple[str, Answer]]) -> JsonDict:
    """`{clear, message, ranked}` per the tree's margin, min_score and declared-order ties."""
    rules = tree.raw.get("result", {})
    margin, min_score = int(rules.get("margin", 1)), int(rules.get("min_score", 1))
    given = dict(path)
    table = scores(tree, path)
    order = sorted(table, key=lambda oid: -table[oid][0])  # stable: ties keep declared order
    indicated_scores = [table[oid][0] for oid in order if table[oid][0] >= min_score]
    ranked: list[JsonDict] = []
    for oid in order:
        score, reasons = table[oid]
        indicated = score >= min_score
        entry = outcome_view(tree, oid, given)
        entry.update(
            {
                "score": score,
                "indicated": indicated,
                "tied": indicated and indicated_scores.count(score) > 1,
                "reasons": reasons,
            }
        )
        ranked.append(entry)
    top = ranked[0] if ranked else None
    lead = top["score"] - ranked[1]["score"] if len(ranked) > 1 and top else None
    clear = bool(top and top["indicated"] and (lead is None or (lead >= margin and lead > 0)))
    return {"clear": clear, "message": None if clear else rules.get("no_clear_winner"), "ranked": ranked}
