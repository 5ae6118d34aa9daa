#!/usr/bin/env node
// Run part of the project's pytest suite inside Pyodide (CPython 3.14 compiled
// to WebAssembly) under Node, fully offline.
//
//   node tools/pyodide_pytest/run.mjs [options] [--] [pytest arguments...]
//
// Options (before the pytest arguments):
//   --project-trees     export the project's checked trees as JSON first (host
//                       CPython: `$PYTHON -m track2guide_build export-json`, PYTHON
//                       defaults to python3), mount that folder and set
//                       TRACK2_TREES_JSON so tests/engine/treedata.py finds them
//                       (Pyodide has no PyYAML)
//   --env=NAME=VALUE    environment variable for Python inside Pyodide (repeatable;
//                       PYTEST_ADDOPTS is passed on from Node's environment)
//   --mount=HOST:GUEST  mount a host folder into Pyodide's file system (repeatable)
//   --timeout=SECONDS   wall-clock limit for the whole run (default 300; env PYODIDE_PYTEST_TIMEOUT)
//   --wheels=DIR        folder of pure-Python wheels (default .cache/pyodide-wheels,
//                       filled by tools/pyodide_pytest/fetch_wheels.sh)
//   --root=DIR          project root to mount (default: two folders above this script)
//
// When the pytest arguments name no existing file or folder, the test paths listed
// in tools/pyodide_pytest/targets.txt are added (a line `!path` becomes
// --ignore=path), so `run.mjs -- -x -q` runs the usual set.  Paths are relative to
// the project root.
//
// How it works: Pyodide comes from node_modules/pyodide (nothing is downloaded:
// the lock file is passed in and every network fetch is refused).  The project
// is mounted at /project with NODEFS and guarded read-only by a Python audit
// hook; the wheels are unpacked into site-packages; pytest.main() runs with the
// project's own configuration (pyproject.toml), plus: cache plugin off,
// --capture=sys (fd-level capture cannot dup Pyodide's redirected stdout).
// Pyodide runs in a worker thread so the time limit can stop even a test that
// never returns.
//
// Exit status: pytest's own exit code (1 failures, 2 interrupted, 3 internal
// error, 4 usage error, 5 no tests collected), except that a run in which no test
// passed is turned into 5 even when pytest says 0; 70 when Pyodide, the wheels or
// the trees cannot be loaded; 124 on timeout.  The last line printed is
//   PYODIDE_PYTEST_RESULT {"exit": ..., "collected": ..., "passed": ..., ...}
// so callers can check the counts without parsing pytest's own summary.

import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_MOUNT, installWheels, loadOfflinePyodide } from "./node_pyodide.mjs";

const EXIT_LOAD_ERROR = 70;
const EXIT_TIMEOUT = 124;
const TREES_MOUNT = "/trees-json";

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = {
    root: path.resolve(here, "..", ".."),
    wheels: null,
    timeout: Number(process.env.PYODIDE_PYTEST_TIMEOUT || 300),
    projectTrees: false,
    env: {},
    mounts: [],
    pytestArgs: [],
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { i++; break; }
    if (a === "--project-trees") { opts.projectTrees = true; continue; }
    const m = /^--(timeout|wheels|root|env|mount)=(.*)$/.exec(a);
    if (!m) break;
    const [, key, value] = m;
    if (key === "timeout") opts.timeout = Number(value);
    else if (key === "env") {
      const eq = value.indexOf("=");
      if (eq < 1) throw new Error(`bad --env (want NAME=VALUE): ${value}`);
      opts.env[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (key === "mount") {
      const colon = value.lastIndexOf(":");
      if (colon < 1 || !value.slice(colon + 1).startsWith("/")) throw new Error(`bad --mount (want HOST:/GUEST): ${value}`);
      opts.mounts.push([path.resolve(value.slice(0, colon)), value.slice(colon + 1)]);
    } else opts[key] = path.resolve(value);
  }
  opts.pytestArgs = argv.slice(i);
  // Forwarded so that one setting reaches the host's pytest and this one alike.
  if (process.env.PYTEST_ADDOPTS) opts.env.PYTEST_ADDOPTS = process.env.PYTEST_ADDOPTS;
  opts.wheels = opts.wheels || path.join(opts.root, ".cache", "pyodide-wheels");
  if (!(opts.timeout > 0)) throw new Error(`bad --timeout: ${opts.timeout}`);
  const namesPath = (a) => a.startsWith("/") || (!a.startsWith("-") && fs.existsSync(path.join(opts.root, a.split("::")[0])));
  if (!opts.pytestArgs.some(namesPath)) {
    const list = path.join(here, "targets.txt");
    opts.pytestArgs = [...opts.pytestArgs, ...fs.readFileSync(list, "utf8").split("\n")
      .map((l) => l.replace(/#.*/, "").trim()).filter(Boolean)
      .map((l) => (l.startsWith("!") ? `--ignore=${l.slice(1).trim()}` : l))];
  }
  return opts;
}

/** Export the project's checked trees with host CPython; returns the temp folder. */
function exportProjectTrees(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "t2-trees-"));
  const python = process.env.PYTHON || "python3";
  const proc = spawnSync(python, ["-m", "track2guide_build", "--root", root, "export-json", path.join(dir, "trees.json")],
    { cwd: root, encoding: "utf8" });
  // The scenarios are YAML too; PyYAML is not in Pyodide, so they travel as JSON.
  const data = proc.status === 0 && spawnSync(python, ["-m", "track2guide_build", "--root", root, "export-yaml",
    path.join(dir, "yaml.json"), "tests/scenarios", "tests/engine/scenarios", "tests/engine/workbook",
    "decision_trees"], { cwd: root, encoding: "utf8" });
  if (proc.status !== 0 || data.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`exporting the project's trees failed (${python} -m track2guide_build export-json):\n`
      + `${proc.stdout || ""}${proc.stderr || ""}${proc.error || ""}${data ? data.stderr || "" : ""}`);
  }
  return dir;
}

