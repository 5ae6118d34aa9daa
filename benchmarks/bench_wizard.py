#!/usr/bin/env python3
"""Time the wizard pages in Chromium (a benchmark, not a test): prints numbers, asserts nothing.

It builds several variants of the site and measures them side by side in one run, from
file:// (as from a USB stick), each page load in a fresh browser context (empty cache),
loads taken in turns across the variants so that a busy machine weighs on all alike:

* old       main's commit before the snapshot (`--old-commit`, default 1c3adde), built
            from a `git worktree` of it;
* pyc       this tree, `T2_PYODIDE_START=pyc`: no snapshot, trimmed stdlib of .pyc;
* snapshot  this tree as it ships: Python restored from the build's memory snapshot.

For every wizard page and variant it reports, in milliseconds from navigation start:

* first answer:  a user ticks the first choice the moment the page can take it
                 (DOMContentLoaded) and presses Next; time until the next question shows;
* second answer: the same user answers that next question the moment it shows; time until
                 the question after it shows (the first answer may come from the page's
                 opening, worked out at build time; the second always needs Python);
* ready:         `t2-ready` (Python answers clicks) and the stage marks before it
                 (docs/javascripts/pyodide-host.js; the old build has fewer);
* first paint:   first contentful paint of the wizard page, and of a plain handbook page;
* click -> next: once ready, from submitting an answer to the next question painted, at
                 once; and on each of the next 3 questions ticked, then read for 2 s before
                 Next (a reader; the median of the three is that load's sample), and apart
                 from them the click that shows the result screen, if one comes first;
* floor:         just before that click, a one-word change timed the same way: what no
                 code can beat (the wait for the next frame, and that frame);
* main thread:   the longest gap between two animation frames before ready,

in Chromium (Playwright) and in Firefox ESR (benchmarks/bench_wizard_firefox.mjs), and the USB
zip (scripts/make_usb.py) and site sizes of each variant.

    python -m benchmarks.bench_wizard [--runs N] [--variants old,pyc,snapshot] [--trees ...]
        [--browsers chromium,firefox] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scripts.make_usb import make_zip
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from track2guide_build import tree_files

ROOT = Path(__file__).resolve().parent.parent
TREES = tuple(path.stem for path in tree_files(ROOT))
PLAIN_PAGE = "introduction.html"
READ_MS = 2000
READ_CLICKS = 3  # questions answered after reading, per load (their median is one sample)
VARIANTS = ("old", "pyc", "snapshot")
STAGES = ("t2-scripts-loaded", "t2-host-running", "t2-wasm-compiled",
          "t2-decoded-snapshot.bin", "t2-create-module", "t2-module-created", "t2-memory-restored",
          "t2-python-started", "t2-engine-imported", "t2-ready")

# Before any page script: watch frames, and answer the first question at DOMContentLoaded.
WATCH = """(() => {
  if (window.top !== window) return;
  const seen = window.__t2 = {gaps: []};
  let last = performance.now();
  const frame = () => {
    const now = performance.now();
    if (now - last > 50) seen.gaps.push([last, now - last]);
    last = now;
    if (!seen.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('DOMContentLoaded', () => {
    const screen = document.querySelector('.t2-screen');
    const form = screen && screen.querySelector('form.t2-question');
    if (!form) return;
    // Answer `form` with its first choice; then(time) once another screen shows.
    const next = (form, then) => {
      const asked = form.dataset.question;
      new MutationObserver((records, obs) => {
        const now = screen.querySelector('form.t2-question, .t2-result');
        if (now && (!now.dataset || now.dataset.question !== asked)) {
          obs.disconnect();
          then(performance.now(), now);
        }
      }).observe(screen, {childList: true, subtree: true});
      form.querySelector('input[name="t2-answer"]').checked = true;
      form.requestSubmit();
    };
    next(form, (time, now) => {
      seen.answered = time;
      // ... and the second question as soon as it shows (a reader in a hurry)
      if (!now.matches('form.t2-question')) { seen.second = null; return; }
      setTimeout(() => next(now, time2 => { seen.second = time2; }), 0);
    });
  });
})();"""

READ = """async () => {
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const seen = window.__t2; seen.stop = true;
  const mark = name => (performance.getEntriesByName(name)[0] || {}).startTime;
  const out = {answered: seen.answered, second: seen.second, fcp: mark('first-contentful-paint')};
  const status = (window.TRACK2_HOST && window.TRACK2_HOST.status) || {};
  out.restored = status.where === 'worker' && status.snapshot === true ? 1 : 0;
  for (const name of STAGES) out[name] = mark(name);
  out.gap = Math.max(0, ...seen.gaps.filter(([s]) => s < out['t2-ready']).map(([, d]) => d));
  return out;
}""".replace("STAGES", json.dumps(STAGES))

# A reader ticks the first choice (a real click on it, so the page hears the change) ...
TICK = """() => {
  const input = document.querySelector('.t2-screen form.t2-question input[name="t2-answer"]');
  if (input && !input.checked) input.click();
  return !!input;
}"""

# ... and presses Next (ticking first if nothing is ticked yet): the time until the next
# question is painted.
CLICK = """async () => {
  const screen = document.querySelector('.t2-screen');
  const form = screen.querySelector('form.t2-question');
  if (!form) return {click: null, moved: false};
  const before = form.dataset.question;
  const first = form.querySelector('input[name="t2-answer"]');
  if (!form.querySelector('input[name="t2-answer"]:checked')) first.click();
  const changed = new Promise(resolve => new MutationObserver((r, obs) => { obs.disconnect(); resolve(); })
    .observe(screen, {childList: true, subtree: true}));
  const t0 = performance.now();
  form.requestSubmit();
  await changed;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const after = document.querySelector('form.t2-question, .t2-result');
  return {click: performance.now() - t0, moved: !after.dataset || after.dataset.question !== before,
          result: after.matches('.t2-result')};
}"""


# The floor of "click -> next": a change of one word on the same page, timed the same way
# (called right after READ, to the first frame after the change), with no wizard code run.
FLOOR = """async () => {
  const word = document.createElement('span');
  const t0 = performance.now();
  word.textContent = 'next';
  document.body.appendChild(word);
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""


def mkdocs_build(source: Path, dest: Path, env: dict[str, str] | None = None) -> Path:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)], cwd=source, env=full_env,
                   check=True)
    return dest


