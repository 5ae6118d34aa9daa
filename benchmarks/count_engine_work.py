#!/usr/bin/env python3
"""Count the engine's work per wizard event (a measurement, not a test): how many times one
`track2guide.wizard.handle` call builds the tree index (`tree.unwrap` of a tree not yet
built), validates the answers
(`answers.check_document`) and walks the tree (`walk.walk`).

    python -m benchmarks.count_engine_work [--engine-root DIR]

For each tree it answers the questions in order (always the first choice, or the first
item of a list) and prints the counts for the first answer, a middle answer and the
answer that reaches the result screen.  `--engine-root` points at another copy of the
`track2guide` package (e.g. an older commit from `git archive`) to compare.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COUNTED = {"unwrap": "track2guide.tree", "check_document": "track2guide.answers", "walk": "track2guide.walk"}


def instrument(counts: Counter[str]) -> None:
    """Wrap the counted functions everywhere they were imported."""
    tree_class = sys.modules["track2guide.tree"].Tree
    for name, home in COUNTED.items():
        original = getattr(sys.modules[home], name)

        def counted(*args: Any, _f: Callable[..., Any] = original, _n: str = name, **kw: Any) -> Any:
            # a tree handed over already built is no build
            if _n != "unwrap" or not isinstance(args[0], tree_class):
                counts[_n] += 1
            return _f(*args, **kw)

        for module in [m for k, m in sys.modules.items() if k.startswith("track2guide") and m]:
            if getattr(module, name, None) is original:
                setattr(module, name, counted)


def import_engine(root: Path) -> Any:
    """`track2guide.wizard` from the copy of the package under `root`, in place of the installed one."""
    for name in [k for k in sys.modules if k == "track2guide" or k.startswith("track2guide.")]:
        del sys.modules[name]
    package = root / "track2guide"
    spec = importlib.util.spec_from_file_location(
        "track2guide", package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["track2guide"] = module
    spec.loader.exec_module(module)
    return importlib.import_module("track2guide.wizard")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--engine-root", type=Path, default=ROOT)
    args = parser.parse_args()
    from track2guide_build import load_all_trees

    trees = {t.id: t.data for t in load_all_trees(ROOT)}
    wizard = import_engine(args.engine_root)
    from track2guide.engine import step

    counts: Counter[str] = Counter()
    instrument(counts)
    print(f"engine: {Path(wizard.__file__).parent}")
    print(f"{'tree':<16}{'event':<22}{'tree builds':>12}{'validations':>13}{'walks':>7}")
    for tid, tree in sorted(trees.items()):
        session: Any = None
        screens = []
        reply = wizard.handle(tree, session, {"action": "show"})
        for _ in range(60):
            session = reply["session"]
            state = step(tree, session["answers"])
            if state["current"] is None:
                break
            q = state["current"]
            value = q["choices"][0]["id"] if q["type"] == "single" else [q["choices"][0]["id"]]
            counts.clear()
            reply = wizard.handle(tree, session, {"action": "answer", "question": q["id"], "value": value})
            assert reply["ok"], reply
            screens.append(dict(counts))
        picks = {
            "first answer": screens[0],
            "middle answer": screens[len(screens) // 2],
            "answer -> result": screens[-1],
        }
        for label, c in picks.items():
            work = f"{c.get('unwrap', 0):>12}{c.get('check_document', 0):>13}{c.get('walk', 0):>7}"
            print(f"{tid:<16}{label:<22}{work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
