"""Answers documents: `{"tree": id, "version": n, "answers": {qid: choice | [choices]}}`.

Validation never raises: it returns the usable answers and a list of error values
`{"code", "message", "question"}`.
"""

from __future__ import annotations

from .conditions import Answer
from .jsontypes import Json, JsonDict
from .model import Tree
from .safetext import short_id
from .texts import say

DOC_KEYS = ("tree", "version", "answers")


def error(code: str, message: str, question: str | None = None) -> JsonDict:
    """An error value as returned to the caller."""
    return {"code": code, "message": message, "question": question}


def failure(errors: list[JsonDict]) -> JsonDict:
    return {"ok": False, "errors": errors}


def new_answers(tree: Tree) -> JsonDict:
    """An empty answers document for `tree`."""
    return {"tree": tree.id, "version": tree.version, "answers": {}}


def _bad_format(detail_key: str, /, **values: object) -> JsonDict:
    detail = say(detail_key, **values)
    return error("bad-format", say("error.bad-format", detail=detail))


def check_value(tree: Tree, qid: str, value: Json) -> tuple[Answer | None, list[JsonDict]]:
    """Validate one answer to one (known) question."""
    q = tree.questions[qid]
    ids = [c.id for c in q.choices]
    if q.type == "single":
        if not isinstance(value, str):
            key = "error.wrong-type.single" if isinstance(value, list) else "error.wrong-type.value"
            return None, [error("wrong-type", say(key, question=qid), qid)]
        if value not in ids:
            message = say("error.unknown-choice", choice=short_id(value), question=qid)
            return None, [error("unknown-choice", message, qid)]
        return value, []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None, [error("wrong-type", say("error.wrong-type.list", question=qid), qid)]
    errors: list[JsonDict] = []
    seen: set[str] = set()  # a set: a long hostile list stays linear
    for v in value:
        if v not in ids:
            errors.append(error(
                "unknown-choice", say("error.unknown-choice", choice=short_id(v), question=qid), qid
            ))
        elif v in seen:
            errors.append(
                error("bad-format", say("error.duplicate-choice", choice=v, question=qid), qid)
            )
        seen.add(v)
    if not errors:
        errors = _multiple_rules(tree, qid, list(value))
    return (None, errors) if errors else (list(value), [])


def _multiple_rules(tree: Tree, qid: str, ticked: list[str]) -> list[JsonDict]:
    """A multiple question's `min_choices` and its `exclusive` choices."""
    q = tree.questions[qid]
    if q.type != "multiple":
        return []
    least = q.min_choices
    if len(ticked) < least:
        return [error("too-few-choices", say("error.too-few-choices", count=least), qid)]
    for cid in ticked:
        choice = tree.choice(qid, cid)
        if choice is not None and choice.exclusive and len(ticked) > 1:
            label = choice.label
            return [error("exclusive-choice", say("error.exclusive-choice", choice=label), qid)]
    return []


def check_document(tree: Tree, doc: Json) -> tuple[dict[str, Answer], list[JsonDict]]:
    """The answers of a document, or the errors that make it unusable."""
    if not isinstance(doc, dict):
        return {}, [_bad_format("detail.not-object")]
    errors: list[JsonDict] = []
    for key in doc:
        if key not in DOC_KEYS:
            errors.append(_bad_format("detail.unknown-key", key=short_id(key)))
    got_tree, version, given = doc.get("tree"), doc.get("version"), doc.get("answers")
    if not isinstance(got_tree, str):
        errors.append(_bad_format("detail.tree"))
    elif got_tree != tree.id:
        message = say("error.wrong-tree", got=short_id(got_tree), tree=tree.id)
        errors.append(error("wrong-tree", message))
    if not isinstance(version, int) or isinstance(version, bool):
        errors.append(_bad_format("detail.version"))
    elif version != tree.version:
        errors.append(
            error("wrong-version", say("error.wrong-version", got=version, version=tree.version))
        )
    if not isinstance(given, dict):
        errors.append(_bad_format("detail.answers"))
        return {}, errors
    out: dict[str, Answer] = {}
    for qid, value in given.items():
        if not isinstance(qid, str) or qid not in tree.questions:
            errors.append(
                error(
                    "unknown-question",
                    say("error.unknown-question", question=short_id(qid)),
                    qid if isinstance(qid, str) else None,
                )
            )
            continue
        answer, problems = check_value(tree, qid, value)
        errors += problems
        if answer is not None:
            out[qid] = answer
    return (out, []) if not errors else ({}, errors)
