"""Command line (from the project root): `python -m track2guide_build check` |
`export-json FILE` | `export-yaml FILE DIR...` (every *.yaml under DIRs as
{relative path: data}, so tests can read YAML data where PyYAML is missing)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from track2guide import TreeError

from .loadall import load_all_trees
from .yamlload import load_yaml_with_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m track2guide_build")
    parser.add_argument("--root", default=".", help="project root (default: current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check every tree; print the problems")
    export = sub.add_parser("export-json", help="write {tree id: compiled tree} as JSON (for Pyodide tests)")
    export.add_argument("file")
    data = sub.add_parser("export-yaml", help="write {path: data} for every *.yaml under DIRs as JSON")
    data.add_argument("file")
    data.add_argument("dirs", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "export-yaml":
        return export_yaml(Path(args.root), Path(args.file), args.dirs)
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


def export_yaml(root: Path, out: Path, dirs: list[str]) -> int:
    found = {
        path.relative_to(root).as_posix(): load_yaml_with_lines(path)[0]
        for folder in dirs
        for path in sorted((root / folder).rglob("*.yaml"))
    }
    out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    print(f"{len(found)} YAML files exported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
