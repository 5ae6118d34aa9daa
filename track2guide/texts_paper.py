"""Catalog part: the paper version of a tree (a worksheet to work through with a pencil).

Read through `track2guide.texts.say`; Markdown inside an entry is part of its wording.
"""

from __future__ import annotations

PAPER_TEXTS = {
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
    "paper.answer": "Answer",
    "paper.gates": "Before anything else",
    "paper.gates-intro": (
        "After the last question, check these rules in order. The first one that holds gives advice "
        "to read before anything else; then work out the result below as usual, for when its "
        "conditions are met."
    ),
    "paper.gate": "If {condition}: read [{title}](#{anchor}) first. {reason}",
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
    "paper.notes": "Notes",
    "paper.why-see": "Why these points: see [the reasons for question {number}](#why-{qid}).",
    "paper.why-title": "Why each answer gives its points",
    "paper.why-question": "Question {number}: {text}",
    "paper.running": "Points noted as you go",
    "paper.question-ref": "question {number}",
}
