#!/usr/bin/env python3
"""Make the USB-stick copy: a zip of the built site with a plain start file.

Layout inside the zip (one top folder, so unpacking never scatters files):

    Track II Handbook/START-HERE.html   opens site/index.html
    Track II Handbook/HOW-TO-OPEN.txt   what to do, in plain words
    Track II Handbook/SHA256SUMS        the SHA-256 of every other file, to check the copy
    Track II Handbook/site/...          the built site, works from file://

Usage: python scripts/make_usb.py [--site DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "Track II Handbook"

START_HERE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=site/index.html">
<title>Track II Peacemaking Handbook: start here</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Track II Peacemaking Handbook</h1>
<p><a href="site/index.html">Open the handbook</a> (it should open by itself).</p>
<p>Everything works from this folder: no internet connection is needed and nothing you
type in the planning tools leaves this computer.</p>
</body>
</html>
"""

HOW_TO_OPEN = """Track II Peacemaking Handbook - offline copy
=============================================

1. Copy this whole folder to your computer (or open it from the USB stick).
2. Double-click START-HERE.html. It opens in your web browser.
   If it does not, open the browser and drag START-HERE.html into it.
3. Works in current Chrome, Chromium, Edge and Firefox with no internet.

Privacy: the site makes no request to any other computer. The planning tools
keep your answers only if you tick "keep my answers on this device", and the
"Clear my answers" button wipes them. On a shared computer, clear them when
you are done.

To check that no file was changed on the way: open a terminal in this folder and
run `sha256sum -c SHA256SUMS` (Linux) or `shasum -a 256 -c SHA256SUMS` (macOS).
Every line must end in OK.

Text rewritten in our own words from "Conducting Track II Peacemaking"
(Heidi Burgess and Guy Burgess, USIP Peacemaker's Toolkit, 2010).
"""


def build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)]
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)


def sha256sums(entries: dict[str, bytes]) -> str:
    """`sha256sum` format (hash, two spaces, path relative to the top folder), sorted by path."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(entries.items()))


def make_zip(site: Path, out: Path) -> Path:
    """Write the zip from an already built site directory; return its path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = {"START-HERE.html": START_HERE.encode("utf-8"), "HOW-TO-OPEN.txt": HOW_TO_OPEN.encode("utf-8")}
    for path in sorted(site.rglob("*")):
        # Source maps (the theme's) serve only a developer's debugger, not readers of the copy.
        if path.is_file() and path.suffix != ".map":
            entries[f"site/{path.relative_to(site).as_posix()}"] = path.read_bytes()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in entries.items():
            zf.writestr(f"{TOP}/{name}", data)
        zf.writestr(f"{TOP}/SHA256SUMS", sha256sums(entries))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="use this built site instead of building")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "track2-handbook-usb.zip")
    args = parser.parse_args(argv)
    if args.site:
        out = make_zip(args.site, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(site)
            out = make_zip(site, args.out)
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB): unzip, then open '{TOP}/START-HERE.html'")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
