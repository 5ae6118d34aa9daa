"""The wizard's HTML view: engine output (step(), question()) in, escaped HTML out.

Pure standard-library code, run by CPython at build time (the pre-rendered first
question) and by Pyodide in the browser (every later screen), so both produce the
same HTML.  Every piece of text goes through `html.escape`; answers are shown by
the tree's own labels, never by what a file contained.  The controller that picks
which screen to show is `track2guide.wizard`.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .checklist import CHECKLIST_GROUPS
from .engine import question
from .jsontypes import Json, JsonDict
from .safetext import link_target
from .texts import say
from .tree import Tree


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _data(name: str, value: Json) -> str:
    """` data-name="value"` (lower-case JSON for booleans), or '' when there is no value."""
    if value is None:
        return ""
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f' data-{name}="{_e(text)}"'


def _href(href: object, root: str) -> str:
    """A link target: handbook paths get the page's `root` prefix; only http(s) and mailto schemes pass."""
    url = link_target(str(href))
    if url is None:
        return "#"
    scheme, colon, _rest = url.partition(":")
    if colon and not any(ch in scheme for ch in "/?#\\"):
        return url
    return url if url.startswith(("/", "#")) else root + url


def render_link(link: Json, root: str = "", cls: str = "t2-more") -> str:
    """`<p><a>Read more: title</a></p>` for an engine link `{href, title}`, or ''."""
    if not isinstance(link, dict) or not link.get("href"):
        return ""
    title = say("read-more", title=link.get("title") or link["href"])
    return f'<p class="{cls}"><a href="{_e(_href(link["href"], root))}">{_e(title)}</a></p>'


def _inline_link(link: Json, root: str) -> str:
    if not isinstance(link, dict) or not link.get("href"):
        return ""
    return f' <a href="{_e(_href(link["href"], root))}">{_e(link.get("title") or link["href"])}</a>'


def button(
    action: str, label: str, *, primary: bool = False, submit: bool = False,
    question: str | None = None, hidden: str | None = None,
) -> str:
    """A button; every text escaped (`hidden`: words for screen readers only)."""
    kind = "submit" if submit else "button"
    cls = "md-button md-button--primary" if primary else "md-button"
    data = f' data-question="{_e(question)}"' if question is not None else ""
    extra = f'<span class="t2-sr">{_e(hidden)}</span>' if hidden else ""
    return f'<button type="{kind}" class="{cls}" data-action="{_e(action)}"{data}>{_e(label)}{extra}</button>'


def render_progress(progress: Mapping[str, Json], number: int | None = None) -> str:
    """Progress bar and 'Question n of about N' (the total is the longest path still possible)."""
    total = int(progress.get("total") or 0)
    percent = int(progress.get("percent") or 0)
    if number is None:
        text = say("progress.done")
        percent = 100
    else:
        text = say("progress", number=number, total=max(total, number))
    return (
        f'<div class="t2-progress"><progress class="t2-progress-bar" max="100" value="{percent}" '
        f'aria-labelledby="t2-progress-text"></progress>'
        f'<p class="t2-progress-text" id="t2-progress-text">{_e(text)}</p></div>'
    )


def _importance(level: Json) -> str:
    return say(f"importance.{level}")


def _choice(q: Mapping[str, Json], c: Mapping[str, Json], root: str) -> str:
    qtype = q["type"]
    cid = f"t2-c-{q['id']}-{c['id']}"
    chosen = q.get("answer")
    checked = c["id"] == chosen if qtype == "single" else isinstance(chosen, list) and c["id"] in chosen
    kind = "radio" if qtype == "single" else "checkbox"
    label = _e(c.get("label", c["id"]))
    if qtype == "checklist":
        label += (
            f' <span class="t2-importance t2-importance--{_e(c.get("importance", ""))}">'
            f"({_e(_importance(c.get('importance', 'recommended')))})</span>"
        )
    extra = ""
    if c.get("help"):
        extra += f'<span class="t2-choice-help" id="{_e(cid)}-help">{_e(c["help"])}</span>'
    extra += _inline_link(c.get("link"), root)
    described = f' aria-describedby="{_e(cid)}-help"' if c.get("help") else ""
    return (
        f'<li class="t2-choice"><input type="{kind}" id="{_e(cid)}" name="t2-answer" value="{_e(c["id"])}"'
        f"{' checked' if checked else ''}{described}>"
        f'<label for="{_e(cid)}">{label}</label>{extra}</li>'
    )


