"""The "paper" version of a tree: a printable worksheet to work through with a pencil.

Every question with a box to tick for each answer and where it leads, weights as a points
table, room to write, stop rules, a tally table and the outcomes with links to the
handbook; why each answer gives its points follows at the end, so the worksheet stays short.
Links point at handbook Markdown files (`link_base` + `step-3-design.md#training`) so
that MkDocs checks them.
"""

from __future__ import annotations

from .conditions import describe
from .graph import END
from .jsontypes import Json
from .model import Choice, Condition, Link, Outcome, Question, ResultRules, Tree
from .texts import say
from .tree import unwrap

# Blank lines to write on, shown on paper only (docs/stylesheets/wizard.css).
WRITE_SPACE = '<div class="t2-write" aria-hidden="true"><span>{label}</span></div>'


class _Paper:
    def __init__(self, tree: Tree, link_base: str) -> None:
        self.tree = tree
        self.base = link_base
        self.number = {qid: i + 1 for i, qid in enumerate(tree.questions)}

    def question_ref(self, qid: str) -> str:
        return f"[{say('paper.question-ref', number=self.number.get(qid, '?'))}](#q-{qid})"

    def choice_label(self, qid: str, cid: str) -> str:
        return self.tree.label(qid, cid)

    def condition(self, cond: Condition) -> str:
        return describe(cond, self.question_ref, self.choice_label, self.outcome_ref)

    def target(self, nxt: object) -> str:
        if nxt in (None, END):
            return say("paper.end")
        return say("paper.goes-to", target=self.question_ref(str(nxt)))

    def link(self, target: Link | None) -> str:
        if target is None:
            return ""
        return f"[{target.title}]({self.base}{target.page}#{target.anchor})"

    def read_more(self, target: Link | None) -> list[str]:
        link = self.link(target)
        return [say("read-more", title=link), ""] if link else []

    def question(self, q: Question) -> list[str]:
        qid = q.id
        out = [f"### {self.number[qid]}. {q.text} {{#q-{qid}}}", ""]
        if q.when is not None:
            ask = say("paper.ask-when", condition=self.condition(q.when), next=self.target(q.next))
            out += [f"*{ask}*", ""]
        if q.help:
            out += [q.help, ""]
        term = q.term
        if term is not None and term.known:
            out += [f"[{term.term}]({self.base}glossary.md#{term.id}): {term.definition}", ""]
        out += self.read_more(q.link)
        kind = q.type
        out += [
            say({"single": "paper.pick-one", "multiple": "paper.pick-any"}.get(kind, "paper.tick-met")),
            "",
        ]
        out += self.multiple_rules(q)
        own_next = kind == "single" and any(c.next is not None for c in q.choices)
        for c in q.choices:
            out.append(self.choice(q, c, own_next))
        out.append("")
        if not own_next:
            out += [say("paper.then", target=self.target(q.next)), ""]
        out += self.weights_table(q)
        return [*out, WRITE_SPACE.format(label=say("paper.notes")), ""]

    def choice(self, q: Question, c: Choice, own_next: bool) -> str:
        label = f"**{c.label}**"
        help_text = [f"*{c.help}*"] if c.help else []
        if q.type != "checklist":
            target = f": {self.target(c.next if c.next is not None else q.next)}." if own_next else ""
            return " ".join([f"- [ ] {label}{target}", *help_text, *self.unknown_note(c)])
        importance = say(f"importance.{c.importance}")
        parts = [f"- [ ] {label} ({importance}).", *help_text]
        if c.when is not None:
            applies = say("paper.applies-when", condition=self.condition(c.when))
            parts.append(applies[:1].upper() + applies[1:] + ".")
        if c.warning:
            parts.append(say("paper.if-missing", warning=c.warning))
        link = self.link(c.link)
        return " ".join(parts + ([link] if link else []))

    def multiple_rules(self, q: Question) -> list[str]:
        out = [say("paper.min-choices", count=q.min_choices)] if q.min_choices else []
        out += [say("paper.exclusive", label=c.label) for c in q.choices if c.exclusive]
        return [" ".join(out), ""] if out else []

    def unknown_note(self, c: Choice) -> list[str]:
        return [say("paper.unknown")] if c.unknown else []

    def outcome_ref(self, oid: str) -> str:
        return f"[{self.tree.outcome(oid).title}](#o-{oid})"

    def weights_table(self, q: Question) -> list[str]:
        columns: list[str] = []
        for c in q.choices:
            for w in c.weights:
                if w.outcome not in columns:
                    columns.append(w.outcome)
        if not columns:
            return []
        order = [oid for oid in self.tree.outcomes if oid in columns]
        titles = [f"[{self.tree.outcomes[oid].title}](#o-{oid})" for oid in order]
        out = [
            f"**{say('paper.points-heading')}**",
            "",
            f"| {say('paper.answer')} | " + " | ".join(titles) + " |",
            "|---|" + "---:|" * len(order),
        ]
        for c in q.choices:
            points = {oid: 0 for oid in order}
            for w in c.weights:
                points[w.outcome] += w.points
            cells = [(f"{p:+d}" if p else "") for p in points.values()]
            out.append(f"| {c.label} | " + " | ".join(cells) + " |")
        why = say("paper.why-see", number=self.number[q.id], qid=q.id)
        return [*out, "", f"*{why}*", ""]

    def reasons(self, q: Question) -> list[str]:
        """Why each answer gives its points, so the paper says why as the wizard does."""
        if not any(c.weights for c in q.choices):
            return []
        title = say("paper.why-question", number=self.number[q.id], text=q.text)
        out = [f"### {title} {{#why-{q.id}}}", ""]
        for c in q.choices:
            for w in c.weights:
                title = self.tree.outcome(w.outcome).title
                link = self.link(w.link)
                out.append(
                    f"- {c.label}, {title} {w.points:+d}: {w.reason}" + (f" ({link})" if link else "")
                )
        return [*out, ""]

    def gates(self) -> list[str]:
        gates = self.tree.gates
        if not gates:
            return []
        out = [
            f"## {say('paper.gates')} {{#before-anything-else}}",
            "",
            say("paper.gates-intro"),
            "",
        ]
        for g in gates:
            oid = g.outcome
            out.append(
                "- "
                + say(
                    "paper.gate",
                    condition=self.condition(g.when),
                    title=self.tree.outcome(oid).title,
                    anchor=f"o-{oid}",
                    reason=g.reason,
                ).strip()
                + (f" {self.link(g.link)}" if g.link else "")
            )
        return [*out, ""]

    def result(self) -> list[str]:
        rules = self.tree.result
        out = [f"## {say('result')} {{#result}}", ""]
        if self.tree.kind == "checklist":
            out += [say("paper.checklist-rule"), ""]
            for text, label in (
                (rules.ready_message, "paper.if-ready"),
                (rules.not_ready_message, "paper.if-not-ready"),
            ):
                if text:
                    out += [f"- {say(label, text=text)}"]
            return [*out, ""]
        named = {w.outcome for q in self.tree.questions.values() for c in q.choices for w in c.weights}
        out += [
            say("paper.tally-intro"),
            "",
            f"| {say('paper.outcome')} | {say('paper.running')} | {say('paper.total')} |",
            "|---|---|---|",
        ]
        out += [
            f"| [{o.title}](#o-{oid}) | | |"
            for oid, o in self.tree.outcomes.items()
            if oid in named
        ]
        return [*out, "", *tally_rules(self, rules)]

    def warnings(self) -> list[str]:
        warnings = self.tree.warnings
        if not warnings:
            return []
        out = [f"## {say('paper.warnings')} {{#also-check}}", ""]
        for w in warnings:
            line = say("paper.warning-when", condition=self.condition(w.when), text=w.text)
            link = self.link(w.link)
            out.append(f"- {line}" + (f" {link}" if link else ""))
        return [*out, ""]

    def outcome(self, o: Outcome) -> list[str]:
        oid = o.id
        out = [f"### {o.title} {{#o-{oid}}}", "", o.summary, ""]
        out += self.read_more(o.link)
        if o.next_steps:
            out += [f"**{say('next-steps')}**", ""]
            out += [f"{i}. {s}" for i, s in enumerate(o.next_steps, 1)] + [""]
        for w in o.warnings:
            text = w.text
            if w.when is not None:
                text = say("paper.warning-when", condition=self.condition(w.when), text=text)
            link = self.link(w.link)
            out += ["!!! warning", "", f"    {text}" + (f" {link}" if link else ""), ""]
        return out

    def render(self) -> str:
        out = [say("paper.intro"), ""]
        out += self.read_more(self.tree.link)
        out += [f"## {say('paper.questions')} {{#questions}}", ""]
        for q in self.tree.questions.values():
            out += self.question(q)
        out += self.gates() + exclusions(self) + self.result() + self.warnings()
        if self.tree.outcomes:
            out += [f"## {say('paper.outcomes')} {{#outcomes}}", ""]
            for o in self.tree.outcomes.values():
                out += self.outcome(o)
        why = [line for q in self.tree.questions.values() for line in self.reasons(q)]
        if why:
            out += [f"## {say('paper.why-title')} {{#why-points}}", "", *why]
        return "\n".join(out).rstrip("\n") + "\n"


