"""Making untrusted text safe to show or link: short cleaned ids and link targets.

Answers files come from anywhere. Messages about them name a question or choice only
as a short id with control and direction-changing characters removed, so a file cannot
make a message say what it likes; link targets pass only for http(s), mailto and
paths inside the site.
"""

from __future__ import annotations

import unicodedata

MAX_ID_CHARS = 40
# The largest answers or plan file read (the pages render it for the browser shells,
# which refuse bigger files before reading them); real ones are a few KB.
MAX_FILE_CHARS = 64 * 1024
# Unicode categories dropped from ids: controls, format characters (bidi overrides and
# isolates, zero-width joiners), separators of lines and paragraphs, private use, unassigned.
DROPPED = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}
SCHEMES = ("http", "https", "mailto")


def short_id(value: object) -> str:
    """`value` as a short, single-line, cleaned id for a plain-text message."""
    spaced = (" " if ch.isspace() else ch for ch in str(value))
    text = "".join(ch for ch in spaced if unicodedata.category(ch) not in DROPPED)
    text = " ".join(text.split())
    return text if len(text) <= MAX_ID_CHARS else text[: MAX_ID_CHARS - 1] + "…"


def link_target(url: str) -> str | None:
    """`url` if it is safe to link: http(s)/mailto, or a path in this site; else None.

    Refuses other schemes (javascript:, data:, file: ...) and network paths (`//host`,
    also written with backslashes, which browsers read as slashes).
    """
    if url[:2].replace("\\", "/") == "//" or any(ord(ch) < 32 for ch in url):
        return None
    scheme, colon, _rest = url.partition(":")
    if colon and not any(ch in scheme for ch in "/?#\\"):
        return url if scheme.lower() in SCHEMES else None
    return url
