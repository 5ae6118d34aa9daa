"""The plan summary: one Markdown document for the answers given to one or more wizards."""

from __future__ import annotations

from collections.abc import Iterable

from .engine import where
from .jsontypes import Json
from .model import Link
from .safetext import link_target
from .state import Advice, Change, Checklist, Notice, Ranked, Ranking, RankingResult, State
from .texts import Texts, say
from .tree import unwrap

# Exported plans travel (e-mail, USB stick, print): each link names its handbook section in
# words, and its address is relative to the handbook's own folder, which this note names.
LINKS_NOTE = (
    "Each link names a section of the handbook. Its address is relative to "
    "the handbook's folder (the one holding index.html): save this file there for the links to "
    "open, or find the section by its name in any copy of the handbook."
)


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
    def __init__(self, base: str, texts: Texts | None) -> None:
        self.base = base
        self.texts = texts

    def say(self, key: str, /, **values: object) -> str:
        return say(self.texts, key, **values)

    def answers(self, state: State) -> list[str]:
        out = [
            f"### {self.say('summary.answers')}",
            "",
            f"| {self.say('summary.question')} | {self.say('summary.answer')} |",
            "|---|---|",
        ]
        for entry in state.path:
            shown = "; ".join(entry.labels) if entry.labels else self.say("summary.none")
            out.append(f"| {_cell(entry.question.text)} | {_cell(shown)} |")
        return [*out, ""]

    def outcome(self, advice: Advice, link: Link | None) -> list[str]:
        o = advice.outcome
        out = [o.summary, ""]
        shown = _link(link, self.base)
        if shown:
            out += [self.say("summary.read-more", link=shown), ""]
        if o.next_steps:
            out += [f"**{self.say('summary.next-steps')}**", ""]
            out += [f"{i}. {s}" for i, s in enumerate(o.next_steps, 1)] + [""]
        out += self.warnings(advice.warnings)
        return out

    def warnings(self, warnings: tuple[Notice, ...]) -> list[str]:
        if not warnings:
            return []
        out = [f"**{self.say('summary.warnings')}**", ""]
        for w in warnings:
            link = _link(w.link, self.base)
            out.append(f"- {w.text}" + (f" ({link})" if link else ""))
        return [*out, ""]

    def ranking(self, result: Ranking) -> list[str]:
        ranked = result.ranked
        if result.clear:
            top = ranked[0]
            out = [f"**{self.say('summary.recommended', title=top.advice.outcome.title)}**", ""]
        else:
            out = [f"**{self.say('summary.no-winner')}**", "", result.message or "", ""]
        out += strength_lines(self, result)
        indicated = [r for r in ranked if r.indicated]
        for i, r in enumerate(indicated, 1):
            tied = f" ({self.say('summary.tied')})" if r.tied else ""
            out.append(f"{i}. **{r.advice.outcome.title}**: {points_text(self, r)}{tied}")
            out += [f"    - {reason.reason} ({reason.points:+d})" for reason in r.reasons]
        out.append("")
        rest = [r.advice.outcome.title for r in ranked if not r.indicated]
        if rest:
            out += [self.say("summary.not-indicated", titles=", ".join(rest)), ""]
        if result.clear:
            out += self.outcome(ranked[0].advice, ranked[0].advice.outcome.link)
        return out

    def checklist(self, checks: Checklist, ready: bool, message: str | None) -> list[str]:
        out = [f"**{self.say('summary.ready' if ready else 'summary.not-ready')}**", ""]
        if message:
            out += [message, ""]
        groups = (
            (checks.met, "summary.met", "x"),
            (checks.missing_required, "summary.missing-required", " "),
            (checks.missing_other, "summary.missing-other", " "),
            (checks.not_applicable, "summary.not-applicable", "-"),
        )
        for items, title, mark in groups:
            if not items:
                continue
            out += [f"#### {self.say(title)}", ""]
            for item in items:
                c = item.choice
                line = f"- [{mark}] {c.label}" if mark != "-" else f"- {c.label}"
                if title.startswith("summary.missing") and c.warning:
                    line += f": {c.warning}"
                link = _link(c.link, self.base)
                out.append(line + (f" ({link})" if link else ""))
            out.append("")
        return out

    def result(self, state: State) -> list[str]:
        out = [f"### {self.say('summary.result')}", ""]
        current = state.current
        if current is not None:
            return [*out, self.say("summary.unfinished", question=current.question.text), ""]
        result = state.result
        assert result is not None  # a walk that has no current question has a result
        gate = result.gate
        if gate is not None:
            out += [
                f"**{self.say('summary.gate', title=gate.advice.outcome.title)}**",
                "",
                gate.reason,
                "",
            ]
            out += self.outcome(gate.advice, gate.link)
            if isinstance(result, RankingResult):
                out += [f"**{self.say('summary.then')}**", ""]
        if isinstance(result, RankingResult):
            ranking = result.ranking
            out += self.ranking(ranking) + ruled_out_lines(self, ranking) + change_lines(self, result.changes)
            if result.checklist is not None:
                out += self.checklist(result.checklist, result.checklist.ready, None)
        else:
            out += self.checklist(result.checklist, result.ready, result.message)
        return out + self.warnings(result.warnings)

    def section(self, tree_json: Json, answers: Json) -> list[str]:
        tree = unwrap(tree_json)
        if tree is None:
            return [say(self.texts, "error.bad-tree"), ""]
        out = [f"## {tree.title}", ""]
        state = where(tree, answers, self.texts)
        if not isinstance(state, State):
            out += [self.say("summary.invalid"), ""] + [f"- {e['message']}" for e in state["errors"]] + [""]
            return out
        return out + self.answers(state) + self.result(state)


