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
        "error.too-few-choices": "Tick at least {count} answer(s) to this question.",
        "error.exclusive-choice": "“{choice}” cannot be ticked together with other answers.",
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
        "summary.gate": "Before anything else: {title}",
        "summary.then": "When the conditions are met:",
        "summary.strength.clear": "Clear lead",
        "summary.strength.close": "Close call",
        "summary.strength.insufficient": "Not enough information",
        "summary.ruled-out": "Ruled out",
        "summary.ruled-out-item": "{title}: ruled out because {reason}",
        "summary.changes": "What would change this advice",
        "summary.change-item": "“{question}”: {how} “{choice}” would give {result} ({strength}).",
        "summary.change-choose": "answering",
        "summary.change-tick": "ticking",
        "summary.change-untick": "unticking",
        "summary.nothing-indicated": "nothing indicated",
        "summary.mix-of": "real support on both sides: {a} and {b}",
        "summary.recommended": "Recommended: {title}",
        "summary.no-winner": "No clear winner",
        "summary.points": "{score} points",
        "summary.not-indicated": "Not indicated by your answers: {titles}.",
        "summary.tied": "tied",
        "summary.next-steps": "Next steps",
        "summary.warnings": "Watch out",
        "summary.read-more": "Read more: {link}",
        "summary.ready": "Ready: every required item that applies is met.",
        "summary.not-ready": "Not ready yet: some required items are missing.",
        "summary.met": "Met",
        "summary.missing-required": "Missing and required",
        "summary.missing-other": "Missing (recommended or nice to have)",
        "summary.not-applicable": "Do not apply to your situation",
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
        "paper.gates": "Before anything else",
        "paper.gates-intro": (
            "After the last question, check these rules in order. The first one that holds gives advice "
            "to read before anything else; then work out the result below as usual, for when its "
            "conditions are met."
        ),
        "paper.gate": "If {condition}: read [{title}](#{anchor}) first. {reason}",
        "paper.exclusions": "Ruled out",
        "paper.exclusions-intro": (
            "After the last question, check each of these rules. When one holds, cross out the outcomes "
            "it names in the tally below: they are out of the running whatever their points."
        ),
        "paper.exclusion": "If {condition}: cross out {titles}; ruled out because {reason}",
        "paper.tally-intro": "Add up the points your answers gave to each outcome.",
        "paper.outcome": "Outcome",
        "paper.total": "Your total",
        "paper.rank": (
            "Rank the outcomes you have not crossed out by their totals, highest first; on a tie, the one "
            "listed first in this table comes first. Outcomes with fewer than {min_score} point(s) are not "
            "indicated."
        ),
        "paper.mix": (
            "{title} gets no points of its own. It is indicated, and comes first, when {a} and {b} are "
            "both still in the running, each have at least {min_each} point(s) and their totals differ by "
            "at most {max_gap}; its total is then the larger of the two. Otherwise it comes last and is "
            "not indicated."
        ),
        "paper.strength": "Then say how strong the result is, in words:",
        "paper.strength-insufficient": (
            "**Not enough information** if fewer than {min_answers} of your answers gave points, or if no "
            "outcome is indicated."
        ),
        "paper.strength-no-top": "**Not enough information** if no outcome is indicated.",
        "paper.strength-clear": (
            "**Clear lead** if the first outcome beats the next one by at least {margin} point(s)."
        ),
        "paper.strength-mix": (
            "A mixed outcome that comes first is compared with the outcomes outside its mix."
        ),
        "paper.strength-close": "**Close call** otherwise: {fallback}",
        "paper.unknown": "(not sure: gives no points)",
        "paper.min-choices": "Tick at least {count}.",
        "paper.exclusive": "“{label}” is ticked on its own, never with another answer.",
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
