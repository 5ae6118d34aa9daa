"""Classic-script bundles for the browser (file:// forbids fetch, so data ships as JS)."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable
from pathlib import Path

from track2guide import CheckedTree

ENGINE_PACKAGE = Path(__file__).resolve().parent.parent / "track2guide"


def _js_json(value: object) -> str:
    """JSON that is also safe inside any HTML or JS context."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def emit_browser_bundle(checked_trees: Iterable[CheckedTree]) -> str:
    """`window.TRACK2_TREES = {id: compiled tree, ...};`"""
    trees = {t.id: t.data for t in sorted(checked_trees, key=lambda t: t.id)}
    return f"window.TRACK2_TREES = {_js_json(trees)};\n"


BROWSER_ROOTS = ("__init__", "wizard")  # what the Pyodide host imports (docs/javascripts/pyodide-host.js)


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def package_imports(source: str) -> set[str]:
    """Modules of the same package that `source` imports (`from .x import`, also inside functions),
    leaving out imports made only for type checking."""
    found: set[str] = set()
    todo: list[ast.AST] = [ast.parse(source)]
    while todo:
        node = todo.pop()
        if _is_type_checking(node):
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        todo.extend(ast.iter_child_nodes(node))
    return found


def browser_modules(package: Path = ENGINE_PACKAGE) -> list[str]:
    """The engine modules that run in the browser: everything the wizard imports, transitively.
    Build-time checks (check, structure, schema_doc, messages, paper, ...) are not among them."""
    seen: set[str] = set()
    todo = list(BROWSER_ROOTS)
    while todo:
        name = todo.pop()
        path = package / f"{name}.py"
        if name in seen or not path.exists():
            continue
        seen.add(name)
        todo.extend(package_imports(path.read_text(encoding="utf-8")))
    return sorted(seen)


def engine_sources(package: Path = ENGINE_PACKAGE) -> dict[str, str]:
    """`track2guide/<file>.py` -> source, for every module that runs in the browser."""
    return {
        f"track2guide/{name}.py": (package / f"{name}.py").read_text(encoding="utf-8")
        for name in browser_modules(package)
    }


def emit_engine_bundle(package: Path = ENGINE_PACKAGE) -> str:
    """`window.TRACK2_ENGINE = {"track2guide/__init__.py": "...", ...};`"""
    return f"window.TRACK2_ENGINE = {_js_json(engine_sources(package))};\n"
