"""The strict tooling configured in pyproject.toml passes: ruff over the whole
project and mypy --strict over the Python that ships or builds the site."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("tool", [["ruff", "check", "."], ["mypy"]], ids=["ruff", "mypy"])
def test_tool_passes(tool: list[str]) -> None:
    cmd = [sys.executable, "-m", *tool]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def path_edits(text: str) -> list[str]:
    """Lines that change Python's import path (the project is installed instead)."""
    return [line.strip() for line in text.splitlines() if "sys.path." in line]


@pytest.mark.parametrize(("text", "found"), [
    ("import sys\nsys.path.insert(0, str(ROOT))\n", 1),
    ("sys.path.append('x')\n", 1),
    ("from track2guide import say\n", 0),
])
def test_path_edit_detector(text: str, found: int) -> None:
    assert len(path_edits(text)) == found


def test_no_module_edits_the_import_path() -> None:
    folders = ("track2guide", "track2guide_build", "hooks", "macros", "scripts", "benchmarks", "tests",
               "tools")
    edits = {
        str(path.relative_to(ROOT)): path_edits(path.read_text(encoding="utf-8"))
        for folder in folders
        for path in (ROOT / folder).rglob("*.py")
        if path != ROOT / "tests" / "test_lint.py"
    }
    assert {name: lines for name, lines in edits.items() if lines} == {}
