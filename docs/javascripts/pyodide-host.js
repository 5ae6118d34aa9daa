/* Pyodide host of the planning wizards: loads the runtime from classic scripts (so it
 * works from file://), starts Python in a Web Worker built from a Blob URL (so the page
 * never freezes while CPython starts; on the page where no worker can run), and answers
 * events with track2guide.wizard.handle_json. It knows nothing of the wizard's screens:
 * docs/javascripts/wizard.js calls window.TRACK2_HOST.startEngine and sends it events.
 */
(function () {
  "use strict";

  // loadPyodide hangs forever if the wasm cannot start; tests may shorten the wait.
  var START_TIMEOUT_MS = window.TRACK2_START_TIMEOUT_MS || 20000;

  /* ---- The Pyodide runtime, from classic scripts and embedded bytes ---- */

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;  // run in order, download in parallel
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("the file " + src.split("/").pop() + " could not be loaded"));
      };
      document.head.appendChild(script);
    });
  }

  /* Where Python runs: inside a Web Worker (this function's text is part of the worker's
   * source, so it must use nothing from this file) or, where no worker can start, on the
   * page. `runtime` is TRACK2_PYODIDE.runtime; `reply` sends a message back to the page.
   * It decodes the embedded bytes, serves them to Pyodide through a narrow fetch()
   * wrapper, writes the engine's source into Python's file system, then answers events
   * with track2guide.wizard.handle_json (all logic and HTML stay in Python). */
  function pythonHost(runtime, reply) {
    "use strict";
    var ENGINE_DIR = "/home/pyodide/track2";
    var wizard = null, trees = {};

    async function decode(file) {
      var bytes;
      if (Uint8Array.fromBase64) {
        bytes = Uint8Array.fromBase64(file.base64);
      } else {
        var binary = atob(file.base64);
        bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      }
      if (!file.gzip) return bytes;
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }

    /* Answer Pyodide's fetch() of the embedded files; pass anything else through. */
    async function withEmbeddedFetch(files, run) {
      var realFetch = globalThis.fetch;
      globalThis.fetch = function (input, init) {
        var url = typeof input === "string" ? input : (input instanceof URL ? input.href : input.url);
        var name = String(url).split(/[?#]/)[0].split("/").pop();
        if (Object.prototype.hasOwnProperty.call(files, name)) {
          var type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
          return Promise.resolve(new Response(files[name], { headers: { "Content-Type": type } }));
        }
        return realFetch.call(globalThis, input, init);
      };
      try { return await run(); } finally { globalThis.fetch = realFetch; }
    }

    async function start(msg) {
      var files = {};
      for (var name of Object.keys(msg.files)) files[name] = await decode(msg.files[name]);
      var factory = runtime(msg.indexURL + "pyodide.asm.js");  // also defines loadPyodide
      var pyodide = await withEmbeddedFetch(files, function () {
        return globalThis.loadPyodide({
          indexURL: msg.indexURL,
          lockFileContents: msg.lock,
          createPyodideModule: factory,
          stdout: function () {},
          stderr: function () {},
        });
      });
      reply({ type: "python-started" });
      for (var path of Object.keys(msg.engine)) {
        pyodide.FS.mkdirTree(ENGINE_DIR + "/" + path.replace(/\/[^/]*$/, ""));
        pyodide.FS.writeFile(ENGINE_DIR + "/" + path, msg.engine[path]);
      }
      pyodide.runPython("import sys; sys.path.insert(0, '" + ENGINE_DIR + "')");
      var loads = pyodide.runPython("import json; json.loads");
      for (var id of Object.keys(msg.trees)) trees[id] = loads(msg.trees[id]);
      wizard = pyodide.pyimport("track2guide.wizard");
    }

    return function (msg) {
      if (msg.type === "start") {
        start(msg).then(function () { reply({ type: "ready" }); }, function (error) {
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
      throw new Error("this browser cannot run WebAssembly, or is too old");
    }
    // An empty module: throws at once where WebAssembly is blocked by policy.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  }

  /* The browser's own Worker. From file://, Material's iframe-worker shim (there for its
   * search) replaces window.Worker with a frame that runs the script on this very thread;
   * an empty frame's realm still has the real one (the frame must stay: the worker lives
   * as long as the document that made it). */
  function browserWorker() {
    if (!window.IFrameWorker || window.Worker !== window.IFrameWorker) return window.Worker;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Wizard engine";
    frame.setAttribute("aria-hidden", "true");
    document.body.appendChild(frame);
    return frame.contentWindow.Worker;
  }

  /* Start Python with the `start` message; resolves to call(message) -> Promise of the reply,
   * with call.where "worker" or "page". In a Web Worker built from a Blob URL (allowed from
   * file://, unlike a worker file), so the page stays responsive while CPython starts; on the
   * page, as before, only where the worker cannot be made or fails before Python is ready. */
  function startPython(runtime, start, onStarted) {
    return new Promise(function (resolve, reject) {
      var where = null, post = null, stop = function () {}, pending = {}, next = 0, ready = false;

      function receive(msg) {
        if (msg.type === "python-started") {
          onStarted();
        } else if (msg.type === "ready") {
          ready = true;
          if (where === "worker") URL.revokeObjectURL(url);  // the worker has started
          call.where = where;
          resolve(call);
        } else if (msg.type === "failed") {
          if (where === "worker") { onPage(); return; }
          reject(new Error(msg.message));
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

      function onPage() {  // the old way: the page freezes while Python starts
        stop();
        where = "page";
        stop = function () {};
        post = pythonHost(runtime, function (msg) { setTimeout(receive, 0, msg); });
        post(start);
      }

      setTimeout(function () {
        if (ready) return;
        stop();
        reject(new Error("Python did not start within " + START_TIMEOUT_MS / 1000 + " seconds"));
      }, START_TIMEOUT_MS);

      var worker, url;
      try {
        // A classic worker: from file:// a module worker cannot start. Pyodide refuses classic
        // workers (it would import() its glue, which we hand over ourselves); its only test is
        // whether importScripts works, and nothing else here uses it, so hide it.
        url = URL.createObjectURL(new Blob([
          "self.importScripts = function () { throw new Error(\"no importScripts in the wizard's worker\"); };\n",
          "var runtime = " + runtime + ";\n",
          "var handle = (" + pythonHost + ")(runtime, function (msg) { self.postMessage(msg); });\n",
          "self.onmessage = function (e) { handle(e.data); };\n",
        ], { type: "text/javascript" }));
        worker = new (browserWorker())(url);
      } catch (error) {
        if (url) URL.revokeObjectURL(url);
        onPage();
        return;
      }
      where = "worker";
      stop = function () { worker.terminate(); URL.revokeObjectURL(url); };
      post = function (msg) { worker.postMessage(msg); };
      worker.onmessage = function (e) { if (where === "worker") receive(e.data); };
      worker.onerror = function (e) {  // the worker itself broke, e.g. its script could not run
        e.preventDefault();
        if (where !== "worker") return;
        if (!ready) { onPage(); return; }
        Object.keys(pending).forEach(function (id) { pending[id].reject(new Error("the worker stopped")); });
        pending = {};
      };
      post(start);
    });
  }

  async function startEngine(scripts, treeId, onProgress) {
    checkBrowser();
    var done = 0;
    await Promise.all(scripts.map(function (src) {
      return loadScript(src).then(function () { onProgress(++done / (scripts.length + 2)); });
    }));
    performance.mark("t2-scripts-loaded");
    var runtime = window.TRACK2_PYODIDE, trees = {};
    trees[treeId] = JSON.stringify(window.TRACK2_TREES[treeId]);
    var call = await startPython(runtime.runtime, {
      type: "start",
      files: runtime.files,
      lock: runtime.lock,
      indexURL: new URL(scripts[scripts.length - 1], location.href).href.replace(/[^/]*$/, ""),
      engine: window.TRACK2_ENGINE,
      trees: trees,
    }, function () {
      performance.mark("t2-python-started");
      onProgress((scripts.length + 1) / (scripts.length + 2));
    });
    delete runtime.files;  // Python has its own decoded copy
    return call;
  }

  window.TRACK2_HOST = { startEngine: startEngine };
})();
