"""The wizard's HTML view: the typed state (track2guide.state) in, escaped HTML out.

Pure standard-library code, run by CPython at build time (the pre-rendered first
question) and by Pyodide in the browser (every later screen), so both produce the
same HTML.  Every piece of text goes through `html.escape`; answers are shown by
the tree's own labels, never by what a file contained.  The controller that picks
which screen to show is `track2guide.wizard`.
"""

from __future__ import annotations

from html import escape

from .checklist import CHECKLIST_GROUPS
from .model import Choice, Link
from .safetext import link_target
from .state import (
    Asked,
    Checklist,
    ChecklistResult,
    GateAdvice,
    Item,
    Notice,
    Progress,
    Ranked,
    RankingResult,
    Reason,
    Result,
    State,
)
from .texts import say


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _data(name: str, value: str | bool | None) -> str:
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


def render_link(link: Link | None, root: str = "", cls: str = "t2-more") -> str:
    """`<p><a>Read more: title</a></p>` for a handbook link, or ''."""
    if link is None or not link.href:
        return ""
    title = say("read-more", title=link.title or link.href)
    return f'<p class="{cls}"><a href="{_e(_href(link.href, root))}">{_e(title)}</a></p>'


def _inline_link(link: Link | None, root: str) -> str:
    if link is None or not link.href:
        return ""
    return f' <a href="{_e(_href(link.href, root))}">{_e(link.title or link.href)}</a>'


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


def render_progress(progress: Progress, number: int | None = None) -> str:
    """Progress bar and 'Question n of about N' (the total is the longest path still possible)."""
    percent = progress.percent
    if number is None:
        text = say("progress.done")
        percent = 100
    else:
        text = say("progress", number=number, total=max(progress.total, number))
    return (
        f'<div class="t2-progress"><progress class="t2-progress-bar" max="100" value="{percent}" '
        f'aria-labelledby="t2-progress-text"></progress>'
        f'<p class="t2-progress-text" id="t2-progress-text">{_e(text)}</p></div>'
    )


def _importance(level: str) -> str:
    return say(f"importance.{level}")


def _choice(asked: Asked, c: Choice, root: str) -> str:
    q = asked.question
    cid = f"t2-c-{q.id}-{c.id}"
    chosen = asked.answer
    checked = c.id == chosen if q.type == "single" else isinstance(chosen, tuple) and c.id in chosen
    kind = "radio" if q.type == "single" else "checkbox"
    label = _e(c.label)
    if q.type == "checklist":
        label += (
            f' <span class="t2-importance t2-importance--{_e(c.importance)}">'
            f"({_e(_importance(c.importance))})</span>"
        )
    extra = ""
    if c.help:
        extra += f'<span class="t2-choice-help" id="{_e(cid)}-help">{_e(c.help)}</span>'
    extra += _inline_link(c.link, root)
    described = f' aria-describedby="{_e(cid)}-help"' if c.help else ""
    return (
        f'<li class="t2-choice"><input type="{kind}" id="{_e(cid)}" name="t2-answer" value="{_e(c.id)}"'
        f"{' checked' if checked else ''}{described}>"
        f'<label for="{_e(cid)}">{label}</label>{extra}</li>'
    )


def _error_summary(asked: Asked) -> str:
    """GOV.UK-style error summary, hidden until the shell shows it (its link goes to the first answer)."""
    first = asked.choices[0].id if asked.choices else ""
    target = f"t2-c-{asked.question.id}-{first}"
    return (
        '<div class="t2-error-summary" id="t2-error-summary" tabindex="-1" role="alert" hidden>'
        f'<h2 class="t2-error-title">{_e(say("error.title"))}</h2>'
        f'<ul><li><a href="#{_e(target)}" class="t2-error-text">{_e(say("choose-one"))}</a>'
        "</li></ul></div>"
    )


