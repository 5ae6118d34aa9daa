"""The planning workbook's controller: one event from the page in, what to show out.

The form on the page holds the plan; the shell (docs/javascripts/workbook.js) reads it
and sends `{action: "update", title, answers}` on every change. Python checks every
answer, drops what the planner cannot see, and says which questions to hide, which
checks fire in each step and what each refused answer needs. Files (the plan file,
Markdown, a standalone HTML document) are made here too; the shell only saves them.
Messages are plain text for `textContent`, and never quote a file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .texts import say
from .workbook import (
    MAX_TITLE_CHARS,
    PlanError,
    Workbook,
    check_answer,
    clean_text,
    dump_plan,
    fired_checks,
    is_asked,
    parse_plan,
    question_index,
    questions,
    visible_answers,
)
from .workbook import wizard_answers as wizard_parts
from .workbook_doc import html_document, markdown
from .workbook_view import checks_by_section, render_form, summary_line, wizard_statuses
from .workbook_wizard import adopt_file, dropped_message, keep, wizard_question


def read_form(workbook: Workbook, event: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(plan, {question id: what is wrong}) from what the form holds; refused answers are left out.
    The wizard parts (kept by the shell as Python last returned them) are checked by `_wizards`."""
    index = question_index(workbook)
    given = event.get("answers")
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for qid, value in given.items() if isinstance(given, dict) else []:
        if qid not in index or value in (None, "", []):
            continue
        try:
            answers[qid] = check_answer(index[qid], value)
        except PlanError as exc:
            errors[qid] = str(exc)
        if answers.get(qid) == "":
            del answers[qid]
    title = event.get("title")
    try:
        what = say("workbook.the-title")
        title = clean_text(title, MAX_TITLE_CHARS, what) if isinstance(title, str) else ""
    except PlanError as exc:
        errors["title"], title = str(exc), ""
    return {"title": title, "answers": visible_answers(workbook, answers)}, errors


def _wizards(
    workbook: Workbook, plan: dict[str, Any], given: Any, *, loading: bool
) -> tuple[dict[str, Any], str]:
    """(plan with the wizard parts that still give its answers, what was left out and why)."""
    try:
        parts = wizard_parts(workbook, given if given is not None else {})
    except PlanError:
        parts = {}
    kept, dropped = keep(workbook, plan["answers"], parts)
    return {**plan, "wizards": kept}, dropped_message(workbook, dropped, loading=loading)


def _state(workbook: Workbook, plan: Mapping[str, Any], root: str) -> dict[str, Any]:
    answers = plan["answers"]
    return {
        "plan": plan,
        "hidden": [q["id"] for _s, q in questions(workbook) if not is_asked(q, answers)],
        "checks": checks_by_section(workbook, answers, root),
        "summary": summary_line(len(fired_checks(workbook, answers))),
        "wizards": wizard_statuses(workbook, plan, root),
    }


def _shown(workbook: Workbook, plan: dict[str, Any], root: str, message: str, **extra: Any) -> dict[str, Any]:
    """A plan to show afresh: the whole form rendered again (a file was loaded)."""
    html = render_form(workbook, plan, root)
    return {"ok": True, "html": html, "message": message, **extra, **_state(workbook, plan, root)}


def handle(workbook: Workbook, event: Any, root: str = "") -> dict[str, Any]:
    """One event -> `{ok, message, ...}`; `ok` False leaves the page as it is."""
    event = event if isinstance(event, Mapping) else {}
    action = event.get("action")
    if action == "load":
        text = event.get("text")
        try:
            plan = parse_plan(workbook, text if isinstance(text, str) else "")
        except PlanError as exc:
            return {"ok": False, "message": f"{say('workbook.load-failed')} {exc}"}
        plan, left_out = _wizards(workbook, plan, plan["wizards"], loading=True)
        return _shown(workbook, plan, root, " ".join((say("workbook.loaded"), left_out)).strip())
    plan, errors = read_form(workbook, event)
    plan, left_out = _wizards(workbook, plan, event.get("wizards"), loading=False)
    if action == "wizard":
        adopted, message = adopt_file(workbook, plan, event.get("tree"), event.get("text"))
        if adopted is None:
            return {"ok": False, "message": message}
        question = wizard_question(workbook, str(event.get("tree")))
        focus = f"wb-{question['id']}-wizard" if question else None
        return _shown(workbook, adopted, root, message, errors=errors, focus=focus)
    if action == "update":
        return {"ok": True, "errors": errors, "message": left_out, **_state(workbook, plan, root)}
    files = {
        "save": (dump_plan, "plan.json", "application/json"),
        "export-markdown": (markdown, "plan.md", "text/markdown"),
        "export-html": (html_document, "plan.html", "text/html"),
    }
    if action in files:
        make, name, kind = files[action]
        return {"ok": True, "text": make(workbook, plan), "name": name, "type": kind, "errors": errors}
    return {"ok": False, "message": say("workbook.unknown-action")}


def handle_json(workbook: Workbook, event_json: str, root: str = "") -> str:
    """`handle` with JSON text in and out (what the shell calls through Pyodide)."""
    try:
        event = json.loads(event_json)
    except (ValueError, RecursionError):
        event = {}
    return json.dumps(handle(workbook, event, root))
