"""The typed model of a tree: what the core, the controller and the views read.

Built once from the checked tree data (`track2guide.modelbuild.build_tree`), with every
default of the tree language applied there, so nothing downstream reads a raw dict or
guesses a default.  Read-only throughout: frozen dataclasses, tuples and read-only mappings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

QuestionType = Literal["single", "multiple", "checklist"]
Importance = Literal["required", "recommended", "nice"]
ResultKind = Literal["ranking", "checklist"]


@dataclass(frozen=True, slots=True)
class Link:
    """A handbook passage a link key names (`href` for the site, `page`#`anchor` for Markdown)."""

    key: str
    href: str
    title: str
    page: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary term; `known` False when the glossary has no entry for the id."""

    id: str
    term: str
    definition: str
    known: bool


# Conditions (the tree language's `when`); nothing in them is ever evaluated as code.


@dataclass(frozen=True, slots=True)
class Equals:
    question: str
    choice: str


@dataclass(frozen=True, slots=True)
class OneOf:
    question: str
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Includes:
    question: str
    choice: str


@dataclass(frozen=True, slots=True)
class Answered:
    question: str


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: Condition


@dataclass(frozen=True, slots=True)
class ResultTop:
    outcome: str


@dataclass(frozen=True, slots=True)
class ResultTopOneOf:
    outcomes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Never:
    """A condition that is missing or not in the language: it never holds."""


Condition = Equals | OneOf | Includes | Answered | AllOf | AnyOf | Not | ResultTop | ResultTopOneOf | Never


@dataclass(frozen=True, slots=True)
class Weight:
    """Points a choice gives an outcome. `link` is the weight's own passage; `source` is the
    passage its reason leads back to (its own, else its question's)."""

    outcome: str
    points: int
    reason: str
    link: Link | None
    source: Link | None


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str
    help: str | None
    next: str | None  # the choice's own `next` (single questions), as written
    weights: tuple[Weight, ...]
    unknown: bool
    exclusive: bool
    importance: Importance  # checklist items
    when: Condition | None  # checklist items: the item applies only when this holds
    link: Link | None
    warning: str | None


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    text: str
    help: str | None
    term: Term | None
    link: Link | None
    when: Condition | None
    next: str | None  # as written ("end" included)
    toward: str | None  # the outcome its declared scale points to
    min_choices: int
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class Mix:
    """A mixed outcome: indicated when both sides have `min_each` points, at most `max_gap` apart."""

    of: tuple[str, ...]
    min_each: int
    max_gap: int


@dataclass(frozen=True, slots=True)
class OutcomeWarning:
    text: str
    link: Link | None
    when: Condition | None


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: str
    summary: str
    link: Link | None
    mix: Mix | None
    next_steps: tuple[str, ...]
    warnings: tuple[OutcomeWarning, ...]


@dataclass(frozen=True, slots=True)
class Gate:
    when: Condition
    outcome: str
    reason: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class Exclusion:
    id: str
    outcomes: tuple[str, ...]
    when: Condition
    reason: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class TreeWarning:
    id: str | None
    when: Condition
    text: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class ResultRules:
    """The tree's `result`, defaults applied (`ranking` fields unused by checklists and back)."""

    kind: ResultKind
    margin: int
    min_score: int
    min_answers: int
    no_clear_winner: str | None
    ready_message: str | None
    not_ready_message: str | None


@dataclass(frozen=True, slots=True)
class Tree:
    """One tree with its indexes (all computed by the builder, once)."""

    id: str
    version: int
    title: str
    summary: str
    link: Link | None
    start: str
    result: ResultRules
    questions: Mapping[str, Question]  # declared order
    outcomes: Mapping[str, Outcome]  # declared order
    gates: tuple[Gate, ...]
    exclusions: tuple[Exclusion, ...]
    warnings: tuple[TreeWarning, ...]
    links: Mapping[str, Link] = field(repr=False)
    successors: Mapping[str, tuple[str, ...]] = field(repr=False)
    choice_index: Mapping[tuple[str, str], Choice] = field(repr=False)
    points: Mapping[tuple[str, str], Mapping[str, int]] = field(repr=False)
    weighted: tuple[str, ...] = field(repr=False)  # outcomes some weight names, declared order

    @property
    def kind(self) -> ResultKind:
        return self.result.kind

    def choice(self, qid: str, cid: str) -> Choice | None:
        return self.choice_index.get((qid, cid))

    def label(self, qid: str, cid: str) -> str:
        """A choice's label (its id if the question has no such choice)."""
        c = self.choice_index.get((qid, cid))
        return cid if c is None else c.label

    def outcome(self, oid: str) -> Outcome:
        """The outcome `oid`; an outcome the tree does not declare reads as its bare id."""
        return self.outcomes.get(oid) or Outcome(oid, oid, "", None, None, (), ())

    def next_of(self, qid: str, answer: str | list[str] | None) -> str | None:
        """The question after `qid` given its answer; None when the walk ends."""
        q = self.questions[qid]
        nxt = q.next
        if q.type == "single" and isinstance(answer, str):
            c = self.choice(qid, answer)
            if c is not None and c.next is not None:
                nxt = c.next
        return None if nxt in (None, "end") else nxt
