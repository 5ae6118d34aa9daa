"""Checklists: which items are met, missing or not applicable on the path."""

from __future__ import annotations

from collections.abc import Sequence

from .conditions import Answer
from .model import Tree
from .present import applies
from .state import Checklist, Item

# The groups of a checklist result, in the order the wizard and the summary show them.
CHECKLIST_GROUPS = ("missing_required", "missing_other", "met", "not_applicable")


def report(tree: Tree, path: Sequence[tuple[str, Answer]]) -> Checklist:
    """Met, missing (required, other) and not applicable items over the path's checklist questions."""
    met: list[Item] = []
    missing_required: list[Item] = []
    missing_other: list[Item] = []
    not_applicable: list[Item] = []
    before: dict[str, Answer] = {}
    for qid, answer in path:
        q = tree.questions[qid]
        if q.type == "checklist":
            ticked = set(answer) if isinstance(answer, list) else set()
            for choice in q.choices:
                item = Item(qid, choice)
                if not applies(choice, before):
                    not_applicable.append(item)
                elif choice.id in ticked:
                    met.append(item)
                elif choice.importance == "required":
                    missing_required.append(item)
                else:
                    missing_other.append(item)
        before[qid] = answer
    return Checklist(
        tuple(met), tuple(missing_required), tuple(missing_other), tuple(not_applicable), not missing_required
    )


def has_checklist(tree: Tree, path: Sequence[tuple[str, Answer]]) -> bool:
    return any(tree.questions[qid].type == "checklist" for qid, _ in path)
