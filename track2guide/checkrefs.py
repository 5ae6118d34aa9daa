"""Semantic checks of what a tree refers to: questions and choices named in
conditions, outcomes named by weights and gates, link keys and glossary terms."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from .conditions import references
from .graph import adjacency, predecessors
from .jsontypes import Json, JsonDict
from .problems import Locator, Path, Problem, quote_list
from .vocabulary import Anchors, check_link, closest

SINGLE_OPERATORS = ("equals", "one_of")


def _choice_ids(question: JsonDict) -> list[str]:
    return [c["id"] for c in question["choices"]]


def conditions_of(tree: JsonDict) -> Iterator[tuple[Json, Path, str | None]]:
    """(condition, path, owning question id or None) for every `when` of the tree."""
    for i, q in enumerate(tree["questions"]):
        if "when" in q:
            yield q["when"], ("questions", i, "when"), q["id"]
        for j, c in enumerate(q["choices"]):
            if "when" in c:
                yield c["when"], ("questions", i, "choices", j, "when"), q["id"]
    for key in ("gates", "exclusions"):
        for i, item in enumerate(tree.get(key, [])):
            yield item["when"], (key, i, "when"), None
    for i, warning in enumerate(tree.get("warnings", [])):
        yield warning["when"], ("warnings", i, "when"), None
    for i, outcome in enumerate(tree.get("outcomes", [])):
        for j, warning in enumerate(outcome.get("warnings", [])):
            if "when" in warning:
                yield warning["when"], ("outcomes", i, "warnings", j, "when"), None


def check_conditions(tree: JsonDict, loc: Locator) -> list[Problem]:
    questions = {q["id"]: q for q in tree["questions"]}
    before = predecessors(adjacency(tree))
    out: list[Problem] = []
    for cond, path, owner in conditions_of(tree):
        for ref in references(cond, path):
            q = questions.get(ref.question)
            if q is None:
                out.append(
                    loc.problem(
                        ref.question_path,
                        f"unknown question '{ref.question}'",
                        "one of: " + quote_list(list(questions)),
                    )
                )
                continue
            if owner is not None and ref.question not in before.get(owner, set()):
                out.append(
                    loc.problem(
                        ref.question_path,
                        f"question '{ref.question}' is never asked before '{owner}'",
                        f"a question that can come earlier on the way to '{owner}'",
                    )
                )
            op_path = (*ref.question_path[:-1], ref.operator)
            if ref.operator in SINGLE_OPERATORS and q["type"] != "single":
                out.append(
                    loc.problem(
                        op_path,
                        f"'{ref.operator}' needs a single question, but '{q['id']}' is {q['type']}",
                        "includes",
                    )
                )
                continue
            if ref.operator == "includes" and q["type"] == "single":
                out.append(
                    loc.problem(
                        op_path,
                        f"'includes' needs a multiple or checklist question, but '{q['id']}' is single",
                        "equals or one_of",
                    )
                )
                continue
            ids = _choice_ids(q)
            for choice, cpath in ref.choices:
                if choice not in ids:
                    out.append(
                        loc.problem(
                            cpath,
                            f"unknown choice '{choice}' for question '{q['id']}'",
                            "one of: " + quote_list(ids),
                        )
                    )
    return out


def check_outcome_refs(tree: JsonDict, loc: Locator) -> list[Problem]:
    """Weights and gates must name outcomes of the tree."""
    outcomes = [o["id"] for o in tree.get("outcomes", [])]
    expected = "one of: " + quote_list(outcomes)
    out: list[Problem] = []
    for i, q in enumerate(tree["questions"]):
        for j, c in enumerate(q["choices"]):
            for k, w in enumerate(c.get("weights", [])):
                if w["outcome"] not in outcomes:
                    out.append(
                        loc.problem(
                            ("questions", i, "choices", j, "weights", k, "outcome"),
                            f"unknown outcome '{w['outcome']}'",
                            expected,
                        )
                    )
    for i, gate in enumerate(tree.get("gates", [])):
        if gate["outcome"] not in outcomes:
            out.append(loc.problem(("gates", i, "outcome"), f"unknown outcome '{gate['outcome']}'", expected))
    return out


def links_of(tree: JsonDict) -> Iterator[tuple[str, Path]]:
    """(link key, path) for every `link` in the tree."""
    if "link" in tree:
        yield tree["link"], ("link",)
    for i, q in enumerate(tree["questions"]):
        if "link" in q:
            yield q["link"], ("questions", i, "link")
        for j, c in enumerate(q["choices"]):
            if "link" in c:
                yield c["link"], ("questions", i, "choices", j, "link")
            for k, w in enumerate(c.get("weights", [])):
                if "link" in w:
                    yield w["link"], ("questions", i, "choices", j, "weights", k, "link")
    for key in ("warnings", "gates", "exclusions"):
        for i, item in enumerate(tree.get(key, [])):
            if "link" in item:
                yield item["link"], (key, i, "link")
    for i, outcome in enumerate(tree.get("outcomes", [])):
        if "link" in outcome:
            yield outcome["link"], ("outcomes", i, "link")
        for j, warning in enumerate(outcome.get("warnings", [])):
            if "link" in warning:
                yield warning["link"], ("outcomes", i, "warnings", j, "link")


def check_links(tree: JsonDict, loc: Locator, vocabulary: Json, anchors: Anchors | None) -> list[Problem]:
    out: list[Problem] = []
    for key, path in links_of(tree):
        out += check_link(loc, path, key, vocabulary, anchors)
    return out


def check_terms(
    tree: JsonDict, loc: Locator, terms: Collection[str] | Mapping[str, Json] | None
) -> list[Problem]:
    if terms is None:
        return []
    out: list[Problem] = []
    for i, q in enumerate(tree["questions"]):
        term = q.get("term")
        if term is not None and term not in terms:
            near = closest(term, list(terms))
            hint = "an id from data/glossary.yaml" + (f"; closest: {', '.join(near)}" if near else "")
            out.append(loc.problem(("questions", i, "term"), f"unknown glossary term '{term}'", hint))
    return out
