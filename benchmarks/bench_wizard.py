#!/usr/bin/env python3
"""Time the wizard pages in Chromium (a benchmark, not a test): prints numbers, asserts nothing.

For each wizard page, from file:// and over a local http server, it opens the page
`--runs` times, each in a fresh browser context (empty cache), and reads in the page:

* first question: when the pre-rendered question was painted (Element Timing);
* engine ready:   when Python had started and the wizard answers clicks
                  (`performance.mark("t2-ready")` in docs/javascripts/wizard.js),
                  with the split: runtime scripts loaded, Python started;
* main thread:    the longest main-thread block between navigation and engine
                  ready, seen two ways: the longest 'longtask' entry
                  (PerformanceObserver) and the longest gap between two
                  requestAnimationFrame callbacks (what a user feels as a freeze);
* click -> next:  once ready, from submitting an answer to the next question
                  painted (until the new screen is set in brackets),

all in milliseconds from navigation start, as median, min-max and standard deviation.
It also prints what the wizard adds to the site, on disk and zipped.

    python benchmarks/bench_wizard.py [--runs N] [--site DIR] [--tree ID] [--json]

Without --site it builds the site (non-strict) into a temporary folder.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# What the wizard adds to a site (everything else is the handbook and the theme).
WIZARD_FILES = {
    "Pyodide runtime (assets/pyodide/)": "assets/pyodide/*",
    "engine + trees (assets/wizard/)": "assets/wizard/*",
    "shell (javascripts/wizard.js)": "javascripts/wizard.js",
    "host (javascripts/pyodide-host.js)": "javascripts/pyodide-host.js",
    "style (stylesheets/wizard.css)": "stylesheets/wizard.css",
}

MEASURE_LOAD = """async () => {
  const question = await new Promise(resolve => {
    new PerformanceObserver((list, obs) => {
      const hit = list.getEntries().find(e => e.identifier === 't2-question');
      if (hit) { obs.disconnect(); resolve(hit.renderTime || hit.loadTime); }
    }).observe({type: 'element', buffered: true});
  });
  const mark = name => (performance.getEntriesByName(name)[0] || {}).startTime;
  return {question, scripts: mark('t2-scripts-loaded'), python: mark('t2-python-started'),
          ready: mark('t2-ready')};
}"""

# Installed before any page script runs: records main-thread blocks from navigation on.
WATCH_MAIN_THREAD = """(() => {
  if (window.top !== window) return;
  const seen = window.__t2Blocks = {tasks: [], gaps: []};
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) seen.tasks.push([e.startTime, e.duration]);
    }).observe({type: 'longtask'});
  } catch (e) { /* no Long Tasks API: the frame gaps still tell */ }
  let last = performance.now();
  const frame = () => {
    const now = performance.now();
    if (now - last > 50) seen.gaps.push([last, now - last]);
    last = now;
    if (!seen.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();"""

MEASURE_BLOCKS = """async () => {
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // close the last gap
  const seen = window.__t2Blocks;
  seen.stop = true;
  const ready = (performance.getEntriesByName('t2-ready')[0] || {}).startTime;
  const longest = list => Math.max(0, ...list.filter(([start]) => start < ready).map(([, d]) => d));
  return {longtask: longest(seen.tasks), gap: longest(seen.gaps)};
}"""

# Works whether the engine answers at once or later (from a worker): waits for the new screen.
MEASURE_CLICK = """async () => {
  const screen = document.querySelector('.t2-screen');
  const form = screen.querySelector('form.t2-question');
  const before = form.dataset.question;
  form.querySelector('input[name="t2-answer"]').checked = true;
  const changed = new Promise(resolve => new MutationObserver((records, obs) => {
    obs.disconnect(); resolve(performance.now());
  }).observe(screen, {childList: true, subtree: true}));
  const t0 = performance.now();
  form.requestSubmit();
  const set = await changed;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const after = document.querySelector('form.t2-question, .t2-result');
  return {handler: set - t0, painted: performance.now() - t0,
          moved: !after.dataset || after.dataset.question !== before};
}"""


def build(dest: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)], cwd=ROOT, env=env,
                   check=True)
    return dest


def one_load(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context()
    try:
        context.add_init_script(WATCH_MAIN_THREAD)
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector(".t2-wizard.t2-ready, .t2-failed", state="attached", timeout=120_000)
        if page.locator(".t2-failed").count():
            raise RuntimeError(f"wizard failed at {url}: {page.text_content('.t2-failed')}")
        times: dict[str, float] = page.evaluate(MEASURE_LOAD)
        times.update(page.evaluate(MEASURE_BLOCKS))
        click = page.evaluate(MEASURE_CLICK)
        if not click["moved"]:
            raise RuntimeError("the click did not move to another question")
        times.update(click=click["painted"], handler=click["handler"])
        return times
    finally:
        context.close()


def stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "stdev": statistics.stdev(values) if len(values) > 1 else 0.0}


def fmt(s: dict[str, float]) -> str:
    return f"{s['median']:7.0f}  ({s['min']:.0f}-{s['max']:.0f}, sd {s['stdev']:.0f})"


def sizes(site: Path) -> dict[str, tuple[int, int]]:
    """Label -> (bytes on disk, bytes in a deflate-9 zip) of what the wizard adds."""
    out = {}
    for label, pattern in WIZARD_FILES.items():
        files = sorted(site.glob(pattern))
        raw = sum(f.stat().st_size for f in files)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for f in files:
                archive.write(f, f.relative_to(site).as_posix())
        out[label] = (raw, len(buffer.getvalue()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="fresh page loads per scheme (default 10)")
    parser.add_argument("--site", type=Path, help="an existing build (default: build one)")
    parser.add_argument("--tree", default="choose-process", help="which wizard page (default choose-process)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        server, base = serve(site)
        results: dict[str, dict[str, dict[str, float]]] = {}
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for scheme, root in (("file", site.as_uri()), ("http", base)):
                    runs = [one_load(browser, f"{root}/tools/{args.tree}.html") for _ in range(args.runs)]
                    results[scheme] = {k: stats([r[k] for r in runs]) for k in runs[0]}
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
        size = sizes(site)

    if args.json:
        print(json.dumps({"runs": args.runs, "tree": args.tree, "times_ms": results,
                          "sizes": {k: {"disk": d, "zipped": z} for k, (d, z) in size.items()}}, indent=2))
        return
    print(f"Wizard page tools/{args.tree}.html, {args.runs} fresh loads per scheme, Chromium headless")
    print("milliseconds (from navigation start, or durations before engine ready): median  (min-max, sd)")
    rows = [("first question painted", "question"), ("runtime scripts loaded", "scripts"),
            ("Python started", "python"), ("engine ready", "ready"),
            ("longest main-thread long task", "longtask"), ("longest frame gap (rAF)", "gap"),
            ("click -> next question painted", "click"), ("  of which until screen set", "handler")]
    print(f"{'':34}{'file://':>30}{'http':>30}")
    for label, key in rows:
        print(f"{label:34}{fmt(results['file'][key]):>30}{fmt(results['http'][key]):>30}")
    print("\nWhat the wizard adds to the site:")
    total_disk = total_zip = 0
    for label, (disk, zipped) in size.items():
        total_disk, total_zip = total_disk + disk, total_zip + zipped
        print(f"  {label:40}{disk / 1e6:8.2f} MB on disk {zipped / 1e6:8.2f} MB zipped")
    print(f"  {'total':40}{total_disk / 1e6:8.2f} MB on disk {total_zip / 1e6:8.2f} MB zipped")


if __name__ == "__main__":
    main()