async function main() {
  let opts;
  let treesDir = null;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.projectTrees) {
      treesDir = exportProjectTrees(opts.root);
      opts.mounts.push([treesDir, TREES_MOUNT]);
      opts.env.TRACK2_TREES_JSON = `${TREES_MOUNT}/trees.json`;
      opts.env.TRACK2_YAML_JSON = `${TREES_MOUNT}/yaml.json`;
    }
  } catch (e) {
    console.error(`pyodide-pytest: ${e.message}`);
    process.exit(EXIT_LOAD_ERROR);
  }
  const started = Date.now();
  const w = new Worker(new URL(import.meta.url), { workerData: opts, stdout: false, stderr: false });
  let finished = false;
  let code = EXIT_LOAD_ERROR;
  const timer = setTimeout(() => {
    console.error(`pyodide-pytest: time limit of ${opts.timeout}s reached; stopping`);
    code = EXIT_TIMEOUT;
    finished = true;
    w.terminate();
  }, opts.timeout * 1000);
  w.on("message", (msg) => {
    if (msg.type === "out") process.stdout.write(msg.text);
    else if (msg.type === "err") process.stderr.write(msg.text);
    else if (msg.type === "done" && !finished) { code = msg.code; finished = true; }
  });
  w.on("error", (e) => {
    console.error(`pyodide-pytest: worker failed: ${e && e.stack || e}`);
    if (!finished) { code = EXIT_LOAD_ERROR; finished = true; }
  });
  w.on("exit", () => {
    clearTimeout(timer);
    if (treesDir) fs.rmSync(treesDir, { recursive: true, force: true });
    if (!finished) console.error("pyodide-pytest: worker exited without a result");
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`pyodide-pytest: exit ${code} after ${secs}s\n`);
    process.exitCode = code;
  });
}

// ---------------------------------------------------------------- worker side

function post(type, text) {
  parentPort.postMessage({ type, text });
}

function decoderSink(type) {
  const dec = new TextDecoder("utf-8");
  return {
    write(buf) {
      post(type, dec.decode(buf, { stream: true }));
      return buf.length;
    },
  };
}

async function worker(opts) {
  let pyodide;
  const t0 = performance.now();
  try {
    pyodide = await loadOfflinePyodide({
      root: opts.root,
      env: { PYTHONHASHSEED: "0", ...opts.env },
      stdout: (s) => post("out", s + "\n"),
      stderr: (s) => post("err", s + "\n"),
    });
    pyodide.setStdout(decoderSink("out"));
    pyodide.setStderr(decoderSink("err"));
    const wheels = installWheels(pyodide, opts.wheels);
    if (!wheels.some((f) => /^pytest-/.test(f))) {
      throw new Error(`no pytest wheel in ${opts.wheels}; run tools/pyodide_pytest/fetch_wheels.sh first`);
    }
    pyodide.mountNodeFS(PROJECT_MOUNT, opts.root);
    for (const [host, guest] of opts.mounts) pyodide.mountNodeFS(guest, host);
    post("err", `pyodide-pytest: Pyodide ready with ${wheels.length} wheels in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`);
  } catch (e) {
    post("err", `pyodide-pytest: could not prepare Pyodide: ${e && e.stack || e}\n`);
    parentPort.postMessage({ type: "done", code: EXIT_LOAD_ERROR });
    return;
  }

  let code;
  try {
    pyodide.globals.set("PYTEST_ARGS", pyodide.toPy(opts.pytestArgs));
    pyodide.globals.set("PROJECT", PROJECT_MOUNT);
    code = pyodide.runPython(BOOTSTRAP);
  } catch (e) {
    post("err", `pyodide-pytest: Python failed outside pytest: ${e && e.message || e}\n`);
    code = EXIT_LOAD_ERROR;
  }
  parentPort.postMessage({ type: "done", code });
}