def render_question(asked: Asked, progress: Progress, *, root: str = "", can_back: bool = True) -> str:
    """A question as asked, as a form; its earlier answer is pre-selected."""
    q = asked.question
    parts = [
        render_progress(progress, asked.number),
        # method="dialog": without JavaScript the form cannot put the answer into the URL.
        f'<form class="t2-question" method="dialog" data-question="{_e(q.id)}" '
        f'data-type="{_e(q.type)}" novalidate>',
        _error_summary(asked),
        '<fieldset aria-describedby="t2-hint"><legend class="t2-legend">',
        '<h2 class="t2-question-text" tabindex="-1" data-focus elementtiming="t2-question">',
        f"{_e(q.text)}</h2></legend>",
        f'<p class="t2-hint" id="t2-hint">{_e(say("hint." + q.type))}</p>',
    ]
    if q.help:
        parts.append(f'<p class="t2-help">{_e(q.help)}</p>')
    term = q.term
    if term is not None and term.definition:
        parts.append(f'<p class="t2-term"><dfn>{_e(term.term)}</dfn>: {_e(term.definition)}</p>')
    parts.append(render_link(q.link, root))
    parts.append(
        '<p class="t2-error-message" id="t2-error" hidden>'
        f'<span class="t2-sr">{_e(say("error.prefix"))} </span>'
        f'<span class="t2-error-text">{_e(say("choose-one"))}</span></p>'
    )
    choices = "".join(_choice(asked, c, root) for c in asked.choices)
    parts.append(f'<ul class="t2-choices">{choices}</ul>')
    parts.append("</fieldset>")
    back = button("back", say("back")) if can_back else ""
    parts.append(
        f'<div class="t2-actions">{button("answer", say("next"), primary=True, submit=True)}{back}'
        f"{button('review', say('review'))}</div></form>"
    )
    return "".join(parts)


def _because(reason: Reason) -> str:
    """'+2, your answer “Yes” to “Question?”' for one reason of an outcome's score."""
    words = say("from-answer", choice=reason.choice_label, question=reason.question_text)
    return f"{reason.points:+d}, {words}"


def render_review(state: State) -> str:
    """'Your answers': every answer on the path, each with a Change button."""
    rows = []
    for entry in state.path:
        qid, text, labels = entry.question.id, entry.question.text, entry.labels
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


def _warnings(items: tuple[Notice, ...], root: str) -> str:
    if not items:
        return ""
    lis = "".join(f"<li{_data('warning', w.id)}>{_e(w.text)}{_inline_link(w.link, root)}</li>" for w in items)
    return (
        f'<div class="admonition warning t2-warnings"><p class="admonition-title">{_e(say("warnings"))}</p>'
        f"<ul>{lis}</ul></div>"
    )


def _outcome(r: Ranked, root: str, *, top: bool, open_: bool) -> str:
    """One ranked outcome; its reasons, next steps and warnings fold away unless `open_`."""
    from .resultview import score  # here: resultview builds on this module's helpers

    o = r.advice.outcome
    parts = [
        f'<li class="t2-outcome{" t2-outcome--top" if top else ""}"{_data("outcome", o.id)}>',
        f"<h3>{_e(o.title)}</h3>",
        f"<p>{_e(o.summary)}</p>",
        score(r),
    ]
    reasons = [x for x in r.reasons if x.reason]
    details = ""
    if reasons:
        lis = "".join(
            f'<li>{_e(x.reason)} <span class="t2-from">({_e(_because(x))})</span>'
            f"{_inline_link(x.link, root)}</li>"
            for x in reasons
        )
        details = f'<p class="t2-why">{_e(say("why"))}</p><ul class="t2-reasons">{lis}</ul>'
    details += _steps(o.next_steps) + _warnings(r.advice.warnings, root)
    if open_:
        parts.append(details)
    elif details:
        parts.append(
            f'<details class="t2-more-details"><summary>{_e(say("details"))}</summary>{details}</details>'
        )
    return "".join(parts) + render_link(o.link, root) + "</li>"


def _unfolded(ranked: list[Ranked], clear: bool) -> list[bool]:
    """Which outcomes show details at once: the winner, else those tied at the top (or the first two)."""
    if clear:
        return [i == 0 for i in range(len(ranked))]
    best = ranked[0].score if ranked else None
    tied = [o.score == best for o in ranked]
    return tied if sum(tied) > 1 else [i < 2 for i in range(len(ranked))]


def points_text(score: int) -> str:
    """'1 point', '-1 point', '3 points'."""
    return say("point" if abs(score) == 1 else "points", score=score)


def _steps(steps: tuple[str, ...]) -> str:
    if not steps:
        return ""
    return (
        f'<p class="t2-steps-title">{_e(say("next-steps"))}</p><ul class="t2-steps">'
        + "".join(f"<li>{_e(s)}</li>" for s in steps)
        + "</ul>"
    )


