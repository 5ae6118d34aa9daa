"""The engine API's JSON, made from the typed state (`track2guide.state`) in one place.

The shape is the engine's published one (tests and answers files rely on it): where a
walk stands, the question views, the result.
"""

from __future__ import annotations

from .jsontypes import Json, JsonDict
from .model import Choice, Link, QuestionType, Term
from .state import (
    Advice,
    Asked,
    Change,
    Checklist,
    ChecklistResult,
    GateAdvice,
    Given,
    Item,
    Notice,
    PathEntry,
    Ranked,
    Ranking,
    Reason,
    Result,
    RuledOut,
    State,
)


def link_json(link: Link | None) -> JsonDict | None:
    return None if link is None else {"href": link.href, "title": link.title}


def _given(answer: Given | None) -> Json:
    return list(answer) if isinstance(answer, tuple) else answer


def _term(term: Term | None) -> JsonDict | None:
    return None if term is None else {"id": term.id, "term": term.term, "definition": term.definition}


def choice_json(qtype: QuestionType, c: Choice) -> JsonDict:
    view: JsonDict = {"id": c.id, "label": c.label, "help": c.help, "link": link_json(c.link)}
    if c.unknown:
        view["unknown"] = True
    if c.exclusive:
        view["exclusive"] = True
    if qtype == "checklist":
        view["importance"] = c.importance
        view["warning"] = c.warning
    return view


def asked_json(a: Asked) -> JsonDict:
    q = a.question
    return {
        "id": q.id,
        "type": q.type,
        "number": a.number,
        "text": q.text,
        "help": q.help,
        "term": _term(q.term),
        "link": link_json(q.link),
        "choices": [choice_json(q.type, c) for c in a.choices],
        "min_choices": q.min_choices,
        "answer": _given(a.answer),
    }


def _entry(e: PathEntry) -> JsonDict:
    return {"question": e.question.id, "answer": _given(e.answer), "text": e.question.text,
            "labels": list(e.labels)}


def _notices(items: tuple[Notice, ...], with_id: bool) -> list[JsonDict]:
    return [
        ({"id": n.id} if with_id else {}) | {"text": n.text, "link": link_json(n.link)} for n in items
    ]


def advice_json(a: Advice) -> JsonDict:
    o = a.outcome
    return {
        "outcome": o.id,
        "title": o.title,
        "summary": o.summary,
        "link": link_json(o.link),
        "next_steps": list(o.next_steps),
        "warnings": _notices(a.warnings, with_id=False),
    }


def _reason(r: Reason) -> JsonDict:
    return {"question": r.question, "choice": r.choice, "outcome": r.outcome, "points": r.points,
            "reason": r.reason, "link": link_json(r.link)}


def _ranked(r: Ranked) -> JsonDict:
    entry = advice_json(r.advice) | {
        "score": r.score,
        "indicated": r.indicated,
        "tied": r.tied,
        "reasons": [_reason(x) for x in r.reasons],
    }
    if r.mix_of:
        entry["mix_of"] = list(r.mix_of)
        entry["mix_titles"] = list(r.mix_titles)
    return entry


def _ruled_out(x: RuledOut) -> JsonDict:
    return {"outcome": x.outcome, "title": x.title, "exclusion": x.exclusion, "reason": x.reason,
            "link": link_json(x.link)}


def ranking_json(r: Ranking) -> JsonDict:
    return {
        "strength": r.strength,
        "clear": r.clear,
        "top": r.top,
        "message": r.message,
        "ranked": [_ranked(x) for x in r.ranked],
        "ruled_out": [_ruled_out(x) for x in r.ruled_out],
        "weighted_answers": r.weighted_answers,
        "min_answers": r.min_answers,
    }


def _change(c: Change) -> JsonDict:
    return {"question": c.question, "question_text": c.question_text, "choice": c.choice,
            "choice_label": c.choice_label, "how": c.how, "top": c.top, "top_title": c.top_title,
            "strength": c.strength}


def _item(i: Item) -> JsonDict:
    c = i.choice
    return {"question": i.question, "id": c.id, "label": c.label, "importance": c.importance,
            "link": link_json(c.link), "warning": c.warning}


def checklist_json(c: Checklist) -> JsonDict:
    return {
        "met": [_item(i) for i in c.met],
        "missing_required": [_item(i) for i in c.missing_required],
        "missing_other": [_item(i) for i in c.missing_other],
        "not_applicable": [_item(i) for i in c.not_applicable],
        "ready": c.ready,
    }


def _gate(g: GateAdvice | None) -> JsonDict | None:
    if g is None:
        return None
    return advice_json(g.advice) | {"reason": g.reason, "link": link_json(g.link)}


def result_json(r: Result) -> JsonDict:
    if isinstance(r, ChecklistResult):
        return {"kind": "checklist", "gate": _gate(r.gate), **checklist_json(r.checklist), "ready": r.ready,
                "message": r.message, "warnings": _notices(r.warnings, with_id=True)}
    return {
        "kind": "ranking",
        "gate": _gate(r.gate),
        **ranking_json(r.ranking),
        "warnings": _notices(r.warnings, with_id=True),
        "checklist": None if r.checklist is None else checklist_json(r.checklist),
        "changes": [_change(c) for c in r.changes],
    }


def state_json(s: State) -> JsonDict:
    p = s.progress
    return {
        "ok": True,
        "tree": s.tree.id,
        "version": s.tree.version,
        "path": [_entry(e) for e in s.path],
        "skipped": list(s.skipped),
        "dropped": list(s.dropped),
        "pending": list(s.pending),
        "current": None if s.current is None else asked_json(s.current),
        "result": None if s.result is None else result_json(s.result),
        "progress": {"answered": p.answered, "total": p.total, "percent": p.percent},
    }
