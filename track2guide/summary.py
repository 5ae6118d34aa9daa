"""The plan summary: one Markdown document for the answers given to one or more wizards."""

from __future__ import annotations

from collections.abc import Iterable

from .checklist import CHECKLIST_GROUPS
from .engine import where
from .jsontypes import Json
from .model import Link
from .safetext import link_target
from .state import Advice, Change, Checklist, Notice, Ranked, Ranking, RankingResult, State
from .texts import say
from .tree import unwrap


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _link(link: Link | None, base: str) -> str:
    if link is None or not link.href:
        return ""
    href = link.href
    title = _cell(link.title).replace("[", "\\[").replace("]", "\\]")
    target = link_target(href)
    if target is None or any(ch in target for ch in " ()<>"):
        return title  # no link where the target could leave the site or break out of Markdown
    relative = ":" not in target.split("/")[0] and not target.startswith(("/", "#"))
    return f"[{title}]({base + target if relative else target})"


class _Summary:
    def __init__(self, base: str) -> None:
        self.base = base

    def answers(self, state: State) -> list[str]:
        out = [
            f"### {say('your-answers')}",
            "",
            f"| {say('summary.question')} | {say('summary.answer')} |",
            "|---|---|",
        ]
        for entry in state.path:
            shown = "; ".join(entry.labels) if entry.labels else say("none-ticked")
            out.append(f"| {_cell(entry.question.text)} | {_cell(shown)} |")
        return [*out, ""]

    def outcome(self, advice: Advice, link: Link | None) -> list[str]:
        o = advice.outcome
        out = [o.summary, ""]
        shown = _link(link, self.base)
        if shown:
            out += [say("read-more", title=shown), ""]
        if o.next_steps:
            out += [f"**{say('next-steps')}**", ""]
            out += [f"{i}. {s}" for i, s in enumerate(o.next_steps, 1)] + [""]
        out += self.warnings(advice.warnings)
        return out

    def warnings(self, warnings: tuple[Notice, ...]) -> list[str]:
        if not warnings:
            return []
        out = [f"**{say('warnings')}**", ""]
        for w in warnings:
            link = _link(w.link, self.base)
            out.append(f"- {w.text}" + (f" ({link})" if link else ""))
        return [*out, ""]

    def ranking(self, result: Ranking) -> list[str]:
        ranked = result.ranked
        if result.clear:
            top = ranked[0]
            out = [f"**{say('recommended-title', title=top.advice.outcome.title)}**", ""]
        else:
            out = [f"**{say('no-clear-winner')}**", "", result.message or "", ""]
        out += strength_lines(result)
        indicated = [r for r in ranked if r.indicated]
        for i, r in enumerate(indicated, 1):
            tied = f" ({say('tied')})" if r.tied else ""
            out.append(f"{i}. **{r.advice.outcome.title}**: {points_text(r)}{tied}")
            out += [f"    - {reason.reason} ({reason.points:+d})" for reason in r.reasons]
        out.append("")
        rest = [r.advice.outcome.title for r in ranked if not r.indicated]
        if rest:
            out += [say("not-indicated", titles=", ".join(rest)), ""]
        if result.clear:
            out += self.outcome(ranked[0].advice, ranked[0].advice.outcome.link)
        return out

    def checklist(self, checks: Checklist, ready: bool, message: str | None) -> list[str]:
        out = [f"**{say('ready' if ready else 'not-ready')}**", ""]
        if message:
            out += [message, ""]
        marks = {"met": "x", "not_applicable": "-"}
        for key in CHECKLIST_GROUPS:
            items = checks.group(key)
            mark = marks.get(key, " ")
            if not items:
                continue
            out += [f"#### {say('checklist.' + key)}", ""]
            for item in items:
                c = item.choice
                line = f"- [{mark}] {c.label}" if mark != "-" else f"- {c.label}"
                if key.startswith("missing") and c.warning:
                    line += f": {c.warning}"
                link = _link(c.link, self.base)
                out.append(line + (f" ({link})" if link else ""))
            out.append("")
        return out

    def result(self, state: State) -> list[str]:
        out = [f"### {say('result')}", ""]
        current = state.current
        if current is not None:
            return [*out, say("summary.unfinished", question=current.question.text), ""]
        result = state.result
        assert result is not None  # a walk that has no current question has a result
        gate = result.gate
        if gate is not None:
            out += [
                f"**{say('gate', title=gate.advice.outcome.title)}**",
                "",
                gate.reason,
                "",
            ]
            out += self.outcome(gate.advice, gate.link)
            if isinstance(result, RankingResult):
                out += [f"**{say('then')}**", ""]
        if isinstance(result, RankingResult):
            ranking = result.ranking
            out += self.ranking(ranking) + ruled_out_lines(self, ranking) + change_lines(result.changes)
            if result.checklist is not None:
                out += self.checklist(result.checklist, result.checklist.ready, None)
        else:
            out += self.checklist(result.checklist, result.ready, result.message)
        return out + self.warnings(result.warnings)

    def section(self, tree_json: Json, answers: Json) -> list[str]:
        tree = unwrap(tree_json)
        if tree is None:
            return [say("error.bad-tree"), ""]
        out = [f"## {tree.title}", ""]
        state = where(tree, answers)
        if not isinstance(state, State):
            out += [say("summary.invalid"), ""] + [f"- {e['message']}" for e in state["errors"]] + [""]
            return out
        return out + self.answers(state) + self.result(state)


def strength_lines(result: Ranking) -> list[str]:
    """The result's strength in words (clear lead, close call, not enough information)."""
    return [f"*{say(f'strength.{result.strength}')}*", ""]


def points_text(entry: Ranked) -> str:
    """`N points`, or for a mixed outcome the shape of the evidence behind it."""
    sides = entry.mix_titles
    if len(sides) != 2:
        return say("point" if abs(entry.score) == 1 else "points", score=entry.score)
    return say("mix-of", a=sides[0], b=sides[1])


def ruled_out_lines(writer: _Summary, result: Ranking) -> list[str]:
    """Outcomes out of the running, each with the reason and its handbook link."""
    items = result.ruled_out
    if not items:
        return []
    out = [f"**{say('ruled-out')}**", ""]
    for item in items:
        link = _link(item.link, writer.base)
        line = f"{item.title}: {say('ruled-out-because', reason=item.reason)}"
        out.append(f"- {line}" + (f" ({link})" if link else ""))
    return [*out, ""]


def change_lines(items: tuple[Change, ...]) -> list[str]:
    """What would change this advice: single answers that, changed, change the top result or its strength."""
    if not items:
        return []
    out = [f"**{say('changes')}**", ""]
    for c in items:
        outcome = c.top_title or say("nothing-indicated")
        line = say(
            "change-to",
            how=say(f"change-how.{c.how}"),
            choice=_cell(c.choice_label),
            result=outcome,
            strength=say(f"strength.{c.strength}").lower(),
        )
        out.append(f"- “{_cell(c.question_text)}”: {line}")
    return [*out, ""]


def summary_markdown(
    items: Iterable[tuple[Json, Json]], *, base_url: str = "", credit: bool = False,
) -> str:
    """Markdown plan summary for `[(tree, answers), ...]`; links get `base_url` in front.

    Neutral by default: the line naming the handbook comes only with `credit`."""
    writer = _Summary(base_url)
    out = [f"# {say('summary.title')}", ""] + ([say("summary.intro"), ""] if credit else [])
    if not base_url:
        out += [f"*{say('summary.links-note')}*", ""]
    for tree, answers in items:
        out += writer.section(tree, answers)
    return "\n".join(out).rstrip("\n") + "\n"
