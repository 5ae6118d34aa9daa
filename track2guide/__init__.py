"""track2guide: the guidance engine of the Track II handbook's planning wizards.

Pure standard-library Python (CPython 3.11+ and Pyodide): JSON in, JSON out, no
global state, nothing evaluated as code.  Layers:

- the typed model of a tree (`track2guide.model`, built once by `track2guide.modelbuild`);
- the core that also runs in the browser: walking, weighing, conditions, answers
  (`step`, `answer`, `question`, `start`, `holds`) computing the typed state
  (`track2guide.state`), the wizard controller (`track2guide.wizard`) and its HTML view,
  the plan summary (`summary_markdown`);
- build-time checks that never ship to the browser: `load_tree`, `check_tree`,
  `compile_tree`, `check_vocabulary`, `CheckedTree`, `Problem`, `TreeError`,
  `validate` (structural validation with jsonschema), `paper_markdown`,
  `schema_markdown`;
- the text catalog (`TEXTS`, `say`): every word shown, each idea worded once.

Names are imported on first use, so that importing `track2guide.wizard` in the
browser loads only the modules it needs (track2guide_build/bundle.py ships those).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check import FORMAT, CheckedTree, check_tree, compile_tree, load_tree
    from .conditions import holds
    from .engine import answer, question, start, step
    from .paper import paper_markdown
    from .problems import Problem, TreeError
    from .schema_doc import schema_markdown
    from .structure import validate
    from .summary import summary_markdown
    from .texts import TEXTS, say
    from .vocabulary import check_vocabulary

_HOME = {
    "FORMAT": "check",
    "CheckedTree": "check",
    "check_tree": "check",
    "compile_tree": "check",
    "load_tree": "check",
    "holds": "conditions",
    "answer": "engine",
    "question": "engine",
    "start": "engine",
    "step": "engine",
    "paper_markdown": "paper",
    "Problem": "problems",
    "TreeError": "problems",
    "schema_markdown": "schema_doc",
    "validate": "structure",
    "summary_markdown": "summary",
    "TEXTS": "texts",
    "say": "texts",
    "check_vocabulary": "vocabulary",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'track2guide' has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "FORMAT",
    "TEXTS",
    "CheckedTree",
    "Problem",
    "TreeError",
    "answer",
    "check_tree",
    "check_vocabulary",
    "compile_tree",
    "holds",
    "load_tree",
    "paper_markdown",
    "question",
    "say",
    "schema_markdown",
    "start",
    "step",
    "summary_markdown",
    "validate",
]
