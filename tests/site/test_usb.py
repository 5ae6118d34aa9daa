"""The USB-stick zip: a start file on top, and the whole site works from a
folder whose path has spaces and non-ASCII characters."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from scripts.make_usb import TOP, make_zip
from tests.conftest import Recorder, site_pages
from tests.site.test_pages_browser import check_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unpacked(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = make_zip(built_site, tmp_path_factory.mktemp("zip") / "usb.zip")
    dest = tmp_path_factory.mktemp("usb") / "Clé USB – paix [copie] ñ"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert f"{TOP}/START-HERE.html" in names
        assert f"{TOP}/HOW-TO-OPEN.txt" in names
        assert all(n.startswith(f"{TOP}/") for n in names)
        zf.extractall(dest)
    return dest / TOP


def test_start_file_opens_the_handbook(unpacked: Path, recorded_page: tuple[Any, Recorder]) -> None:
    page, rec = recorded_page
    page.goto((unpacked / "START-HERE.html").as_uri())
    page.wait_for_url("**/site/index.html", timeout=10_000)
    check_page(page, rec, page.url, None)


def test_every_page_works_from_unpacked_zip(unpacked: Path, recorded_page: tuple[Any, Recorder]) -> None:
    page, rec = recorded_page
    site = unpacked / "site"
    pages = [p for p in site_pages(site) if p != "404.html"]
    assert len(pages) >= 15
    for rel in pages:
        rec.requests.clear()
        check_page(page, rec, (site / rel).as_uri(), None)
