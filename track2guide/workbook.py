"""The planning workbook at run time: which questions are asked, which plan checks
fire, and the plan file (versioned JSON) checked on load.

The workbook data (decision_trees/workbook/workbook.yaml) is checked at build time by
track2guide_build.workbook; here it is trusted. A plan is
`{title, answers: {question id: choice id | [choice ids] | note}, wizards: {tree id: answers}}`.
Everything a plan file holds is checked here before use, and what the planner cannot
see (answers to questions not asked) is dropped, so a saved file holds what the screen shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from .conditions import holds
from .modelbuild import condition
from .safetext import MAX_FILE_CHARS
from .texts import say

PLAN_FORMAT = "track2-plan"
PLAN_VERSION = 1
MAX_PLAN_CHARS = MAX_FILE_CHARS  # the same cap as answers files
MAX_NOTE_CHARS = 2000
MAX_TITLE_CHARS = 120
MAX_DEPTH = 6  # plan files are shallow; deeper JSON is refused before it is read

# Control characters (but tab and newline) and the characters that reorder text
# (bidirectional embeddings, overrides and isolates): a note must read as written.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")

Plan = dict[str, Any]
Workbook = Mapping[str, Any]


class PlanError(ValueError):
    """A plan file or an answer that cannot be used; the message is safe to show."""


def questions(workbook: Workbook) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(section, question) in workbook order."""
    for section in workbook["sections"]:
        for question in section["questions"]:
            yield section, question


def question_index(workbook: Workbook) -> dict[str, Mapping[str, Any]]:
    return {q["id"]: q for _s, q in questions(workbook)}


def is_asked(question: Mapping[str, Any], answers: Mapping[str, Any]) -> bool:
    """A question is asked unless its `when` condition fails on the other answers."""
    return "when" not in question or holds(condition(question["when"]), answers)


