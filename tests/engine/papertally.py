"""A person with a pencil: works through a rendered paper version (Markdown) and tallies
the result using only what the page prints.

It follows the page's "go to" instructions and "Ask this only if" notes, adds the points
tables, applies the "Before anything else", "Ruled out" and mixed-outcome rules and the
strength words.  The only outside input is the person's answers, given by the labels they
read on the page.  Conditions are read back from the words the page uses for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Q_HEAD = re.compile(r"^### (\d+)\. .* \{#q-([a-z0-9-]+)\}$")
GO = re.compile(r"go to (?:\[question \d+\]\(#q-([a-z0-9-]+)\)|\[the result\]\(#result\))")
OUTCOME = re.compile(r"\[[^\]]*\]\(#o-([a-z0-9-]+)\)")
QREF = r"\[question \d+\]\(#q-([a-z0-9-]+)\)"
LABELS = r"((?:“[^”]*”(?:, or |, | or )?)+)"
ATOMS = [
    (re.compile(rf"you answered {LABELS} to {QREF}"), "choice"),
    (re.compile(rf"your answer to {QREF} includes “([^”]*)”"), "includes"),
    (re.compile(rf"you answered {QREF}"), "answered"),
]
JOINS = re.compile(r"(, and |, or |, | and | or )")


@dataclass
class Question:
    id: str
    ask_if: Any = None  # a parsed condition, or None
    skip_to: str | None = None
    then: str | None = None
    goes: dict[str, str | None] = field(default_factory=dict)  # label -> target (own "go to")
    points: dict[str, dict[str, int]] = field(default_factory=dict)  # label -> outcome -> points


@dataclass
class Paper:
    questions: dict[str, Question]
    first: str
    gates: list[tuple[Any, str]]
    exclusions: list[tuple[Any, list[str]]]
    order: list[str]  # outcomes of the tally table (ties: this order)
    mixes: list[tuple[str, str, str, int, int]]  # mix, a, b, min_each, max_gap
    min_score: int
    min_answers: int
    margin: int


def parse_condition(text: str) -> Any:
    cond, rest = _expr(text.strip())
    assert not rest, f"cannot read the condition near: {rest!r}"
    return cond


def _expr(text: str) -> tuple[Any, str]:
    parts, words = [], set()
    part, text = _term(text)
    parts.append(part)
    while (m := JOINS.match(text)) and _starts_term(text[m.end() :]):
        word = m.group(1).strip(", ").strip()
        if word:
            words.add(word)
        part, text = _term(text[m.end() :])
        parts.append(part)
    if len(parts) == 1:
        return parts[0], text
    assert len(words) == 1, f"mixed 'and'/'or' without brackets: {words}"
    return {"all" if words == {"and"} else "any": parts}, text


def _starts_term(text: str) -> bool:
    return text.startswith(("(", "it is not the case that ", "you answered ", "your answer to "))


def _term(text: str) -> tuple[Any, str]:
    if text.startswith("("):
        inner, rest = _expr(text[1:])
        assert rest.startswith(")"), rest
        return inner, rest[1:]
    if text.startswith("it is not the case that "):
        inner, rest = _term(text[len("it is not the case that ") :])
        return {"not": inner}, rest
    for pattern, kind in ATOMS:
        m = pattern.match(text)
        if m:
            rest = text[m.end() :]
            if kind == "choice":
                return {"answer": m.group(2), "one_of": re.findall(r"“([^”]*)”", m.group(1))}, rest
            if kind == "includes":
                return {"answer": m.group(1), "includes": m.group(2)}, rest
            return {"answered": m.group(1)}, rest
    raise AssertionError(f"cannot read the condition at: {text!r}")


def holds(cond: Any, given: dict[str, list[str]]) -> bool:
    """`given`: question id -> the labels of the answer (a list, also for one answer)."""
    if "all" in cond:
        return all(holds(c, given) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, given) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], given)
    if "answered" in cond:
        return cond["answered"] in given
    got = given.get(cond["answer"])
    if got is None:
        return False
    if "includes" in cond:
        return cond["includes"] in got
    return len(got) == 1 and got[0] in cond["one_of"]


def _target(line: str) -> str | None:
    m = GO.search(line)
    assert m, line
    return m.group(1)  # None: the result


def _number(pattern: str, text: str, default: int) -> int:
    m = re.search(pattern, text)
    return int(m.group(1)) if m else default


def parse(markdown: str) -> Paper:
    lines = markdown.splitlines()
    questions: dict[str, Question] = {}
    section, q, header = "", None, None
    gates, exclusions, order = [], [], []
    for line in lines:
        if m := Q_HEAD.match(line):
            q = questions.setdefault(m.group(2), Question(m.group(2)))
            header = None
            continue
        if line.startswith("## "):
            section, q, header = line, None, None
            continue
        if q is not None:
            if line.startswith("*Ask this only if "):
                cond, _, skip = line[len("*Ask this only if ") :].rpartition("; otherwise skip it and ")
                q.ask_if, q.skip_to = parse_condition(cond), _target(skip)
            elif line.startswith("Then go to "):
                q.then = _target(line)
            elif m := re.match(r"^- (?:\[ \] )?\*\*(.+?)\*\*: (go to .*?)\.(?: |$)", line):
                q.goes[m.group(1)] = _target(m.group(2))
            elif line.startswith("| Answer |"):
                header = OUTCOME.findall(line)
            elif header is not None and line.startswith("|") and not line.startswith("|---"):
                cells = [c.strip() for c in line.strip("|").split("|")]
                q.points[cells[0]] = {o: int(v) for o, v in zip(header, cells[1:], strict=True) if v}
        elif "{#before-anything-else}" in section and line.startswith("- If "):
            cond, _, rest = line[len("- If ") :].partition(": read [")
            gates.append((parse_condition(cond), OUTCOME.findall("[" + rest)[0]))
        elif "{#ruled-out}" in section and line.startswith("- If "):
            cond, _, rest = line[len("- If ") :].partition(": cross out ")
            named = rest.partition("; ruled out because ")[0]
            exclusions.append((parse_condition(cond), OUTCOME.findall(named)))
        elif "{#result}" in section and re.match(r"^\| \[.*\]\(#o-", line):
            order.append(OUTCOME.findall(line)[0])
    result = markdown.partition("{#result}")[2].partition("\n## ")[0]
    mixes = [
        (m.group(1), m.group(2), m.group(3), int(m.group(4)), int(m.group(5)))
        for m in re.finditer(
            r"\(#o-([a-z0-9-]+)\) gets no points of its own\. .*? when \[[^\]]*\]\(#o-([a-z0-9-]+)\) and "
            r"\[[^\]]*\]\(#o-([a-z0-9-]+)\) .*?at least (\d+) point\(s\) .*?differ by at most (\d+)",
            result,
        )
    ]
    first = Q_HEAD.match(next(x for x in lines if Q_HEAD.match(x)))
    assert first and first.group(1) == "1"
    return Paper(
        questions=questions,
        first=first.group(2),
        gates=gates,
        exclusions=exclusions,
        order=order,
        mixes=mixes,
        min_score=_number(r"fewer than (\d+) point\(s\) are not indicated", result, 1),
        min_answers=_number(r"fewer than (\d+) of your answers gave points", result, 0),
        margin=_number(r"beats the next one by at least (\d+) point\(s\)", result, 1),
    )


def work_through(paper: Paper, answers: dict[str, list[str]]) -> dict[str, Any]:
    """Follow the page with these answers (question id -> labels); tally if the walk ends."""
    path: list[str] = []
    given: dict[str, list[str]] = {}
    qid: str | None = paper.first
    while qid is not None:
        q = paper.questions[qid]
        if q.ask_if is not None and not holds(q.ask_if, given):
            qid = q.skip_to
            continue
        if qid not in answers:
            return {"path": path, "current": qid}
        given[qid] = answers[qid]
        path.append(qid)
        own = [q.goes[label] for label in answers[qid] if label in q.goes]
        qid = own[0] if own else q.then
    return {"path": path, "current": None, **tally(paper, given)}


def tally(paper: Paper, given: dict[str, list[str]]) -> dict[str, Any]:
    totals = dict.fromkeys(paper.order, 0)
    counted = 0
    for qid, labels in given.items():
        rows = [paper.questions[qid].points.get(label, {}) for label in labels]
        counted += any(rows)
        for row in rows:
            for oid, points in row.items():
                totals[oid] += points
    gate = next((oid for cond, oid in paper.gates if holds(cond, given)), None)
    out = [oid for cond, named in paper.exclusions if holds(cond, given) for oid in named]
    plain = sorted((o for o in paper.order if o not in out), key=lambda o: -totals[o])
    ranked = [(o, totals[o], totals[o] >= paper.min_score, ()) for o in plain]
    first, last = [], []
    for mix, a, b, least, gap in paper.mixes:
        if mix in out:
            continue
        on = a not in out and b not in out and min(totals[a], totals[b]) >= least
        on = on and abs(totals[a] - totals[b]) <= gap
        (first if on else last).append((mix, max(totals[a], totals[b]), on, (a, b)))
    ranked = first + ranked + last
    top = ranked[0] if ranked and ranked[0][2] else None
    if top is None or counted < paper.min_answers:
        strength = "insufficient"
    else:
        rivals = [r for r in ranked[1:] if r[0] not in top[3] and not r[3]]
        lead = top[1] - rivals[0][1] if rivals else None
        strength = "clear" if lead is None or (lead >= paper.margin and lead > 0) else "close"
    return {
        "gate": gate,
        "top": top[0] if top else None,
        "strength": strength,
        "ranked": [r[0] for r in ranked if r[2]],
        "ruled_out": sorted(set(out)),
        "scores": {o: totals[o] for o in paper.order},
    }
