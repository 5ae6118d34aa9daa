"""The engine API: step() tells where a walk stands; answer() records an answer.

JSON in, JSON out; nothing here raises on bad answers (errors are returned as values).
"""

from __future__ import annotations

from .answers import check_document, check_value, error, failure, new_answers
from .checklist import has_checklist, report
from .conditions import Answer
from .graph import longest_from
from .jsontypes import Json, JsonDict
from .present import outcome_view, question_view, tree_warnings
from .texts import say
from .tree import Tree, unwrap
from .walk import Walk, split_off_path, walk
from .weighing import rank
from .whatif import what_would_change


def _bad_tree() -> JsonDict:
    return failure([error("bad-tree", say("error.bad-tree"))])


def _prefix(state: Walk, qid: str) -> dict[str, Answer]:
    """The answers on the path before `qid` (all of them if `qid` is not on the path)."""
    before: dict[str, Answer] = {}
    for pid, answer in state.path:
        if pid == qid:
            break
        before[pid] = answer
    return before


def _gate(tree: Tree, state: Walk) -> JsonDict | None:
    """The advising gate's outcome, reason and link (the gate's own link, else the outcome's)."""
    if state.gate is None:
        return None
    gate = outcome_view(tree, str(state.gate.get("outcome")), state.given)
    gate["reason"] = state.gate.get("reason", "")
    gate["link"] = tree.link(state.gate.get("link")) or gate["link"]
    return gate


def _result(tree: Tree, state: Walk, changes: bool = True) -> JsonDict:
    given = state.given
    gate = _gate(tree, state)
    rules = tree.raw.get("result", {})
    if tree.kind == "checklist":
        warnings = tree_warnings(tree, given)
        checks = report(tree, state.path)
        ready = checks["ready"] and gate is None
        message = rules.get("ready_message") if ready else rules.get("not_ready_message")
        return {
            "kind": "checklist",
            "gate": gate,
            **checks,
            "ready": ready,
            "message": message,
            "warnings": warnings,
        }
    ranking = rank(tree, state.path)
    return {
        "kind": "ranking",
        "gate": gate,
        **ranking,
        "warnings": tree_warnings(tree, given, ranking["top"]),
        "checklist": report(tree, state.path) if has_checklist(tree, state.path) else None,
        "changes": what_would_change(tree, state, ranking) if changes else [],
    }


def _progress(tree: Tree, state: Walk) -> JsonDict:
    answered = len(state.path)
    if state.current is None:
        return {"answered": answered, "total": answered, "percent": 100}
    total = answered + max(1, longest_from(tree.successors, state.current))
    return {"answered": answered, "total": total, "percent": (100 * answered) // total}


def _entry(tree: Tree, qid: str, answer: Answer) -> JsonDict:
    """A path entry with the question's text and the chosen answers' labels (for the views)."""
    ids = [answer] if isinstance(answer, str) else list(answer)
    return {
        "question": qid,
        "answer": list(answer) if isinstance(answer, list) else answer,
        "text": tree.questions[qid].get("text", qid),
        "labels": [(tree.choice(qid, cid) or {}).get("label", cid) for cid in ids],
    }


def _state(tree: Tree, state: Walk, answers: dict[str, Answer], changes: bool = True) -> JsonDict:
    dropped, pending = split_off_path(tree, state, answers)
    current = None
    if state.current is not None:
        current = question_view(tree, state.current, state.given, None, len(state.path) + 1)
    return {
        "ok": True,
        "tree": tree.id,
        "version": tree.version,
        "path": [_entry(tree, qid, a) for qid, a in state.path],
        "skipped": list(state.skipped),
        "dropped": dropped,
        "pending": pending,
        "current": current,
        "result": None if state.current is not None else _result(tree, state, changes),
        "progress": _progress(tree, state),
    }


def step(tree: Json | Tree, answers: Json, *, changes: bool = True) -> JsonDict:
    """Where the walk stands for an answers document: path, next question or result, progress.

    `changes` False leaves out "what would change this advice" (its re-walks), for callers
    that only need to know where the walk stands."""
    t = unwrap(tree)
    if t is None:
        return _bad_tree()
    given, errors = check_document(t, answers)
    if errors:
        return failure(errors)
    return _state(t, walk(t, given), given, changes)


def start(tree: Json | Tree) -> JsonDict:
    """An empty answers document for a tree (or an error value)."""
    t = unwrap(tree)
    return _bad_tree() if t is None else new_answers(t)


def _on_path_or_current(state: Walk, qid: str) -> bool:
    return qid == state.current or any(pid == qid for pid, _ in state.path)


def _reachable(t: Tree, answers: Json, qid: Json) -> tuple[dict[str, Answer], Walk] | JsonDict:
    """(checked answers, walk) when `qid` is on the path or current; else the error value."""
    given, errors = check_document(t, answers)
    if errors:
        return failure(errors)
    if not isinstance(qid, str) or qid not in t.questions:
        unknown = say("error.unknown-question", question=str(qid))
        return failure([error("unknown-question", unknown, qid if isinstance(qid, str) else None)])
    state = walk(t, given)
    if not _on_path_or_current(state, qid):
        return failure([error("not-on-path", say("error.not-on-path", question=qid), qid)])
    return given, state


def answer(tree: Json | Tree, answers: Json, qid: Json, value: Json) -> JsonDict:
    """Record (or with value None, clear) the answer to a question on the path or the current one.

    Returns `{"ok": true, "answers": new document, "dropped": [qids]}`: answers that
    fell off the path because of this change are removed and listed in `dropped`.
    """
    t = unwrap(tree)
    if t is None:
        return _bad_tree()
    found = _reachable(t, new_answers(t) if answers is None else answers, qid)
    if isinstance(found, dict):
        return found
    given, _state = found
    updated = dict(given)
    if value is None:
        updated.pop(qid, None)
    else:
        checked, problems = check_value(t, qid, value)
        if checked is None:
            return failure(problems)
        updated[qid] = checked
    dropped, _pending = split_off_path(t, walk(t, updated), updated)
    kept = {k: v for k, v in updated.items() if k not in dropped}
    return {"ok": True, "answers": {"tree": t.id, "version": t.version, "answers": kept}, "dropped": dropped}


def question(tree: Json | Tree, answers: Json, qid: Json) -> JsonDict:
    """`{"ok": true, "question": view}` for a question on the path (to change it) or the current one."""
    t = unwrap(tree)
    if t is None:
        return _bad_tree()
    found = _reachable(t, answers, qid)
    if isinstance(found, dict):
        return found
    given, state = found
    before = _prefix(state, qid)
    assert isinstance(qid, str)  # _reachable checked it
    return {"ok": True, "question": question_view(t, qid, before, given.get(qid), len(before) + 1)}
