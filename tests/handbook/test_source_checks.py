"""The handbook's own wording: paraphrase-check and originality-check report 0.

Both tools live in the shared folder beside the repository clone (`<parent>/shared/tools`),
which CI checks out next to the repo. From a linked git worktree, the clone is the main
worktree, so its parent is tried too. A missing tool is a failure, never a skip: without
it nothing guarantees that the text is written in our own words.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("paraphrase-check", "originality-check")


def _main_clone() -> Path | None:
    # `git rev-parse --git-common-dir` names the main clone's .git even from a linked worktree.
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out).parent if out else None


def tools_dir() -> Path | None:
    candidates = [ROOT / ".." / "shared" / "tools"]
    clone = _main_clone()
    if clone is not None:
        candidates.append(clone / ".." / "shared" / "tools")
    for folder in candidates:
        if all((folder / tool).is_file() for tool in TOOLS):
            return folder.resolve()
    return None


def run_tool(name: str) -> subprocess.CompletedProcess[str]:
    folder = tools_dir()
    if folder is None:
        pytest.fail(
            f"{name} not found: expected the shared tools at {(ROOT.parent / 'shared' / 'tools')}"
            " (the 'shared' folder checked out beside the repository)"
        )
    args = [sys.executable, str(folder / name), str(ROOT)]
    if name == "paraphrase-check":
        args += ["--threshold", "0.6"]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)


def test_paraphrase_check_reports_zero() -> None:
    proc = run_tool("paraphrase-check")
    summary = re.search(r"paraphrase-check: (\d+) of (\d+) sentences at or above 0\.60", proc.stdout)
    assert summary, f"unexpected output:\n{proc.stdout}\n{proc.stderr}"
    assert int(summary.group(2)) > 1000, "the tool read almost no sentences: wrong project folder?"
    assert summary.group(1) == "0" and proc.returncode == 0, (
        f"sentences follow a source sentence too closely; rewrite them:\n{proc.stdout}"
    )


def test_originality_check_reports_zero() -> None:
    proc = run_tool("originality-check")
    summary = re.search(r"originality: (\d+) passages repeat the source \((\d+) of (\d+) words", proc.stdout)
    assert summary, f"unexpected output:\n{proc.stdout}\n{proc.stderr}"
    assert int(summary.group(3)) > 10000, "the tool read almost no words: wrong project folder?"
    assert summary.group(1) == "0" and proc.returncode == 0, (
        f"passages repeat the source word for word; rewrite them:\n{proc.stdout}"
    )
