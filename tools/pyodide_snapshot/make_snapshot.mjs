// Build-time start-up files of the wizard's Python (run by hooks/pyodide_bundle.py).
//
//   node tools/pyodide_snapshot/make_snapshot.mjs PYODIDE_DIR ENGINE_DIR OUT_DIR [--pyc] [--no-snapshot]
//
// Offline, from the pinned npm Pyodide only. Writes to OUT_DIR:
//   stdlib.zip    only the standard-library members that Pyodide and the engine import, plus
//                 the engine itself (a zip without compression; the hook gzips it whole).
//                 Sources without docstrings and comments (checked to compile to the same
//                 bytecode), or with --pyc sourceless .pyc compiled here inside Pyodide, so a
//                 start without the snapshot compiles nothing (bigger, faster);
//   snapshot.bin  the wasm memory once Python has started from that zip and imported every
//                 engine module, freed memory zeroed, in the sparse form of sparse.js (only
//                 what differs from the memory of a fresh instance), checked by a restore here;
//   report.json   sizes and counts.
//
// The environment frozen into the snapshot is fixed below (nothing from this machine), and
// Emscripten is told a browser's program name instead of this script's path.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const [pyodideDir, engineDir, outDir] = args.filter((a) => !a.startsWith("--")).map((p) => path.resolve(p));
if (!outDir || [...flags].some((f) => f !== "--pyc" && f !== "--no-snapshot")) {
  console.error("usage: make_snapshot.mjs PYODIDE_DIR ENGINE_DIR OUT_DIR [--pyc] [--no-snapshot]");
  process.exit(2);
}
const HERE = path.dirname(fileURLToPath(import.meta.url));
// No column ranges in code objects: smaller snapshot and .pyc (tracebacks lose only the ^^^ marks).
const ENV = { HOME: "/home/pyodide", PYTHONHASHSEED: "0", PYTHONNODEBUGRANGES: "1" };
const ENGINE_PACKAGE = "track2guide";
const ZIP_IN_PYTHON = "/tmp/t2-stdlib.zip";

globalThis.fetch = async (input) => {
  throw new Error(`make_snapshot: no network (${String((input && (input.href || input.url)) || input)})`);
};

const sparse = (() => {
  const context = { result: null };
  vm.runInNewContext(`${fs.readFileSync(path.join(HERE, "sparse.js"), "utf8")}\nresult = TRACK2_SPARSE;`, context);
  return context.result;
})();

const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const { default: createModule } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.asm.mjs")).href);
// The lock as the browser gets it (hooks/pyodide_bundle.py): no packages are ever loaded.
const lock = { info: JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info, packages: {} };

// `make(config)` makes the module from the glue's factory (createModule) before Python starts.
function start(options, make = (config) => createModule(config)) {
  return loadPyodide({
    indexURL: pyodideDir + path.sep,
    lockFileContents: lock,
    env: { ...ENV },
    stdout: () => {},
    stderr: (line) => console.error(line),
    createPyodideModule: async (config) => {
      config.thisProgram = "./this.program";  // Emscripten would put this script's path in sys.argv and $_
      return make(config);
    },
    ...options,
  });
}

const engine = fs.readdirSync(engineDir).filter((f) => f.endsWith(".py")).sort()
  .map((f) => [`${ENGINE_PACKAGE}/${f}`, fs.readFileSync(path.join(engineDir, f), "utf8")]);
