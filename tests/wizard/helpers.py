"""Driving a wizard page in Chromium (Playwright), for the tests and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from track2guide_build import load_yaml_with_lines, tree_files

ROOT = Path(__file__).resolve().parents[2]
TREES = tuple(path.stem for path in tree_files(ROOT))  # every tree of decision_trees/
READY_MS = 60_000  # generous: this CI box is slow; a real start takes a few seconds
RESULT_KEYS = ("top", "clear", "gate", "ranked", "warnings", "ready", "missing_required", "missing_other",
               "met", "not_applicable", "strength", "ruled_out")

READ_RESULT = """() => {
  const box = document.querySelector('.t2-result');
  if (!box) return null;
  const ids = (sel, attr) => [...box.querySelectorAll(sel)].map(e => e.dataset[attr]);
  const top = box.querySelector('.t2-outcome--top');
  const gate = box.querySelector('.t2-gate');
  const out = {gate: gate ? gate.dataset.outcome : null, warnings: ids('li[data-warning]', 'warning'),
               kind: box.dataset.kind};
  if (box.dataset.kind === 'ranking') {  // a gate's advice comes first; the ranking follows
    out.strength = box.dataset.strength || null;
    out.clear = out.strength === 'clear' && !!top;
    out.top = box.dataset.top || null;
    out.ranked = ids('li.t2-outcome', 'outcome');
    out.ruled_out = ids('.t2-ruled-out li[data-outcome]', 'outcome');
  }
  if (box.querySelector('.t2-items') || box.dataset.kind === 'checklist') {
    out.ready = box.dataset.kind === 'checklist' ? box.dataset.ready === 'true' : undefined;
    for (const key of ['missing_required', 'missing_other', 'met', 'not_applicable']) {
      out[key] = ids('.t2-items--' + key.replace('_', '-') + ' li[data-item]', 'item');
    }
  }
  return out;
}"""


def read_yaml(path: Path) -> Any:
    """A YAML file of the project, read as the build reads it (YAML 1.2: yes and no stay words)."""
    return load_yaml_with_lines(path)[0]


def scenarios(tree: str) -> list[dict[str, Any]]:
    """The TREES helper's scenarios for a tree: {name, answers, expect}."""
    out = []
    for path in sorted((ROOT / "tests" / "scenarios" / tree).glob("*.yaml")):
        data = read_yaml(path)
        out.append({"name": path.stem, **data})
    return out


def finished(tree: str) -> list[dict[str, Any]]:
    """Scenarios that reach a result."""
    return [s for s in scenarios(tree) if s["expect"].get("result") is not None]


def open_wizard(page: Any, base: str, tree: str, *, ready: bool = True) -> None:
    page.goto(f"{base}/tools/{tree}.html", wait_until="domcontentloaded")
    if ready:
        wait_ready(page)


def wait_ready(page: Any) -> None:
    page.wait_for_selector(".t2-wizard.t2-ready, .t2-failed", state="attached", timeout=READY_MS)
    failed = page.locator(".t2-failed")
    assert failed.count() == 0, f"wizard did not start: {failed.text_content()}"


def answer(page: Any, qid: str, value: Any, *, submit: bool = True) -> None:
    form = page.locator(f'form.t2-question[data-question="{qid}"]')
    form.wait_for(timeout=10_000)
    if isinstance(value, str):
        form.locator(f'input[name="t2-answer"][value="{value}"]').check()
    else:
        for box in form.locator('input[name="t2-answer"]').all():
            box.set_checked(box.get_attribute("value") in value)
    if submit:
        form.locator("button[type=submit]").click()
        settled(page)


def settled(page: Any) -> None:
    """Wait until Python has answered every event sent (it runs in a worker: answers come later)."""
    page.wait_for_selector(".t2-screen:not([aria-busy])", state="attached", timeout=10_000)


def walk(page: Any, scenario: dict[str, Any]) -> None:
    for qid in scenario["expect"]["path"]:
        answer(page, qid, scenario["answers"][qid])


def result_of(page: Any) -> dict[str, Any]:
    page.wait_for_selector(".t2-result", timeout=10_000)
    return page.evaluate(READ_RESULT)  # type: ignore[no-any-return]


def mismatches(got: dict[str, Any], want: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Expected result keys whose shown value differs: {key: (shown, expected)}."""
    return {k: (got.get(k), v) for k, v in want.items() if k in RESULT_KEYS and got.get(k) != v}


def session_answers(page: Any) -> Any:
    settled(page)
    return page.evaluate("() => window.TRACK2_WIZARD.session && window.TRACK2_WIZARD.session.answers")


# Holds back the start of Python by `ms` (an init script, so it works from file:// and over http):
# the ready moment then falls well after whatever a test does on the first screen.
SLOW_START = """ms => {
  window.TRACK2_START_TIMEOUT_MS = 60000;  // a loaded test machine must not turn a slow start into a failure
  let host;
  Object.defineProperty(window, 'TRACK2_HOST', {
    configurable: true,
    get: () => host,
    set: (real) => { host = {startEngine: (...args) =>
      new Promise(done => setTimeout(done, ms)).then(() => real.startEngine(...args))}; },
  });
}"""


PATIENT = "window.TRACK2_START_TIMEOUT_MS = 60000;"  # a loaded test machine can need more than 20 s


def slow_start(page: Any, ms: int) -> None:
    """Delay the wizard's engine start-up by `ms` on every page this page object opens."""
    page.add_init_script(f"({SLOW_START})({int(ms)})")


def ticked(page: Any) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        'form.t2-question input[name="t2-answer"]', "els => els.filter(e => e.checked).map(e => e.value)")


def focused_id(page: Any) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")  # type: ignore[no-any-return]


def is_ready(page: Any) -> bool:
    return page.evaluate("() => !!(window.TRACK2_WIZARD && window.TRACK2_WIZARD.ready)")  # type: ignore[no-any-return]


def open_menu(page: Any) -> None:
    """Open the "Save, share or clear" menu, as a user would."""
    if not page.evaluate("() => document.querySelector('.t2-menu').open"):
        page.locator(".t2-menu > summary").click()


def confirm(page: Any, yes: bool = True) -> None:
    """Answer the "are you sure" dialog of Start again or Clear."""
    dialog = page.locator("dialog.t2-confirm")
    dialog.wait_for(timeout=5000)
    dialog.locator(f'[data-confirm="{"yes" if yes else "no"}"]').click()
