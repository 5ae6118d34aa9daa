"""Default English wording of everything the engine itself writes.

Templates use `{name}` fields filled with `str.format` (the template is ours,
values are plain data).  Pass a different mapping as `texts=` to translate.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Texts = Mapping[str, str]

ENGINE_TEXTS: Texts = MappingProxyType(
    {
        # errors returned by step() and answer()
        "error.bad-tree": "This wizard's decision tree is damaged, so it cannot run.",
        "error.bad-format": "The saved answers are not in the expected form: {detail}.",
        "error.wrong-tree": "These answers belong to the wizard '{got}', not to '{tree}'.",
        "error.wrong-version": (
            "These answers were saved for version {got} of this wizard, which is now at version {version}."
        ),
        "error.unknown-question": "This wizard has no question '{question}'.",
        "error.unknown-choice": "'{choice}' is not one of the answers to question '{question}'.",
        "error.wrong-type.single": "Question '{question}' takes exactly one answer, not a list.",
        "error.wrong-type.value": "Question '{question}' needs an answer given as text.",
        "error.wrong-type.list": "Question '{question}' takes a list of answers.",
        "error.duplicate-choice": "The answer '{choice}' is given twice for question '{question}'.",
        "error.not-on-path": (
            "Question '{question}' is not on the path of your answers, so it cannot be answered now."
        ),
        "detail.not-object": "expected an object with tree, version and answers",
        "detail.tree": "'tree' must be the wizard id",
        "detail.version": "'version' must be a whole number",
        "detail.answers": "'answers' must map question ids to answers",
        "detail.unknown-key": "unexpected key '{key}'",
        # summary and paper
        "summary.title": "Plan summary",
        "summary.intro": (
            "Made with the planning wizards of the Track II handbook. Your answers never left this device."
        ),
        "summary.answers": "Your answers",
        "summary.question": "Question",
        "summary.answer": "Your answer",
        "summary.none": "(none)",
        "summary.result": "Result",
        "summary.unfinished": "Not finished yet: the next question is “{question}”.",
        "summary.invalid": "These answers could not be used:",
        "summary.gate": "Stopped early: {title}",
        "summary.recommended": "Recommended: {title}",
        "summary.no-winner": "No clear winner",
        "summary.points": "{score} points",
        "summary.not-indicated": "Not indicated by your answers: {titles}.",
        "summary.tied": "tied",
        "summary.next-steps": "Next steps",
        "summary.warnings": "Warnings",
        "summary.read-more": "Read more: {link}",
        "summary.ready": "Ready: every required item is met.",
        "summary.not-ready": "Not ready: some required items are missing.",
        "summary.met": "Met",
        "summary.missing-required": "Missing (required)",
        "summary.missing-other": "Missing (recommended or nice to have)",
        "summary.not-applicable": "Not applicable to your situation",
        "importance.required": "required",
        "importance.recommended": "recommended",
        "importance.nice": "nice to have",
        "paper.intro": (
            "Work through the questions in order with a pencil. Start at question 1; "
            "each answer tells you where to go next."
        ),
        "paper.ask-when": "Ask this only if {condition}; otherwise skip it and {next}.",
        "paper.goes-to": "go to {target}",
        "paper.end": "go to [the result](#result)",
        "paper.questions": "Questions",
        "paper.pick-one": "Pick one answer.",
        "paper.pick-any": "Tick every answer that applies.",
        "paper.tick-met": "Tick each item that is met.",
        "paper.then": "Then {target}.",
        "paper.applies-when": "applies only if {condition}",
        "paper.if-missing": "If missing: {warning}",
        "paper.points-heading": "Points for each answer",
        "paper.why-points": "Why these points:",
        "paper.answer": "Answer",
        "paper.gates": "Stop rules",
        "paper.gates-intro": (
            "After each answer, check these rules in order. If one holds, stop and go to its outcome."
        ),
        "paper.gate": "If {condition}: stop, see [{title}](#{anchor}). {reason}",
        "paper.tally-intro": "Add up the points your answers gave to each outcome.",
        "paper.outcome": "Outcome",
        "paper.total": "Your total",
        "paper.rule": (
            "The outcome with the highest total is recommended if it beats the next one by at least "
            "{margin} point(s). Outcomes with fewer than {min_score} point(s) are not indicated. "
            "If no outcome stands out: {fallback}"
        ),
        "paper.checklist-rule": "You are ready when every required item that applies is ticked.",
        "paper.if-ready": "If every required item that applies is ticked: {text}",
        "paper.if-not-ready": "If not: {text}",
        "paper.warnings": "Also check",
        "paper.warning-when": "If {condition}: {text}",
        "paper.outcomes": "Outcomes",
    }
)


def say(texts: Texts | None, key: str, /, **values: object) -> str:
    """The text for `key` (from `texts`, else the default), with fields filled in."""
    template = (texts or {}).get(key) or ENGINE_TEXTS.get(key, key)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
