"""The question graph of a tree: edges, reachability, cycles, longest paths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .jsontypes import JsonDict
from .problems import Path

END = "end"


@dataclass(frozen=True)
class Edge:
    """`source` may be followed by `target`; `path` is where the tree says so."""

    source: str
    target: str
    path: Path


def edges(tree: JsonDict) -> list[Edge]:
    """All `next` links between questions (links to `end` are left out)."""
    out: list[Edge] = []
    for i, q in enumerate(tree.get("questions", [])):
        qid = q.get("id")
        nxt = q.get("next")
        if isinstance(nxt, str) and nxt != END:
            out.append(Edge(qid, nxt, ("questions", i, "next")))
        if q.get("type") == "single":
            for j, c in enumerate(q.get("choices", [])):
                cnext = c.get("next")
                if isinstance(cnext, str) and cnext != END:
                    out.append(Edge(qid, cnext, ("questions", i, "choices", j, "next")))
    return out


def adjacency(tree: JsonDict) -> dict[str, list[str]]:
    """qid -> distinct successor qids, in declaration order."""
    adj: dict[str, list[str]] = {q.get("id"): [] for q in tree.get("questions", [])}
    for e in edges(tree):
        targets = adj.setdefault(e.source, [])
        if e.target not in targets:
            targets.append(e.target)
    return adj


def reachable(adj: Mapping[str, Sequence[str]], start: str) -> set[str]:
    """Questions reachable from `start` (including it)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        qid = todo.pop()
        if qid in seen or qid not in adj:
            continue
        seen.add(qid)
        todo.extend(adj[qid])
    return seen


@dataclass(frozen=True)
class Cycle:
    """An edge that closes a loop, and the loop it closes (from target to source)."""

    edge: Edge
    loop: tuple[str, ...]


def cycles(tree: JsonDict, start: str) -> list[Cycle]:
    """Each edge that leads back to a question already on the current walk."""
    by_source: dict[str, list[Edge]] = {}
    for e in edges(tree):
        by_source.setdefault(e.source, []).append(e)
    order = [start] + [q.get("id") for q in tree.get("questions", []) if q.get("id") != start]
    done: set[str] = set()
    found: list[Cycle] = []

    def visit(qid: str, stack: list[str]) -> None:
        stack.append(qid)
        for e in by_source.get(qid, []):
            if e.target in stack:
                found.append(Cycle(e, tuple(stack[stack.index(e.target) :])))
            elif e.target not in done and e.target in by_source:
                visit(e.target, stack)
        stack.pop()
        done.add(qid)

    for qid in order:
        if qid not in done:
            visit(qid, [])
    return found


def longest_from(adj: Mapping[str, Sequence[str]], qid: str) -> int:
    """Most questions on any path from `qid` (inclusive) to the end."""
    memo: dict[str, int] = {}

    def depth(node: str, trail: frozenset[str]) -> int:
        if node not in adj or node in trail:
            return 0
        if node not in memo:
            inner = trail | {node}
            memo[node] = 1 + max((depth(n, inner) for n in adj[node]), default=0)
        return memo[node]

    return depth(qid, frozenset())


def predecessors(adj: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    """qid -> every question from which it can be reached (not itself, unless on a loop)."""
    out: dict[str, set[str]] = {qid: set() for qid in adj}
    for source in adj:
        for target in reachable(adj, source) - {source}:
            out.setdefault(target, set()).add(source)
    return out
