"""Weighing: score outcomes by the weights of the chosen answers, rule some out, rank the rest.

The order of a ranking: indicated mixed outcomes first, then the weighted outcomes by
score (ties keep the declared order), then mixed outcomes that are not indicated.
Outcomes ruled out by an exclusion are not ranked; they are listed with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .conditions import Answer, holds
from .model import Exclusion, Mix, Tree
from .present import outcome_view
from .state import Ranked, Ranking, Reason, RuledOut, Strength

Scores = dict[str, tuple[int, list[Reason]]]


def mixes(tree: Tree) -> dict[str, Mix]:
    """Mixed outcome id -> its `mix` rule, in declared order."""
    return {oid: o.mix for oid, o in tree.outcomes.items() if o.mix is not None}


def weighted_outcomes(tree: Tree) -> list[str]:
    """Outcomes named by at least one weight, in declared order (the order used for ties)."""
    return list(tree.weighted)


def chosen(answer: Answer) -> list[str]:
    return [answer] if isinstance(answer, str) else list(answer)


def scores(tree: Tree, path: Sequence[tuple[str, Answer]]) -> Scores:
    """outcome -> (score, reasons) from the answers on the path."""
    out: Scores = {oid: (0, []) for oid in weighted_outcomes(tree)}
    for qid, answer in path:
        q = tree.questions[qid]
        if q.type == "checklist":
            continue
        for cid in chosen(answer):
            choice = tree.choice(qid, cid)
            for w in choice.weights if choice is not None else ():
                if w.outcome in out:
                    score, reasons = out[w.outcome]
                    reasons.append(
                        Reason(qid, q.text, cid, choice.label if choice else cid, w.outcome, w.points,
                               w.reason, w.source)
                    )
                    out[w.outcome] = (score + w.points, reasons)
    return out


def totals(tree: Tree, path: Sequence[tuple[str, Answer]]) -> dict[str, int]:
    """outcome -> score from the answers on the path (numbers only, for re-walking fast)."""
    out = dict.fromkeys(weighted_outcomes(tree), 0)
    for qid, answer in path:
        if tree.questions[qid].type == "checklist":
            continue
        for cid in chosen(answer):
            for oid, points in tree.points.get((qid, cid), {}).items():
                if oid in out:
                    out[oid] += points
    return out


def weighted_answers(tree: Tree, path: Sequence[tuple[str, Answer]]) -> int:
    """Answered questions whose answer gives points (a "not sure" answer never does)."""
    return sum(
        1
        for qid, answer in path
        if tree.questions[qid].type != "checklist"
        and any((qid, cid) in tree.points for cid in chosen(answer))
    )


def ruled_out(tree: Tree, given: Mapping[str, Answer]) -> dict[str, Exclusion]:
    """Outcome id -> the first exclusion that rules it out on these answers."""
    out: dict[str, Exclusion] = {}
    for exclusion in tree.exclusions:
        if holds(exclusion.when, given):
            for oid in exclusion.outcomes:
                out.setdefault(oid, exclusion)
    return out


def mix_indicated(rule: Mix, table: Mapping[str, int], out: Mapping[str, Exclusion]) -> bool:
    """Each side has at least `min_each` points and they differ by at most `max_gap`."""
    sides = rule.of
    if len(sides) != 2 or any(s in out or s not in table for s in sides):
        return False
    a, b = table[sides[0]], table[sides[1]]
    return a >= rule.min_each and b >= rule.min_each and abs(a - b) <= rule.max_gap


@dataclass(frozen=True)
class Standing:
    """One outcome's place in a ranking (a mixed outcome's score is its larger side's)."""

    outcome: str
    score: int
    indicated: bool
    mix_of: tuple[str, ...] = ()


def standings(tree: Tree, table: Mapping[str, int], out: Mapping[str, Exclusion]) -> list[Standing]:
    """Indicated mixes first, then the weighted outcomes by score (ties keep the declared
    order), then mixes that are not indicated; ruled-out outcomes are left out."""
    min_score = tree.result.min_score
    order = sorted((o for o in table if o not in out), key=lambda oid: -table[oid])
    plain = [Standing(oid, table[oid], table[oid] >= min_score) for oid in order]
    first: list[Standing] = []
    last: list[Standing] = []
    for oid, rule in mixes(tree).items():
        if oid in out:
            continue
        sides = rule.of
        indicated = mix_indicated(rule, table, out)
        score = max((table[s] for s in sides if s in table), default=0)
        (first if indicated else last).append(Standing(oid, score, indicated, sides))
    return first + plain + last


def strength(tree: Tree, ranked: Sequence[Standing], count: int) -> Strength:
    """clear | close | insufficient (see the tree language's `result.min_answers`)."""
    top = ranked[0] if ranked and ranked[0].indicated else None
    if top is None or count < tree.result.min_answers:
        return "insufficient"
    rivals = [r for r in ranked[1:] if r.outcome not in top.mix_of and not r.mix_of]
    lead = top.score - rivals[0].score if rivals else None
    margin = tree.result.margin
    return "clear" if lead is None or (lead >= margin and lead > 0) else "close"


def verdict(
    tree: Tree, path: Sequence[tuple[str, Answer]], table: Mapping[str, int] | None = None
) -> tuple[str | None, Strength]:
    """(top indicated outcome or None, strength) for a path: what a re-walk needs to compare.
    `table` is the path's totals when the caller has them already."""
    table = totals(tree, path) if table is None else table
    ranked = standings(tree, table, ruled_out(tree, dict(path)))
    top = ranked[0].outcome if ranked and ranked[0].indicated else None
    return top, strength(tree, ranked, weighted_answers(tree, path))


def rank(tree: Tree, path: Sequence[tuple[str, Answer]]) -> Ranking:
    """The ranking of the path: strength, top, ranked outcomes with reasons, ruled-out outcomes."""
    given = dict(path)
    table = scores(tree, path)
    out = ruled_out(tree, given)
    ranked = standings(tree, {oid: score for oid, (score, _r) in table.items()}, out)
    top = ranked[0].outcome if ranked and ranked[0].indicated else None
    plain_scores = [r.score for r in ranked if r.indicated and not r.mix_of]
    entries = tuple(
        Ranked(
            outcome_view(tree, r.outcome, given, top),
            r.score,
            r.indicated,
            r.indicated and not r.mix_of and plain_scores.count(r.score) > 1,
            tuple(x for s in (r.mix_of or (r.outcome,)) if s in table for x in table[s][1]),
            r.mix_of,
            tuple(tree.outcome(x).title for x in r.mix_of),
        )
        for r in ranked
    )
    count = weighted_answers(tree, path)
    level = strength(tree, ranked, count)
    return Ranking(
        strength=level,
        top=top,
        message=None if level == "clear" else tree.result.no_clear_winner,
        ranked=entries,
        ruled_out=tuple(_ruled_out_view(tree, oid, out[oid]) for oid in tree.outcomes if oid in out),
        weighted_answers=count,
        min_answers=tree.result.min_answers,
    )


def _ruled_out_view(tree: Tree, oid: str, exclusion: Exclusion) -> RuledOut:
    o = tree.outcome(oid)
    return RuledOut(oid, o.title, exclusion.id, exclusion.reason, exclusion.link or o.link)
