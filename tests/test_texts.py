"""The text catalog (track2guide/texts*.py) holds every word shown, each idea once:

- no English is left in the browser shell (docs/javascripts/*.js): its words come from
  the catalog through `t(name, values)`;
- every key the shell asks for is in `SHELL_TEXTS`, and the page carries exactly those;
- every entry is used somewhere, no key is in two parts, no wording under two keys.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise

import pytest

from macros.safety import texts_html
from tests.conftest import ROOT
from track2guide.texts import PARTS, TEXTS, say
from track2guide.texts_page import SHELL_TEXTS

SHELL_FILES = sorted((ROOT / "docs" / "javascripts").glob("*.js"))
PYTHON_FILES = [*sorted((ROOT / "track2guide").glob("*.py")), *sorted((ROOT / "macros").glob("*.py"))]
# Tokens that can follow a regular expression literal rather than a division.
REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}
WORD = re.compile(r"^[(\u201c\"']?[A-Za-z][a-z\u2019']*[)\u201d\"',.;:!?\u2026]*$")


def js_literals(source: str) -> list[tuple[int, str]]:
    """(offset, body) of every string literal in JavaScript `source`; comments and regular
    expression literals are skipped. Bodies are the raw source text between the quotes."""
    found: list[tuple[int, str]] = []
    i, n, last = 0, len(source), ""
    while i < n:
        ch = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.index("*/", i + 2) + 2
        elif ch in "\"'`":
            j = i + 1
            while source[j] != ch:
                j += 2 if source[j] == "\\" else 1
            found.append((i, source[i + 1 : j]))
            i, last = j + 1, "a"
        elif ch == "/" and (last in REGEX_BEFORE or re.search(r"\b(return|typeof)\s*$", source[:i])):
            j, in_class = i + 1, False
            while in_class or source[j] != "/":
                if source[j] == "\\":
                    j += 1
                elif source[j] in "[]":
                    in_class = source[j] == "["
                j += 1
            i, last = j + 1, "a"
        else:
            if not ch.isspace():
                last = ch if not (ch.isalnum() or ch in "_$") else "a"
            i += 1
    return found


def is_english(literal: str) -> bool:
    """Two or more words in a row, separated by spaces: a sentence or a label, not a CSS
    selector, class list, attribute or event name. Code in a string (with `=` or braces
    between spaces) and the "use strict" directive are not words for people."""
    if any(code in literal for code in ("=", "{ ", " }")) or literal == "use strict":
        return False
    tokens = literal.split()
    return any(WORD.match(a) and WORD.match(b) for a, b in pairwise(tokens))


def t_keys(source: str) -> list[str]:
    """The string literals in the first argument of every `t(...)` call of `source`."""
    literals = js_literals(source)
    keys = []
    for call in re.finditer(r"(?<![\w.$])t\(", source):
        depth, j = 1, call.end()
        while depth and j < len(source):
            depth += {"(": 1, ")": -1}.get(source[j], 0)
            if depth == 1 and source[j] == ",":
                break
            j += 1
        keys += [body for at, body in literals if call.end() <= at < j]
    return keys


@pytest.mark.parametrize(
    ("literal", "english"),
    [
        ("Your answers were cleared", True),
        ("Passphrase protection: on", True),
        ("(limit 64 KB)", False),
        (" You can already read and answer the first question.", True),
        ("t2-ready", False),
        ('input[name="t2-answer"]', False),
        ("aria-label", False),
        (".t2-screen button, .t2-screen input", False),
        ("md-button md-button--primary", False),
        ("popstate", False),
        ("use strict", False),
        ("var runtime = ", False),
        (")(runtime, function (msg) { self.postMessage(msg); });", False),
        ("wizard.confirm-clear", False),
    ],
)
def test_the_detector_tells_words_from_code(literal: str, english: bool) -> None:
    assert is_english(literal) is english


def test_the_scanner_skips_comments_and_regular_expressions() -> None:
    source = (
        '/* "Not this one" */ var a = 1 / 2, b = /"(no)" here/g; // "nor this"\n'
        "x.replace(/[\"/]/, \"Your answers were cleared\"); return /'/.test(s) ? 'It is' : 'ok';"
    )
    assert [body for _at, body in js_literals(source)] == ["Your answers were cleared", "It is", "ok"]
    assert [b for _at, b in js_literals(source) if is_english(b)] == ["Your answers were cleared", "It is"]


@pytest.mark.parametrize("path", SHELL_FILES, ids=lambda p: p.name)
def test_no_english_in_the_shell(path: object) -> None:
    source = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    english = [body for _at, body in js_literals(source) if is_english(body)]
    assert english == [], "move these into track2guide/texts_page.py (SHELL_TEXTS) and use t(...)"


def test_the_shell_asks_for_exactly_the_shell_texts() -> None:
    assert t_keys('t(x ? "a.b" : "c", { n: f("d") })') == ["a.b", "c"]
    used = {key for path in SHELL_FILES for key in t_keys(path.read_text(encoding="utf-8"))}
    assert sorted(used - set(SHELL_TEXTS)) == [], "asked for but not in the catalog"
    assert sorted(set(SHELL_TEXTS) - used) == [], "in SHELL_TEXTS but never asked for"


def _used_in_python(key: str, sources: str) -> bool:
    if re.search(rf"[\"']{re.escape(key)}[\"']", sources):
        return True
    prefix = key[: key.rfind(".") + 1]  # a family of keys chosen by a value: f"strength.{...}"
    return bool(prefix) and re.search(rf"[\"']{re.escape(prefix)}(\{{|[\"']\s*\+)", sources) is not None


def test_every_entry_is_used() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PYTHON_FILES if not p.name.startswith("texts"))
    unused = [key for key in TEXTS if key not in SHELL_TEXTS and not _used_in_python(key, sources)]
    assert unused == []


def test_each_key_and_each_wording_once() -> None:
    keys = Counter(key for part in PARTS for key in part)
    assert [k for k, count in keys.items() if count > 1] == []
    wordings = Counter(TEXTS.values())
    assert [w for w, count in wordings.items() if count > 1] == []


def test_the_page_carries_the_shell_texts_as_data() -> None:
    block = texts_html()
    match = re.fullmatch(r'<script type="application/json" id="t2-texts">(.*)</script>', block)
    assert match and "<" not in match.group(1)
    assert json.loads(match.group(1)) == SHELL_TEXTS


def test_fields_are_filled() -> None:
    assert say("load.too-big", limit=64) == "The file is too big to be an answers file (limit 64 KB)."
    with pytest.raises(KeyError):
        say("no-such-key")
