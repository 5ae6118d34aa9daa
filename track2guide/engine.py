"""The engine API: step() tells where a walk stands; answer() records an answer.

JSON in, JSON out (made from the typed state by `track2guide.statejson`); `where` gives the typed
state itself to the controller.  Nothing here raises on bad answers (errors are returned as values).
"""

from __future__ import annotations

from .answers import check_document, check_value, error, failure, new_answers
from .checklist import has_checklist, report
from .conditions import Answer
from .graph import longest_from
from .jsontypes import Json, JsonDict
from .model import Tree
from .present import given_of, outcome_view, question_view, tree_warnings
from .state import Asked, ChecklistResult, GateAdvice, PathEntry, Progress, RankingResult, Result, State
from .statejson import asked_json, state_json
from .texts import say
from .tree import unwrap
from .walk import Walk, split_off_path, walk
from .weighing import rank
from .whatif import what_would_change


def _bad_tree() -> JsonDict:
    return failure([error("bad-tree", say("error.bad-tree"))])


def answer_of(given: str | tuple[str, ...]) -> Answer:
    """An answer of the state as the conditions read it (a tuple becomes a list)."""
    return given if isinstance(given, str) else list(given)


def _gate(tree: Tree, state: Walk) -> GateAdvice | None:
    """The advising gate's outcome, reason and link (the gate's own link, else the outcome's)."""
    if state.gate is None:
        return None
    advice = outcome_view(tree, state.gate.outcome, state.given)
    return GateAdvice(advice, state.gate.reason, state.gate.link or advice.outcome.link)


def _result(tree: Tree, state: Walk, changes: bool = True) -> Result:
    given = state.given
    gate = _gate(tree, state)
    if tree.kind == "checklist":
        checks = report(tree, state.path)
        ready = checks.ready and gate is None
        rules = tree.result
        message = rules.ready_message if ready else rules.not_ready_message
        return ChecklistResult(gate, checks, ready, message, tree_warnings(tree, given))
    ranking = rank(tree, state.path)
    return RankingResult(
        gate,
        ranking,
        tree_warnings(tree, given, ranking.top),
        report(tree, state.path) if has_checklist(tree, state.path) else None,
        what_would_change(tree, state, ranking) if changes else (),
    )


def _progress(tree: Tree, state: Walk) -> Progress:
    answered = len(state.path)
    if state.current is None:
        return Progress(answered, answered, 100)
    total = answered + max(1, longest_from(tree.successors, state.current))
    return Progress(answered, total, (100 * answered) // total)


def _entry(tree: Tree, qid: str, answer: Answer) -> PathEntry:
    """A path entry with the question's text and the chosen answers' labels (for the views)."""
    ids = [answer] if isinstance(answer, str) else list(answer)
    return PathEntry(tree.questions[qid], given_of(answer), tuple(tree.label(qid, cid) for cid in ids))


def _state(tree: Tree, state: Walk, answers: dict[str, Answer], changes: bool = True) -> State:
    dropped, pending = split_off_path(tree, state, answers)
    current = None
    if state.current is not None:
        current = question_view(tree, state.current, state.given, None, len(state.path) + 1)
    return State(
        tree=tree,
        path=tuple(_entry(tree, qid, a) for qid, a in state.path),
        skipped=state.skipped,
        dropped=tuple(dropped),
        pending=tuple(pending),
        current=current,
        result=None if state.current is not None else _result(tree, state, changes),
        progress=_progress(tree, state),
    )


def where(t: Tree, answers: Json, *, changes: bool = True) -> State | JsonDict:
    """The typed state for an answers document, or the engine's error value."""
    given, errors = check_document(t, answers)
    if errors:
        return failure(errors)
    return _state(t, walk(t, given), given, changes)


def asked_again(state: State, qid: str) -> Asked:
    """A question on the path as asked again (to change it): numbered, its answer pre-selected."""
    before: dict[str, Answer] = {}
    for entry in state.path:
        if entry.question.id == qid:
            return question_view(state.tree, qid, before, answer_of(entry.answer), len(before) + 1)
        before[entry.question.id] = answer_of(entry.answer)
    raise KeyError(qid)


def step(tree: Json | Tree, answers: Json, *, changes: bool = True) -> JsonDict:
    """Where the walk stands for an answers document: path, next question or result, progress.

    `changes` False leaves out "what would change this advice" (its re-walks), for callers
    that only need to know where the walk stands."""
    t = unwrap(tree)
    if t is None:
        return _bad_tree()
    found = where(t, answers, changes=changes)
    return state_json(found) if isinstance(found, State) else found


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
    assert isinstance(qid, str)  # _reachable checked it
    before: dict[str, Answer] = {}
    for pid, value in state.path:
        if pid == qid:
            break
        before[pid] = value
    view = question_view(t, qid, before, given.get(qid), len(before) + 1)
    return {"ok": True, "question": asked_json(view)}
