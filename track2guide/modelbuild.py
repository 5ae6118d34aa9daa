"""Build the typed model (`track2guide.model`) from tree data, once, with every default applied here.

The data is a compiled tree (`{"format", "tree", "links", "terms"}`, what the build checked
and the browser receives) or a bare tree.  The build's checks have already refused anything
malformed; this only needs enough shape not to trip (`well_formed`) and reads every other
field defensively, so that a hostile tree handed to the browser engine cannot crash it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import cast

from .graph import adjacency
from .jsontypes import Json, JsonDict
from .model import (
    AllOf,
    Answered,
    AnyOf,
    Choice,
    Condition,
    Equals,
    Exclusion,
    Gate,
    Importance,
    Includes,
    Link,
    Mix,
    Never,
    Not,
    OneOf,
    Outcome,
    OutcomeWarning,
    Question,
    QuestionType,
    ResultRules,
    ResultTop,
    ResultTopOneOf,
    Term,
    Tree,
    TreeWarning,
    Weight,
)

QUESTION_TYPES = ("single", "multiple", "checklist")
IMPORTANCE = ("required", "recommended", "nice")


def _text(value: Json, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _maybe(value: Json) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Json, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _items(value: Json) -> list[JsonDict]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _ids(value: Json) -> tuple[str, ...]:
    return tuple(x for x in value if isinstance(x, str)) if isinstance(value, list) else ()


def condition(raw: Json) -> Condition:
    """A condition of the tree language (also the workbook's), read in the order the
    keys were always tested; anything else is `Never`."""
    if not isinstance(raw, dict):
        return Never()
    for key, kind in (("all", AllOf), ("any", AnyOf)):
        if key in raw:
            parts = raw[key]
            return kind(tuple(condition(p) for p in parts)) if isinstance(parts, list) else Never()
    if "not" in raw:
        return Not(condition(raw["not"]))
    if "result_top" in raw:
        top = raw["result_top"]
        return ResultTop(top) if isinstance(top, str) else Never()
    if "result_top_one_of" in raw:
        options = raw["result_top_one_of"]
        return ResultTopOneOf(_ids(options)) if isinstance(options, list) else Never()
    if "answered" in raw:
        return Answered(raw["answered"]) if isinstance(raw["answered"], str) else Never()
    qid = _text(raw.get("answer"))
    if "equals" in raw:
        return Equals(qid, raw["equals"]) if isinstance(raw["equals"], str) else Never()
    if "one_of" in raw:
        options = raw["one_of"]
        return OneOf(qid, _ids(options)) if isinstance(options, list) else Never()
    if "includes" in raw:
        return Includes(qid, raw["includes"]) if isinstance(raw["includes"], str) else Never()
    return Never()


def _when(raw: JsonDict) -> Condition | None:
    """An optional `when`: None when absent (the thing always applies)."""
    return condition(raw["when"]) if "when" in raw else None


class _Builder:
    def __init__(self, links: JsonDict, terms: JsonDict) -> None:
        self.links = {
            key: Link(
                key,
                _text(t.get("href")),
                _text(t.get("title"), _text(t.get("href"), key)),
                _text(t.get("page")),
                _text(t.get("anchor")),
            )
            for key, t in links.items()
            if isinstance(key, str) and isinstance(t, dict)
        }
        self.terms = terms

    def link(self, key: Json) -> Link | None:
        return self.links.get(key) if isinstance(key, str) else None

    def term(self, tid: Json) -> Term | None:
        if not isinstance(tid, str):
            return None
        entry = self.terms.get(tid)
        if isinstance(entry, dict):
            return Term(tid, _text(entry.get("term"), tid), _text(entry.get("definition")), True)
        return Term(tid, tid, "", False)

    def weight(self, w: JsonDict, question_link: Json) -> Weight:
        own = w.get("link")
        return Weight(
            outcome=_text(w.get("outcome")),
            points=_int(w.get("points"), 0),
            reason=_text(w.get("reason")),
            link=self.link(own),
            # Every reason leads back to the handbook: its own passage if it names one, else its question's.
            source=self.link(own or question_link),
        )

    def choice(self, c: JsonDict, question_link: Json) -> Choice:
        cid = _text(c.get("id"))
        importance = c.get("importance", "recommended")
        return Choice(
            id=cid,
            label=_text(c.get("label"), cid),
            help=_maybe(c.get("help")),
            next=_maybe(c.get("next")),
            weights=tuple(self.weight(w, question_link) for w in _items(c.get("weights"))),
            unknown=bool(c.get("unknown")),
            exclusive=bool(c.get("exclusive")),
            importance=cast(Importance, importance) if importance in IMPORTANCE else "recommended",
            when=_when(c),
            link=self.link(c.get("link")),
            warning=_maybe(c.get("warning")) or None,
        )

    def question(self, q: JsonDict) -> Question:
        qid = _text(q.get("id"))
        scale = q.get("scale")
        return Question(
            id=qid,
            type=cast(QuestionType, q["type"]),  # well_formed checked it
            text=_text(q.get("text"), qid),
            help=_maybe(q.get("help")) or None,
            term=self.term(q.get("term")),
            link=self.link(q.get("link")),
            when=_when(q),
            next=_maybe(q.get("next")),
            toward=_maybe(scale.get("toward")) if isinstance(scale, dict) else None,
            min_choices=_int(q.get("min_choices"), 0),
            choices=tuple(self.choice(c, q.get("link")) for c in _items(q.get("choices"))),
        )

    def outcome(self, o: JsonDict) -> Outcome:
        oid = _text(o.get("id"))
        mix = o.get("mix")
        return Outcome(
            id=oid,
            title=_text(o.get("title"), oid),
            summary=_text(o.get("summary")),
            link=self.link(o.get("link")),
            mix=Mix(_ids(mix.get("of")), _int(mix.get("min_each"), 1), _int(mix.get("max_gap"), 0))
            if isinstance(mix, dict)
            else None,
            next_steps=_ids(o.get("next_steps")),
            warnings=tuple(
                OutcomeWarning(_text(w.get("text")), self.link(w.get("link")), _when(w))
                for w in _items(o.get("warnings"))
            ),
        )

    def gate(self, g: JsonDict) -> Gate:
        link = self.link(g.get("link"))
        return Gate(condition(g.get("when")), _text(g.get("outcome")), _text(g.get("reason")), link)

    def exclusion(self, x: JsonDict) -> Exclusion:
        return Exclusion(
            _text(x.get("id")), _ids(x.get("outcomes")), condition(x.get("when")), _text(x.get("reason")),
            self.link(x.get("link")),
        )

    def warning(self, w: JsonDict) -> TreeWarning:
        link = self.link(w.get("link"))
        return TreeWarning(_maybe(w.get("id")), condition(w.get("when")), _text(w.get("text")), link)


def _rules(raw: Json) -> ResultRules:
    rules = raw if isinstance(raw, dict) else {}
    return ResultRules(
        kind="checklist" if rules.get("kind") == "checklist" else "ranking",
        margin=_int(rules.get("margin"), 1),
        min_score=_int(rules.get("min_score"), 1),
        min_answers=_int(rules.get("min_answers"), 0),
        no_clear_winner=_maybe(rules.get("no_clear_winner")),
        ready_message=_maybe(rules.get("ready_message")),
        not_ready_message=_maybe(rules.get("not_ready_message")),
    )


def well_formed(raw: Json) -> bool:
    """Just enough shape for the engine to run without tripping (check.py does the real checking)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("start"), str):
        return False
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        return False
    for q in questions:
        if not (
            isinstance(q, dict)
            and isinstance(q.get("id"), str)
            and q.get("type") in QUESTION_TYPES
            and isinstance(q.get("choices"), list)
            and all(isinstance(c, dict) and isinstance(c.get("id"), str) for c in q["choices"])
        ):
            return False
    outcomes = raw.get("outcomes", [])
    return isinstance(outcomes, list) and all(
        isinstance(o, dict) and isinstance(o.get("id"), str) for o in outcomes
    )


