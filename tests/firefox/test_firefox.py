"""The site in Firefox too (Debian's firefox-esr through Puppeteer's WebDriver
BiDi; Playwright's Firefox needs its own build, which cannot be downloaded here):
every page from disk is styled, quiet and local, and a wizard walks to its result."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, site_pages

pytestmark = pytest.mark.browser
SCRIPT = ROOT / "tests" / "firefox" / "check_site.mjs"
SCENARIO = ROOT / "tests" / "scenarios" / "approach" / "outsider-long-term-local-traditions.yaml"


@pytest.fixture(scope="module")
def firefox_report(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    assert shutil.which("node"), "node is needed for the Firefox tests"
    assert Path("/usr/bin/firefox-esr").exists(), "install Debian's firefox-esr (scripts/install-browsers.sh)"
    scenario = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    spec = {
        "pages": [p for p in site_pages(built_site) if p != "404.html"],
        "wizard": {
            "tree": "approach",
            "path": [[q, scenario["answers"][q]] for q in scenario["expect"]["path"]],
            "top": scenario["expect"]["result"]["top"],
        },
    }
    spec_file = tmp_path_factory.mktemp("ff") / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    proc = subprocess.run(
        ["node", str(SCRIPT), str(built_site), str(spec_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_every_page_styled_local_and_quiet_in_firefox(firefox_report: dict[str, object]) -> None:
    pages = firefox_report["pages"]
    assert isinstance(pages, dict) and len(pages) >= 15
    bad = {rel: r for rel, r in pages.items() if not r["styled"] or r["foreign"] or r["errors"]}
    assert bad == {}


def test_wizard_walks_to_result_in_firefox(firefox_report: dict[str, object]) -> None:
    wizard = firefox_report["wizard"]
    assert isinstance(wizard, dict)
    assert not wizard["failed"], "Pyodide did not start in Firefox"
    assert wizard["top"] == wizard["expected"]
    assert wizard["foreign"] == [] and wizard["errors"] == []
