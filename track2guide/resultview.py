"""The parts of the wizard's result screen added by tree language 2: the strength in words,
points on request, ruled-out outcomes and what would change the advice (HTML, escaped)."""

from __future__ import annotations

from collections.abc import Mapping

from .jsontypes import Json
from .texts import say
from .view import _data, _e, _inline_link, button, points_text


def score(o: Mapping[str, Json]) -> str:
    """The points, folded away (words come first): `N points`, or a mixed outcome's two sides."""
    sides = o.get("mix_titles")
    if isinstance(sides, list) and len(sides) == 2:
        text = say("mix-of", a=sides[0], b=sides[1])
    else:
        text = points_text(o.get("score", 0)) + (f", {say('tied')}" if o.get("tied") else "")
    return (
        f'<details class="t2-points"><summary>{_e(say("points-title"))}</summary>'
        f'<p class="t2-score">{_e(text)}</p></details>'
    )


def render_strength(result: Mapping[str, Json]) -> str:
    """The strength of a ranking in words: clear lead, close call or not enough information."""
    strength = result.get("strength")
    if result.get("kind") != "ranking" or strength not in ("clear", "close", "insufficient"):
        return ""
    return f'<p class="t2-strength t2-strength--{strength}">{_e(say(f"strength.{strength}"))}</p>'


def render_then(result: Mapping[str, Json]) -> str:
    """After a gate's advice, the heading that introduces the ranking."""
    return (
        f'<p class="t2-then"><strong>{_e(say("then"))}</strong></p>'
        if result.get("kind") == "ranking"
        else ""
    )


def render_ruled_out(result: Mapping[str, Json], root: str) -> str:
    """Outcomes out of the running, each 'ruled out because' its reason, with the link."""
    items = result.get("ruled_out") or []
    if not items:
        return ""
    lis = "".join(
        f"<li{_data('outcome', x.get('outcome'))}><strong>{_e(x.get('title', x.get('outcome')))}</strong>: "
        f"{_e(say('ruled-out-because', reason=x.get('reason', '')))}{_inline_link(x.get('link'), root)}</li>"
        for x in items
    )
    return f'<h3>{_e(say("ruled-out"))}</h3><ul class="t2-ruled-out">{lis}</ul>'


def render_changes(result: Mapping[str, Json]) -> str:
    """What would change this advice: each answer with a Change button that reopens its question."""
    items = result.get("changes") or []
    if not items:
        return ""
    lis = []
    for c in items:
        text = say(
            "change-to",
            how=say(f"change-how.{c.get('how')}"),
            choice=c.get("choice_label", ""),
            result=c.get("top_title") or say("nothing-indicated"),
            strength=say(f"strength.{c.get('strength')}").lower(),
        )
        change = button(
            "change",
            say("change"),
            question=str(c.get("question")),
            hidden=say("change.hidden", question=c.get("question_text", "")),
        )
        lis.append(
            f"<li{_data('question', c.get('question'))}>"
            f'<span class="t2-change-q">{_e(c.get("question_text"))}</span> '
            f"{_e(text)} {change}</li>"
        )
    return (
        f'<details class="t2-changes"><summary>{_e(say("changes"))}</summary>'
        f'<ul class="t2-changes-list">{"".join(lis)}</ul></details>'
    )
