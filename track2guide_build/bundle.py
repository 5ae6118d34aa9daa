"""What the browser gets of the engine: the trees as a classic script (file:// forbids
fetch, so data ships as JS), and the list of engine modules the browser can import.

The engine's own source reaches the browser inside the Pyodide runtime's standard library
zip, and imported in its memory snapshot (hooks/pyodide_bundle.py,
tools/pyodide_snapshot/make_snapshot.mjs): only the modules `browser_modules` finds, so the
build-time checks never ship."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from track2guide import CheckedTree


def _js_json(value: object) -> str:
    """JSON that is also safe inside any HTML or JS context."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def emit_browser_bundle(checked_trees: Iterable[CheckedTree]) -> str:
    """`window.TRACK2_TREES = {id: compiled tree, ...};`"""
    trees = {t.id: t.data for t in sorted(checked_trees, key=lambda t: t.id)}
    return f"window.TRACK2_TREES = {_js_json(trees)};\n"


# What the page's Python host imports (docs/javascripts/pyodide-host.js); the planning
# workbook is reached through it too (track2guide.wizard.handle_json).
BROWSER_ENTRY = "wizard"
PACKAGE = "track2guide"


def _imports(node: ast.AST) -> Iterator[str]:
    """Engine modules named by the import statements under `node` (inside functions too),
    leaving out `if TYPE_CHECKING:` blocks, which never run."""
    for child in ast.iter_child_nodes(node):
        test = child.test if isinstance(child, ast.If) else None
        if isinstance(child, ast.If) and isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            yield from (name for part in child.orelse for name in _imports(part))
            continue
        if isinstance(child, ast.ImportFrom) and child.level == 1:
            if child.module:
                yield child.module.split(".")[0]
            else:
                yield from (alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
            if child.module.startswith(f"{PACKAGE}."):
                yield child.module.split(".")[1]
        elif isinstance(child, ast.Import):
            yield from (a.name.split(".")[1] for a in child.names if a.name.startswith(f"{PACKAGE}."))
        yield from _imports(child)


def browser_modules(package: Path, entry: str = BROWSER_ENTRY) -> list[Path]:
    """The engine's files the browser can import: the package's `__init__` and every module
    reachable from `entry` through the engine's own imports, sorted."""
    seen: set[str] = set()
    todo = ["__init__", entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = package / f"{name}.py"
        if not path.is_file():
            raise FileNotFoundError(f"{PACKAGE}.{name} is imported but {path} does not exist")
        seen.add(name)
        todo += _imports(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return sorted(package / f"{name}.py" for name in seen)
