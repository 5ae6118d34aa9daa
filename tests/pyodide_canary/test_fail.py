"""Canary for the Pyodide harness: this test must FAIL.

tests/test_pyodide_suite.py runs tools/pyodide_pytest/run.mjs on this file and
expects a non-zero exit, proving that a failing test inside Pyodide fails the
run.  It is kept out of the normal collection by `norecursedirs` in
pyproject.toml.
"""

import pytest


def test_canary_must_fail() -> None:
    pytest.fail("deliberate failure: the Pyodide harness must report this")
