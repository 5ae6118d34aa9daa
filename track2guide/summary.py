"""The plan summary: one Markdown document for the answers given to one or more wizards."""

from __future__ import annotations

from collections.abc import Iterable

from .checklist import CHECKLIST_GROUPS
from .engine import step
from .jsontypes import Json, JsonDict
from .safetext import link_target
from .texts import say
from .tree import Tree, unwrap


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
    def __init__(self, base: str) -> None:
        self.base = base

    def answers(self, tree: Tree, state: JsonDict) -> list[str]:
        out = [
            f"### {say('your-answers')}",
            "",
            f"| {say('summary.question')} | {say('summary.answer')} |",
            "|---|---|",
        ]
        for entry in state["path"]:
            qid, answer = entry["question"], entry["answer"]
            ids = [answer] if isinstance(answer, str) else answer
            labels = [str((tree.choice(qid, cid) or {}).get("label", cid)) for cid in ids]
            shown = "; ".join(labels) if labels else say("none-ticked")
            out.append(f"| {_cell(tree.questions[qid].get('text', qid))} | {_cell(shown)} |")
        return [*out, ""]

    def outcome(self, view: JsonDict) -> list[str]:
        out = [str(view.get("summary", "")), ""]
        link = _link(view.get("link"), self.base)
        if link:
            out += [say("read-more", title=link), ""]
        if view.get("next_steps"):
            out += [f"**{say('next-steps')}**", ""]
            out += [f"{i}. {s}" for i, s in enumerate(view["next_steps"], 1)] + [""]
        out += self.warnings(view.get("warnings", []))
        return out

    def warnings(self, warnings: list[JsonDict]) -> list[str]:
        if not warnings:
            return []
        out = [f"**{say('warnings')}**", ""]
        for w in warnings:
            link = _link(w.get("link"), self.base)
            out.append(f"- {w.get('text', '')}" + (f" ({link})" if link else ""))
        return [*out, ""]

    def ranking(self, result: JsonDict) -> list[str]:
        ranked = result["ranked"]
        if result["clear"]:
            top = ranked[0]
            out = [f"**{say('recommended-title', title=top['title'])}**", ""]
        else:
            out = [f"**{say('no-clear-winner')}**", "", str(result.get("message") or ""), ""]
        out += strength_lines(result)
        indicated = [r for r in ranked if r["indicated"]]
        for i, r in enumerate(indicated, 1):
            tied = f" ({say('tied')})" if r["tied"] else ""
            out.append(f"{i}. **{r['title']}**: {points_text(r)}{tied}")
            out += [f"    - {reason['reason']} ({reason['points']:+d})" for reason in r["reasons"]]
        out.append("")
        rest = [r["title"] for r in ranked if not r["indicated"]]
        if rest:
            out += [say("not-indicated", titles=", ".join(rest)), ""]
        if result["clear"]:
            out += self.outcome(ranked[0])
        return out

    def checklist(self, result: JsonDict) -> list[str]:
        out = [f"**{say('ready' if result['ready'] else 'not-ready')}**", ""]
        if result.get("message"):
            out += [str(result["message"]), ""]
        marks = {"met": "x", "not_applicable": "-"}
        for key in CHECKLIST_GROUPS:
            items = result.get(key) or []
            mark = marks.get(key, " ")
            if not items:
                continue
            out += [f"#### {say('checklist.' + key)}", ""]
            for item in items:
                line = f"- [{mark}] {item['label']}" if mark != "-" else f"- {item['label']}"
                if key.startswith("missing") and item.get("warning"):
                    line += f": {item['warning']}"
                link = _link(item.get("link"), self.base)
                out.append(line + (f" ({link})" if link else ""))
            out.append("")
        return out

    def result(self, state: JsonDict) -> list[str]:
        out = [f"### {say('result')}", ""]
        current = state["current"]
        if current is not None:
            return [*out, say("summary.unfinished", question=current["text"]), ""]
        result = state["result"]
        if result["gate"] is not None:
            gate = result["gate"]
            out += [
                f"**{say('gate', title=gate['title'])}**",
                "",
                str(gate.get("reason", "")),
                "",
            ]
            out += self.outcome(gate)
            if result["kind"] == "ranking":
                out += [f"**{say('then')}**", ""]
        if result["kind"] == "ranking":
            out += self.ranking(result) + ruled_out_lines(self, result) + change_lines(result)
        if result["kind"] == "checklist":
            out += self.checklist(result)
        elif result.get("checklist"):
            out += self.checklist(result["checklist"])
        return out + self.warnings(result.get("warnings", []))

    def section(self, tree_json: Json, answers: Json) -> list[str]:
        tree = unwrap(tree_json)
        if tree is None:
            return [say("error.bad-tree"), ""]
        out = [f"## {tree.raw.get('title', tree.id)}", ""]
        state = step(tree_json, answers)
        if not state["ok"]:
            out += [say("summary.invalid"), ""] + [f"- {e['message']}" for e in state["errors"]] + [""]
            return out
        return out + self.answers(tree, state) + self.result(state)


def strength_lines(result: JsonDict) -> list[str]:
    """The result's strength in words (clear lead, close call, not enough information)."""
    strength = result.get("strength")
    return [f"*{say(f'strength.{strength}')}*", ""] if strength else []


def points_text(entry: JsonDict) -> str:
    """`N points`, or for a mixed outcome the shape of the evidence behind it."""
    sides = entry.get("mix_titles")
    if not sides or len(sides) != 2:
        return say("point" if abs(entry["score"]) == 1 else "points", score=entry["score"])
    return say("mix-of", a=sides[0], b=sides[1])


def ruled_out_lines(writer: _Summary, result: JsonDict) -> list[str]:
    """Outcomes out of the running, each with the reason and its handbook link."""
    items = result.get("ruled_out") or []
    if not items:
        return []
    out = [f"**{say('ruled-out')}**", ""]
    for item in items:
        link = _link(item.get("link"), writer.base)
        line = f"{item['title']}: {say('ruled-out-because', reason=item['reason'])}"
        out.append(f"- {line}" + (f" ({link})" if link else ""))
    return [*out, ""]


def change_lines(result: JsonDict) -> list[str]:
    """What would change this advice: single answers that, changed, change the top result or its strength."""
    items = result.get("changes") or []
    if not items:
        return []
    out = [f"**{say('changes')}**", ""]
    for c in items:
        outcome = c.get("top_title") or say("nothing-indicated")
        line = say(
            "change-to",
            how=say(f"change-how.{c['how']}"),
            choice=_cell(c["choice_label"]),
            result=outcome,
            strength=say(f"strength.{c['strength']}").lower(),
        )
        out.append(f"- “{_cell(c['question_text'])}”: {line}")
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
