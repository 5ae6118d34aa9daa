"""Problems found in a tree file, and how they are located and worded.

Every problem reads `{source}:{line}: {path}: {what} (expected {expected})`.
A path is a JSON path written like `questions[3].choices[1].next`; the empty
path (the document itself) is written `(root)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Sequence[PathPart]) -> str:
    """Render a path tuple as `questions[3].choices[1].next`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def line_for(lines: Mapping[str, int], path: Sequence[PathPart]) -> int:
    """The line of `path`, or of its nearest ancestor that has one (1 if none)."""
    parts = list(path)
    while True:
        line = lines.get(format_path(parts))
        if line is not None:
            return line
        if not parts:
            return 1
        parts.pop()


def quote_list(items: Sequence[str], limit: int = 12) -> str:
    """`a, b, c` (shortened with `...` when long)."""
    shown = list(items[:limit])
    if len(items) > limit:
        shown.append("...")
    return ", ".join(shown) if shown else "(none)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a tree, vocabulary or answers file."""

    source: str
    line: int
    path: str
    what: str
    expected: str

    @property
    def message(self) -> str:
        where = self.path or "(root)"
        return f"{self.source}:{self.line}: {where}: {self.what} (expected {self.expected})"

    def __str__(self) -> str:
        return self.message


class TreeError(Exception):
    """Raised by `load_tree` when a tree has problems; carries all of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.message for p in self.problems))


@dataclass(frozen=True)
class Locator:
    """Turns (path, what, expected) into a Problem for one source file."""

    source: str
    lines: Mapping[str, int]

    def problem(self, path: Sequence[PathPart], what: str, expected: str) -> Problem:
        return Problem(self.source, line_for(self.lines, path), format_path(path), what, expected)
