"""Python starts in a Web Worker, off the page's main thread, restored from the build's memory
snapshot; where no worker can run it, the wizard still works with Python on the page, and a
snapshot that cannot be restored gives way to a normal start."""

from __future__ import annotations

import base64
import gzip
import importlib.util
import re
import struct
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT
from tests.wizard.helpers import finished, mismatches, open_wizard, result_of, walk
from track2guide_build.runtime_script import page_script, source_in, source_statement

NO_WORKER = {
    "no Worker at all": "delete window.Worker;",
    "a worker that breaks": """window.Worker = class {
      constructor() { setTimeout(() => this.onerror && this.onerror(new Event('error')), 50); }
      postMessage() {}
      terminate() {}
    };""",
}
WORKER_TRIES = {"no Worker at all": 1, "a worker that breaks": 2}  # a plain error event: once more
# The first worker script made from a Blob URL fails to load, as one did now and then on a busy
# machine (a worker's load failure is a plain "error" event, with no message).
FIRST_LOAD_FAILS = """(() => {
  const make = URL.createObjectURL;
  window.__t2scripts = 0;
  URL.createObjectURL = function (blob) {
    const url = make.call(URL, blob);
    if (blob.type === 'text/javascript' && ++window.__t2scripts === 1) URL.revokeObjectURL(url);
    return url;
  };
})();"""
SNAPSHOT_JS = "assets/pyodide/pyodide-snapshot.js"
SPARSE_HEADER = 24  # tools/pyodide_snapshot/sparse.js: magic, sizes, run count, checksum, relied count
PAYLOAD = re.compile(r'(\.files\["snapshot\.bin"\] = \{gzip: true, base64: ")([A-Za-z0-9+/=]+)(")')


def status(page: Any) -> dict[str, Any]:
    return page.evaluate("() => window.TRACK2_HOST.status")  # type: ignore[no-any-return]


def snapshot_bytes(site: Path) -> bytes:
    found = PAYLOAD.search((site / SNAPSHOT_JS).read_text(encoding="ascii"))
    assert found, "the snapshot script carries no snapshot"
    return gzip.decompress(base64.b64decode(found.group(2)))


def with_snapshot(site: Path, data: bytes, *, gzipped: bool = True) -> str:
    """The snapshot script of `site` carrying `data` instead."""
    payload = gzip.compress(data) if gzipped else data
    text = (site / SNAPSHOT_JS).read_text(encoding="ascii")
    return PAYLOAD.sub(lambda m: m.group(1) + base64.b64encode(payload).decode() + m.group(3), text)


def damaged(site: Path, how: str) -> str:
    data = bytearray(snapshot_bytes(site))
    if how == "not gzip":
        return with_snapshot(site, bytes(data[:4096]), gzipped=False)
    if how == "another build id":  # what a stale snapshot would carry
        data[SPARSE_HEADER + 16] ^= 0xFF
    elif how == "another fresh memory":  # a runtime other than the one the build used
        struct.pack_into("<I", data, 16, struct.unpack_from("<I", data, 16)[0] ^ 1)
    return with_snapshot(site, bytes(data))


def walks_cleanly(page: Any, rec: Any, scenario: dict[str, Any]) -> None:
    """The wizard on screen walks `scenario` to its expected result, with no error on the page."""
    walk(page, scenario)
    assert not mismatches(result_of(page), scenario["expect"]["result"])
    assert rec.page_errors == [] and rec.console_errors == []


@pytest.mark.browser
def test_python_starts_in_a_worker_from_the_snapshot(recorded_page: Any, site_url: str) -> None:
    # How long the page stays responsive meanwhile is measured by benchmarks/bench_wizard.py.
    page, rec = recorded_page
    open_wizard(page, site_url, "choose-process")
    assert status(page) == {"where": "worker", "snapshot": True, "snapshotError": None, "workerTries": 1,
                            "workerError": None}
    origin = site_url if site_url.startswith("http") else None
    assert rec.foreign_requests(origin) == []
    assert rec.console_errors == [] and rec.page_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("how", ["not gzip", "another build id", "another fresh memory"])
def test_a_snapshot_that_cannot_be_restored_gives_a_normal_start(
        recorded_page: Any, http_site: str, built_site: Path, how: str) -> None:
    page, rec = recorded_page
    body = damaged(built_site, how)
    page.route(f"**/{SNAPSHOT_JS}", lambda route: route.fulfill(body=body, content_type="text/javascript"))
    scenario = finished("venue")[0]
    open_wizard(page, http_site, "venue")
    got = status(page)
    assert got["where"] == "worker" and got["snapshot"] is False and got["snapshotError"]
    walks_cleanly(page, rec, scenario)


@pytest.mark.browser
@pytest.mark.parametrize("how", NO_WORKER)
def test_without_a_worker_python_runs_on_the_page(recorded_page: Any, http_site: str, how: str) -> None:
    page, rec = recorded_page
    page.add_init_script(NO_WORKER[how])
    scenario = finished("venue")[0]
    open_wizard(page, http_site, "venue")
    got = status(page)
    assert got["where"] == "page" and got["snapshot"] is True and got["workerError"]
    assert got["workerTries"] == WORKER_TRIES[how]
    walks_cleanly(page, rec, scenario)


@pytest.mark.browser
def test_a_worker_whose_script_did_not_load_is_made_once_more(recorded_page: Any, http_site: str) -> None:
    page, rec = recorded_page
    page.add_init_script(FIRST_LOAD_FAILS)
    scenario = finished("venue")[0]
    open_wizard(page, http_site, "venue")
    assert page.evaluate("() => window.__t2scripts") == 2
    assert status(page) == {"where": "worker", "snapshot": True, "snapshotError": None, "workerTries": 2,
                            "workerError": None}
    walks_cleanly(page, rec, scenario)


