#!/usr/bin/env node
// The engine benchmark inside Pyodide (Python 3.14 on WebAssembly) under Node, offline.
// A benchmark, not a test: it prints numbers.
//
//   node benchmarks/bench_engine_pyodide.mjs [bench_engine.py options, e.g. --repeat 10 --json]
//
// 1. Host CPython checks and compiles the trees and writes them as JSON
//    (`python3 -m track2guide_build export-json TMP/trees.json`; set PYTHON to
//    pick another interpreter), because Pyodide has no YAML reader.
// 2. Pyodide is loaded from node_modules/pyodide with nothing downloaded; the
//    project is mounted at /project and the JSON folder at /trees.
// 3. benchmarks/bench_engine.py runs inside Pyodide with
//    `--trees-json /trees/trees.json`, so both interpreters run the same measuring code.
// It also prints how long Pyodide took to become ready.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_MOUNT, loadOfflinePyodide } from "../tools/pyodide_pytest/node_pyodide.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchArgs = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "t2-bench-"));

try {
  const python = process.env.PYTHON || "python3";
  const exp = spawnSync(python, ["-m", "track2guide_build", "--root", root, "export-json", path.join(tmp, "trees.json")],
    { cwd: root, encoding: "utf8" });
  if (exp.status !== 0) {
    throw new Error(`exporting the checked trees failed:\n${exp.stdout}${exp.stderr}${exp.error || ""}`);
  }

  const t0 = performance.now();
  const pyodide = await loadOfflinePyodide({ root, stdout: console.log, stderr: console.error });
  const ready = performance.now() - t0;
  pyodide.setStdout({ batched: (s) => console.log(s) });
  pyodide.setStderr({ batched: (s) => console.error(s) });
  pyodide.mountNodeFS(PROJECT_MOUNT, root);
  pyodide.mountNodeFS("/trees", tmp);

  const quiet = benchArgs.includes("--json");
  if (!quiet) console.log(`Pyodide ${pyodide.version} ready in ${(ready / 1000).toFixed(2)} s`);
  pyodide.globals.set("BENCH_ARGS", pyodide.toPy(["--trees-json", "/trees/trees.json", ...benchArgs]));
  const code = pyodide.runPython(`
import os, runpy, sys
sys.dont_write_bytecode = True
os.chdir("${PROJECT_MOUNT}")
sys.path.insert(0, "${PROJECT_MOUNT}")  # as \`python -m\` from the project root does
sys.argv = ["bench_engine.py", *BENCH_ARGS]
try:
    runpy.run_module("benchmarks.bench_engine", run_name="__main__", alter_sys=True)
    code = 0
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
code
`);
  process.exitCode = code;
} catch (e) {
  console.error(`bench_engine_pyodide: ${e && e.stack || e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
