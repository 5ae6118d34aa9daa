"""The parts of the wizard's result screen added by tree language 2: the strength in words,
points on request, ruled-out outcomes and what would change the advice (HTML, escaped)."""

from __future__ import annotations

from .state import Change, Ranked, Ranking, RankingResult, Result
from .texts import say
from .view import _data, _e, _inline_link, button, points_text


def score(o: Ranked) -> str:
    """The points, folded away (words come first): `N points`, or a mixed outcome's two sides."""
    sides = o.mix_titles
    if len(sides) == 2:
        text = say("mix-of", a=sides[0], b=sides[1])
    else:
        text = points_text(o.score) + (f", {say('tied')}" if o.tied else "")
    return (
        f'<details class="t2-points"><summary>{_e(say("points-title"))}</summary>'
        f'<p class="t2-score">{_e(text)}</p></details>'
    )


def render_strength(result: Result) -> str:
    """The strength of a ranking in words: clear lead, close call or not enough information."""
    if not isinstance(result, RankingResult):
        return ""
    strength = result.ranking.strength
    return f'<p class="t2-strength t2-strength--{strength}">{_e(say(f"strength.{strength}"))}</p>'


def render_then(result: Result) -> str:
    """After a gate's advice, the heading that introduces the ranking."""
    return (
        f'<p class="t2-then"><strong>{_e(say("then"))}</strong></p>'
        if isinstance(result, RankingResult)
        else ""
    )


def render_ruled_out(ranking: Ranking, root: str) -> str:
    """Outcomes out of the running, each 'ruled out because' its reason, with the link."""
    items = ranking.ruled_out
    if not items:
        return ""
    lis = "".join(
        f"<li{_data('outcome', x.outcome)}><strong>{_e(x.title)}</strong>: "
        f"{_e(say('ruled-out-because', reason=x.reason))}{_inline_link(x.link, root)}</li>"
        for x in items
    )
    return f'<h3>{_e(say("ruled-out"))}</h3><ul class="t2-ruled-out">{lis}</ul>'


def render_changes(items: tuple[Change, ...]) -> str:
    """What would change this advice: each answer with a Change button that reopens its question."""
    if not items:
        return ""
    lis = []
    for c in items:
        text = say(
            "change-to",
            how=say(f"change-how.{c.how}"),
            choice=c.choice_label,
            result=c.top_title or say("nothing-indicated"),
            strength=say(f"strength.{c.strength}").lower(),
        )
        hidden = say("change.hidden", question=c.question_text)
        change = button("change", say("change"), question=c.question, hidden=hidden)
        lis.append(
            f"<li{_data('question', c.question)}>"
            f'<span class="t2-change-q">{_e(c.question_text)}</span> '
            f"{_e(text)} {change}</li>"
        )
    return (
        f'<details class="t2-changes"><summary>{_e(say("changes"))}</summary>'
        f'<ul class="t2-changes-list">{"".join(lis)}</ul></details>'
    )