def exclusions(paper: _Paper) -> list[str]:
    """The exclusions as rules to apply by hand: cross out, whatever the points."""
    items = paper.tree.exclusions
    if not items:
        return []
    out = [f"## {say('ruled-out')} {{#ruled-out}}", "", say("paper.exclusions-intro"), ""]
    for x in items:
        titles = ", ".join(paper.outcome_ref(oid) for oid in x.outcomes)
        line = say("paper.exclusion", condition=paper.condition(x.when), titles=titles, reason=x.reason)
        link = paper.link(x.link)
        out.append(f"- {line}" + (f" {link}" if link else ""))
    return [*out, ""]


def tally_rules(paper: _Paper, rules: ResultRules) -> list[str]:
    """How to rank, when a mixed outcome comes first, and the strength in words."""
    out = [say("paper.rank", min_score=rules.min_score), ""]
    for oid, o in paper.tree.outcomes.items():
        mix = o.mix
        if mix is not None and len(mix.of) == 2:
            a, b = (paper.outcome_ref(x) for x in mix.of)
            out += [
                say(
                    "paper.mix",
                    title=paper.outcome_ref(oid),
                    a=a,
                    b=b,
                    min_each=mix.min_each,
                    max_gap=mix.max_gap,
                ),
                "",
            ]
    least = rules.min_answers
    mixed = any(o.mix is not None for o in paper.tree.outcomes.values())
    out += [say("paper.strength"), ""]
    out += [
        "- "
        + (
            say("paper.strength-insufficient", min_answers=least)
            if least
            else say("paper.strength-no-top")
        ),
        "- "
        + say("paper.strength-clear", margin=rules.margin)
        + (" " + say("paper.strength-mix") if mixed else ""),
        "- " + say("paper.strength-close", fallback=rules.no_clear_winner or "").strip(),
        "",
    ]
    return out


def paper_markdown(tree: Json, *, link_base: str = "") -> str:
    """Markdown for the paper version of a compiled (or bare) tree; "" if the tree is unusable."""
    t = unwrap(tree)
    return "" if t is None else _Paper(t, link_base).render()
