"""The wizard's controller: one event in, the next screen out (HTML from track2guide.view).

The browser shell passes every click as an event to `handle_json` (through Pyodide)
and shows the returned HTML; the same code renders the first question at build time.
A session is `{"answers": answers document, "at": None | question id | "review",
"back_to": None | "review"}`; `at` None shows where the walk stands (next question
or result).  Messages are plain text, for `textContent`: nothing read from a user's
file is ever returned as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from . import workbook_app
from .engine import answer, asked_again, start, where
from .jsontypes import Json, JsonDict
from .model import Tree
from .safetext import MAX_FILE_CHARS
from .state import State
from .summary import summary_markdown
from .texts import say
from .tree import unwrap
from .view import button, render_question, render_result, render_review, verdict

MAX_ERRORS_SHOWN = 3
MAX_MESSAGE_CHARS = 200
MAX_NESTING = 8  # an answers file nests 3 deep: {"answers": {"q": ["choice"]}}


def nesting(text: str) -> int:
    """The deepest nesting of JSON brackets in `text`, outside strings (no parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


class _States:
    """The engine's state of each answers document an event looks at, worked out once: the
    screen after an answer or a step back reuses the state that chose where to go."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.known: dict[str, State | JsonDict] = {}

    def of(self, answers: Json) -> State | JsonDict:
        try:
            key = json.dumps(answers, sort_keys=True, default=repr)
        except (TypeError, ValueError, RecursionError):  # not from JSON (keys of mixed types): no reuse
            return where(self.tree, answers)
        if key not in self.known:
            self.known[key] = where(self.tree, answers)
        return self.known[key]


def _screen(states: _States, session: JsonDict, root: str) -> JsonDict:
    """Render the session's screen: {html, announce} (or the error of a broken session)."""
    answers, at = session["answers"], session.get("at")
    state = states.of(answers)
    if not isinstance(state, State):
        return {"ok": False, "errors": state.get("errors", [])}
    ids = state.ids()
    if at == "review":
        html = (
            render_review(state)
            + '<div class="t2-actions">'
            + button("continue", say("continue"), primary=True)
            + "</div>"
        )
        return {"ok": True, "html": html, "announce": say("your-answers")}
    if isinstance(at, str) and at in ids:
        q = asked_again(state, at)
        html = render_question(q, state.progress, root=root, can_back=ids.index(at) > 0)
    elif state.current is not None:
        q = state.current
        html = render_question(q, state.progress, root=root, can_back=bool(ids))
    else:
        assert state.result is not None  # no question to ask: the walk has its result
        return {
            "ok": True,
            "html": render_result(state, root=root),
            "announce": f"{say('result')}: {verdict(state.result)}",
        }
    number = q.number
    announce = f"{say('progress', number=number, total=max(number, state.progress.total))}: {q.question.text}"
    return {"ok": True, "html": html, "announce": announce}


def _path_ids(states: _States, answers: Json) -> list[str]:
    """The question ids on the path of an answers document (none if it is unusable)."""
    state = states.of(answers)
    return state.ids() if isinstance(state, State) else []


def _messages(head: str, errors: Json) -> str:
    """A plain-text message: head plus the first few engine errors, each cut short."""
    lines = [head]
    for err in (errors or [])[:MAX_ERRORS_SHOWN]:
        text = str(err.get("message", "")) if isinstance(err, dict) else str(err)
        lines.append(text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…")
    return " ".join(lines)


def parse_answers_file(tree: Json | Tree, text: Json) -> tuple[JsonDict | None, str | None]:
    """(answers document, None) for a usable answers file text, else (None, plain-text reason).

    Only answers on the path the file's own answers lead along are kept, so the session
    (and any file downloaded from it) holds exactly what the review shows; `off_path`
    tells how many were left out."""
    if not isinstance(text, str):
        return None, say("load.not-json")
    if len(text) > MAX_FILE_CHARS:
        return None, say("load.too-big", limit=MAX_FILE_CHARS // 1024)
    if nesting(text) > MAX_NESTING:  # deep nesting overflows Pyodide's stack inside json.loads
        return None, say("load.too-deep")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return None, say("load.not-json")
    t = unwrap(tree)
    state = where(t, doc, changes=False) if t is not None else start(tree)
    if not isinstance(state, State):
        return None, _messages("", state.get("errors")).strip()
    on_path = set(state.ids())
    answers = {q: a for q, a in doc["answers"].items() if q in on_path}
    return {"tree": doc["tree"], "version": doc["version"], "answers": answers}, None


def off_path_count(text: Json, doc: JsonDict) -> int:
    """How many answers of the file `text` were left out of `doc` (0 if it cannot tell)."""
    try:
        given = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return 0
    if not isinstance(given, dict) or not isinstance(given.get("answers"), dict):
        return 0
    return len(given["answers"]) - len(doc["answers"])


def _after_answer(states: _States, answers: Json, qid: str, back_to: Json) -> str | None:
    """Where to go after answering `qid`: back to the review when it was a change, else onwards."""
    state = states.of(answers)
    ids = state.ids() if isinstance(state, State) else []
    if back_to == "review" and isinstance(state, State) and state.result is not None:
        return "review"
    if qid in ids and ids.index(qid) + 1 < len(ids):
        return ids[ids.index(qid) + 1]
    return None


def _back(ids: list[str], at: Json) -> str | None:
    if at == "review":
        return None
    if isinstance(at, str) and at in ids:
        i = ids.index(at)
        return ids[i - 1] if i > 0 else at
    return ids[-1] if ids else None


def _session(answers: Json, at: str | None = None, back_to: str | None = None) -> JsonDict:
    return {"answers": answers, "at": at, "back_to": back_to}


def _event(
    states: _States, session: JsonDict, event: Mapping[str, Json]
) -> tuple[JsonDict, str | None, bool]:
    """(new session, plain-text message or None, whether the message reports a problem)."""
    tree = states.tree
    action, answers, at = event.get("action"), session["answers"], session.get("at")
    if action == "answer":
        qid, value = event.get("question"), event.get("value")
        if value is None or value == "":
            return session, say("choose-one"), True
        done = answer(tree, answers, qid, value)
        if not done.get("ok"):
            return session, _messages("", done.get("errors")).strip(), True
        dropped = len(done.get("dropped", []))
        nxt = _after_answer(states, done["answers"], str(qid), session.get("back_to"))
        return _session(done["answers"], nxt), say("dropped", count=dropped) if dropped else None, False
    if action in ("load", "resume"):
        doc, problem = parse_answers_file(tree, event.get("text"))
        if doc is None and action == "load":
            return session, f"{say('load.failed')} {problem}", True
        if doc is None:
            return _session(start(tree)), f"{say('resume.failed')} {problem}", True
        told = say("load.ok") if action == "load" else say("resume.ok")
        left_out = off_path_count(event.get("text"), doc)
        return _session(doc), f"{told} {say('load.off-path', count=left_out)}" if left_out else told, False
    if action == "back":
        return _session(answers, _back(_path_ids(states, answers), at)), None, False
    moves: dict[Json, tuple[JsonDict, str | None]] = {
        "change": (_session(answers, str(event.get("question")), "review"), None),
        "review": (_session(answers, "review"), None),
        "continue": (_session(answers), None),
        "restart": (_session(start(tree)), say("restarted")),
        "show": (session, None),
    }
    if not isinstance(action, str) or action not in moves:  # a list or dict is no key
        return session, say("unknown-action"), True
    new, message = moves[action]
    return new, message, False


def _valid_session(tree: Tree, session: Json) -> JsonDict:
    if isinstance(session, dict) and isinstance(session.get("answers"), dict):
        at, back_to = session.get("at"), session.get("back_to")
        return _session(
            session["answers"], at if isinstance(at, str) else None, back_to if back_to == "review" else None
        )
    return _session(start(tree))


def handle(tree: Json | Tree, session: Json, event: Json, root: str = "") -> JsonDict:
    """One wizard event -> `{ok, session, html, announce, message, error}`.

    `ok` False: the event was refused, the session and screen are unchanged (`html` None)
    and `message` says why. `error` marks messages that report a problem (announced at once).
    """
    t = unwrap(tree)  # the model, built once for every engine call below
    if t is None:
        return {"ok": False, "session": session, "html": None, "announce": "",
                "message": str(start(tree)["errors"][0]["message"]), "error": True}
    states = _States(t)
    current = _valid_session(t, session)
    new, message, error = _event(states, current, event if isinstance(event, dict) else {})
    if error and new is current:
        return {
            "ok": False,
            "session": current,
            "html": None,
            "announce": "",
            "message": message,
            "error": True,
        }
    screen = _screen(states, new, root)
    if not screen["ok"]:  # answers the engine no longer accepts: start afresh and say why
        new = _session(start(t))
        message, error = _messages(say("resume.failed"), screen["errors"]), True
        screen = _screen(states, new, root)
    return {
        "ok": True,
        "session": new,
        "html": screen["html"],
        "announce": screen["announce"],
        "message": message,
        "error": error,
    }


def export_markdown(tree: Json, answers: Json, base_url: str = "") -> str:
    """The result as a Markdown plan summary (track2guide.summary_markdown)."""
    return summary_markdown([(tree, answers)], base_url=base_url)


def handle_json(tree: Json, session_json: str, event_json: str, root: str = "") -> str:
    """`handle` with JSON text in and out (what the browser shell calls through Pyodide).
    The planning workbook travels the same way, with its own controller."""
    if isinstance(tree, dict) and tree.get("id") == "workbook":
        return workbook_app.handle_json(tree, event_json, root)
    try:
        session, event = json.loads(session_json), json.loads(event_json)
    except (ValueError, RecursionError):
        session, event = None, {}
    if isinstance(event, dict) and event.get("action") == "export":
        doc = session.get("answers") if isinstance(session, dict) else None
        return json.dumps(
            {"ok": True, "markdown": export_markdown(tree, doc, str(event.get("base_url", "")))}
        )
    return json.dumps(handle(tree, session, event, root))


def opening(tree: Json, root: str = "") -> JsonDict:
    """The replies a fresh wizard page needs before Python has started in the browser, worked
    out at build time by this same `handle`: `start`, the reply to the first "show", and
    `answers`, [event, reply] for each choice of the first question when it is a single-choice
    one (a multiple-choice one has too many combinations; its answer waits for Python).
    The shell uses a reply only for that very session and event, as if Python had sent it."""
    t = unwrap(tree)
    if t is None:
        return {"start": None, "answers": []}
    first = handle(t, None, {"action": "show"}, root)
    state = _States(t).of(first["session"]["answers"])
    asked = state.current if isinstance(state, State) else None
    answers: list[Json] = []
    if asked is not None and asked.question.type == "single":
        for choice in asked.choices:
            event: JsonDict = {"action": "answer", "question": asked.question.id, "value": choice.id}
            answers.append([event, handle(t, first["session"], event, root)])
    return {"start": first, "answers": answers}


def first_screen(tree: Json, root: str = "") -> str:
    """The HTML of the first question, pre-rendered at build time."""
    t = unwrap(tree)
    return "" if t is None else str(_screen(_States(t), _session(start(t)), root)["html"])
