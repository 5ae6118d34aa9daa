"""Command line: `python -m track2guide_build check` | `export-json FILE` (from the project root)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from track2guide import TreeError

from .loadall import load_all_trees


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m track2guide_build")
    parser.add_argument("--root", default=".", help="project root (default: current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check every tree; print the problems")
    export = sub.add_parser("export-json", help="write {tree id: compiled tree} as JSON (for Pyodide tests)")
    export.add_argument("file")
    args = parser.parse_args(argv)
    try:
        trees = load_all_trees(Path(args.root))
    except (TreeError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "export-json":
        Path(args.file).write_text(
            json.dumps({t.id: t.data for t in trees}, ensure_ascii=False), encoding="utf-8"
        )
    print(f"{len(trees)} trees OK: {', '.join(t.id for t in trees)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
