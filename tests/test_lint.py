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
