"""`mkdocs build --strict` passes, and fails, naming the file, on broken
links and on pages left out of the navigation."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, site_pages
from track2guide_build import load_yaml_with_lines

# What a copy of the project needs in order to build.
PROJECT_PARTS = [
    "mkdocs.yml", "docs", "data", "hooks", "macros", "decision_trees", "track2guide", "track2guide_build", "tools",
]


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, copy / part)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # The build's cache of the Pyodide snapshot, keyed by its inputs: shared, so each copy
    # does not run Node again for the same engine.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache")
    return copy


def test_strict_build_produces_every_nav_page(built_site: Path) -> None:
    config = load_yaml_with_lines(ROOT / "mkdocs.yml")[0]
    nav_files: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                nav_files.append(str(value))

    walk(config["nav"])
    built = set(site_pages(built_site))
    missing = [f for f in nav_files if f.replace(".md", ".html") not in built]
    assert nav_files and not missing


def test_broken_link_fails_naming_file(project_copy: Path) -> None:
    page = project_copy / "docs" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    proc = build_site(project_copy / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode != 0
    assert re.search(r"'conclusion\.md' contains a link 'no-such-page\.md'", proc.stderr)


def test_broken_anchor_fails_naming_file(project_copy: Path) -> None:
    page = project_copy / "docs" / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](introduction.md#no-such-anchor)\n",
                    encoding="utf-8")
    proc = build_site(project_copy / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode != 0
    assert "'conclusion.md' contains a link 'introduction.md#no-such-anchor'" in proc.stderr


def test_page_missing_from_nav_fails_naming_file(project_copy: Path) -> None:
    (project_copy / "docs" / "orphan-notes.md").write_text("# Orphan\n\nNot in the nav.\n", encoding="utf-8")
    proc = build_site(project_copy / "out", config=project_copy / "mkdocs.yml")
    assert proc.returncode != 0
    assert "orphan-notes.md" in proc.stderr
    assert "not included in the \"nav\"" in proc.stderr