def build_old(commit: str, tmp: Path) -> Path:
    tree = tmp / "old-tree"
    subprocess.run(["git", "worktree", "add", "--detach", "-f", str(tree), commit], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        (tree / "node_modules").symlink_to((ROOT / "node_modules").resolve())
        return mkdocs_build(tree, tmp / "old-site")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False,
                       capture_output=True)


def one_load(browser: Any, url: str, *, wizard: bool) -> dict[str, float | None]:
    context = browser.new_context()
    try:
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(url, wait_until="load")
        if not wizard:
            page.wait_for_timeout(100)
            return {"fcp": page.evaluate(READ)["fcp"]}
        page.wait_for_selector(".t2-wizard.t2-ready, .t2-failed", state="attached", timeout=120_000)
        if page.locator(".t2-failed").count():
            raise RuntimeError(f"wizard failed at {url}: {page.text_content('.t2-failed')}")
        page.wait_for_function("() => window.__t2.second !== undefined", timeout=30_000)
        times: dict[str, float | None] = page.evaluate(READ)
        times["floor"] = page.evaluate(FLOOR)  # it ends as READ does: the click comes at the same moment
        click = page.evaluate(CLICK)
        if not click["moved"]:
            raise RuntimeError("the click did not move to another question")
        times["click"] = click["click"]
        read: list[float | None] = []
        for _ in range(READ_CLICKS):  # a reader ticks, reads the question for a while, presses Next
            if not page.evaluate(TICK):
                break
            page.wait_for_timeout(READ_MS)
            click = page.evaluate(CLICK)
            if not click["moved"]:
                break
            if click["result"]:  # the first result screen on the page: reported on its own
                times["click_result"] = click["click"]
                break
            read.append(click["click"])
        times["click_read"] = median(read)
        return times
    finally:
        context.close()


