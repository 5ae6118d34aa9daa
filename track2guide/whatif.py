"""What would change this advice: single answers that, changed, change the top result or its strength.

Computed by walking the tree again with one answer changed (never authored): each
other choice of a single question, and ticking or unticking one choice of a multiple
question.  "Not sure" choices are not offered (they are no evidence), and a change
that leads to questions not yet answered is left out (its result is not known).
"""

from __future__ import annotations

from .answers import check_value
from .conditions import Answer
from .jsontypes import JsonDict
from .tree import Tree
from .walk import Walk, walk
from .weighing import rank


def _alternatives(tree: Tree, qid: str, answer: Answer) -> list[tuple[Answer, str, str]]:
    """(new answer, choice id, how: choose | tick | untick) for each one-step change."""
    q = tree.questions[qid]
    out: list[tuple[Answer, str, str]] = []
    for c in q["choices"]:
        cid = c["id"]
        if c.get("unknown"):
            continue
        if q["type"] == "single":
            if cid != answer:
                out.append((cid, cid, "choose"))
        elif isinstance(answer, list):
            if cid in answer:
                out.append(([x for x in answer if x != cid], cid, "untick"))
            else:
                # ticking an exclusive choice replaces the others; ticking another drops it
                rest = [] if c.get("exclusive") else [x for x in answer if not _exclusive(tree, qid, x)]
                out.append(([*rest, cid], cid, "tick"))
    return [(a, cid, how) for a, cid, how in out if check_value(tree, qid, a)[0] is not None]


def _exclusive(tree: Tree, qid: str, cid: str) -> bool:
    return bool((tree.choice(qid, cid) or {}).get("exclusive"))


def what_would_change(tree: Tree, state: Walk, ranking: JsonDict) -> list[JsonDict]:
    """Each one-answer change on the path that changes the top result or its strength."""
    out: list[JsonDict] = []
    given = state.given
    for qid, answer in state.path:
        q = tree.questions[qid]
        if q["type"] == "checklist":
            continue
        for new, cid, how in _alternatives(tree, qid, answer):
            changed = dict(given)
            changed[qid] = new
            after = walk(tree, changed)
            if after.current is not None:
                continue
            other = rank(tree, after.path)
            if other["top"] == ranking["top"] and other["strength"] == ranking["strength"]:
                continue
            top = other["top"]
            title = next((r["title"] for r in other["ranked"] if r["outcome"] == top), None)
            out.append(
                {
                    "question": qid,
                    "question_text": q.get("text", qid),
                    "choice": cid,
                    "choice_label": (tree.choice(qid, cid) or {}).get("label", cid),
                    "how": how,
                    "top": top,
                    "top_title": title,
                    "strength": other["strength"],
                }
            )
    return out