def _error_summary(q: Mapping[str, Json], choices: Json) -> str:
    """GOV.UK-style error summary, hidden until the shell shows it (its link goes to the first answer)."""
    first = choices[0]["id"] if isinstance(choices, list) and choices else ""
    target = f"t2-c-{q['id']}-{first}"
    return (
        '<div class="t2-error-summary" id="t2-error-summary" tabindex="-1" role="alert" hidden>'
        f'<h2 class="t2-error-title">{_e(say("error.title"))}</h2>'
        f'<ul><li><a href="#{_e(target)}" class="t2-error-text">{_e(say("choose-one"))}</a>'
        "</li></ul></div>"
    )


def render_question(
    q: Mapping[str, Json], progress: Mapping[str, Json], *, root: str = "", can_back: bool = True
) -> str:
    """A question (the engine's question view) as a form; its earlier answer is pre-selected."""
    choices = q.get("choices", [])
    parts = [
        render_progress(progress, int(q.get("number") or 1)),
        # method="dialog": without JavaScript the form cannot put the answer into the URL.
        f'<form class="t2-question" method="dialog" data-question="{_e(q["id"])}" '
        f'data-type="{_e(q["type"])}" novalidate>',
        _error_summary(q, choices),
        '<fieldset aria-describedby="t2-hint"><legend class="t2-legend">',
        '<h2 class="t2-question-text" tabindex="-1" data-focus elementtiming="t2-question">',
        f'{_e(q.get("text", q["id"]))}</h2></legend>',
        f'<p class="t2-hint" id="t2-hint">{_e(say("hint." + str(q["type"])))}</p>',
    ]
    if q.get("help"):
        parts.append(f'<p class="t2-help">{_e(q["help"])}</p>')
    term = q.get("term")
    if isinstance(term, dict) and term.get("definition"):
        parts.append(f'<p class="t2-term"><dfn>{_e(term.get("term"))}</dfn>: {_e(term["definition"])}</p>')
    parts.append(render_link(q.get("link"), root))
    parts.append(
        '<p class="t2-error-message" id="t2-error" hidden>'
        f'<span class="t2-sr">{_e(say("error.prefix"))} </span>'
        f'<span class="t2-error-text">{_e(say("choose-one"))}</span></p>'
    )
    parts.append('<ul class="t2-choices">' + "".join(_choice(q, c, root) for c in choices) + "</ul>")
    parts.append("</fieldset>")
    back = button("back", say("back")) if can_back else ""
    parts.append(
        f'<div class="t2-actions">{button("answer", say("next"), primary=True, submit=True)}{back}'
        f"{button('review', say('review'))}</div></form>"
    )
    return "".join(parts)


Labels = tuple[str, list[str], dict[str, str]]


def _labels(tree: Json | Tree, answers: Json, qid: str, entry: Mapping[str, Json] | None = None) -> Labels:
    """(question text, labels of the chosen answers, choice id -> label) for a question on the path."""
    if entry is not None and isinstance(entry.get("labels"), list):  # the engine's path entry has them
        chosen = entry.get("answer")
        ids = [chosen] if isinstance(chosen, str) else [str(x) for x in chosen or []]
        shown = [str(x) for x in entry["labels"]]
        return str(entry.get("text", qid)), shown, dict(zip(ids, shown, strict=False))
    view = question(tree, answers, qid)
    if not view.get("ok"):
        return qid, [], {}
    q = view["question"]
    chosen = q.get("answer")
    ids = [chosen] if isinstance(chosen, str) else list(chosen or [])
    by_id = {str(c["id"]): str(c.get("label", c["id"])) for c in q.get("choices", [])}
    return str(q.get("text", qid)), [by_id.get(i, i) for i in ids], by_id


def _because(reason: Mapping[str, Json], labels: Mapping[str, Labels]) -> str:
    """'+2, your answer “Yes” to “Question?”' for one reason of an outcome's score."""
    text, _chosen, by_id = labels.get(str(reason.get("question")), (str(reason.get("question")), [], {}))
    choice = by_id.get(str(reason.get("choice")), str(reason.get("choice")))
    return f"{_points(reason)}, " + say("from-answer", choice=choice, question=text)