// Python run inside Pyodide. Its value (the last expression) is the exit code.
const BOOTSTRAP = String.raw`
import importlib, json, os, sys

importlib.invalidate_caches()
sys.dont_write_bytecode = True
os.chdir(PROJECT)
sys.path.insert(0, PROJECT)  # like "python -m pytest" from the project root

# --- read-only guard: nothing under the mounted project may be written --------
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_PATH_EVENTS = {"os.mkdir", "os.rmdir", "os.remove", "os.rename", "os.truncate",
                "os.chmod", "os.utime", "os.symlink", "os.link", "shutil.rmtree",
                "shutil.copyfile", "shutil.move"}

def _inside(p):
    if isinstance(p, int):
        return False
    try:
        p = os.fsdecode(os.fspath(p))
    except TypeError:
        return False
    p = os.path.normpath(os.path.join(os.getcwd(), p))
    return p == PROJECT or p.startswith(PROJECT + "/")

def _read_only_guard(event, args):
    if event == "open":
        target, _mode, flags = args
        if flags is not None and flags & _WRITE_FLAGS and _inside(target):
            raise PermissionError(f"project is mounted read-only in this harness: {target}")
    elif event in _PATH_EVENTS:
        targets = args[1:2] if event in ("shutil.copyfile", "shutil.move") else args[:1]
        if event == "os.rename":
            targets = args[:2]
        for t in targets:
            if _inside(t):
                raise PermissionError(f"project is mounted read-only in this harness ({event}): {t}")

sys.addaudithook(_read_only_guard)

import pytest

class _Tally:
    """Counts outcomes so the caller need not parse pytest's text."""
    def __init__(self):
        self.counts = {"collected": 0, "passed": 0, "failed": 0, "errors": 0,
                       "skipped": 0, "xfailed": 0, "xpassed": 0}
        self.skipped_files = []  # whole modules skipped at collection (e.g. importorskip)
        self.skip_reasons = {}  # reason -> number of tests skipped for it

    def pytest_collectreport(self, report):
        if report.skipped:
            reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.skipped_files.append(f"{report.nodeid}: {reason}")

    def pytest_collection_finish(self, session):
        self.counts["collected"] = len(session.items)
        # Hypothesis keeps its example database in ./.hypothesis: keep it off the project.
        if "hypothesis" in sys.modules:
            from hypothesis.configuration import set_hypothesis_home_dir
            set_hypothesis_home_dir("/tmp/hypothesis")

    def pytest_runtest_logreport(self, report):
        c = self.counts
        if hasattr(report, "wasxfail"):
            if report.skipped:
                c["xfailed"] += 1
            elif report.passed and report.when == "call":
                c["xpassed"] += 1
        elif report.failed:
            c["failed" if report.when == "call" else "errors"] += 1
        elif report.skipped:
            c["skipped"] += 1
            reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.skip_reasons[reason] = self.skip_reasons.get(reason, 0) + 1
        elif report.passed and report.when == "call":
            c["passed"] += 1

_tally = _Tally()
_args = ["-p", "no:cacheprovider", "--capture=sys", "--rootdir", PROJECT, *PYTEST_ARGS]
print(f"pyodide-pytest: Python {sys.version.split()[0]} ({sys.platform}), pytest {pytest.__version__}")
print("pyodide-pytest: pytest " + " ".join(_args), flush=True)
_code = int(pytest.main(_args, plugins=[_tally]))
if _code == 0 and _tally.counts["passed"] == 0:
    print("pyodide-pytest: no test passed, treating the run as empty (exit 5)")
    _code = 5
sys.stdout.flush()
print("PYODIDE_PYTEST_RESULT " + json.dumps({"exit": _code, **_tally.counts,
                                             "skipped_files": _tally.skipped_files,
                                             "skip_reasons": _tally.skip_reasons}), flush=True)
_code
`;

// Dispatch last, so that every constant above is initialised.
if (isMainThread) {
  await main();
} else {
  await worker(workerData);
}
