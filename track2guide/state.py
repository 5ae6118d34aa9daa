"""Where a walk stands, typed and complete: what the engine computes and the views read.

Every piece a view shows is here already (question texts, choice labels, outcome titles,
the links and warnings that apply), so no view calls the engine again.  The JSON the
engine API returns is made from this by `track2guide.statejson`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Choice, Link, Outcome, Question, Tree

Strength = Literal["clear", "close", "insufficient"]
How = Literal["choose", "tick", "untick"]
Given = str | tuple[str, ...]  # an answer as the state keeps it


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning that applies: tree warnings have an `id`, an outcome's warnings have none."""

    id: str | None
    text: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as asked: the choices that apply, its number on the path, an earlier answer."""

    question: Question
    choices: tuple[Choice, ...]
    number: int
    answer: Given | None


@dataclass(frozen=True, slots=True)
class PathEntry:
    """An answer on the path, with its question's text and the chosen choices' labels."""

    question: Question
    answer: Given
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    """Points a chosen answer gave an outcome, and why (with the answer's words)."""

    question: str
    question_text: str
    choice: str
    choice_label: str
    outcome: str
    points: int
    reason: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class Advice:
    """An outcome with the warnings that apply to it."""

    outcome: Outcome
    warnings: tuple[Notice, ...]


@dataclass(frozen=True, slots=True)
class Ranked:
    advice: Advice
    score: int
    indicated: bool
    tied: bool
    reasons: tuple[Reason, ...]
    mix_of: tuple[str, ...]
    mix_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RuledOut:
    outcome: str
    title: str
    exclusion: str
    reason: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class Change:
    """One answer that, changed, changes the top result or its strength."""

    question: str
    question_text: str
    choice: str
    choice_label: str
    how: How
    top: str | None
    top_title: str | None
    strength: Strength


@dataclass(frozen=True, slots=True)
class Ranking:
    strength: Strength
    top: str | None
    message: str | None
    ranked: tuple[Ranked, ...]
    ruled_out: tuple[RuledOut, ...]
    weighted_answers: int
    min_answers: int

    @property
    def clear(self) -> bool:
        return self.strength == "clear"


@dataclass(frozen=True, slots=True)
class Item:
    """A checklist item on the path."""

    question: str
    choice: Choice


@dataclass(frozen=True, slots=True)
class Checklist:
    met: tuple[Item, ...]
    missing_required: tuple[Item, ...]
    missing_other: tuple[Item, ...]
    not_applicable: tuple[Item, ...]
    ready: bool

    def group(self, key: str) -> tuple[Item, ...]:
        """The items of one group, named as in `checklist.CHECKLIST_GROUPS`."""
        groups = {
            "met": self.met,
            "missing_required": self.missing_required,
            "missing_other": self.missing_other,
            "not_applicable": self.not_applicable,
        }
        return groups[key]


@dataclass(frozen=True, slots=True)
class GateAdvice:
    """The gate that advises: its outcome, reason and link (its own, else the outcome's)."""

    advice: Advice
    reason: str
    link: Link | None


@dataclass(frozen=True, slots=True)
class RankingResult:
    gate: GateAdvice | None
    ranking: Ranking
    warnings: tuple[Notice, ...]
    checklist: Checklist | None
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class ChecklistResult:
    gate: GateAdvice | None
    checklist: Checklist
    ready: bool  # every required item met and no gate
    message: str | None
    warnings: tuple[Notice, ...]


Result = RankingResult | ChecklistResult


@dataclass(frozen=True, slots=True)
class Progress:
    answered: int
    total: int
    percent: int


@dataclass(frozen=True, slots=True)
class State:
    tree: Tree
    path: tuple[PathEntry, ...]
    skipped: tuple[str, ...]
    dropped: tuple[str, ...]
    pending: tuple[str, ...]
    current: Asked | None
    result: Result | None
    progress: Progress

    def ids(self) -> list[str]:
        """The question ids on the path, in order."""
        return [e.question.id for e in self.path]
