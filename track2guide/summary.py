"""The plan summary: one Markdown document for the answers given to one or more wizards."""

from __future__ import annotations

from collections.abc import Iterable

from .engine import step
from .jsontypes import Json, JsonDict
from .safetext import link_target
from .texts import Texts, say
from .tree import Tree, unwrap

# Exported plans travel (e-mail, USB stick, print): each link names its handbook section in
# words, and its address is relative to the handbook's own folder, which this note names.
LINKS_NOTE = (
    "Each link names a section of the handbook. Its address is relative to "
    "the handbook's folder (the one holding index.html): save this file there for the links to "
    "open, or find the section by its name in any copy of the handbook."
)


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _link(link: Json, base: str) -> str:
    if not isinstance(link, dict) or not link.get("href"):
        return ""
    href = str(link["href"])
    title = _cell(link.get("title", href)).replace("[", "\\[").replace("]", "\\]")
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

    def answers(self, tree: Tree, state: JsonDict) -> list[str]:
        out = [
            f"### {self.say('summary.answers')}",
            "",
            f"| {self.say('summary.question')} | {self.say('summary.answer')} |",
            "|---|---|",
        ]
        for entry in state["path"]:
            qid, answer = entry["question"], entry["answer"]
            ids = [answer] if isinstance(answer, str) else answer
            labels = [str((tree.choice(qid, cid) or {}).get("label", cid)) for cid in ids]
            shown = "; ".join(labels) if labels else self.say("summary.none")
            out.append(f"| {_cell(tree.questions[qid].get('text', qid))} | {_cell(shown)} |")
        return [*out, ""]

    def outcome(self, view: JsonDict) -> list[str]:
        out = [str(view.get("summary", "")), ""]
        link = _link(view.get("link"), self.base)
        if link:
            out += [self.say("summary.read-more", link=link), ""]
        if view.get("next_steps"):
            out += [f"**{self.say('summary.next-steps')}**", ""]
            out += [f"{i}. {s}" for i, s in enumerate(view["next_steps"], 1)] + [""]
        out += self.warnings(view.get("warnings", []))
        return out

    def warnings(self, warnings: list[JsonDict]) -> list[str]:
        if not warnings:
            return []
        out = [f"**{self.say('summary.warnings')}**", ""]
        for w in warnings:
            link = _link(w.get("link"), self.base)
            out.append(f"- {w.get('text', '')}" + (f" ({link})" if link else ""))
        return [*out, ""]

    def ranking(self, result: JsonDict) -> list[str]:
        ranked = result["ranked"]
        if result["clear"]:
            top = ranked[0]
            out = [f"**{self.say('summary.recommended', title=top['title'])}**", ""]
        else:
            out = [f"**{self.say('summary.no-winner')}**", "", str(result.get("message") or ""), ""]
        out += strength_lines(self, result)
        indicated = [r for r in ranked if r["indicated"]]
        for i, r in enumerate(indicated, 1):
            tied = f" ({self.say('summary.tied')})" if r["tied"] else ""
            out.append(f"{i}. **{r['title']}**: {points_text(self, r)}{tied}")
            out += [f"    - {reason['reason']} ({reason['points']:+d})" for reason in r["reasons"]]
        out.append("")
        rest = [r["title"] for r in ranked if not r["indicated"]]
        if rest:
            out += [self.say("summary.not-indicated", titles=", ".join(rest)), ""]
        if result["clear"]:
            out += self.outcome(ranked[0])
        return out

    def checklist(self, result: JsonDict) -> list[str]:
        out = [f"**{self.say('summary.ready' if result['ready'] else 'summary.not-ready')}**", ""]
        if result.get("message"):
            out += [str(result["message"]), ""]
        groups = (
            ("met", "summary.met", "x"),
            ("missing_required", "summary.missing-required", " "),
            ("missing_other", "summary.missing-other", " "),
            ("not_applicable", "summary.not-applicable", "-"),
        )
        for key, title, mark in groups:
            items = result.get(key) or []
            if not items:
                continue
            out += [f"#### {self.say(title)}", ""]
            for item in items:
                line = f"- [{mark}] {item['label']}" if mark != "-" else f"- {item['label']}"
                if key.startswith("missing") and item.get("warning"):
                    line += f": {item['warning']}"
                link = _link(item.get("link"), self.base)
                out.append(line + (f" ({link})" if link else ""))
            out.append("")
        return out

    def result(self, state: JsonDict) -> list[str]:
        out = [f"### {self.say('summary.result')}", ""]
        current = state["current"]
        if current is not None:
            return [*out, self.say("summary.unfinished", question=current["text"]), ""]
        result = state["result"]
        if result["gate"] is not None:
            gate = result["gate"]
            out += [
                f"**{self.say('summary.gate', title=gate['title'])}**",
                "",
                str(gate.get("reason", "")),
                "",
            ]
            out += self.outcome(gate)
            if result["kind"] == "ranking":
                out += [f"**{self.say('summary.then')}**", ""]
        if result["kind"] == "ranking":
            out += self.ranking(result) + ruled_out_lines(self, result) + change_lines(self, result)
        if result["kind"] == "checklist":
            out += self.checklist(result)
        elif result.get("checklist"):
            out += self.checklist(result["checklist"])
        return out + self.warnings(result.get("warnings", []))

    def section(self, tree_json: Json, answers: Json) -> list[str]:
        tree = unwrap(tree_json)
        if tree is None:
            return [say(self.texts, "error.bad-tree"), ""]
        out = [f"## {tree.raw.get('title', tree.id)}", ""]
        state = step(tree_json, answers, self.texts)
        if not state["ok"]:
            out += [self.say("summary.invalid"), ""] + [f"- {e['message']}" for e in state["errors"]] + [""]
            return out
        return out + self.answers(tree, state) + self.result(state)


def strength_lines(writer: _Summary, result: JsonDict) -> list[str]:
    """The result's strength in words (clear lead, close call, not enough information)."""
    strength = result.get("strength")
    return [f"*{writer.say(f'summary.strength.{strength}')}*", ""] if strength else []


def points_text(writer: _Summary, entry: JsonDict) -> str:
    """`N points`, or for a mixed outcome the shape of the evidence behind it."""
    sides = entry.get("mix_titles")
    if not sides or len(sides) != 2:
        return writer.say("summary.points", score=entry["score"])
    return writer.say("summary.mix-of", a=sides[0], b=sides[1])


def ruled_out_lines(writer: _Summary, result: JsonDict) -> list[str]:
    """Outcomes out of the running, each with the reason and its handbook link."""
    items = result.get("ruled_out") or []
    if not items:
        return []
    out = [f"**{writer.say('summary.ruled-out')}**", ""]
    for item in items:
        link = _link(item.get("link"), writer.base)
        line = writer.say("summary.ruled-out-item", title=item["title"], reason=item["reason"])
        out.append(f"- {line}" + (f" ({link})" if link else ""))
    return [*out, ""]


def change_lines(writer: _Summary, result: JsonDict) -> list[str]:
    """What would change this advice: single answers that, changed, change the top result or its strength."""
    items = result.get("changes") or []
    if not items:
        return []
    out = [f"**{writer.say('summary.changes')}**", ""]
    for c in items:
        outcome = c.get("top_title") or writer.say("summary.nothing-indicated")
        line = writer.say(
            "summary.change-item",
            question=_cell(c["question_text"]),
            how=writer.say(f"summary.change-{c['how']}"),
            choice=_cell(c["choice_label"]),
            result=outcome,
            strength=writer.say(f"summary.strength.{c['strength']}").lower(),
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
