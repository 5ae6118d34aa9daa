"""Fixtures for the security tests: the wizards' site fixtures (file:// and http), and a
page that waits longer for Python to start."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Recorder
from tests.wizard.conftest import file_url, site_url

__all__ = ["file_url", "site_url", "wizard_page"]


@pytest.fixture
def wizard_page(recorded_page: tuple[Any, Recorder]) -> tuple[Any, Recorder]:
    """recorded_page, with a longer wait for Python to start: the test machine is shared."""
    page, rec = recorded_page
    page.add_init_script("window.TRACK2_START_TIMEOUT_MS = 90000;")
    return page, rec
