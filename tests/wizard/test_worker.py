"""Python starts in a Web Worker, off the page's main thread; where no worker can run it,
the wizard still works, with Python on the page as before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wizard.helpers import finished, mismatches, open_wizard, result_of, walk

pytestmark = pytest.mark.browser

NO_WORKER = {
    "no Worker at all": "delete window.Worker;",
    "a worker that breaks": """window.Worker = class {
      constructor() { setTimeout(() => this.onerror && this.onerror(new Event('error')), 50); }
      postMessage() {}
      terminate() {}
    };""",
}


def test_python_starts_in_a_worker(recorded_page: Any, site_url: str) -> None:
    # How long the page stays responsive meanwhile is measured by
    # benchmarks/bench_wizard.py (longest main-thread task), not asserted here.
    page, rec = recorded_page
    open_wizard(page, site_url, "choose-process")
    assert page.evaluate("() => window.TRACK2_WIZARD.where") == "worker"
    origin = site_url if site_url.startswith("http") else None
    assert rec.foreign_requests(origin) == []
    assert rec.console_errors == [] and rec.page_errors == []


@pytest.mark.parametrize("how", NO_WORKER)
def test_without_a_worker_python_runs_on_the_page(recorded_page: Any, http_site: str, how: str) -> None:
    page, rec = recorded_page
    page.add_init_script(NO_WORKER[how])
    scenario = finished("venue")[0]
    open_wizard(page, http_site, "venue")
    assert page.evaluate("() => window.TRACK2_WIZARD.where") == "page"
    walk(page, scenario)
    assert not mismatches(result_of(page), scenario["expect"]["result"])
    assert rec.console_errors == [] and rec.page_errors == []
