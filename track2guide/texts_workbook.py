"""Catalog part: the planning workbook (its form, checks, files and paper version).

Read through `track2guide.texts.say`; the workbook's shell words are in `texts_page`.
"""

from __future__ import annotations

WORKBOOK_TEXTS = {
    # the form and its checks (track2guide/workbook_view.py)
    "workbook.title-label": "Title of your plan (optional; only you see it)",
    "workbook.read-handbook": "Read the handbook: {title}",
    "workbook.tick-all": "Tick all that apply.",
    "workbook.no-checks": "No check fires on your answers so far.",
    "workbook.one-check": "1 check to look at.",
    "workbook.some-checks": "{count} checks to look at.",
    # a wizard's result in the Design step (track2guide/workbook_wizard.py, workbook_view.py)
    "workbook.wizard-load": "Load your answers file from the {name} wizard",
    "workbook.wizard-open": "Open the {name} wizard",
    "workbook.wizard-line": "From the {name} wizard: {title} ({strength}).",
    "workbook.wizard-ready": "Ready",
    "workbook.wizard-ready-strength": "every essential point is met",
    "workbook.wizard-not-ready": "Not ready yet",
    "workbook.wizard-missing-one": "1 essential point missing",
    "workbook.wizard-missing": "{count} essential points missing",
    "workbook.wizard-missing-list": "Missing: {items}.",
    "workbook.wizard-adopted": "“{question}” is now answered from the {name} wizard: {title}.",
    "workbook.wizard-overridden": (
        "You answered “{question}” yourself, so it no longer comes from the {name} wizard."
    ),
    "workbook.wizard-other-answer": (
        "The {name} wizard's answers in this file give another answer than the plan holds, "
        "so they were left out; the rest of the plan was loaded."
    ),
    "workbook.wizard-unfit": (
        "The {name} wizard's answers in this file no longer fit the wizard, "
        "so they were left out; the rest of the plan was loaded."
    ),
    "workbook.wizard-not-here": "That wizard's result cannot be used here, and your plan is unchanged.",
    "workbook.wizard-unfinished": (
        "The walk in this {name} answers file is not finished (the next question is “{next}”), "
        "so your plan is unchanged. Finish it in the wizard, download your answers again and load them here."
    ),
    "workbook.wizard-no-result": (
        "The {name} wizard gives no result for the answers in this file, so your plan is unchanged."
    ),
    # what the workbook says after an action (track2guide/workbook_app.py)
    "workbook.loaded": "Your plan was loaded.",
    "workbook.unknown-action": "The workbook did not understand that request.",
    # answers and plan files refused (track2guide/workbook.py)
    "workbook.the-title": "The title",
    "workbook.a-note": "A note",
    "workbook.this-question": "this question",
    "workbook.hidden-characters": (
        "{what} contains control or text-direction characters, which are not "
        "allowed."
    ),
    "workbook.too-long": "{what} is longer than {limit} characters.",
    "workbook.note-not-text": "The answer to a note question must be text.",
    "workbook.choose-offered": "Choose one of the answers offered for {question}.",
    "workbook.not-a-list": "The answer to {question} must be a list of choices.",
    "workbook.tick-one": "Tick at least one answer for {question}, or leave it unanswered.",
    "workbook.tick-offered": "Tick only the answers offered for {question}, each once.",
    "workbook.exclusive": "“{choice}” cannot be ticked together with another answer.",
    "workbook.unknown-question": "That question is not part of the workbook.",
    "workbook.no-wizard-question": "No workbook question takes that wizard's result.",
    "workbook.bad-wizards": "The wizards part of this plan file is not in the expected form.",
    "workbook.not-json": "This file is not a plan file: it is not JSON.",
    "workbook.not-a-plan": "This file is not a plan file from this workbook.",
    "workbook.other-version": (
        "This plan file was made by another version of the workbook and cannot be "
        "read."
    ),
    "workbook.too-deep": "This plan file is nested too deeply to be a plan file.",
    "workbook.unknown-parts": "This plan file holds parts the workbook does not know.",
    "workbook.title-not-text": "The plan's title must be text.",
    "workbook.bad-answers": "The answers part of this plan file is not in the expected form.",
    "workbook.answers-unknown": "This plan file answers a question the workbook does not have.",
    # the plan as a document (track2guide/workbook_doc.py)
    "workbook.untitled": "Plan",
    "workbook.not-answered": "Not answered yet.",
    "workbook.checks-heading": "Checks to look at",
    "workbook.check-source": "{text} (Handbook: {link}.)",
    # the paper workbook
    "workbook.only-if": "(Only if {condition}.)",
    "workbook.rules": "Checks",
    "workbook.rules-intro": "When your ticks match a rule below, look again at that part of the plan.",
    "workbook.rule": "If {condition}:",
}
