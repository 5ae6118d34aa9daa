"""The three wizards' results in the planning workbook's Design step.

A wizard-fed question (`wizard: <tree id>` in decision_trees/workbook/workbook.yaml) can
be answered from that wizard's answers file: the file is read by the wizard's own code
(track2guide.wizard.parse_answers_file, with the same limits as on the wizard's page),
the tree is walked, and the result's top outcome sets the question through
`wizard_outcomes` (checked at build time so that every outcome sets a choice). The plan
keeps the wizard's answers in `plan["wizards"][tree id]`, so the result is worked out
again, never trusted, whenever a plan is shown, saved or loaded.

The compiled trees reach the workbook as `workbook["wizard_trees"]` (hooks/workbook.py
adds them in the browser from assets/wizard/trees.js; tests add them the same way).
A planner who answers such a question by hand overrides the wizard: its answers are
dropped, so the plan never shows a wizard's result beside a different answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .engine import where
from .model import Tree
from .state import ChecklistResult, Ranking, State
from .statejson import link_json
from .texts import say
from .tree import unwrap

# The two results of a checklist wizard (the venue), as outcome ids for `wizard_outcomes`.
READY, NOT_READY = "ready", "not-ready"

Workbook = Mapping[str, Any]
Result = dict[str, Any]


def result_ids(tree: Mapping[str, Any]) -> list[str]:
    """Every result a tree (as written) can give, as outcome ids (build-time check)."""
    if tree.get("result", {}).get("kind") == "checklist":
        return [READY, NOT_READY]
    return [str(o["id"]) for o in tree.get("outcomes", [])]


def wizard_question(workbook: Workbook, tree_id: str) -> Mapping[str, Any] | None:
    for section in workbook["sections"]:
        for question in section["questions"]:
            if question.get("wizard") == tree_id:
                return question  # type: ignore[no-any-return]
    return None


def choice_for(question: Mapping[str, Any], outcome: str) -> str:
    return str(question.get("wizard_outcomes", {}).get(outcome, outcome))


def trees(workbook: Workbook) -> Mapping[str, Any]:
    found = workbook.get("wizard_trees")
    return found if isinstance(found, Mapping) else {}


def name(workbook: Workbook, tree_id: str) -> str:
    """The wizard's one name: its tree's title."""
    tree = trees(workbook).get(tree_id)
    return str(tree["tree"]["title"]) if isinstance(tree, Mapping) else tree_id


def _ranking(ranking: Ranking) -> Result | None:
    if ranking.top is None:
        return None
    top = ranking.ranked[0]
    reasons = sorted(top.reasons, key=lambda r: -r.points)
    reason = reasons[0].reason if reasons else top.advice.outcome.summary
    sides = top.mix_titles
    if len(sides) == 2:  # a mix stands on both sides' evidence, not on one reason
        mixed = say("mix-of", a=sides[0], b=sides[1])
        reason = f"{mixed[:1].upper()}{mixed[1:]}."
    return {
        "outcome": top.advice.outcome.id,
        "title": top.advice.outcome.title,
        "strength": say(f"strength.{ranking.strength}").lower(),
        "reason": reason,
        "link": link_json(top.advice.outcome.link),
    }


def _checklist(tree: Tree, result: ChecklistResult) -> Result:
    if result.ready:
        return {
            "outcome": READY,
            "title": say("workbook.wizard-ready"),
            "strength": say("workbook.wizard-ready-strength"),
            "reason": result.message or "",
            "link": link_json(tree.link),
        }
    missing = result.checklist.missing_required
    count = len(missing)
    first = missing[0].choice.link if missing else None
    return {
        "outcome": NOT_READY,
        "title": say("workbook.wizard-not-ready"),
        "strength": (say("workbook.wizard-missing-one") if count == 1 else
                     say("workbook.wizard-missing", count=count) if count else
                     say("workbook.wizard-not-ready").lower()),
        "reason": say("workbook.wizard-missing-list", items="; ".join(m.choice.label for m in missing))
        if missing else result.message or "",
        "link": link_json(first or tree.link),
    }


def outcome(tree_json: Any, answers: Any) -> Result:
    """`{ok: True, outcome, title, strength, reason, link}` for a finished walk with a result,
    else `{ok: False, why: "unfit" | "unfinished" | "no-result", next}`."""
    tree = unwrap(tree_json)
    if tree is None:
        return {"ok": False, "why": "unfit"}
    state = where(tree, {"tree": tree.id, "version": tree.version, "answers": answers}, changes=False)
    if not isinstance(state, State):
        return {"ok": False, "why": "unfit"}
    if state.current is not None:
        return {"ok": False, "why": "unfinished", "next": state.current.question.text}
    result = state.result
    assert result is not None  # a walk that has no current question has a result
    gate = result.gate
    if gate is not None:  # advice to act on before anything else outranks the ranking
        found: Result | None = {
            "outcome": gate.advice.outcome.id,
            "title": gate.advice.outcome.title,
            "strength": say("paper.gates").lower(),
            "reason": gate.reason,
            "link": link_json(gate.link),
        }
    elif isinstance(result, ChecklistResult):
        found = _checklist(tree, result)
    else:
        found = _ranking(result.ranking)
    if found is None:
        return {"ok": False, "why": "no-result"}
    return {"ok": True, **found, "reason": " ".join(str(found["reason"]).split())}


def results(workbook: Workbook, plan: Mapping[str, Any]) -> dict[str, Result]:
    """Tree id -> the result of each wizard part the plan keeps (and whose tree is known)."""
    known = trees(workbook)
    out: dict[str, Result] = {}
    for tree_id, answers in (plan.get("wizards") or {}).items():
        if tree_id in known:
            found = outcome(known[tree_id], answers)
            if found["ok"]:
                out[tree_id] = found
    return out


def keep(
    workbook: Workbook, answers: Mapping[str, Any], given: Mapping[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """(the wizard parts that still give the answer the plan holds, [(tree id, "unfit" | "changed")])."""
    known = trees(workbook)
    kept: dict[str, Any] = {}
    dropped: list[tuple[str, str]] = []
    for tree_id, wizard_answers in given.items():
        question = wizard_question(workbook, tree_id)
        found: Result = outcome(known[tree_id], wizard_answers) if tree_id in known else {"ok": False}
        if question is None or not found["ok"]:
            dropped.append((tree_id, "unfit"))
        elif answers.get(question["id"]) != choice_for(question, str(found["outcome"])):
            dropped.append((tree_id, "changed"))
        else:
            kept[tree_id] = wizard_answers
    return kept, dropped


def dropped_message(workbook: Workbook, dropped: list[tuple[str, str]], *, loading: bool) -> str:
    """What the planner is told about wizard parts left out ("" when none)."""
    lines = []
    for tree_id, why in dropped:
        called = name(workbook, tree_id)
        question = wizard_question(workbook, tree_id)
        if why == "changed" and not loading and question is not None:
            lines.append(say("workbook.wizard-overridden", question=question["text"], name=called))
        elif why == "changed":
            lines.append(say("workbook.wizard-other-answer", name=called))
        else:
            lines.append(say("workbook.wizard-unfit", name=called))
    return " ".join(lines)


def adopt_file(
    workbook: Workbook, plan: Mapping[str, Any], tree_id: Any, text: Any
) -> tuple[dict[str, Any] | None, str]:
    """(new plan, message) with the question answered from a wizard's answers file,
    or (None, why not) with the plan unchanged."""
    from .wizard import parse_answers_file  # the wizard's own file rules (it imports this module's caller)
    from .workbook import adopt_wizard

    known = trees(workbook)
    question = wizard_question(workbook, tree_id) if isinstance(tree_id, str) else None
    if question is None or tree_id not in known:
        return None, say("workbook.wizard-not-here")
    called = name(workbook, tree_id)
    doc, problem = parse_answers_file(known[tree_id], text)
    if doc is None:
        return None, f"{say('workbook.answers-failed')} {problem}"
    found = outcome(known[tree_id], doc["answers"])
    if not found["ok"] and found["why"] == "unfinished":
        return None, say("workbook.wizard-unfinished", name=called, next=found["next"])
    if not found["ok"]:
        return None, say("workbook.wizard-no-result", name=called)
    choice = choice_for(question, str(found["outcome"]))
    answers = adopt_wizard(workbook, plan.get("answers", {}), tree_id, choice)
    wizards = {**(plan.get("wizards") or {}), tree_id: doc["answers"]}
    message = say("workbook.wizard-adopted", question=question["text"], name=called, title=found["title"])
    return {**plan, "answers": answers, "wizards": wizards}, message


def line(workbook: Workbook, tree_id: str, found: Mapping[str, Any]) -> str:
    """`From the <wizard> wizard: <outcome> (<strength>).` as plain text."""
    return say("workbook.wizard-line", name=name(workbook, tree_id), title=found["title"],
               strength=found["strength"])