def render_review(tree: Json | Tree, answers: Json, state: Mapping[str, Json]) -> str:
    """'Your answers': every answer on the path, each with a Change button."""
    rows = []
    for entry in state.get("path", []):
        qid = str(entry["question"])
        text, labels, _by_id = _labels(tree, answers, qid, entry)
        shown = _e(labels[0] if labels else say("none-ticked"))
        if len(labels) > 1:
            shown = '<ul class="t2-answer-list">' + "".join(f"<li>{_e(x)}</li>" for x in labels) + "</ul>"
        change = button("change", say("change"), question=qid, hidden=say("change.hidden", question=text))
        rows.append(
            f'<div class="t2-answer-row"><dt>{_e(text)}</dt><dd>{shown}</dd>'
            f'<dd class="t2-change">{change}</dd></div>'
        )
    body = f'<dl class="t2-answers">{"".join(rows)}</dl>' if rows else f"<p>{_e(say('no-answers'))}</p>"
    title = f'<h2 tabindex="-1" data-focus>{_e(say("your-answers"))}</h2>'
    return f'<section class="t2-review">{title}{body}</section>'


def _warnings(items: Json, root: str) -> str:
    if not items:
        return ""
    lis = "".join(
        f"<li{_data('warning', w.get('id'))}>{_e(w.get('text', ''))}{_inline_link(w.get('link'), root)}</li>"
        for w in items
    )
    return (
        f'<div class="admonition warning t2-warnings"><p class="admonition-title">{_e(say("warnings"))}</p>'
        f"<ul>{lis}</ul></div>"
    )


def _outcome(
    o: Mapping[str, Json], labels: Mapping[str, Labels], root: str, *, top: bool, open_: bool
) -> str:
    """One ranked outcome; its reasons, next steps and warnings fold away unless `open_`."""
    from .resultview import score  # here: resultview builds on this module's helpers

    parts = [
        f'<li class="t2-outcome{" t2-outcome--top" if top else ""}"{_data("outcome", o.get("outcome"))}>',
        f"<h3>{_e(o.get('title', o.get('outcome')))}</h3>",
        f"<p>{_e(o.get('summary', ''))}</p>",
        score(o),
    ]
    reasons = [r for r in o.get("reasons", []) if r.get("reason")]
    details = ""
    if reasons:
        lis = "".join(
            f'<li>{_e(r["reason"])} <span class="t2-from">({_e(_because(r, labels))})</span>'
            f'{_inline_link(r.get("link"), root)}</li>'
            for r in reasons
        )
        details = f'<p class="t2-why">{_e(say("why"))}</p><ul class="t2-reasons">{lis}</ul>'
    details += _steps(o.get("next_steps")) + _warnings(o.get("warnings"), root)
    if open_:
        parts.append(details)
    elif details:
        parts.append(
            f'<details class="t2-more-details"><summary>{_e(say("details"))}</summary>{details}</details>'
        )
    return "".join(parts) + render_link(o.get("link"), root) + "</li>"


def _unfolded(ranked: list[JsonDict], clear: bool) -> list[bool]:
    """Which outcomes show details at once: the winner, else those tied at the top (or the first two)."""
    if clear:
        return [i == 0 for i in range(len(ranked))]
    best = ranked[0].get("score") if ranked else None
    tied = [o.get("score") == best for o in ranked]
    return tied if sum(tied) > 1 else [i < 2 for i in range(len(ranked))]


def points_text(score: Json) -> str:
    """'1 point', '-1 point', '3 points'."""
    value = int(score) if isinstance(score, (int, float)) else 0
    return say("point" if abs(value) == 1 else "points", score=value)


def _points(reason: Mapping[str, Json]) -> str:
    points = int(reason.get("points") or 0)
    return f"{points:+d}"


def _steps(steps: Json) -> str:
    if not steps:
        return ""
    return (
        f'<p class="t2-steps-title">{_e(say("next-steps"))}</p><ul class="t2-steps">'
        + "".join(f"<li>{_e(s)}</li>" for s in steps)
        + "</ul>"
    )


