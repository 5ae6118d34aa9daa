"""The engine's pure tests also pass inside Pyodide (Python 3.14 on WebAssembly).

Runs tools/pyodide_pytest/run.mjs under Node, offline, and checks its counts
against a CPython collection of the same files, so an empty or shrunken run in
Pyodide fails here. A canary file that must fail proves the harness can fail.
Needs the wheels from tools/pyodide_pytest/fetch_wheels.sh (`make test` runs it).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tools" / "pyodide_pytest"
RUNNER = HARNESS / "run.mjs"
WHEELS = ROOT / ".cache" / "pyodide-wheels"
CANARY = "tests/pyodide_canary/test_fail.py"
READ_ONLY = "tests/pyodide_canary/test_read_only.py"
TIME_LIMIT = 420  # seconds; run.mjs has its own limit below this
RESULT_PREFIX = "PYODIDE_PYTEST_RESULT "
# A test may skip inside Pyodide only if its reason says why in these terms: it
# needs PyYAML or jsonschema (not installable there) or is meant for CPython only
# (say "CPython" or "Pyodide" in the reason). Any other skip fails this test, so
# that, say, missing tree data cannot quietly skip the tests that need it.
ALLOWED_SKIP_REASONS = (
    re.compile(r"\byaml\b|PyYAML", re.IGNORECASE),
    re.compile(r"'jsonschema'"),
    re.compile(r"\bCPython\b|\bPyodide\b|emscripten", re.IGNORECASE),
)


def targets() -> list[str]:
    """pytest arguments for what runs inside Pyodide (tools/pyodide_pytest/targets.txt)."""
    args = []
    for line in (HARNESS / "targets.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            args.append(f"--ignore={entry[1:].strip()}" if entry.startswith("!") else entry)
    return args


def run_harness(*pytest_args: str, project_trees: bool = False) -> tuple[int, str, dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the Pyodide suite needs Node 20+")
    if not any(WHEELS.glob("pytest-*.whl")):
        pytest.fail(f"no wheels in {WHEELS}: run `bash tools/pyodide_pytest/fetch_wheels.sh` first")
    options = [f"--timeout={TIME_LIMIT - 30}"] + (["--project-trees"] if project_trees else [])
    proc = subprocess.run(
        [node, str(RUNNER), *options, "--", *pytest_args],
        cwd=ROOT, capture_output=True, text=True, timeout=TIME_LIMIT, check=False,
        env={**os.environ, "PYTHON": sys.executable},  # exports the trees with this interpreter
    )
    output = proc.stdout + proc.stderr
    found = [line[len(RESULT_PREFIX):] for line in proc.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    result: dict[str, Any] = json.loads(found[-1]) if found else {}
    return proc.returncode, output, result


def cpython_collected(paths: list[str]) -> int:
    """How many tests CPython's pytest collects from the same paths."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *paths],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    match = re.search(r"^(\d+) tests? collected", proc.stdout, re.MULTILINE)
    assert proc.returncode == 0 and match, f"CPython collection failed:\n{proc.stdout}\n{proc.stderr}"
    return int(match.group(1))


def allowed(reason: str) -> bool:
    return any(pattern.search(reason) for pattern in ALLOWED_SKIP_REASONS)


def test_pure_engine_tests_pass_inside_pyodide() -> None:
    paths = targets()
    assert any(not p.startswith("-") for p in paths), "tools/pyodide_pytest/targets.txt lists no test paths"

    code, output, result = run_harness(*paths, project_trees=True)

    assert code == 0, f"pytest inside Pyodide exited {code}:\n{output[-6000:]}"
    assert result, f"the harness printed no {RESULT_PREFIX.strip()} line:\n{output[-3000:]}"
    # Whole files may skip in Pyodide only for a known reason (e.g. importorskip("yaml"));
    # they are then left out of the CPython count as well.
    skipped_files = dict(entry.split(": ", 1) for entry in result["skipped_files"])
    bad_files = {f: why for f, why in skipped_files.items() if not allowed(why)}
    assert not bad_files, (
        f"whole test files skipped inside Pyodide for unexpected reasons: {bad_files}; make them pure"
        " or exclude them with a `!path` line in tools/pyodide_pytest/targets.txt"
    )
    expected = cpython_collected([*paths, *(f"--ignore={f}" for f in skipped_files)])
    assert expected > 0, f"CPython collects no tests from {paths}"
    assert result["collected"] == expected, (
        f"Pyodide collected {result['collected']} tests, CPython {expected}:\n{output[-3000:]}"
    )
    unexpected = {reason: n for reason, n in result["skip_reasons"].items() if not allowed(reason)}
    assert not unexpected, f"tests skipped inside Pyodide for unexpected reasons: {unexpected}"
    assert result["passed"] + result["skipped"] + result["xfailed"] == expected, output[-3000:]
    # A floor, so that a run where almost everything skips cannot pass quietly.
    assert result["passed"] * 2 > expected, f"only {result['passed']} of {expected} passed:\n{output[-3000:]}"
    # pytest's own summary line must agree with the harness's tally.
    summary = re.search(r"=+ .*?(\d+) passed.* in [\d.]+s", output)
    assert summary and int(summary.group(1)) == result["passed"], output[-3000:]


def test_a_failing_test_inside_pyodide_fails_the_run() -> None:
    # One run, two files: the canary must fail the run; the read-only check must pass.
    code, output, result = run_harness(CANARY, READ_ONLY)
    assert code == 1, f"the canary should make the run exit 1, got {code}:\n{output[-3000:]}"
    assert result.get("failed") == 1, output[-3000:]
    assert "deliberate failure" in output
    assert result.get("passed") == 1, f"the project should be read-only inside Pyodide:\n{output[-3000:]}"
    assert not (ROOT / "tests" / "pyodide_canary" / "written-by-pyodide.txt").exists()


def test_an_empty_run_inside_pyodide_fails() -> None:
    code, output, result = run_harness(CANARY, "-k", "no_test_has_this_name")
    assert code == 5, f"a run that selects no test should exit 5, got {code}:\n{output[-3000:]}"
    assert result.get("passed") == 0
