"""Checklists: which items are met, missing or not applicable on the path."""

from __future__ import annotations

from collections.abc import Sequence

from .conditions import Answer
from .jsontypes import JsonDict
from .present import applies
from .tree import Tree

# The groups of a checklist result, in the order the wizard and the summary show them.
CHECKLIST_GROUPS = ("missing_required", "missing_other", "met", "not_applicable")


def item_view(tree: Tree, qid: str, item: JsonDict) -> JsonDict:
    return {
        "question": qid,
        "id": item["id"],
        "label": item.get("label", item["id"]),
        "importance": item.get("importance", "recommended"),
        "link": tree.link(item.get("link")),
        "warning": item.get("warning"),
    }


def report(tree: Tree, path: Sequence[tuple[str, Answer]]) -> JsonDict:
    """`{met, missing_required, missing_other, not_applicable, ready}` over the path's checklist questions."""
    met: list[JsonDict] = []
    missing_required: list[JsonDict] = []
    missing_other: list[JsonDict] = []
    not_applicable: list[JsonDict] = []
    before: dict[str, Answer] = {}
    for qid, answer in path:
        q = tree.questions[qid]
        if q["type"] == "checklist":
            ticked = set(answer) if isinstance(answer, list) else set()
            for item in q["choices"]:
                view = item_view(tree, qid, item)
                if not applies(item, before):
                    not_applicable.append(view)
                elif item["id"] in ticked:
                    met.append(view)
                elif view["importance"] == "required":
                    missing_required.append(view)
                else:
                    missing_other.append(view)
        before[qid] = answer
    return {
        "met": met,
        "missing_required": missing_required,
        "missing_other": missing_other,
        "not_applicable": not_applicable,
        "ready": not missing_required,
    }


def has_checklist(tree: Tree, path: Sequence[tuple[str, Answer]]) -> bool:
    return any(tree.questions[qid]["type"] == "checklist" for qid, _ in path)
