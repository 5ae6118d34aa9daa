"""Small helpers shared by the engine tests (pure: no PyYAML)."""

from __future__ import annotations

from typing import Any

from tests.engine import treedata
from track2guide import step


def doc(tree_id: str = "sample", version: int = 3, **answers: Any) -> dict[str, Any]:
    """An answers document; keyword names use _ for - (`not_ready` -> `not-ready`)."""
    return {
        "tree": tree_id,
        "version": version,
        "answers": {k.replace("_", "-"): v for k, v in answers.items()},
    }


def run(tree: dict[str, Any] | None = None, **answers: Any) -> dict[str, Any]:
    """step() on the sample tree (or `tree`) with the given answers; asserts it worked."""
    tree = tree if tree is not None else treedata.compiled()
    state = step(tree, doc(tree["tree"]["id"], tree["tree"]["version"], **answers))
    assert state["ok"], state
    return state


def ids(items: list[dict[str, Any]], key: str = "id") -> list[Any]:
    return [item[key] for item in items]
