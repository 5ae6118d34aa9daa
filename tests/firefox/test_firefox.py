"""The site in Firefox too (Debian's firefox-esr through Puppeteer's WebDriver
BiDi; Playwright's Firefox needs its own build, which cannot be downloaded here):
every page from disk is styled, quiet and local, and a wizard walks to its result.
With Firefox's default file-origin preference set explicitly, the safety checks run
too: no content-policy violation anywhere, the wizard loads a file and search works
under the policy from disk and over http, "Clear all kept answers" reaches the wizard
pages' own storage, and quick exit by keys leaves no answers behind Back."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, site_pages
from tests.security.test_protect import VECTORS
from tests.wizard.helpers import finished, read_yaml

pytestmark = pytest.mark.browser
SCRIPT = ROOT / "tests" / "firefox" / "check_site.mjs"
SCENARIO = ROOT / "tests" / "scenarios" / "approach" / "henry-martyn-participatory.yaml"


@pytest.fixture(scope="module")
def firefox_report(
    built_site: Path, http_site: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    assert shutil.which("node"), "node is needed for the Firefox tests"
    assert Path("/usr/bin/firefox-esr").exists(), "install Debian's firefox-esr (scripts/install-browsers.sh)"
    scenario = read_yaml(SCENARIO)
    work = tmp_path_factory.mktemp("ff")
    chosen = next(s for s in finished("choose-process") if s["expect"]["result"].get("top"))
    answers = work / "answers.json"
    tree = read_yaml(ROOT / "decision_trees" / "choose-process.yaml")
    doc = {"tree": "choose-process", "version": tree["version"], "answers": chosen["answers"]}
    answers.write_text(json.dumps(doc))
    spec = {
        "safety": {"http": http_site, "answers": str(answers), "top": chosen["expect"]["result"]["top"],
                   "vector": VECTORS[0]},
        "pages": [p for p in site_pages(built_site) if p != "404.html"],
        "wizard": {
            "tree": "approach",
            "path": [[q, scenario["answers"][q]] for q in scenario["expect"]["path"]],
            "top": scenario["expect"]["result"]["top"],
        },
    }
    spec_file = work / "spec.json"
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
    bad = {rel: r for rel, r in pages.items() if not r["styled"] or r["foreign"] or r["errors"] or r["csp"]}
    assert bad == {}


def test_wizard_walks_to_result_in_firefox(firefox_report: dict[str, object]) -> None:
    wizard = firefox_report["wizard"]
    assert isinstance(wizard, dict)
    assert not wizard["failed"], "Pyodide did not start in Firefox"
    assert wizard["top"] == wizard["expected"]
    opening = wizard["opening"]  # the first answer, given at load, shown before Python is ready
    assert opening["beforeReady"], "the first answer waited for Python"
    assert opening["shown"] == opening["python"]
    assert wizard["foreign"] == [] and wizard["errors"] == [] and wizard["csp"] == []


@pytest.mark.parametrize("where", ["wizardFile", "wizardHttp"])
def test_wizard_load_and_search_under_the_policy_in_firefox(
    firefox_report: dict[str, Any], where: str
) -> None:
    got = firefox_report["safety"][where]
    assert not got["failed"] and got["where"] == "worker"
    assert got["loaded"] == firefox_report["safety"]["top"]
    assert got["results"] > 0
    assert got["csp"] == [] and got["foreign"] == [] and got["errors"] == []


def test_clear_all_reaches_each_wizard_page_in_firefox(firefox_report: dict[str, Any]) -> None:
    got = firefox_report["safety"]["clearAll"]
    assert got["visibleFromTools"] is None, "the preference did not give each file its own storage"
    assert got["left"] is None and "cleared" in got["notice"]


def test_quick_exit_then_back_in_firefox(firefox_report: dict[str, Any]) -> None:
    got = firefox_report["safety"]["quickExit"]
    assert got["exitedTo"] == "site/index.html"
    # The entry may hold the wizard's fresh state (its first question, no answer), never the secret.
    state = json.loads(got["stateAfterBack"])
    assert "secret" not in got["stateAfterBack"]
    assert state is None or state["track2Wizard"]["session"]["answers"]["answers"] == {}


def test_injected_requests_are_refused_in_firefox(firefox_report: dict[str, Any]) -> None:
    got = firefox_report["safety"]["injected"]
    directives = " ".join(got["csp"])
    for word in ("connect-src", "img-src", "script-src", "frame-src"):
        assert word in directives, (word, got)
    assert "fetch: TypeError" in got["tries"] and "beacon: Error" in got["tries"]


def test_protection_known_answer_in_firefox(firefox_report: dict[str, Any]) -> None:
    got = firefox_report["safety"]["knownAnswer"]
    assert got == {"data": VECTORS[0]["data"], "plain": VECTORS[0]["plain"], "wrong": "passphrase"}
