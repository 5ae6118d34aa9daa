"""Catalog part: what the engine and the wizards' screens say, and the plan summary.

One entry per idea: the wizard's result screen and the Markdown summary share their
headings and sentences. Read through `track2guide.texts.say`.
"""

from __future__ import annotations

WIZARD_TEXTS = {
    # errors returned by the engine (step, answer, question)
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
        "Question '{question}' is not on the path of your answers, so it cannot be answered "
        "now."
    ),
    "detail.not-object": "expected an object with tree, version and answers",
    "detail.tree": "'tree' must be the wizard id",
    "detail.version": "'version' must be a whole number",
    "detail.answers": "'answers' must map question ids to answers",
    "detail.unknown-key": "unexpected key '{key}'",
    # a question
    "progress": "Question {number} of about {total}",
    "progress.done": "All questions answered",
    "next": "Next",
    "back": "Back",
    "review": "Review my answers",
    "continue": "Continue",
    "restart": "Start again",
    "change": "Change",
    "change.hidden": " your answer to: {question}",
    "hint.single": "Choose one answer.",
    "hint.multiple": "Tick every answer that applies, or none.",
    "hint.checklist": "Tick each item that is met (or none).",
    "importance.required": "required",
    "importance.recommended": "recommended",
    "importance.nice": "nice to have",
    "read-more": "Read more: {title}",
    "choose-one": "Choose an answer, then press Next.",
    "error.title": "There is a problem",
    "error.prefix": "Error:",
    # the answers given
    "your-answers": "Your answers",
    "no-answers": "You have not answered any question yet.",
    "none-ticked": "(none ticked)",
    "summary.question": "Question",
    "summary.answer": "Your answer",
    # the result (screen and summary)
    "result": "Your result",
    "recommended-title": "Recommended: {title}",
    "no-clear-winner": "No clear winner",
    "gate": "Before anything else: {title}",
    "then": "When the conditions are met:",
    "strength.clear": "Clear lead",
    "strength.close": "Close call",
    "strength.insufficient": "Not enough information",
    "points-title": "Points",
    "points": "{score} points",
    "point": "{score} point",
    "tied": "tied",
    "mix-of": "Real support on both sides: {a} and {b}",
    "ruled-out": "Ruled out",
    "ruled-out-because": "ruled out because {reason}",
    "changes": "What would change this advice",
    "change-to": "{how} “{choice}” would give {result} ({strength}).",
    "change-how.choose": "Answering",
    "change-how.tick": "Ticking",
    "change-how.untick": "Unticking",
    "nothing-indicated": "nothing indicated",
    "why": "Why:",
    "details": "Why, next steps and warnings",
    "from-answer": "your answer “{choice}” to “{question}”",
    "next-steps": "Next steps",
    "warnings": "Watch out",
    "not-indicated": "Not indicated by your answers: {titles}.",
    "ready": "Ready: every required item that applies is met.",
    "not-ready": "Not ready yet: some required items are missing.",
    "checklist.missing_required": "Missing and required",
    "checklist.missing_other": "Missing (recommended or nice to have)",
    "checklist.met": "Met",
    "checklist.not_applicable": "Do not apply to your situation",
    "export": "Save the result as Markdown",
    "print": "Print",
    # what the wizard says after an action (load.failed and load.too-big: texts_page.py)
    "load.ok": "Your answers were loaded from the file.",
    "resume.ok": "Your kept answers were restored.",
    "resume.failed": (
        "Your kept answers could not be used (the wizard may have changed), so the wizard starts "
        "afresh."
    ),
    "load.not-json": "The file is not a JSON answers file.",
    "load.too-deep": "The file is nested far more deeply than an answers file ever is.",
    "load.off-path": (
        "{count} answer(s) in the file belong to questions your other answers skip, so they were left out."
    ),
    "dropped": "{count} later answer(s) no longer applied after this change and were removed.",
    "restarted": "Started again: all answers cleared.",
    "unknown-action": "That action is not known.",
    # the plan summary (Markdown)
    "summary.title": "Plan summary",
    "summary.intro": (
        "Made with the planning wizards of the Track II handbook. Your answers never left this "
        "device."
    ),
    # Exported plans travel (e-mail, USB stick, print): each link names its handbook section
    # in words, and its address is relative to the handbook's own folder, which this names.
    "summary.links-note": (
        "Each link names a section of the handbook. Its address is relative to the handbook's folder "
        "(the one holding index.html): save this file there for the links to open, or find the section "
        "by its name in any copy of the handbook."
    ),
    "summary.unfinished": "Not finished yet: the next question is “{question}”.",
    "summary.invalid": "These answers could not be used:",
    # conditions in words (paper worksheets, the paper workbook)
    "condition.never": "never",
    "condition.and": "and",
    "condition.or": "or",
    "condition.not": "it is not the case that {condition}",
    "condition.result-top": "the result puts {outcome} first",
    "condition.answered": "you answered {question}",
    "condition.equals": "you answered “{choice}” to {question}",
    "condition.one-of": "you answered {choices} to {question}",
    "condition.includes": "your answer to {question} includes “{choice}”",
}