def _points(questions: Mapping[str, Question]) -> dict[tuple[str, str], Mapping[str, int]]:
    """(question id, choice id) -> outcome -> points, for choices that carry weights (first choice
    of a repeated id)."""
    out: dict[tuple[str, str], Mapping[str, int]] = {}
    for qid, q in questions.items():
        for c in q.choices:
            if (qid, c.id) in out or not c.weights:
                continue
            table: dict[str, int] = {}
            for w in c.weights:
                table[w.outcome] = table.get(w.outcome, 0) + w.points
            out[(qid, c.id)] = MappingProxyType(table)
    return out


def build_tree(data: Json) -> Tree | None:
    """The model of a compiled tree (`{"format": ..., "tree": ...}`) or a bare tree; None if unusable."""
    if isinstance(data, dict) and "format" in data:
        raw, links, terms = data.get("tree"), data.get("links"), data.get("terms")
    else:
        raw, links, terms = data, {}, {}
    if not well_formed(raw) or not isinstance(raw, dict) or not isinstance(links, dict):
        return None
    if not isinstance(terms, dict):
        return None
    b = _Builder(links, terms)
    questions: dict[str, Question] = {}
    for q in raw["questions"]:
        if q["id"] not in questions:
            questions[q["id"]] = b.question(q)
    outcomes: dict[str, Outcome] = {}
    for o in _items(raw.get("outcomes")):
        if o["id"] not in outcomes:
            outcomes[o["id"]] = b.outcome(o)
    choices: dict[tuple[str, str], Choice] = {}
    for qid, question in questions.items():
        for c in question.choices:
            choices.setdefault((qid, c.id), c)
    points = _points(questions)
    named = {oid for table in points.values() for oid in table}
    return Tree(
        id=_text(raw.get("id")),
        version=_int(raw.get("version"), 1),
        title=_text(raw.get("title"), _text(raw.get("id"))),
        summary=_text(raw.get("summary")),
        link=b.link(raw.get("link")),
        start=raw["start"],
        result=_rules(raw.get("result")),
        questions=MappingProxyType(questions),
        outcomes=MappingProxyType(outcomes),
        gates=tuple(b.gate(g) for g in _items(raw.get("gates"))),
        exclusions=tuple(b.exclusion(x) for x in _items(raw.get("exclusions"))),
        warnings=tuple(b.warning(w) for w in _items(raw.get("warnings"))),
        links=MappingProxyType(b.links),
        successors=MappingProxyType({k: tuple(v) for k, v in adjacency(raw).items()}),
        choice_index=MappingProxyType(choices),
        points=MappingProxyType(points),
        weighted=tuple(oid for oid in outcomes if oid in named),
    )
