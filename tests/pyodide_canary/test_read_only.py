"""Run by the Pyodide harness together with the failing canary: this one must PASS.

It proves that the project, mounted into Pyodide, cannot be written to by a test.
It only makes sense inside Pyodide (on CPython it would write into the project),
so it skips itself elsewhere; like the canary it is kept out of normal collection.
"""

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "emscripten", reason="checks the Pyodide harness only")

TARGET = Path(__file__).resolve().parent / "written-by-pyodide.txt"


def test_the_project_is_read_only_inside_pyodide() -> None:
    with pytest.raises(PermissionError):
        TARGET.write_text("must not happen", encoding="utf-8")
    with pytest.raises(PermissionError):
        os.mkdir(TARGET.with_suffix(".d"))
    assert not TARGET.exists()
