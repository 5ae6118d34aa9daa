"""A compiled tree as the engine sees it: the tree, its link targets and terms, indexed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .graph import END, adjacency
from .jsontypes import Json, JsonDict


@dataclass(frozen=True)
class Tree:
    """Read-only view of one tree, built afresh for each call; its indexes live as long as it does."""

    raw: JsonDict
    links: JsonDict
    terms: JsonDict
    questions: dict[str, JsonDict]
    outcomes: dict[str, JsonDict]
    successors: dict[str, list[str]]

    @property
    def id(self) -> str:
        return str(self.raw.get("id", ""))

    @property
    def version(self) -> int:
        version = self.raw.get("version", 1)
        return version if isinstance(version, int) else 1

    @property
    def kind(self) -> str:
        return str(self.raw.get("result", {}).get("kind", "ranking"))

    @cached_property
    def choice_index(self) -> dict[tuple[str, str], JsonDict]:
        """(question id, choice id) -> choice (the first, if an id repeats)."""
        out: dict[tuple[str, str], JsonDict] = {}
        for qid, q in self.questions.items():
            for c in q["choices"]:
                out.setdefault((qid, c["id"]), c)
        return out

    @cached_property
    def points(self) -> dict[tuple[str, str], dict[str, int]]:
        """(question id, choice id) -> outcome -> points, for choices that carry weights."""
        out: dict[tuple[str, str], dict[str, int]] = {}
        for key, c in self.choice_index.items():
            for w in c.get("weights", []):
                table = out.setdefault(key, {})
                oid = str(w.get("outcome"))
                table[oid] = table.get(oid, 0) + int(w.get("points", 0))
        return out

    @cached_property
    def weighted(self) -> tuple[str, ...]:
        """Outcomes named by at least one weight, in declared order (the order used for ties)."""
        named = {oid for table in self.points.values() for oid in table}
        return tuple(oid for oid in self.outcomes if oid in named)

    def choice(self, qid: str, cid: str) -> JsonDict | None:
        return self.choice_index.get((qid, cid))

    def next_of(self, qid: str, answer: Json) -> str | None:
        """The question after `qid` given its answer; None when the walk ends."""
        q = self.questions[qid]
        nxt = q.get("next")
        if q["type"] == "single" and isinstance(answer, str):
            c = self.choice(qid, answer)
            if c is not None and "next" in c:
                nxt = c["next"]
        return None if nxt in (None, END) else str(nxt)

    def link(self, key: Json) -> JsonDict | None:
        """`{href, title}` for a link key, or None."""
        target = self.links.get(key) if isinstance(key, str) else None
        if not isinstance(target, dict):
            return None
        return {"href": target.get("href"), "title": target.get("title")}


def _well_formed(raw: Json) -> bool:
    """Just enough shape for the engine to run without tripping (check.py does the real checking)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("start"), str):
        return False
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        return False
    for q in questions:
        if not (
            isinstance(q, dict)
            and isinstance(q.get("id"), str)
            and q.get("type") in ("single", "multiple", "checklist")
            and isinstance(q.get("choices"), list)
            and all(isinstance(c, dict) and isinstance(c.get("id"), str) for c in q["choices"])
        ):
            return False
    outcomes = raw.get("outcomes", [])
    return isinstance(outcomes, list) and all(
        isinstance(o, dict) and isinstance(o.get("id"), str) for o in outcomes
    )


def unwrap(tree: Json | Tree) -> Tree | None:
    """Accept a compiled tree (`{"format": ..., "tree": ...}`), a bare tree, or a Tree already
    built (callers that make several engine calls build it once); None if unusable."""
    if isinstance(tree, Tree):
        return tree
    if isinstance(tree, dict) and "format" in tree:
        raw, links, terms = tree.get("tree"), tree.get("links"), tree.get("terms")
    else:
        raw, links, terms = tree, {}, {}
    if not _well_formed(raw) or not isinstance(raw, dict) or not isinstance(links, dict):
        return None
    if not isinstance(terms, dict):
        return None
    questions: dict[str, JsonDict] = {}
    for q in raw["questions"]:
        questions.setdefault(q["id"], q)
    outcomes: dict[str, JsonDict] = {}
    for o in raw.get("outcomes", []):
        outcomes.setdefault(o["id"], o)
    return Tree(raw, links, terms, questions, outcomes, adjacency(raw))
