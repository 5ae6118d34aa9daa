"""The build-time guard that keeps every page from loading other hosts."""
from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

spec = importlib.util.spec_from_file_location("offline_guard", ROOT / "hooks" / "offline_guard.py")
assert spec and spec.loader
guard = importlib.util.module_from_spec(spec)
spec.loader.exec_module(guard)


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<link rel="stylesheet" href="https://cdn.example.org/a.css">', ["https://cdn.example.org/a.css"]),
        ('<script src="//cdn.example.org/a.js"></script>', ["//cdn.example.org/a.js"]),
        ('<img src="http://example.org/p.png">', ["http://example.org/p.png"]),
        ('<img srcset="a.png 1x, https://x.org/b.png 2x">', ["https://x.org/b.png"]),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', ["https://fonts.gstatic.com"]),
        ('<div style="background: url(https://x.org/bg.png)"></div>', ["https://x.org/bg.png"]),
        ("<style>@import 'https://x.org/f.css';</style>", ["https://x.org/f.css"]),
        ('<iframe src="https://x.org/embed"></iframe>', ["https://x.org/embed"]),
        ('<meta http-equiv="refresh" content="0; url=https://x.org/">', ["https://x.org/"]),
        # Local files and plain links are fine: a link loads nothing until followed.
        ('<script src="assets/javascripts/bundle.js"></script>', []),
        ('<link rel="stylesheet" href="../assets/stylesheets/main.css">', []),
        ('<a href="https://www.usip.org/">USIP</a>', []),
        ('<img src="data:image/png;base64,AAAA">', []),
        ('<link rel="canonical" href="https://example.org/page">', []),
    ],
)
def test_remote_loads(html: str, found: list[str]) -> None:
    assert guard.remote_loads(html) == found


def _bad_site(tmp_path: Path, page_html: str) -> Path:
    """A tiny MkDocs project that uses our guard hook and one bad page."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Bad page\n\n{page_html}\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: bad
            use_directory_urls: false
            theme: {{name: material, font: false}}
            markdown_extensions: [md_in_html]
            hooks: ["{(ROOT / 'hooks' / 'offline_guard.py').as_posix()}"]
            """
        ),
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(
    ("page_html", "url"),
    [
        ('<link rel="stylesheet" href="https://cdn.example.org/theme.css">', "https://cdn.example.org/theme.css"),
        ('<script src="https://cdn.example.org/tracker.js"></script>', "https://cdn.example.org/tracker.js"),
    ],
)
def test_build_fails_naming_file_and_url(tmp_path: Path, page_html: str, url: str) -> None:
    proc = build_site(tmp_path / "out", config=_bad_site(tmp_path, page_html))
    assert proc.returncode != 0
    assert f"index.html: loads {url} from another host" in proc.stdout + proc.stderr


def test_clean_site_passes_guard(tmp_path: Path) -> None:
    proc = build_site(tmp_path / "out", config=_bad_site(tmp_path, '<a href="https://x.org/">x</a>'))
    assert proc.returncode == 0, proc.stderr