def strength_lines(writer: _Summary, result: Ranking) -> list[str]:
    """The result's strength in words (clear lead, close call, not enough information)."""
    return [f"*{writer.say(f'summary.strength.{result.strength}')}*", ""]


def points_text(writer: _Summary, entry: Ranked) -> str:
    """`N points`, or for a mixed outcome the shape of the evidence behind it."""
    sides = entry.mix_titles
    if len(sides) != 2:
        return writer.say("summary.points", score=entry.score)
    return writer.say("summary.mix-of", a=sides[0], b=sides[1])


def ruled_out_lines(writer: _Summary, result: Ranking) -> list[str]:
    """Outcomes out of the running, each with the reason and its handbook link."""
    items = result.ruled_out
    if not items:
        return []
    out = [f"**{writer.say('summary.ruled-out')}**", ""]
    for item in items:
        link = _link(item.link, writer.base)
        line = writer.say("summary.ruled-out-item", title=item.title, reason=item.reason)
        out.append(f"- {line}" + (f" ({link})" if link else ""))
    return [*out, ""]


def change_lines(writer: _Summary, items: tuple[Change, ...]) -> list[str]:
    """What would change this advice: single answers that, changed, change the top result or its strength."""
    if not items:
        return []
    out = [f"**{writer.say('summary.changes')}**", ""]
    for c in items:
        outcome = c.top_title or writer.say("summary.nothing-indicated")
        line = writer.say(
            "summary.change-item",
            question=_cell(c.question_text),
            how=writer.say(f"summary.change-{c.how}"),
            choice=_cell(c.choice_label),
            result=outcome,
            strength=writer.say(f"summary.strength.{c.strength}").lower(),
        )
        out.append(f"- {line}")
    return [*out, ""]


def summary_markdown(
    items: Iterable[tuple[Json, Json]], *, base_url: str = "", texts: Texts | None = None,
    credit: bool = False,
) -> str:
    """Markdown plan summary for `[(tree, answers), ...]`; links get `base_url` in front.

    Neutral by default: the line naming the handbook comes only with `credit`."""
    writer = _Summary(base_url, texts)
    out = [f"# {say(texts, 'summary.title')}", ""] + ([say(texts, "summary.intro"), ""] if credit else [])
    if not base_url:
        out += [f"*{LINKS_NOTE}*", ""]
    for tree, answers in items:
        out += writer.section(tree, answers)
    return "\n".join(out).rstrip("\n") + "\n"