def _items(key: str, items: Json, root: str) -> str:
    if not items:
        return ""
    lis = "".join(
        f"<li{_data('item', i.get('id'))}>{_e(i.get('label', i.get('id')))}"
        + (
            f' <span class="t2-importance">({_e(_importance(i.get("importance")))})</span>'
            if i.get("importance")
            else ""
        )
        + (
            f'<br><span class="t2-item-warning">{_e(i["warning"])}</span>'
            if i.get("warning") and key.startswith("missing")
            else ""
        )
        + _inline_link(i.get("link"), root)
        + "</li>"
        for i in items
    )
    css = key.replace("_", "-")
    return f'<h3>{_e(say("checklist." + key))}</h3><ul class="t2-items t2-items--{css}">{lis}</ul>'


def _checklist(result: Mapping[str, Json], root: str) -> str:
    return "".join(_items(group, result.get(group), root) for group in CHECKLIST_GROUPS)


def _gate(gate: Mapping[str, Json], root: str) -> str:
    return (
        f'<div class="admonition note t2-gate"{_data("outcome", gate.get("outcome"))}>'
        f'<p class="admonition-title">{_e(gate.get("title", gate.get("outcome")))}</p>'
        f"<p>{_e(gate.get('reason', ''))}</p><p>{_e(gate.get('summary', ''))}</p>"
        f"{_steps(gate.get('next_steps'))}{_warnings(gate.get('warnings'), root)}"
        f"{render_link(gate.get('link'), root)}</div>"
    )


def verdict(result: Mapping[str, Json]) -> str:
    """One line saying what the result is (also announced to screen readers)."""
    gate = result.get("gate")
    if isinstance(gate, dict):
        return say("gate", title=gate.get("title", gate.get("outcome")))
    if result.get("kind") == "checklist":
        return say("ready") if result.get("ready") else say("not-ready")
    ranked = result.get("ranked") or []
    if result.get("clear") and ranked:
        return say("recommended-title", title=ranked[0].get("title"))
    return say("no-clear-winner")


def render_result(tree: Json | Tree, answers: Json, state: Mapping[str, Json], *, root: str = "") -> str:
    """The result screen: verdict, reasons, links, warnings, then the review list and actions."""
    # imported here: resultview builds on this module's helpers
    from .resultview import render_changes, render_ruled_out, render_strength, render_then

    result = state["result"]
    labels = {str(e["question"]): _labels(tree, answers, str(e["question"]), e) for e in state["path"]}
    parts = [
        render_progress(state.get("progress", {}), None),
        f'<section class="t2-result"{_data("kind", result["kind"])}{_data("ready", result.get("ready"))}'
        f"{_data('strength', result.get('strength'))}{_data('top', result.get('top'))}>",
        f'<h2 tabindex="-1" data-focus>{_e(say("result"))}</h2>',
        f'<p class="t2-verdict"><strong>{_e(verdict(result))}</strong></p>',
    ]
    message = f'<p class="t2-message">{_e(result["message"])}</p>' if result.get("message") else ""
    gate = result.get("gate")
    if isinstance(gate, dict):
        parts.append(_gate(gate, root) + render_then(result))
    parts.append(render_strength(result) + message)  # after the gate's advice, before the ranking
    if result.get("kind") == "ranking":
        ranked = [o for o in result.get("ranked", []) if o.get("indicated")]
        others = [o for o in result.get("ranked", []) if not o.get("indicated")]
        clear = bool(result.get("clear"))
        parts.append(
            '<ol class="t2-ranked">'
            + "".join(
                _outcome(o, labels, root, top=i == 0 and clear, open_=unfold)
                for i, (o, unfold) in enumerate(zip(ranked, _unfolded(ranked, clear), strict=True))
            )
            + "</ol>"
        )
        if others:
            titles = ", ".join(str(o.get("title", o.get("outcome"))) for o in others)
            parts.append(f'<p class="t2-not-indicated">{_e(say("not-indicated", titles=titles))}</p>')
        parts.append(render_ruled_out(result, root) + render_changes(result))
    checklist = result if result.get("kind") == "checklist" else result.get("checklist")
    if isinstance(checklist, dict):
        parts.append(_checklist(checklist, root))
    parts.append(_warnings(result.get("warnings"), root))
    parts.append(
        f'<div class="t2-actions t2-result-actions">{button("export", say("export"), primary=True)}'
        f"{button('print', say('print'))}</div></section>"
    )
    parts.append(render_review(tree, answers, state).replace(" data-focus", ""))
    return "".join(parts)
