"""track2guide: the guidance engine of the Track II handbook's planning wizards.

Pure standard-library Python (CPython 3.11+ and Pyodide): JSON in, JSON out, no
global state, nothing evaluated as code.  The public API:

- checking: `load_tree`, `check_tree`, `compile_tree`, `check_vocabulary`, `CheckedTree`,
  `Problem`, `TreeError`, `validate` (the mini JSON-Schema validator);
- walking: `step`, `answer`, `question`, `start`, `holds`;
- documents: `summary_markdown`, `paper_markdown`, `schema_markdown`;
- translation: `extract_messages`, `apply_messages`, `ENGINE_TEXTS`.
"""

from __future__ import annotations

from .check import FORMAT, CheckedTree, check_tree, compile_tree, load_tree
from .conditions import holds
from .engine import answer, question, start, step
from .messages import apply_messages, extract_messages
from .paper import paper_markdown
from .problems import Problem, TreeError
from .schema import validate
from .schema_doc import schema_markdown
from .summary import summary_markdown
from .texts import ENGINE_TEXTS
from .vocabulary import check_vocabulary

__all__ = [
    "ENGINE_TEXTS",
    "FORMAT",
    "CheckedTree",
    "Problem",
    "TreeError",
    "answer",
    "apply_messages",
    "check_tree",
    "check_vocabulary",
    "compile_tree",
    "extract_messages",
    "holds",
    "load_tree",
    "paper_markdown",
    "question",
    "schema_markdown",
    "start",
    "step",
    "summary_markdown",
    "validate",
]
