"""Fail the build if any built page would load something from another host.

Runs after the build over every HTML file in the site (pages, 404, generated
ones) so nothing slips past a template or a plugin. Plain links (<a href>) are
allowed: following one is the reader's choice, not something the page loads.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Attributes through which an element fetches a resource when the page opens.
LOADING_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
}
# <link rel=...> values that make the browser fetch the href.
LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
    "modulepreload", "preconnect", "dns-prefetch", "manifest", "mask-icon",
}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)


def is_remote(url: str) -> bool:
    """True for URLs that name another host (http:, https:, ws:, //host ...)."""
    return bool(REMOTE.match(url))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        names: tuple[str, ...] = LOADING_ATTRS.get(tag, ())
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            names = ("href", "imagesrcset")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if target:
                self._check(target)
        for name in names:
            for part in values.get(name, "").split(","):
                self._check(part.strip().split(" ")[0])
        if "style" in values:
            self._check_css(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._check_css(data)

    def _check_css(self, css: str) -> None:
        for match in CSS_URL.finditer(css):
            self._check(match.group(1))

    def _check(self, url: str) -> None:
        if url and is_remote(url):
            self.found.append(url)


def remote_loads(html: str) -> list[str]:
    """Every URL on another host that this HTML would load when opened."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    problems = []
    for path in sorted(site.rglob("*.html")):
        for url in remote_loads(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(site).as_posix()}: loads {url} from another host")
    if problems:
        raise PluginError(
            "offline guard: pages must not load anything from another host:\n  "
            + "\n  ".join(problems)
        )
