"""Check a tree (schema, then meaning) and compile it for the engine.

`check_tree` returns every problem; `load_tree` raises TreeError with them or
returns a CheckedTree whose `data` is the compiled JSON the wizard and `step` use:
`{"format": "track2-tree/1", "source", "tree": <the tree as written>,
  "links": {key: {key, page, anchor, title, href}}, "terms": {id: {id, term, definition}}}`.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .checkrefs import check_conditions, check_links, check_outcome_refs, check_terms, links_of
from .checkrules import check_rules
from .graph import END, adjacency, cycles, edges, reachable
from .jsontypes import Json, JsonDict
from .problems import Locator, Problem, TreeError, line_for, quote_list
from .vocabulary import Anchors, link_target

FORMAT = "track2-tree/1"
Terms = Collection[str] | Mapping[str, Json]
CHECKLIST_ONLY = ("importance", "when", "warning")


@dataclass(frozen=True)
class CheckedTree:
    """A tree that passed every check, with its compiled JSON form in `data`."""

    id: str
    source: str
    data: JsonDict


def check_tree(
    data: Json,
    *,
    schema: JsonDict | None,
    vocabulary: Json,
    source: str = "tree",
    lines: Mapping[str, int] | None = None,
    anchors: Anchors | None = None,
    terms: Terms | None = None,
) -> list[Problem]:
    """All problems of one tree; schema problems first (meaning is checked only if the shape is right).

    `schema` None skips the structural validation (with jsonschema, track2guide.structure):
    for callers whose trees were validated already, such as the engine tests inside Pyodide.
    `anchors` (page -> heading ids) and `terms` (glossary ids) are checked only when given.
    """
    loc = Locator(source, lines or {})
    if schema is not None:
        from .structure import validate  # jsonschema: build and test time only

        issues = [loc.problem(i.path, i.what, i.expected) for i in validate(data, schema)]
        if issues:
            return sorted(issues, key=lambda p: (p.line, p.path))
    problems = (
        _check_ids(data, loc)
        + _check_structure(data, loc)
        + _check_graph(data, loc)
        + check_conditions(data, loc)
        + check_outcome_refs(data, loc)
        + _check_outcomes_reached(data, loc)
        + check_links(data, loc, vocabulary, anchors)
        + check_terms(data, loc, terms)
        + check_rules(data, loc)
    )
    return sorted(problems, key=lambda p: (p.line, p.path))


def load_tree(
    data: Json,
    *,
    schema: JsonDict | None,
    vocabulary: Json,
    source: str = "tree",
    lines: Mapping[str, int] | None = None,
    anchors: Anchors | None = None,
    terms: Terms | None = None,
) -> CheckedTree:
    """Check and compile a tree; raise TreeError listing every problem."""
    problems = check_tree(
        data, schema=schema, vocabulary=vocabulary, source=source, lines=lines, anchors=anchors, terms=terms
    )
    if problems:
        raise TreeError(problems)
    return CheckedTree(
        data["id"], source, compile_tree(data, vocabulary=vocabulary, terms=terms, source=source)
    )


def compile_tree(
    data: JsonDict, *, vocabulary: Json, terms: Terms | None = None, source: str = "tree"
) -> JsonDict:
    """The compiled form: the tree plus the link targets and glossary terms it uses."""
    links: JsonDict = {}
    for key, _path in links_of(data):
        target = link_target(vocabulary, key)
        if target is not None:
            links[key] = target
    used: JsonDict = {}
    for q in data["questions"]:
        term = q.get("term")
        if term is not None:
            entry = terms.get(term) if isinstance(terms, Mapping) else None
            entry = entry if isinstance(entry, dict) else {}
            used[term] = {
                "id": term,
                "term": str(entry.get("term", term)),
                "definition": str(entry.get("definition", "")),
            }
    return {
        "format": FORMAT,
        "source": source,
        "tree": copy.deepcopy(data),
        "links": dict(sorted(links.items())),
        "terms": dict(sorted(used.items())),
    }


def _stem(source: str) -> str | None:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in (".yaml", ".yml", ".json"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return None


def _duplicates(
    items: list[JsonDict], prefix: tuple[str | int, ...], loc: Locator, kind: str, context: str = ""
) -> list[Problem]:
    out: list[Problem] = []
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        ident = item["id"]
        if ident in first:
            where = line_for(loc.lines, (*prefix, first[ident]))
            out.append(
                loc.problem(
                    (*prefix, i, "id"),
                    f"duplicate {kind} id '{ident}'{context}",
                    f"each id once; it is first used at line {where}",
                )
            )
        else:
            first[ident] = i
    return out


def _check_ids(tree: JsonDict, loc: Locator) -> list[Problem]:
    out: list[Problem] = []
    stem = _stem(loc.source)
    if stem is not None and tree["id"] != stem:
        out.append(loc.problem(("id",), f"tree id '{tree['id']}' does not match the file name", f"'{stem}'"))
    out += _duplicates(tree["questions"], ("questions",), loc, "question")
    for i, q in enumerate(tree["questions"]):
        out += _duplicates(
            q["choices"], ("questions", i, "choices"), loc, "choice", f" in question '{q['id']}'"
        )
    out += _duplicates(tree.get("outcomes", []), ("outcomes",), loc, "outcome")
    out += _duplicates(tree.get("warnings", []), ("warnings",), loc, "warning")
    return out


def _check_structure(tree: JsonDict, loc: Locator) -> list[Problem]:
    out: list[Problem] = []
    kind = tree["result"]["kind"]
    weighted = False
    for i, q in enumerate(tree["questions"]):
        qtype = q["type"]
        if qtype != "checklist" and len(q["choices"]) < 2:
            out.append(
                loc.problem(
                    ("questions", i, "choices"),
                    f"a {qtype} question has only one choice",
                    "at least 2 choices",
                )
            )
        for j, c in enumerate(q["choices"]):
            base = ("questions", i, "choices", j)
            if qtype != "checklist":
                for key in CHECKLIST_ONLY:
                    if key in c:
                        out.append(
                            loc.problem(
                                (*base, key),
                                f"'{key}' is only for checklist items",
                                f"no '{key}' on a choice of a {qtype} question",
                            )
                        )
            if "next" in c and qtype != "single":
                out.append(
                    loc.problem(
                        (*base, "next"),
                        "only choices of a single question may set 'next'",
                        f"the {qtype} question's own 'next'",
                    )
                )
            if "weights" in c:
                weighted = True
                if qtype == "checklist":
                    out.append(
                        loc.problem(
                            (*base, "weights"),
                            "weights are not counted on checklist items",
                            "weights on choices of single or multiple questions",
                        )
                    )
                elif kind != "ranking":
                    out.append(
                        loc.problem(
                            (*base, "weights"),
                            "weights only count in a ranking tree",
                            "no weights, or result kind 'ranking'",
                        )
                    )
    if kind == "ranking" and not weighted:
        out.append(
            loc.problem(
                ("result", "kind"), "a ranking tree gives no points to any outcome", "weights on some choices"
            )
        )
    if kind == "checklist" and not any(q["type"] == "checklist" for q in tree["questions"]):
        out.append(
            loc.problem(
                ("result", "kind"),
                "a checklist tree has no checklist question",
                "a question with type: checklist",
            )
        )
    return out


def _check_graph(tree: JsonDict, loc: Locator) -> list[Problem]:
    ids = [q["id"] for q in tree["questions"]]
    expected = "one of: " + quote_list([*ids, END])
    out: list[Problem] = []
    if tree["start"] not in ids:
        out.append(
            loc.problem(("start",), f"unknown question '{tree['start']}'", "one of: " + quote_list(ids))
        )
        return out
    bad = [e for e in edges(tree) if e.target not in ids]
    out += [loc.problem(e.path, f"unknown question '{e.target}'", expected) for e in bad]
    if bad:
        return out
    adj = adjacency(tree)
    seen = reachable(adj, tree["start"])
    for i, q in enumerate(tree["questions"]):
        if q["id"] not in seen:
            out.append(
                loc.problem(
                    ("questions", i),
                    f"question '{q['id']}' is never reached from start '{tree['start']}'",
                    "a start or next that leads to it",
                )
            )
    for cyc in cycles(tree, tree["start"]):
        out.append(
            loc.problem(
                cyc.edge.path,
                f"cycle back to '{cyc.edge.target}' via {' -> '.join(cyc.loop)}",
                "a path that ends in an outcome or the result",
            )
        )
    return out


def _check_outcomes_reached(tree: JsonDict, loc: Locator) -> list[Problem]:
    named = {g["outcome"] for g in tree.get("gates", [])}
    named |= {o["id"] for o in tree.get("outcomes", []) if "mix" in o}  # reached by shape, see checkrules
    for q in tree["questions"]:
        for c in q["choices"]:
            named |= {w["outcome"] for w in c.get("weights", []) if w["points"] > 0}
    return [
        loc.problem(
            ("outcomes", i),
            f"outcome '{o['id']}' can never be reached",
            "a gate or a positive weight that names it",
        )
        for i, o in enumerate(tree.get("outcomes", []))
        if o["id"] not in named
    ]