def _items(key: str, items: tuple[Item, ...], root: str) -> str:
    if not items:
        return ""
    lis = "".join(
        f"<li{_data('item', i.choice.id)}>{_e(i.choice.label)}"
        + f' <span class="t2-importance">({_e(_importance(i.choice.importance))})</span>'
        + (
            f'<br><span class="t2-item-warning">{_e(i.choice.warning)}</span>'
            if i.choice.warning and key.startswith("missing")
            else ""
        )
        + _inline_link(i.choice.link, root)
        + "</li>"
        for i in items
    )
    css = key.replace("_", "-")
    return f'<h3>{_e(say("checklist." + key))}</h3><ul class="t2-items t2-items--{css}">{lis}</ul>'


def _checklist(checks: Checklist, root: str) -> str:
    return "".join(_items(group, checks.group(group), root) for group in CHECKLIST_GROUPS)


def _gate(gate: GateAdvice, root: str) -> str:
    o = gate.advice.outcome
    return (
        f'<div class="admonition note t2-gate"{_data("outcome", o.id)}>'
        f'<p class="admonition-title">{_e(o.title)}</p>'
        f"<p>{_e(gate.reason)}</p><p>{_e(o.summary)}</p>"
        f"{_steps(o.next_steps)}{_warnings(gate.advice.warnings, root)}"
        f"{render_link(gate.link, root)}</div>"
    )


def verdict(result: Result) -> str:
    """One line saying what the result is (also announced to screen readers)."""
    if result.gate is not None:
        return say("gate", title=result.gate.advice.outcome.title)
    if isinstance(result, ChecklistResult):
        return say("ready") if result.ready else say("not-ready")
    ranked = result.ranking.ranked
    if result.ranking.clear and ranked:
        return say("recommended-title", title=ranked[0].advice.outcome.title)
    return say("no-clear-winner")


def render_result(state: State, *, root: str = "") -> str:
    """The result screen: verdict, reasons, links, warnings, then the review list and actions."""
    # imported here: resultview builds on this module's helpers
    from .resultview import render_changes, render_ruled_out, render_strength, render_then

    result = state.result
    assert result is not None  # the controller shows a result only when the walk has one
    ranking = result.ranking if isinstance(result, RankingResult) else None
    kind = "ranking" if ranking is not None else "checklist"
    ready = result.ready if isinstance(result, ChecklistResult) else None
    strength = ranking.strength if ranking is not None else None
    top = ranking.top if ranking is not None else None
    parts = [
        render_progress(state.progress, None),
        f'<section class="t2-result"{_data("kind", kind)}{_data("ready", ready)}'
        f"{_data('strength', strength)}{_data('top', top)}>",
        f'<h2 tabindex="-1" data-focus>{_e(say("result"))}</h2>',
        f'<p class="t2-verdict"><strong>{_e(verdict(result))}</strong></p>',
    ]
    said = result.message if isinstance(result, ChecklistResult) else result.ranking.message
    message = f'<p class="t2-message">{_e(said)}</p>' if said else ""
    if result.gate is not None:
        parts.append(_gate(result.gate, root) + render_then(result))
    parts.append(render_strength(result) + message)  # after the gate's advice, before the ranking
    checklist = result.checklist
    if isinstance(result, RankingResult):
        ranking = result.ranking
        ranked = [o for o in ranking.ranked if o.indicated]
        others = [o for o in ranking.ranked if not o.indicated]
        clear = ranking.clear
        parts.append(
            '<ol class="t2-ranked">'
            + "".join(
                _outcome(o, root, top=i == 0 and clear, open_=unfold)
                for i, (o, unfold) in enumerate(zip(ranked, _unfolded(ranked, clear), strict=True))
            )
            + "</ol>"
        )
        if others:
            titles = ", ".join(o.advice.outcome.title for o in others)
            parts.append(f'<p class="t2-not-indicated">{_e(say("not-indicated", titles=titles))}</p>')
        parts.append(render_ruled_out(ranking, root) + render_changes(result.changes))
    if checklist is not None:
        parts.append(_checklist(checklist, root))
    parts.append(_warnings(result.warnings, root))
    parts.append(
        f'<div class="t2-actions t2-result-actions">{button("export", say("export"), primary=True)}'
        f"{button('print', say('print'))}</div></section>"
    )
    parts.append(render_review(state).replace(" data-focus", ""))
    return "".join(parts)
