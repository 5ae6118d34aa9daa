"""Fixtures for the security tests: the built site from disk and over http."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(params=["file", "http"])
def site_url(request: pytest.FixtureRequest, built_site: Path) -> str:
    """Base URL (no trailing slash) of the built site: file:// and the local http server."""
    if request.param == "file":
        return built_site.as_uri()
    return str(request.getfixturevalue("http_site"))
