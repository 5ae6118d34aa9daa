// Load Pyodide under Node from the project's node_modules/pyodide, offline.
// Shared by tools/pyodide_pytest/run.mjs and benchmarks/bench_engine_pyodide.mjs.
//
// Nothing is downloaded: the lock file is handed over as an object, packages
// would be looked up in node_modules/pyodide only, and every http(s)/ws fetch
// made in this thread is refused with an error.  loadPyodide() is known to hang
// forever when the wasm cannot be read, so it is raced against a time limit.

import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import fs from "node:fs";
import path from "node:path";

export const PROJECT_MOUNT = "/project";

/** Refuse any network fetch from this thread (file: and data: URLs still work). */
export function blockNetwork() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : (input && (input.href || input.url)) || String(input);
    if (/^(https?|wss?):/i.test(url)) {
      throw new Error(`network access refused (${url})`);
    }
    return realFetch(input, init);
  };
}

/** The folder of the npm `pyodide` package that the project at `root` depends on. */
export function pyodideDir(root) {
  const require = createRequire(pathToFileURL(path.join(root, "package.json")));
  return path.dirname(require.resolve("pyodide/package.json"));
}

/**
 * Start Pyodide offline.  Options: root (project folder; its node_modules is used),
 * env (extra environment for Python), stdout/stderr (line callbacks used during
 * start-up), timeoutMs (default 60 s).
 */
export async function loadOfflinePyodide({ root, env = {}, stdout, stderr, timeoutMs = 60000 }) {
  blockNetwork();
  const dir = pyodideDir(root);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  const lock = JSON.parse(fs.readFileSync(path.join(dir, "pyodide-lock.json"), "utf8"));
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`loadPyodide did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([
      loadPyodide({
        indexURL: dir + path.sep,
        lockFileContents: lock,
        packageCacheDir: dir,
        env: { HOME: "/home/pyodide", PYTHONDONTWRITEBYTECODE: "1", ...env },
        stdout,
        stderr,
      }),
      limit,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Unpack every *.whl in `wheelDir` into Pyodide's site-packages; returns their names. */
export function installWheels(pyodide, wheelDir) {
  const wheels = fs.existsSync(wheelDir)
    ? fs.readdirSync(wheelDir).filter((f) => f.endsWith(".whl")).sort()
    : [];
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const f of wheels) {
    // unpackArchive needs a plain Uint8Array, not a Node Buffer.
    const bytes = new Uint8Array(fs.readFileSync(path.join(wheelDir, f)));
    pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  return wheels;
}
