"""The plan as a document (Markdown, and a standalone HTML file a word processor opens)
and the paper workbook (a printable worksheet in Markdown).

Works on a compiled workbook: every `link` is `{key, title, href}` (track2guide_build.workbook).
Handbook passages are named in words, never as URLs, so the documents read the same
anywhere. Every text from the planner is escaped for the format it goes into.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any

from .conditions import describe
from .modelbuild import condition
from .texts import say
from .workbook import Workbook, fired_checks, is_asked, questions, visible_answers
from .workbook_wizard import line, results

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_escape(text: str) -> str:
    """Planner text as literal Markdown: special characters escaped, line starts made harmless."""
    lines = [_MD_SPECIAL.sub(r"\\\1", line) for line in str(text).splitlines()]
    lines = [re.sub(r"^(\s*)([-=]{3,}|\d+\.)", r"\1\\\2", line) for line in lines]
    return "  \n".join(lines)


def _label(question: Mapping[str, Any], cid: str) -> str:
    for choice in question.get("choices", []):
        if choice["id"] == cid:
            return str(choice["label"])
    return cid


def answer_lines(question: Mapping[str, Any], value: Any) -> list[str]:
    """The answer as plain lines of text (labels for choices, the note as typed)."""
    if value is None:
        return []
    if question["type"] == "text":
        return str(value).splitlines() or [""]
    values = value if isinstance(value, list) else [value]
    return [_label(question, v) for v in values]


def _from_wizard(
    workbook: Workbook, question: Mapping[str, Any], found: Mapping[str, Any]
) -> dict[str, str] | None:
    """The wizard result behind an answer: its line, its reason and its handbook passage."""
    tree_id = str(question.get("wizard"))
    if tree_id not in found:
        return None
    result = found[tree_id]
    link = result.get("link") or {}
    title = str(link.get("title", ""))
    return {"line": line(workbook, tree_id, result), "reason": result["reason"], "link": title}


def _wizard_text(wizard: Mapping[str, str]) -> str:
    text = f"{wizard['line']} {wizard['reason']}"
    return say("workbook.check-source", text=text, link=wizard["link"]) if wizard["link"] else text


def document(workbook: Workbook, plan: Mapping[str, Any]) -> dict[str, Any]:
    """The plan's content, in order: title, checks that fire, then each section's answers."""
    answers = visible_answers(workbook, plan.get("answers", {}))
    found = results(workbook, plan)
    sections: list[dict[str, Any]] = []
    for section in workbook["sections"]:
        items = [
            {
                "question": q["text"],
                "answer": answer_lines(q, answers.get(q["id"])),
                "wizard": _from_wizard(workbook, q, found),
            }
            for s, q in questions(workbook)
            if s is section and is_asked(q, answers)
        ]
        sections.append({"title": section["title"], "items": items})
    checks = [
        {"text": " ".join(str(c["text"]).split()), "link": c["link"]["title"], "source": c["source"]}
        for c in fired_checks(workbook, answers)
    ]
    title = str(plan.get("title") or "").strip() or say("workbook.untitled")
    return {"title": title, "checks": checks, "sections": sections}


def markdown(workbook: Workbook, plan: Mapping[str, Any]) -> str:
    """The plan as Markdown."""
    doc = document(workbook, plan)
    out = [f"# {md_escape(doc['title'])}", ""]
    out += [f"## {say('workbook.checks-heading')}", ""]
    if doc["checks"]:
        out += [f"- {say('workbook.check-source', text=c['text'], link=c['link'])}" for c in doc["checks"]]
    else:
        out.append(say("workbook.no-checks"))
    for section in doc["sections"]:
        out += ["", f"## {section['title']}"]
        for item in section["items"]:
            out += ["", f"**{item['question']}**", ""]
            missing = f"*{say('workbook.not-answered')}*"
            out.append(md_escape("\n".join(item["answer"])) if item["answer"] else missing)
            if item["wizard"]:
                out += ["", f"*{_wizard_text(item['wizard'])}*"]  # the tree's words, as the checks' are
    return "\n".join(out) + "\n"


# The exported file loads nothing and runs nothing, even if opened in a browser.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
_STYLE = (
    "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.45}"
    "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}"
    ".q{font-weight:bold;margin:1em 0 .2em}.a{margin:0 0 .6em;white-space:pre-wrap}"
    ".none{font-style:italic;color:#555}.from{font-style:italic;margin:0 0 .6em}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}}"
)


def html_document(workbook: Workbook, plan: Mapping[str, Any]) -> str:
    """The plan as one standalone HTML file: no script, no link, no request; everything escaped."""
    doc = document(workbook, plan)
    e = escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        f"<title>{e(doc['title'])}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(doc['title'])}</h1>",
        f"<h2>{e(say('workbook.checks-heading'))}</h2>",
    ]
    if doc["checks"]:
        out.append("<ul>")
        sources = [say("workbook.check-source", text=c["text"], link=c["link"]) for c in doc["checks"]]
        out += [f"<li>{e(line)}</li>" for line in sources]
        out.append("</ul>")
    else:
        out.append(f'<p class="none">{e(say("workbook.no-checks"))}</p>')
    for section in doc["sections"]:
        out.append(f"<h2>{e(section['title'])}</h2>")
        for item in section["items"]:
            out.append(f'<p class="q">{e(item["question"])}</p>')
            if item["answer"]:
                out.append(f'<p class="a">{e(chr(10).join(item["answer"]))}</p>')
            else:
                out.append(f'<p class="a none">{e(say("workbook.not-answered"))}</p>')
            if item["wizard"]:
                out.append(f'<p class="from">{e(_wizard_text(item["wizard"]))}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _target(link: Mapping[str, Any], base: str) -> str:
    """A Markdown link target to the handbook page (`.md`, so MkDocs checks it)."""
    return f"{base}{link['page']}#{link['anchor']}" if link["anchor"] else f"{base}{link['page']}"


def paper(workbook: Workbook, link_base: str = "") -> str:
    """The paper workbook: every question with boxes to tick or room to write, then the
    checks as rules a person can apply. Links are relative to `link_base` (the docs root)."""
    index = {q["id"]: q for _s, q in questions(workbook)}
    number = {q["id"]: i for i, (_s, q) in enumerate(questions(workbook), start=1)}

    def qname(qid: str) -> str:
        return say("paper.question-ref", number=number.get(qid, "?"))

    def cname(qid: str, cid: str) -> str:
        return _label(index[qid], cid) if qid in index else cid

    out: list[str] = []
    for section in workbook["sections"]:
        link = section["link"]
        out += [
            f"## {section['title']}",
            "",
            " ".join(str(section["intro"]).split()),
            f"[{say('workbook.read-handbook', title=link['title'])}]({_target(link, link_base)})",
            "",
        ]
        for s, q in questions(workbook):
            if s is not section:
                continue
            head = f"**{number[q['id']]}. {q['text']}**"
            if "when" in q:
                when = describe(condition(q["when"]), qname, cname)
                head += f" *{say('workbook.only-if', condition=when)}*"
            out += [head, ""]
            if q["type"] == "text":
                out += ['<div class="t2-write" aria-hidden="true"></div>', ""]
                continue
            if q["type"] == "multi":
                out += [f"*{say('workbook.tick-all')}*", ""]
            out += [f"- [ ] {c['label']}" for c in q["choices"]] + [""]
    out += [f"## {say('workbook.rules')}", "", say("workbook.rules-intro"), ""]
    for check in workbook["checks"]:
        rule = describe(condition(check["when"]), qname, cname)
        text = " ".join(str(check["text"]).split())
        link = check["link"]
        target = _target(link, link_base)
        out.append(f"- [ ] **{say('workbook.rule', condition=rule)}** {text} [{link['title']}]({target})")
    out.append("")
    return "\n".join(out) + "\n"
