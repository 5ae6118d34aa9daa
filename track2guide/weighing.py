"""Weighing: score outcomes by the weights of the chosen answers, rule some out, rank the rest.

The order of a ranking: indicated mixed outcomes first, then the weighted outcomes by
score (ties keep the declared order), then mixed outcomes that are not indicated.
Outcomes ruled out by an exclusion are not ranked; they are listed with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .conditions import Answer, holds
from .jsontypes import JsonDict
from .present import outcome_view
from .tree import Tree

Scores = dict[str, tuple[int, list[JsonDict]]]


def mixes(tree: Tree) -> dict[str, JsonDict]:
    """Mixed outcome id -> its `mix` rule, in declared order."""
    return {oid: o["mix"] for oid, o in tree.outcomes.items() if isinstance(o.get("mix"), dict)}


def weighted_outcomes(tree: Tree) -> list[str]:
    """Outcomes named by at least one weight, in declared order (the order used for ties)."""
    named = {
        w.get("outcome") for q in tree.questions.values() for c in q["choices"] for w in c.get("weights", [])
    }
    return [oid for oid in tree.outcomes if oid in named]


def chosen(answer: Answer) -> list[str]:
    return [answer] if isinstance(answer, str) else list(answer)


def scores(tree: Tree, path: Sequence[tuple[str, Answer]]) -> Scores:
    """outcome -> (score, reasons) from the answers on the path."""
    out: Scores = {oid: (0, []) for oid in weighted_outcomes(tree)}
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
                            "outcome": oid,
                            "points": w.get("points", 0),
                            "reason": w.get("reason", ""),
                            # Every reason leads back to the handbook: its own
                            # passage if it names one, else its question's.
                            "link": tree.link(w.get("link") or tree.questions[qid].get("link")),
                        }
                    )
                    out[oid] = (score + int(w.get("points", 0)), reasons)
    return out


def weighted_answers(tree: Tree, path: Sequence[tuple[str, Answer]]) -> int:
    """Answered questions whose answer gives points (a "not sure" answer never does)."""
    count = 0
    for qid, answer in path:
        if tree.questions[qid]["type"] == "checklist":
            continue
        if any((tree.choice(qid, cid) or {}).get("weights") for cid in chosen(answer)):
            count += 1
    return count


def ruled_out(tree: Tree, given: Mapping[str, Answer]) -> dict[str, JsonDict]:
    """Outcome id -> the first exclusion that rules it out on these answers."""
    out: dict[str, JsonDict] = {}
    for exclusion in tree.raw.get("exclusions", []):
        if holds(exclusion.get("when"), given):
            for oid in exclusion.get("outcomes", []):
                out.setdefault(oid, exclusion)
    return out


def mix_indicated(rule: JsonDict, table: Scores, out: Mapping[str, JsonDict]) -> bool:
    """Each side has at least `min_each` points and they differ by at most `max_gap`."""
    sides = [str(s) for s in rule.get("of", [])]
    if len(sides) != 2 or any(s in out or s not in table for s in sides):
        return False
    a, b = table[sides[0]][0], table[sides[1]][0]
    least = int(rule.get("min_each", 1))
    return a >= least and b >= least and abs(a - b) <= int(rule.get("max_gap", 0))


def _strength(tree: Tree, ranked: list[JsonDict], count: int) -> str:
    """clear | close | insufficient (see the tree language's `result.min_answers`)."""
    rules = tree.raw.get("result", {})
    top = ranked[0] if ranked and ranked[0]["indicated"] else None
    if top is None or count < int(rules.get("min_answers", 0)):
        return "insufficient"
    sides = set(top.get("mix_of") or [])
    rivals = [r for r in ranked[1:] if r["outcome"] not in sides and not r.get("mix_of")]
    lead = top["score"] - rivals[0]["score"] if rivals else None
    margin = int(rules.get("margin", 1))
    return "clear" if lead is None or (lead >= margin and lead > 0) else "close"


def rank(
    tree: Tree, path: Sequence[tuple[str, Answer]], given: Mapping[str, Answer] | None = None
) -> JsonDict:
    """`{strength, clear, top, message, ranked, ruled_out, weighted_answers}` for the path.

    `given` (default: the path) is what exclusions are tested on."""
    rules = tree.raw.get("result", {})
    min_score = int(rules.get("min_score", 1))
    given = dict(path) if given is None else given
    table = scores(tree, path)
    out = ruled_out(tree, given)
    order = sorted((o for o in table if o not in out), key=lambda oid: -table[oid][0])
    indicated_scores = [table[oid][0] for oid in order if table[oid][0] >= min_score]
    ranked: list[JsonDict] = []
    for oid in order:
        score, reasons = table[oid]
        indicated = score >= min_score
        tied = indicated and indicated_scores.count(score) > 1
        ranked.append(
            {"outcome": oid, "score": score, "indicated": indicated, "tied": tied, "reasons": reasons}
        )
    on_top: list[JsonDict] = []
    last: list[JsonDict] = []
    for oid, rule in mixes(tree).items():
        if oid in out:
            continue
        sides = [str(s) for s in rule.get("of", [])]
        indicated = mix_indicated(rule, table, out)
        entry: JsonDict = {
            "outcome": oid,
            "score": max((table[s][0] for s in sides if s in table), default=0),
            "indicated": indicated,
            "tied": False,
            "reasons": [r for s in sides if s in table for r in table[s][1]],
            "mix_of": sides,
        }
        (on_top if indicated else last).append(entry)
    ranked = on_top + ranked + last
    top = str(ranked[0]["outcome"]) if ranked and ranked[0]["indicated"] else None
    ranked = [{**outcome_view(tree, entry["outcome"], given, top), **entry} for entry in ranked]
    count = weighted_answers(tree, path)
    strength = _strength(tree, ranked, count)
    return {
        "strength": strength,
        "clear": strength == "clear",
        "top": top,
        "message": None if strength == "clear" else rules.get("no_clear_winner"),
        "ranked": ranked,
        "ruled_out": [_ruled_out_view(tree, oid, out[oid], given) for oid in tree.outcomes if oid in out],
        "weighted_answers": count,
        "min_answers": int(rules.get("min_answers", 0)),
    }


def _ruled_out_view(tree: Tree, oid: str, exclusion: JsonDict, given: Mapping[str, Answer]) -> JsonDict:
    view = outcome_view(tree, oid, given)
    return {
        "outcome": oid,
        "title": view["title"],
        "exclusion": exclusion.get("id"),
        "reason": exclusion.get("reason", ""),
        "link": tree.link(exclusion.get("link")) or view["link"],
    }