def visible_answers(workbook: Workbook, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to questions that are asked, in workbook order (off-path answers dropped)."""
    return {
        q["id"]: answers[q["id"]]
        for _s, q in questions(workbook)
        if q["id"] in answers and is_asked(q, answers)
    }


def clean_text(text: str, limit: int, what: str) -> str:
    """A note or title as typed, trimmed; refused if too long or with hidden characters."""
    if _FORBIDDEN.search(text):
        raise PlanError(say("workbook.hidden-characters", what=what))
    text = text.strip()
    if len(text) > limit:
        raise PlanError(say("workbook.too-long", what=what, limit=limit))
    return text


def check_answer(question: Mapping[str, Any], value: Any) -> Any:
    """The value if it is a valid answer to `question`, else PlanError (plain words)."""
    kind, text = question["type"], say("workbook.this-question")
    if kind == "text":
        if not isinstance(value, str):
            raise PlanError(say("workbook.note-not-text"))
        return clean_text(value, MAX_NOTE_CHARS, say("workbook.a-note"))
    choices = {c["id"]: c for c in question["choices"]}
    if kind == "single":
        if not isinstance(value, str) or value not in choices:
            raise PlanError(say("workbook.choose-offered", question=text))
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PlanError(say("workbook.not-a-list", question=text))
    if not value:
        raise PlanError(say("workbook.tick-one", question=text))
    if len(set(value)) != len(value) or any(v not in choices for v in value):
        raise PlanError(say("workbook.tick-offered", question=text))
    alone = [choices[v]["label"] for v in value if choices[v].get("exclusive")]
    if len(value) > 1 and alone:
        raise PlanError(say("workbook.exclusive", choice=alone[0]))
    return [c["id"] for c in question["choices"] if c["id"] in value]  # in offered order


def set_answer(workbook: Workbook, answers: Mapping[str, Any], qid: str, value: Any) -> dict[str, Any]:
    """New answers with `qid` set to `value` (None or an empty note clears it), off-path answers dropped."""
    index = question_index(workbook)
    if qid not in index:
        raise PlanError(say("workbook.unknown-question"))
    out = dict(answers)
    if value is None or value in ("", []):
        out.pop(qid, None)
    else:
        checked = check_answer(index[qid], value)
        if checked == "":
            out.pop(qid, None)
        else:
            out[qid] = checked
    return visible_answers(workbook, out)


def fired_checks(workbook: Workbook, answers: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The plan checks whose condition holds, in declared order."""
    shown = visible_answers(workbook, answers)
    return [check for check in workbook["checks"] if holds(condition(check["when"]), shown)]


def adopt_wizard(
    workbook: Workbook, answers: Mapping[str, Any], tree_id: str, outcome: str
) -> dict[str, Any]:
    """Answer the question fed by wizard `tree_id` with its result `outcome` (a choice id)."""
    for _s, q in questions(workbook):
        if q.get("wizard") == tree_id:
            return set_answer(workbook, answers, q["id"], outcome)
    raise PlanError(say("workbook.no-wizard-question"))


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max([_depth(v, level + 1) for v in value.values()], default=level + 1)
    if isinstance(value, list):
        return max([_depth(v, level + 1) for v in value], default=level + 1)
    return level


def wizard_ids(workbook: Workbook) -> tuple[str, ...]:
    """The wizards whose results the workbook takes: named by its questions (`wizard:`), each
    checked at build time to be a tree of decision_trees/."""
    return tuple(str(q["wizard"]) for _s, q in questions(workbook) if q.get("wizard"))


def wizard_answers(workbook: Workbook, value: Any) -> dict[str, dict[str, Any]]:
    """Wizard answers as kept in a plan: checked for shape here, for meaning by each wizard."""
    if not isinstance(value, dict) or any(k not in wizard_ids(workbook) for k in value):
        raise PlanError(say("workbook.bad-wizards"))
    out: dict[str, dict[str, Any]] = {}
    for tree_id, given in value.items():
        ok = isinstance(given, dict) and all(
            isinstance(k, str)
            and _ID.match(k)
            and (
                (isinstance(v, str) and _ID.match(v))
                or (isinstance(v, list) and all(isinstance(x, str) and _ID.match(x) for x in v))
            )
            for k, v in given.items()
        )
        if not ok:
            raise PlanError(say("workbook.bad-wizards"))
        out[tree_id] = dict(given)
    return out


def parse_plan(workbook: Workbook, text: str) -> Plan:
    """A plan from the text of a plan file, fully checked; PlanError says why not (never quoting the file)."""
    if len(text) > MAX_PLAN_CHARS:
        raise PlanError(say("workbook.too-big", limit=MAX_PLAN_CHARS // 1024))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise PlanError(say("workbook.not-json")) from None
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise PlanError(say("workbook.not-a-plan"))
    if data.get("version") != PLAN_VERSION:
        raise PlanError(say("workbook.other-version"))
    if _depth(data) > MAX_DEPTH:
        raise PlanError(say("workbook.too-deep"))
    unknown = set(data) - {"format", "version", "title", "answers", "wizards"}
    if unknown:
        raise PlanError(say("workbook.unknown-parts"))
    title = data.get("title", "")
    if not isinstance(title, str):
        raise PlanError(say("workbook.title-not-text"))
    given = data.get("answers", {})
    if not isinstance(given, dict):
        raise PlanError(say("workbook.bad-answers"))
    index = question_index(workbook)
    answers: dict[str, Any] = {}
    for qid, value in given.items():
        if qid not in index:
            raise PlanError(say("workbook.answers-unknown"))
        answers[qid] = check_answer(index[qid], value)
    return {
        "title": clean_text(title, MAX_TITLE_CHARS, say("workbook.the-title")),
        "answers": visible_answers(workbook, answers),
        "wizards": wizard_answers(workbook, data.get("wizards", {})),
    }


def dump_plan(workbook: Workbook, plan: Mapping[str, Any]) -> str:
    """The plan file's text: exactly what the planner sees (off-path answers dropped)."""
    data = {
        "format": PLAN_FORMAT,
        "version": PLAN_VERSION,
        "title": plan.get("title", ""),
        "answers": visible_answers(workbook, plan.get("answers", {})),
        "wizards": plan.get("wizards", {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