@pytest.mark.browser
def test_a_handbook_page_loads_nothing_of_the_wizard(recorded_page: Any, http_site: str) -> None:
    page, rec = recorded_page
    page.goto(f"{http_site}/introduction.html", wait_until="load")
    page.wait_for_timeout(500)
    assert rec.requests, "the page was not recorded"
    parts = ("/assets/pyodide/", "/assets/wizard/", "pyodide-host.js", "wizard.js", "wizard-tab.js",
             "wizard-ahead.js")
    wizard = [u for u in rec.requests if any(part in u for part in parts)]
    assert wizard == []


def test_the_engine_reaches_the_browser_in_the_stdlib_zip_only(built_site: Path) -> None:
    """The engine modules the browser can import, and no build-time check, are in the runtime's
    stdlib zip; no other file of the site carries them."""
    import io
    import zipfile

    from tests.engine.test_yaml_edge import BUILD_ONLY
    from track2guide_build.bundle import browser_modules

    stdlib = (built_site / "assets" / "pyodide" / "python-stdlib.js").read_text(encoding="ascii")
    stdlib_zip = gzip.decompress(base64.b64decode(stdlib.split('base64: "')[1].split('"')[0]))
    modules = {name.rsplit(".", 1)[0] for name in zipfile.ZipFile(io.BytesIO(stdlib_zip)).namelist()}
    shipped = {m for m in modules if m.startswith("track2guide/")}
    # as .py, or .pyc in a T2_PYODIDE_START=pyc build
    assert shipped == {f"track2guide/{p.stem}" for p in browser_modules(ROOT / "track2guide")}
    assert {"track2guide/wizard", "track2guide/workbook_app"} <= shipped
    assert not {f"track2guide/{name}" for name in BUILD_ONLY} & shipped
    assert sorted(p.name for p in (built_site / "assets" / "wizard").iterdir()) == ["trees.js"]


def test_no_path_of_the_build_machine_in_the_shipped_python(built_site: Path) -> None:
    snapshot = snapshot_bytes(built_site)
    stdlib = (built_site / "assets" / "pyodide" / "python-stdlib.js").read_text(encoding="ascii")
    stdlib_zip = gzip.decompress(base64.b64decode(stdlib.split('base64: "')[1].split('"')[0]))
    for path in {str(ROOT), str(ROOT.resolve()), str((ROOT / "node_modules").resolve()), "t2-snapshot-"}:
        assert path.encode() not in snapshot and path.encode() not in stdlib_zip, path


def test_a_stale_snapshot_fails_the_build() -> None:
    spec = importlib.util.spec_from_file_location("pyodide_bundle", ROOT / "hooks" / "pyodide_bundle.py")
    assert spec is not None and spec.loader is not None
    pyodide_bundle = importlib.util.module_from_spec(spec)  # by file path, as MkDocs loads hooks
    spec.loader.exec_module(pyodide_bundle)
    build_id = pyodide_bundle.build_id((ROOT / "node_modules" / "pyodide" / "pyodide.js").read_text())
    words = struct.pack("<8I", *(int(build_id[i:i + 8], 16) for i in range(0, 64, 8)))
    good = bytes(SPARSE_HEADER + 16) + words + bytes(64)
    pyodide_bundle.check_outputs({"snapshot.bin": good}, build_id, ["/nowhere"])
    stale = bytes(SPARSE_HEADER + 16) + bytes(32) + bytes(64)
    with pytest.raises(PluginError, match="stale snapshot"):
        pyodide_bundle.check_outputs({"snapshot.bin": stale}, build_id, ["/nowhere"])
    with pytest.raises(PluginError, match="build path"):
        pyodide_bundle.check_outputs({"snapshot.bin": good + b"/home/me/site"}, build_id, ["/home/me"])


@pytest.mark.parametrize("source", [
    'function (u) {\n  return "it\'s </script> \\\\ done";\n}',
    "function () { return '\u2028 \u00e9 \U0001f600'; }",
])
def test_the_runtime_travels_as_text_and_back(source: str) -> None:
    statement = source_statement(source)
    assert statement.count("\n") == 1 and statement.startswith("window.TRACK2_PYODIDE.runtimeSource = ")
    assert source_in("/* header */\n" + statement) == source
    assert source_in("window.TRACK2_PYODIDE.files = {};\n") is None


def test_the_host_defines_the_runtime_on_the_page_with_the_hashed_text() -> None:
    """hooks/csp.py allows `page_script(source)`; pyodide-host.js must build that very text."""
    host = (ROOT / "docs" / "javascripts" / "pyodide-host.js").read_text(encoding="utf-8")
    before, after = page_script("SOURCE").split("SOURCE")
    assert f'script.textContent = "{before}" + source + "{after}";' in host


def test_only_pages_that_load_the_runtime_allow_it_on_the_page(built_site: Path) -> None:
    from hooks.csp import sha256_source

    runtime = (built_site / "assets" / "pyodide" / "pyodide-runtime.js").read_text(encoding="utf-8")
    source = source_in(runtime)
    assert source is not None and source.startswith("function (__t2ScriptUrl) {")
    allowed = sha256_source(page_script(source))
    wizards = ("tools/venue.html", "tools/choose-process.html", "tools/approach.html", "tools/workbook.html")
    for page in wizards:
        assert allowed in (built_site / page).read_text(encoding="utf-8"), page
    for page in ("introduction.html", "tools/index.html", "glossary.html"):
        assert allowed not in (built_site / page).read_text(encoding="utf-8"), page
