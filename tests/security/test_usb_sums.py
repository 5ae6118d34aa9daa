"""The USB zip ships SHA256SUMS that `sha256sum -c` accepts, and that catches a changed file."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from scripts.make_usb import TOP, make_zip


def test_sha256sums_check_the_whole_copy(built_site: Path, tmp_path: Path) -> None:
    if not shutil.which("sha256sum"):
        pytest.fail("sha256sum (coreutils) is needed")
    with zipfile.ZipFile(make_zip(built_site, tmp_path / "usb.zip")) as zf:
        names = {n.removeprefix(f"{TOP}/") for n in zf.namelist() if not n.endswith("/")}
        zf.extractall(tmp_path / "out")
    top = tmp_path / "out" / TOP
    sums = (top / "SHA256SUMS").read_text(encoding="utf-8")
    listed = {line.split("  ", 1)[1] for line in sums.splitlines()}
    assert listed == names - {"SHA256SUMS"}
    check = ["sha256sum", "--quiet", "-c", "SHA256SUMS"]
    ok = subprocess.run(check, cwd=top, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    page = top / "site" / "tools" / "venue.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<script src=x.js></script></body>"))
    bad = subprocess.run(check, cwd=top, capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "site/tools/venue.html: FAILED" in bad.stdout
