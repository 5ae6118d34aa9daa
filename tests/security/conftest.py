"""Fixtures for the security tests: the built site from disk and over http."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Recorder


@pytest.fixture(params=["file", "http"])
def site_url(request: pytest.FixtureRequest, built_site: Path) -> str:
    """Base URL (no trailing slash) of the built site: file:// and the local http server."""
    if request.param == "file":
        return built_site.as_uri()
    return str(request.getfixturevalue("http_site"))


@pytest.fixture
def wizard_page(recorded_page: tuple[Any, Recorder]) -> tuple[Any, Recorder]:
    """recorded_page, with a longer wait for Python to start: the test machine is shared."""
    page, rec = recorded_page
    page.add_init_script("window.TRACK2_START_TIMEOUT_MS = 90000;")
    return page, rec


@pytest.fixture
def file_url(built_site: Path) -> str:
    return built_site.as_uri()
