"""JSON views of questions and outcomes, as the wizard shows them."""

from __future__ import annotations

from collections.abc import Mapping

from .conditions import Answer, holds
from .jsontypes import JsonDict
from .tree import Tree


def term_view(tree: Tree, term: object) -> JsonDict | None:
    """`{id, term, definition}` for a glossary term id, or None."""
    if not isinstance(term, str):
        return None
    entry = tree.terms.get(term)
    if isinstance(entry, dict):
        return {"id": term, "term": entry.get("term", term), "definition": entry.get("definition", "")}
    return {"id": term, "term": term, "definition": ""}


def applies(item: JsonDict, given: Mapping[str, Answer]) -> bool:
    """A checklist item applies unless its `when` fails on the answers before its question."""
    return "when" not in item or holds(item["when"], given)


def choice_view(tree: Tree, qtype: str, choice: JsonDict) -> JsonDict:
    view: JsonDict = {
        "id": choice["id"],
        "label": choice.get("label", choice["id"]),
        "help": choice.get("help"),
        "link": tree.link(choice.get("link")),
    }
    if choice.get("unknown"):
        view["unknown"] = True
    if choice.get("exclusive"):
        view["exclusive"] = True
    if qtype == "checklist":
        view["importance"] = choice.get("importance", "recommended")
        view["warning"] = choice.get("warning")
    return view


def question_view(
    tree: Tree, qid: str, before: Mapping[str, Answer], previous: Answer | None, number: int
) -> JsonDict:
    """The question `qid` as asked after the answers `before` (checklists show applicable items only)."""
    q = tree.questions[qid]
    choices = [c for c in q["choices"] if q["type"] != "checklist" or applies(c, before)]
    return {
        "id": qid,
        "type": q["type"],
        "number": number,
        "text": q.get("text", qid),
        "help": q.get("help"),
        "term": term_view(tree, q.get("term")),
        "link": tree.link(q.get("link")),
        "choices": [choice_view(tree, q["type"], c) for c in choices],
        "min_choices": int(q.get("min_choices", 0)),
        "answer": list(previous) if isinstance(previous, list) else previous,
    }


def outcome_view(tree: Tree, oid: str, given: Mapping[str, Answer], top: str | None = None) -> JsonDict:
    """An outcome with its link, next steps and the warnings that apply (given the result's `top`)."""
    o = tree.outcomes.get(oid, {"id": oid})
    return {
        "outcome": oid,
        "title": o.get("title", oid),
        "summary": o.get("summary", ""),
        "link": tree.link(o.get("link")),
        "next_steps": list(o.get("next_steps", [])),
        "warnings": [
            {"text": w.get("text", ""), "link": tree.link(w.get("link"))}
            for w in o.get("warnings", [])
            if "when" not in w or holds(w["when"], given, top)
        ],
    }


def tree_warnings(tree: Tree, given: Mapping[str, Answer], top: str | None = None) -> list[JsonDict]:
    """Tree-level warnings whose condition holds (on the answers and the result's `top`)."""
    return [
        {"id": w.get("id"), "text": w.get("text", ""), "link": tree.link(w.get("link"))}
        for w in tree.raw.get("warnings", [])
        if holds(w.get("when"), given, top)
    ]