def median(values: list[float | None]) -> float | None:
    real = [v for v in values if v is not None]
    return statistics.median(real) if real else None


def spread(values: list[float | None]) -> str:
    real = [v for v in values if v is not None]
    if not real:
        return "-"
    return f"{statistics.median(real):6.0f} ({min(real):.0f}-{max(real):.0f})"


def sizes(site: Path, tmp: Path, name: str) -> dict[str, float]:
    zipped = make_zip(site, tmp / f"{name}-usb.zip")
    pyodide = sum(f.stat().st_size for f in (site / "assets" / "pyodide").glob("*"))
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {"zip_mb": zipped.stat().st_size / 1e6, "site_mb": total / 1e6, "pyodide_mb": pyodide / 1e6}


def chromium_runs(sites: dict[str, Path], trees: list[str], runs: int) -> dict[tuple[str, str], list[Any]]:
    from playwright.sync_api import sync_playwright

    out: dict[tuple[str, str], list[dict[str, float | None]]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            for page in [*trees, PLAIN_PAGE]:
                for v, site in sites.items():
                    wizard = page != PLAIN_PAGE
                    url = f"{site.as_uri()}/tools/{page}.html" if wizard else f"{site.as_uri()}/{page}"
                    out.setdefault((v, page), []).append(one_load(browser, url, wizard=wizard))
        browser.close()
    return out


Runs = dict[tuple[str, str], list[Any]]


def firefox_runs(sites: dict[str, Path], trees: list[str], runs: int, tmp: Path) -> Runs:
    """The same loads in Firefox ESR, through benchmarks/bench_wizard_firefox.mjs."""
    spec = {"runs": runs, "sites": {v: str(s) for v, s in sites.items()}, "trees": trees, "plain": PLAIN_PAGE,
            "watch": WATCH, "read": READ, "tick": TICK, "click": CLICK, "floor": FLOOR, "read_ms": READ_MS,
            "read_clicks": READ_CLICKS}
    spec_file = tmp / "firefox-spec.json"
    spec_file.write_text(json.dumps(spec))
    proc = subprocess.run(["node", str(ROOT / "benchmarks" / "bench_wizard_firefox.mjs"), str(spec_file)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    loads = json.loads(proc.stdout.strip().splitlines()[-1])
    return {tuple(key.split("/", 1)): value for key, value in loads.items()}


def print_tables(browser: str, runs: Runs, sites: dict[str, Path], trees: list[str], *,
                 count: int, load: tuple[float, float, float]) -> None:
    print(f"\n=== {browser} headless, file://, {count} fresh loads per page and variant (medians, min-max), "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    for tree in trees:
        print(f"\ntools/{tree}.html (ms from navigation start)")
        print(f"{'':32}" + "".join(f"{v:>22}" for v in sites))
        rows = [("first answer (answered at load)", "answered"),
                ("second answer (given at once)", "second"),
                *((stage.removeprefix("t2-"), stage) for stage in STAGES),
                ("first contentful paint", "fcp"), ("longest frame gap before ready", "gap"),
                ("click -> next question", "click"), ("the same after 2 s reading", "click_read"),
                ("the same to the result screen", "click_result"), ("floor: one word, same moment", "floor")]
        for label, key in rows:
            cells = [spread([r.get(key) for r in runs[(v, tree)]]) for v in sites]
            print(f"{label:32}" + "".join(f"{c:>22}" for c in cells))
    print(f"\n{browser + ' summary':32}" + "".join(f"{v:>22}" for v in sites))
    worst = {v: max(median([r["answered"] for r in runs[(v, t)]]) or 0 for t in trees) for v in sites}
    print(f"{'first answer, worst wizard':32}" + "".join(f"{worst[v]:>22.0f}" for v in sites))
    second = {v: max(median([r.get("second") for r in runs[(v, t)]]) or 0 for t in trees) for v in sites}
    print(f"{'second answer at once, worst':32}" + "".join(f"{second[v]:>22.0f}" for v in sites))
    plain = {v: median([r["fcp"] for r in runs[(v, PLAIN_PAGE)]]) or 0 for v in sites}
    paint = {v: max(median([r["fcp"] for r in runs[(v, t)]]) or 0 for t in trees) for v in sites}
    print(f"{'FCP plain page':32}" + "".join(f"{plain[v]:>22.0f}" for v in sites))
    ratio = {v: paint[v] / (plain[v] or 1) for v in sites}
    print(f"{'FCP wizard (worst) / plain':32}" + "".join(f"{ratio[v]:>22.2f}" for v in sites))
    restored = {v: sum(r["restored"] for t in trees for r in runs[(v, t)]) for v in sites}
    print(f"{'loads restored in a worker':32}" + "".join(f"{restored[v]:>17} of {len(trees) * count:<2}"
                                                          for v in sites))
    def worst(key: str) -> dict[str, float]:  # the worst wizard's median
        return {v: max(median([r.get(key) for r in runs[(v, t)]]) or 0 for t in trees) for v in sites}

    for label, key in (("click -> next, worst wizard", "click"),
                       ("  the same after 2 s reading", "click_read"),
                       ("  the same to the result screen", "click_result"),
                       ("  floor: one word, same moment", "floor")):
        values = worst(key)
        print(f"{label:32}" + "".join(f"{values[v]:>22.1f}" for v in sites))

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh loads per page and variant (default 5)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated: old, pyc, snapshot")
    parser.add_argument("--trees", default=",".join(TREES), help="comma-separated wizard pages")
    parser.add_argument("--browsers", default="chromium,firefox", help="comma-separated: chromium, firefox")
    parser.add_argument("--old-commit", default="1c3adde", help="the commit built as `old`")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args()
    variants = [v for v in args.variants.split(",") if v]
    trees = [t for t in args.trees.split(",") if t]
    browsers = [b for b in args.browsers.split(",") if b]

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sites = {}
        for v in variants:
            if v == "old":
                sites[v] = build_old(args.old_commit, tmp)
            else:
                sites[v] = mkdocs_build(ROOT, tmp / f"{v}-site", {"T2_PYODIDE_START": v})
        size = {v: sizes(site, tmp, v) for v, site in sites.items()}
        results = {}
        for browser in browsers:
            runs = chromium_runs(sites, trees, args.runs) if browser == "chromium" else \
                firefox_runs(sites, trees, args.runs, tmp)
            results[browser] = (runs, os.getloadavg())

    if args.json:
        print(json.dumps({"runs": args.runs, "sizes": size, **{
            b: {"loadavg": load, "medians": {f"{v}/{p}": {k: median([r.get(k) for r in rs]) for k in rs[0]}
                                              for (v, p), rs in runs.items()}}
            for b, (runs, load) in results.items()}}, indent=1))
        return
    for browser, (runs, load) in results.items():
        print_tables(browser.capitalize(), runs, sites, trees, count=args.runs, load=load)
    print(f"\n{'sizes':32}" + "".join(f"{v:>22}" for v in sites))
    for key, label in (("zip_mb", "USB zip (MB)"), ("site_mb", "site (MB)"),
                       ("pyodide_mb", "assets/pyodide (MB)")):
        print(f"{label:32}" + "".join(f"{size[v][key]:>22.2f}" for v in sites))

if __name__ == "__main__":
    main()
