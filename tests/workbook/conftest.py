"""The workbook's browser tests use the wizards' site fixtures (file:// and http)."""

from tests.wizard.conftest import file_url, site_url

__all__ = ["file_url", "site_url"]
