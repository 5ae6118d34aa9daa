/* Pyodide host of the planning wizards: loads the runtime from classic scripts (so it
 * works from file://), runs Python in a Web Worker built from a Blob URL (so the page
 * never freezes; on the page where no worker can run), and answers events with
 * track2guide.wizard.handle_json. It knows nothing of the wizard's screens:
 * docs/javascripts/wizard.js calls window.TRACK2_HOST.startEngine and sends it events.
 *
 * Start-up, in the order the files arrive (hooks/pyodide_bundle.py makes them): the runtime's
 * code comes first, as text (track2guide_build/runtime_script.py), and the worker is made from
 * it as soon as its script has run; each embedded file is handed to the worker as soon as
 * its script has run, so decoding and compiling overlap the loading of the rest.
 * Python is then restored from the build's memory snapshot (CPython start-up and the engine
 * import already done); if that fails, Python starts the normal way from the same files.
 */
(function () {
  "use strict";

  // loadPyodide hangs forever if the wasm cannot start; tests may shorten the wait.
  var START_TIMEOUT_MS = window.TRACK2_START_TIMEOUT_MS || 20000;
  var t = window.TRACK2_TEXT;  // the catalog's words (docs/javascripts/protect.js); not in the worker

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;  // run in order, download in parallel
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error(t("host.file-failed", { name: src.split("/").pop() })));
      };
      document.head.appendChild(script);
    });
  }

  /* Where Python runs: inside a Web Worker (this function's text is part of the worker's
   * source, so it must use nothing from this file) or, where no worker can start, on the
   * page. `runtime` is the runtime function (runtimeOnPage); `reply` sends a message back.
   * Messages: {type: "file", name, file} (decoded at once; the wasm is compiled at once),
   * then {type: "start", ...}, then {type: "event", ...} for each event. */
  function pythonHost(runtime, reply) {
    "use strict";
    var wizard = null, trees = {}, files = {}, wasm = null, running = false, restored = false;

    /* A stage of the start-up, as a performance mark on the page (benchmarks/bench_wizard.py). */
    function mark(name) {
      reply({ type: "mark", name: name, at: performance.timeOrigin + performance.now() });
    }

    function base64Bytes(text) {
      if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
      var binary = atob(text), bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }

    function ignore() {}

    /* The gzipped `bytes` unzipped, as a stream. Written in one piece: a Blob's stream piped
     * through costs about twice the time (measured in Chromium, 9.6 MB of wasm). */
    function inflated(bytes) {
      var unzip = new DecompressionStream("gzip"), writer = unzip.writable.getWriter();
      writer.write(bytes).catch(ignore);  // a damaged file fails the reader below instead
      writer.close().catch(ignore);
      return unzip.readable;
    }

    /* The file's bytes, unzipped when gzipped, into one buffer sized from the gzip trailer
     * (grown if the trailer lies, as in a damaged file). */
    async function decode(file) {
      var bytes = base64Bytes(file.base64);
      if (!file.gzip) return bytes;
      var size = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4).getUint32(0, true) : 0;
      var out = new Uint8Array(Math.min(size, 64 * bytes.length + 1024)), at = 0;
      var reader = inflated(bytes).getReader();
      for (;;) {
        var part = await reader.read();
        if (part.done) break;
        if (at + part.value.length > out.length) {
          var bigger = new Uint8Array(2 * (at + part.value.length));
          bigger.set(out.subarray(0, at));
          out = bigger;
        }
        out.set(part.value, at);
        at += part.value.length;
      }
      return at === out.length ? out : out.slice(0, at);
    }

    /* The wasm is compiled while it is unzipped (the browser compiles the parts that have
     * arrived); where streaming compilation is missing, from the whole bytes. */
    function compile(file) {
      var whole = function () { return decode(file).then(function (bytes) { return WebAssembly.compile(bytes); }); };
      if (!WebAssembly.compileStreaming) return whole();
      var bytes = base64Bytes(file.base64);
      var body = new Response(file.gzip ? inflated(bytes) : bytes, { headers: { "Content-Type": "application/wasm" } });
      return WebAssembly.compileStreaming(body).catch(whole);
    }

    function receive(name, file) {
      if (!running) mark("t2-host-running");
      running = true;
      if (name === "pyodide.asm.wasm") {  // Pyodide gets the compiled module, never these bytes
        wasm = compile(file);
        wasm.then(function () { mark("t2-wasm-compiled"); }, function () {});
        return;
      }
      files[name] = decode(file);
      files[name].then(function () { mark("t2-decoded-" + name); }, function () {});
    }

    /* While `run` runs, answer Pyodide's fetch() of the embedded files (pass anything else
     * through), and instantiate the wasm module compiled on arrival instead of the bytes. */
    async function withEmbeddedRuntime(bytes, compiled, run) {
      var realFetch = globalThis.fetch, realStreaming = WebAssembly.instantiateStreaming;
      var ours = new WeakSet();
      globalThis.fetch = function (input, init) {
        var url = typeof input === "string" ? input : (input instanceof URL ? input.href : input.url);
        var name = String(url).split(/[?#]/)[0].split("/").pop();
        if (Object.prototype.hasOwnProperty.call(bytes, name)) {
          var type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
          var response = new Response(bytes[name], { headers: { "Content-Type": type } });
          ours.add(response);
          return Promise.resolve(response);
        }
        return realFetch.call(globalThis, input, init);
      };
      WebAssembly.instantiateStreaming = function (source, imports) {
        return Promise.resolve(source).then(function (response) {
          if (!ours.has(response)) return realStreaming(response, imports);
          return WebAssembly.instantiate(compiled, imports).then(function (instance) {
            return { instance: instance, module: compiled };
          });
        });
      };
      try {
        return await run();
      } finally {
        globalThis.fetch = realFetch;
        WebAssembly.instantiateStreaming = realStreaming;
      }
    }

    /* One loadPyodide: restored from `snapshot` (sparse form) when given, else a normal start. */
    async function boot(msg, module, snapshot) {
      // The wasm is compiled already: Pyodide gets an empty body, used for nothing.
      var served = { "python_stdlib.zip": await files["python_stdlib.zip"], "pyodide.asm.wasm": new Uint8Array(0) };
      var compiled = await wasm;
      function createModule(config) {  // marks: the wasm instance is made, Python's memory restored
        mark("t2-create-module");
        return module.createModule(config).then(function (made) {
          mark("t2-module-created");
          var restore = made.API.restoreSnapshot;
          made.API.restoreSnapshot = function (bytes) {
            try { return restore(bytes); } finally { mark("t2-memory-restored"); }
          };
          return made;
        });
      }
      return withEmbeddedRuntime(served, compiled, function () {
        return globalThis.loadPyodide({
          indexURL: msg.indexURL,
          lockFileContents: msg.lock,
          createPyodideModule: snapshot ? function (config) {
            return module.sparse.create(createModule, config, snapshot);
          } : createModule,
          _loadSnapshot: snapshot ? module.sparse.placeholder : undefined,
          stdout: function () {},
          stderr: function () {},
        });
      });
    }

    async function start(msg) {
      var module = runtime(msg.indexURL + "pyodide.asm.js");  // also defines loadPyodide
      var pyodide = null;
      restored = false;
      if (files["snapshot.bin"]) {
        try {
          pyodide = await boot(msg, module, await files["snapshot.bin"]);
          restored = true;
        } catch (error) {  // e.g. damaged bytes: start Python the normal way instead
          reply({ type: "snapshot-failed", message: String((error && error.message) || error) });
        }
      }
      if (!pyodide) pyodide = await boot(msg, module, null);
      files = {};
      reply({ type: "python-started", snapshot: restored });
      var loads = pyodide.pyimport("json").loads;
      for (var id of Object.keys(msg.trees)) trees[id] = loads(msg.trees[id]);
      wizard = pyodide.pyimport("track2guide.wizard");  // from the stdlib zip, or already in the snapshot
      mark("t2-engine-imported");
    }

    return function (msg) {
      if (msg.type === "file") {
        receive(msg.name, msg.file);
      } else if (msg.type === "start") {
        start(msg).then(function () {
          reply({ type: "ready" });
        }, function (error) {
          reply({ type: "failed", message: String((error && error.message) || error) });
        });
      } else if (msg.type === "event") {
        try {
          reply({ type: "result", id: msg.id, json: wizard.handle_json(trees[msg.tree], msg.session, msg.event, msg.root) });
        } catch (error) {
          reply({ type: "result", id: msg.id, error: String((error && error.message) || error) });
        }
      }
    };
  }

  function checkBrowser() {
    if (typeof WebAssembly !== "object" || typeof DecompressionStream !== "function") {
      throw new Error(t("host.old-browser"));
    }
    // An empty module: throws at once where WebAssembly is blocked by policy.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  }

  /* The window whose Worker is the browser's own. From file://, Material's iframe-worker shim
   * (there for its search) replaces window.Worker with a frame that runs the script on this
   * very thread; an empty frame's realm still has the real one (the frame must stay: the
   * worker lives as long as the document that made it). */
  var workerWindow = null;
  function workerScope() {
    if (!window.IFrameWorker || window.Worker !== window.IFrameWorker) return window;
    if (workerWindow) return workerWindow;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = t("host.frame");
    frame.setAttribute("aria-hidden", "true");
    document.body.appendChild(frame);
    workerWindow = frame.contentWindow;
    return workerWindow;
  }

  /* The runtime function on this page, from its text (only where no worker runs Python): an
   * inline script of exactly this text, which the page's policy allows by its hash
   * (hooks/csp.py, track2guide_build/runtime_script.py page_script). */
  function runtimeOnPage(source) {
    var runtime = window.TRACK2_PYODIDE;
    if (typeof runtime.runtime !== "function") {
      var script = document.createElement("script");
      script.textContent = "window.TRACK2_PYODIDE.runtime = " + source + ";";
      document.head.appendChild(script);
      script.remove();
    }
    if (typeof runtime.runtime !== "function") throw new Error(t("host.no-runtime"));
    return runtime.runtime;
  }

  /* Start Python's host now, in a Web Worker built from a Blob URL (allowed from file://,
   * unlike a worker file) or, where none can be made or it fails before Python is ready, on
   * the page (which then freezes while Python starts). `source` is the runtime function's
   * text. Returns {send(msg), ready}: messages sent before the worker failed are sent again
   * to the page; `ready` resolves to call(message) -> Promise of the reply, with call.where
   * "worker" or "page". */
  function startPython(source, onStarted) {
    var where = null, post = null, stop = function () {}, pending = {}, next = 0, ready = false;
    var sent = [], resolveReady, rejectReady, started = function () {};
    var readyPromise = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });

    function receive(msg) {
      if (msg.type === "mark") {
        performance.mark(msg.name, { startTime: msg.at - performance.timeOrigin });
      } else if (msg.type === "python-started") {
        status.snapshot = msg.snapshot;
        onStarted();
      } else if (msg.type === "snapshot-failed") {
        status.snapshotError = msg.message;
        console.warn("snapshot-failed", msg.message);  // Python then starts the normal way
      } else if (msg.type === "ready") {
        ready = true;
        sent = [];
        if (where === "worker") started();  // its script has run: its URL can go
        call.where = status.where = where;
        resolveReady(call);
      } else if (msg.type === "failed") {
        if (where === "worker") { onPage(msg.message); return; }
        rejectReady(new Error(msg.message));
      } else if (msg.type === "result" && pending[msg.id]) {
        var answer = pending[msg.id];
        delete pending[msg.id];
        if (msg.error) answer.reject(new Error(msg.error)); else answer.resolve(JSON.parse(msg.json));
      }
    }

    function call(msg) {
      return new Promise(function (res, rej) {
        msg.id = ++next;
        pending[msg.id] = { resolve: res, reject: rej };
        post(msg);
      });
    }

    function send(msg) {
      if (!ready) sent.push(msg);
      post(msg);
    }

    function onPage(why) {  // the old way: the page freezes while Python starts
      status.workerError = String(why);
      console.warn("worker-failed", status.workerError);
      stop();
      where = "page";
      stop = function () {};
      post = function () {};
      var runtime;
      try {
        runtime = runtimeOnPage(source);
      } catch (error) {
        rejectReady(error);
        return;
      }
      post = pythonHost(runtime, function (msg) { setTimeout(receive, 0, msg); });
      sent.forEach(function (msg) { post(msg); });
    }

    setTimeout(function () {
      if (ready) return;
      stop();
      rejectReady(new Error(t("host.timeout", { seconds: START_TIMEOUT_MS / 1000 })));
    }, START_TIMEOUT_MS);

    /* Python's host in a new worker; where none can be made, on the page. The worker's script
     * comes from a Blob URL made in the window that makes the worker (measured in Chromium from
     * file://, both cores busy: with the URL made on this page for a worker of the frame, the
     * script failed to load in 7 of 174 loads and Python went to the page; made in the frame,
     * in none of 90). A worker whose script did not load is still made once more, and given
     * again what the first was sent. */
    function inWorker(tries) {
      var scope, url;
      status.workerTries = tries;
      try {
        scope = workerScope();
        // A classic worker: from file:// a module worker cannot start. Pyodide refuses classic
        // workers (it would import() its glue, which we hand over ourselves); its only test is
        // whether importScripts works, and nothing else here uses it, so hide it.
        url = scope.URL.createObjectURL(new scope.Blob([
          "self.importScripts = function () { throw new Error(\"importScripts\"); };\n",
          "var runtime = " + source + ";\n",
          "var handle = (" + pythonHost + ")(runtime, function (msg) { self.postMessage(msg); });\n",
          "self.onmessage = function (e) { handle(e.data); };\n",
        ], { type: "text/javascript" }));
        var worker = new scope.Worker(url);
      } catch (error) {
        if (url) scope.URL.revokeObjectURL(url);
        onPage((error && error.message) || error);
        return;
      }
      var mine = function (msg) { worker.postMessage(msg); };
      where = "worker";
      post = mine;
      stop = function () { worker.terminate(); scope.URL.revokeObjectURL(url); };
      started = function () { scope.URL.revokeObjectURL(url); };
      worker.onmessage = function (e) { if (post === mine) receive(e.data); };
      sent.forEach(mine);  // a second worker is given what the first was sent
      worker.onerror = function (e) {  // the worker itself broke, e.g. its script could not run
        e.preventDefault();
        if (post !== mine) return;
        var why = e.message || "error";
        if (!ready && tries < 2 && !("message" in e)) {  // a plain event: its script did not load
          stop();
          inWorker(tries + 1);
          return;
        }
        if (!ready) { onPage(why); return; }
        Object.keys(pending).forEach(function (id) { pending[id].reject(new Error(t("host.worker-stopped"))); });
        pending = {};
      };
    }

    inWorker(1);
    return { send: send, ready: readyPromise };
  }

  /* Load the runtime scripts (in order) and start Python as they arrive; resolves to the
   * engine's call(message) once Python is ready to answer events. */
  async function startEngine(scripts, treeId, onProgress) {
    checkBrowser();
    var steps = scripts.length + 2, done = 0, python = null, handed = {}, painted = false;
    var runtime = window.TRACK2_PYODIDE = window.TRACK2_PYODIDE || {};
    // Making the worker (its source is the 1.3 MB runtime) waits for the page's first paint.
    var firstPaint = new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
      setTimeout(resolve, 500);  // no frames in a hidden tab
    }).then(function () { painted = true; handOver(); });

    function handOver() {  // start the worker, and give it every file whose script has run
      if (!python && runtime.runtimeSource && painted) {
        python = startPython(runtime.runtimeSource, function () {
          performance.mark("t2-python-started");
          onProgress((scripts.length + 1) / steps);
        });
      }
      if (!python) return;
      Object.keys(runtime.files || {}).forEach(function (name) {
        if (handed[name]) return;
        handed[name] = true;
        python.send({ type: "file", name: name, file: runtime.files[name] });
      });
    }

    await Promise.all(scripts.map(function (src) {
      return loadScript(src).then(function () {
        handOver();
        onProgress(++done / steps);
      });
    }));
    performance.mark("t2-scripts-loaded");
    await firstPaint;
    if (!python) throw new Error(t("host.no-runtime"));
    var trees = {};
    trees[treeId] = JSON.stringify(window.TRACK2_TREES[treeId]);
    python.send({
      type: "start",
      lock: runtime.lock,
      indexURL: new URL(scripts[scripts.length - 1], location.href).href.replace(/[^/]*$/, ""),
      trees: trees,
    });
    var call = await python.ready;
    delete runtime.files;  // Python has its own decoded copy
    delete runtime.runtimeSource;  // and its own runtime
    return call;
  }

  // How Python started, for tests and the console: where ("worker" or "page"), whether from the
  // snapshot, why not if its restore failed, how many workers were made, and why Python left
  // the worker if it did.
  var status = { where: null, snapshot: null, snapshotError: null, workerTries: 0, workerError: null };

  window.TRACK2_HOST = { startEngine: startEngine, status: status };
})();