const engineModules = engine.map(([n]) => n.slice(0, -3).replace(/\//g, ".").replace(/\.__init__$/, ""));

// ---- 1. The stdlib members imported once the engine is, rewritten into a small zip ----

const TRIM = `
import ast, importlib, io, marshal, sys, zipfile
from importlib.util import MAGIC_NUMBER

def imported_members(stdlib):
    names = set(zipfile.ZipFile(stdlib).namelist())
    out = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(stdlib + "/") and origin[len(stdlib) + 1:] in names:
            out.add(origin[len(stdlib) + 1:])
    return sorted(out)

def _docstring(body):
    return bool(body) and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \\
        and isinstance(body[0].value.value, str)

def minified(source, member):
    """The source without docstrings or comments, if it parses back to the same tree."""
    tree = ast.parse(source, member)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and _docstring(node.body):
            node.body = node.body[1:] or [ast.Pass()]
    small = ast.unparse(tree) + "\\n"
    if ast.dump(ast.parse(small, member)) != ast.dump(tree):
        return source, False
    return small, True

def pyc(source, member):
    code = compile(source, member, "exec", dont_inherit=True, optimize=2)
    return MAGIC_NUMBER + bytes(12) + marshal.dumps(code)  # flags 0, mtime 0, size 0: no source to check

def trimmed_zip(stdlib, members, engine, as_pyc):
    buffer, kept = io.BytesIO(), 0
    with zipfile.ZipFile(stdlib) as full, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        entries = [(m, full.read(m).decode("utf-8")) for m in members] + sorted(engine.items())
        for member, source in entries:
            if as_pyc:
                name, data = member[:-3] + ".pyc", pyc(source, member)
            else:
                small, ok = minified(source, member)
                name, data, kept = member, small.encode("utf-8"), kept + (not ok)
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue(), kept
`;

const plain = await start({});
const stdlibPath = plain.runPython("import sys; [p for p in sys.path if p.endswith('.zip')][0]");
for (const [name, source] of engine) {
  plain.FS.mkdirTree(`/tmp/engine/${path.dirname(name)}`);
  plain.FS.writeFile(`/tmp/engine/${name}`, source);
}
plain.runPython(TRIM);
plain.runPython(`sys.path.insert(0, "/tmp/engine")\nfor m in ${JSON.stringify(engineModules)}: importlib.import_module(m)`);
const members = plain.runPython(`imported_members(${JSON.stringify(stdlibPath)})`).toJs();
plain.globals.set("engine_sources", plain.toPy(Object.fromEntries(engine)));
function trimmedZip(asPyc) {
  const [bytes, unminified] = plain.runPython(
    `trimmed_zip(${JSON.stringify(stdlibPath)}, ${JSON.stringify(members)}, engine_sources, ${asPyc ? "True" : "False"})`,
  ).toJs();
  return [new Uint8Array(bytes), unminified];
}
const [zipBytes, unminified] = trimmedZip(flags.has("--pyc"));
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "stdlib.zip"), zipBytes);
// The snapshot imports from .pyc either way (docstring-free code objects, a smaller heap).
const buildZip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "t2-snapshot-")), "stdlib.zip");
fs.writeFileSync(buildZip, flags.has("--pyc") ? zipBytes : trimmedZip(true)[0]);
const report = { stdlibMembers: members.length, engineModules: engineModules.length, unminified,
                 stdlibZipBytes: zipBytes.length, pyc: flags.has("--pyc") };

// ---- 2. The snapshot: start from that zip, import the engine, collect, zero freed memory ----

if (!flags.has("--no-snapshot")) {
  const snap = await start({ _makeSnapshot: true, stdLibURL: buildZip });
  snap.runPython(`
import gc, importlib, sys, zipimport
for name in ${JSON.stringify(engineModules)}:
    importlib.import_module(name)
del name
# Forget what was read from the zip: a later import reads the shipped one afresh.
zipimport._zip_directory_cache.clear()
sys.path_importer_cache.clear()
gc.collect()
`);
  const wasm = snap._module;
  report.zeroedBytes = sparse.zeroFreeMemory(wasm);
  const full = snap.makeMemorySnapshot();

  // The memory a fresh instance has just before the restore: what the sparse form leaves out.
  // From here on Python sees the shipped zip, as in the browser.
  const stdLibURL = path.join(outDir, "stdlib.zip");
  let fresh = null;
  await start({ _loadSnapshot: full, stdLibURL }, async (config) => {
    const module = await createModule(config);
    const restore = module.API.restoreSnapshot;
    module.API.restoreSnapshot = (bytes) => { fresh = module.HEAPU8.slice(); return restore(bytes); };
    return module;
  });
  const encoded = sparse.encode(full, fresh);
  const restored = await start({ _loadSnapshot: sparse.placeholder, stdLibURL },
                               (config) => sparse.create(createModule, config, encoded));
  const check = restored.runPython(`
import importlib, json, sys
import track2guide.wizard as wizard
importlib.reload(sys.modules["track2guide.texts"])  # reads the zip again after the restore
json.dumps(sorted(m for m in sys.modules if m.startswith("track2guide")))
`);
  if (JSON.stringify(JSON.parse(check)) !== JSON.stringify([...engineModules].sort())) {
    throw new Error(`make_snapshot: the restored Python has other engine modules: ${check}`);
  }
  fs.writeFileSync(path.join(outDir, "snapshot.bin"), encoded);
  Object.assign(report, { memoryBytes: full.length, sparseBytes: encoded.length });
}
fs.rmSync(path.dirname(buildZip), { recursive: true, force: true });
fs.writeFileSync(path.join(outDir, "report.json"), `${JSON.stringify(report, null, 1)}\n`);
console.log(JSON.stringify(report));
