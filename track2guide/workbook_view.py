"""The planning workbook's page as HTML: every step's questions as one form, and the plan
checks shown under the step where they arise. The same code pre-renders the page at
build time and renders it again in the browser after a plan file is loaded.

Every text is escaped; links go only to pages of this site (relative to `root`).
Nothing here submits anywhere: there is no <form> element, only fields the shell reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from .conditions import references
from .texts import say
from .workbook import Workbook, fired_checks, is_asked, questions, visible_answers
from .workbook_wizard import line, name, results


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _href(link: Mapping[str, Any], root: str) -> str:
    return _e(root + str(link["href"]))


def _field_id(qid: str, cid: str | None = None) -> str:
    return f"wb-{qid}" + (f"--{cid}" if cid else "")


def check_section(workbook: Workbook, check: Mapping[str, Any]) -> str:
    """The section of the latest question a check depends on: where the planner meets it."""
    order = {q["id"]: (i, s["id"]) for i, (s, q) in enumerate(questions(workbook))}
    named = [order[r.question] for r in references(check["when"], ()) if r.question in order]
    return str(max(named)[1] if named else workbook["sections"][-1]["id"])


def render_checks(checks: list[Mapping[str, Any]], root: str) -> str:
    """A list of fired checks (empty string when none)."""
    if not checks:
        return ""
    items = "".join(
        f'<li class="t2-wb-check" data-check="{_e(c["id"])}">{_e(" ".join(str(c["text"]).split()))} '
        f'<a href="{_href(c["link"], root)}">{_e(say("read-more", title=c["link"]["title"]))}</a></li>'
        for c in checks
    )
    return f'<ul class="t2-wb-check-list">{items}</ul>'


def checks_by_section(workbook: Workbook, answers: Mapping[str, Any], root: str) -> dict[str, str]:
    """Section id -> HTML of the checks that fire there ("" for none), for every section."""
    fired = fired_checks(workbook, answers)
    out = {}
    for section in workbook["sections"]:
        mine = [c for c in fired if check_section(workbook, c) == section["id"]]
        out[section["id"]] = render_checks(mine, root)
    return out


def summary_line(count: int) -> str:
    if count == 0:
        return say("workbook.no-checks")
    return say("workbook.one-check") if count == 1 else say("workbook.some-checks", count=count)


def _choice(question: Mapping[str, Any], choice: Mapping[str, Any], value: Any) -> str:
    qid, cid = question["id"], choice["id"]
    single = question["type"] == "single"
    chosen = value == cid if single else isinstance(value, list) and cid in value
    extra = ' data-exclusive="true"' if choice.get("exclusive") else ""
    return (
        f'<div class="t2-wb-choice"><input type="{"radio" if single else "checkbox"}" '
        f'name="{_e(_field_id(qid))}" id="{_e(_field_id(qid, cid))}" value="{_e(cid)}"'
        f"{' checked' if chosen else ''}{extra}>"
        f'<label for="{_e(_field_id(qid, cid))}">{_e(choice["label"])}</label></div>'
    )


def wizard_status(workbook: Workbook, tree_id: str, found: Mapping[str, Any] | None, root: str) -> str:
    """The wizard's result beside its question ("" when the plan keeps none)."""
    if found is None:
        return ""
    link = found.get("link")
    more = f' <a href="{_href(link, root)}">{_e(say("read-more", title=link["title"]))}</a>' if link else ""
    return f"{_e(line(workbook, tree_id, found))} {_e(found['reason'])}{more}"


def wizard_statuses(workbook: Workbook, plan: Mapping[str, Any], root: str) -> dict[str, str]:
    """Tree id -> the status HTML of each wizard-fed question (what the shell puts back)."""
    found = results(workbook, plan)
    return {
        str(q["wizard"]): wizard_status(workbook, q["wizard"], found.get(q["wizard"]), root)
        for _s, q in questions(workbook)
        if q.get("wizard")
    }


def _wizard_block(question: Mapping[str, Any], status: str, root: str, called: str) -> str:
    """Bring a wizard's result in: load its answers file, or open the wizard (named `called`)."""
    tree_id, qid = str(question["wizard"]), question["id"]
    return (
        '<div class="t2-wb-wizard">'
        f'<p class="t2-wb-from" id="{_e(_field_id(qid))}-wizard" tabindex="-1" '
        f'data-wizard-status="{_e(tree_id)}">{status}</p>'
        f'<button type="button" class="md-button t2-wb-wizard-load" data-action="wizard" '
        f'data-wizard="{_e(tree_id)}">{_e(say("workbook.wizard-load", name=called))}</button> '
        f'<a class="t2-wb-wizard-open" href="{_e(root)}tools/{_e(tree_id)}.html">'
        f'{_e(say("workbook.wizard-open", name=called))}</a></div>'
    )


def render_question(
    question: Mapping[str, Any], value: Any, *, asked: bool, root: str, status: str = "", called: str = ""
) -> str:
    """One question; `status` and `called` are its wizard's result line and name (if it has one)."""
    qid, kind = question["id"], question["type"]
    hidden = "" if asked else " hidden"
    link = question["link"]
    more = f'<a class="t2-wb-more" href="{_href(link, root)}">{_e(say("read-more", title=link["title"]))}</a>'
    if question.get("wizard"):
        more += _wizard_block(question, status, root, called)
    error = f'<p class="t2-wb-error" id="{_e(_field_id(qid))}-error" role="alert"></p>'
    if kind == "text":
        text = _e(value) if isinstance(value, str) else ""
        return (
            f'<div class="t2-wb-q" data-question="{_e(qid)}" data-type="text"{hidden}>'
            f'<label class="t2-wb-text" for="{_e(_field_id(qid))}">{_e(question["text"])}</label>'
            f'<textarea id="{_e(_field_id(qid))}" rows="3" maxlength="2000" spellcheck="false" '
            f'aria-describedby="{_e(_field_id(qid))}-error">{text}</textarea>{error}{more}</div>'
        )
    hint = f'<span class="t2-wb-hint">{_e(say("workbook.tick-all"))}</span>' if kind == "multi" else ""
    choices = "".join(_choice(question, c, value) for c in question["choices"])
    return (
        f'<fieldset class="t2-wb-q" data-question="{_e(qid)}" data-type="{_e(kind)}"{hidden} '
        f'aria-describedby="{_e(_field_id(qid))}-error">'
        f"<legend>{_e(question['text'])}{hint}</legend>{choices}{error}{more}</fieldset>"
    )


def render_form(workbook: Workbook, plan: Mapping[str, Any], root: str) -> str:
    """The title field and every section with its questions and the checks it raises."""
    answers = visible_answers(workbook, plan.get("answers", {}))
    checks = checks_by_section(workbook, answers, root)
    statuses = wizard_statuses(workbook, plan, root)
    title = _e(plan.get("title", ""))
    out = [
        '<div class="t2-wb-title">'
        f'<label for="wb-title">{_e(say("workbook.title-label"))}</label>'
        f'<input type="text" id="wb-title" maxlength="120" autocomplete="off" spellcheck="false" '
        f'value="{title}">'
        "</div>"
    ]
    for section in workbook["sections"]:
        sid = section["id"]
        body = "".join(
            render_question(
                q, answers.get(q["id"]), asked=is_asked(q, answers), root=root,
                status=statuses.get(str(q.get("wizard")), ""),
                called=name(workbook, str(q["wizard"])) if q.get("wizard") else "",
            )
            for s, q in questions(workbook)
            if s is section
        )
        out.append(
            f'<section class="t2-wb-section" id="wb-section-{_e(sid)}" '
            f'aria-labelledby="wb-heading-{_e(sid)}">'
            f'<h2 id="wb-heading-{_e(sid)}">{_e(section["title"])}</h2>'
            f"<p>{_e(' '.join(str(section['intro']).split()))} "
            f'<a href="{_href(section["link"], root)}">'
            f'{_e(say("workbook.read-handbook", title=section["link"]["title"]))}</a></p>'
            f"{body}"
            f'<div class="t2-wb-checks" data-section="{_e(sid)}" aria-live="polite">{checks[sid]}</div>'
            "</section>"
        )
    return "".join(out)
