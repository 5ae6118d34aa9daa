/* Thin browser shell of the planning wizards.
 *
 * All decisions and all HTML come from Python (track2guide/wizard.py and view.py),
 * run in the browser by Pyodide. This file only: loads the runtime (classic scripts,
 * so it works from file://), starts Python in a Web Worker (so the page never freezes
 * while it starts), passes clicks to Python as events, shows the returned screen, and
 * stores or downloads files. Text from a user's file is never put into
 * the page as HTML: Python validates it and messages are set with textContent.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "track2-wizard:";
  var MAX_FILE_BYTES = 64 * 1024;  // the same cap as track2guide.wizard.MAX_FILE_CHARS
  // loadPyodide hangs forever if the wasm cannot start; tests may shorten the wait.
  var START_TIMEOUT_MS = window.TRACK2_START_TIMEOUT_MS || 20000;

  /* ---- Kept answers (localStorage), only after an explicit opt-in ---- */

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function clearAllKept() {
    var store = storage();
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(STORE_PREFIX) === 0) store.removeItem(key);
    }
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

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

  /* ---- One wizard on the page ---- */

  function Wizard(box) {
    this.box = box;
    this.treeId = box.dataset.tree;
    this.root = box.dataset.root;
    this.key = STORE_PREFIX + this.treeId;
    this.screen = box.querySelector(".t2-screen");
    this.alert = box.querySelector(".t2-alert");
    this.notice = box.querySelector(".t2-notice");
    this.live = box.querySelector(".t2-live");
    this.loading = box.querySelector(".t2-loading");
    this.keep = box.querySelector(".t2-keep");
    this.file = box.querySelector(".t2-file");
    this.session = null;   // from Python; null until the engine runs
    this.engine = null;    // (session, event) -> Promise of Python's answer
    this.where = null;     // where Python runs: "worker" or "page"
    this.ready = false;
    this.queue = [];       // events made before the engine was ready
    this.chain = Promise.resolve();  // events run one after another, each on the last session
    this.busy = 0;         // events sent and not yet answered
    this.failed = false;
    var store = storage();
    this.keep.checked = !!(store && store.getItem(this.key));
    box.addEventListener("submit", this.onSubmit.bind(this));
    box.addEventListener("click", this.onClick.bind(this));
    this.keep.addEventListener("change", this.onKeep.bind(this));
    this.file.addEventListener("change", this.onFile.bind(this));
  }

  Wizard.prototype.start = function () {
    var self = this;
    var bar = this.loading.querySelector("progress");
    startEngine(this.box.dataset.scripts.split(" "), this.treeId, function (part) {
      bar.value = Math.max(bar.value, Math.round(part * 100));
    }).then(function (call) {
      self.where = call.where;  // "worker", or "page" where no worker could run Python
      self.engine = function (session, event) {
        return call({ type: "event", tree: self.treeId, session: JSON.stringify(session),
                      event: JSON.stringify(event), root: self.root });
      };
      var kept = storage() && storage().getItem(self.key);
      return self.run(kept ? { action: "resume", text: kept } : { action: "show" }, false);
    }).then(function () {
      performance.mark("t2-ready");  // benchmarks/bench_wizard.py reads these marks
      self.ready = true;
      self.loading.hidden = true;
      self.box.classList.add("t2-ready");
      self.queue.splice(0).forEach(function (event) { self.send(event); });
    }).catch(function (error) { self.fail(error); });
  };

  Wizard.prototype.fail = function (error) {
    this.failed = true;
    this.loading.hidden = false;
    this.loading.setAttribute("role", "alert");
    this.loading.classList.add("t2-failed");
    this.loading.textContent = "The interactive wizard cannot run in this browser (" +
      (error && error.message ? error.message : "unknown problem") + "). ";
    var link = document.createElement("a");
    link.href = this.box.dataset.paper;
    link.textContent = "Use the paper version of this wizard instead.";
    this.loading.appendChild(link);
    this.screen.querySelectorAll("button, input").forEach(function (el) { el.disabled = true; });
  };

  Wizard.prototype.send = function (event) {
    if (this.failed) return;
    if (!this.ready) {
      this.queue.push(event);
      this.say(this.notice, "Your choice will be used as soon as the wizard has started.");
      return;
    }
    var self = this;
    this.busy++;
    this.screen.setAttribute("aria-busy", "true");  // until Python has answered
    this.chain = this.chain.then(function () { return self.run(event, true); }).then(function () {
      if (--self.busy === 0) self.screen.removeAttribute("aria-busy");
    });
  };

  /* Pass one event to Python and show what it returns (never rejects). */
  Wizard.prototype.run = async function (event, moveFocus) {
    if (event.action === "download") { this.downloadAnswers(); return; }
    var result;
    try {
      result = await this.engine(this.session, event);
    } catch (error) {  // a bug, not bad input: say so rather than fail silently
      this.say(this.alert, "Something went wrong inside the wizard, and your answers are unchanged. " +
        "Reloading the page may help; the paper version always works.");
      return;
    }
    if (event.action === "export") {
      download(this.treeId + "-plan.md", result.markdown, "text/markdown");
      return;
    }
    this.say(this.alert, result.error ? result.message : "");
    this.say(this.notice, result.error ? "" : result.message);
    if (!result.ok) return;
    this.session = result.session;
    this.screen.innerHTML = result.html;  // built by track2guide.view, every text escaped
    this.say(this.live, result.announce);
    this.save();
    var target = this.screen.querySelector("[data-focus]");
    if (moveFocus && target) target.focus();
  };

  Wizard.prototype.say = function (element, text) {
    element.textContent = text || "";
  };

  Wizard.prototype.save = function () {
    var store = storage();
    if (store && this.keep.checked && this.session) {
      store.setItem(this.key, JSON.stringify(this.session.answers));
    }
  };

  Wizard.prototype.onSubmit = function (e) {
    var form = e.target.closest("form.t2-question");
    if (!form) return;
    e.preventDefault();
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="t2-answer"]'));
    var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var value = form.dataset.type === "single" ? (ticked[0] || null) : ticked;
    this.send({ action: "answer", question: form.dataset.question, value: value });
  };

  Wizard.prototype.onClick = function (e) {
    var button = e.target.closest("button[data-action]");
    if (!button || button.type === "submit") return;
    var action = button.dataset.action;
    if (action === "print") { window.print(); return; }
    if (action === "load") { this.file.click(); return; }
    if (action === "clear") { this.clear(); return; }
    this.send({ action: action, question: button.dataset.question });
  };

  Wizard.prototype.downloadAnswers = function () {
    download(this.treeId + "-answers.json", JSON.stringify(this.session.answers, null, 2) + "\n", "application/json");
    this.say(this.notice, "Your answers were saved as " + this.treeId + "-answers.json.");
  };

  Wizard.prototype.onKeep = function () {
    var store = storage();
    if (!store) {
      this.keep.checked = false;
      this.say(this.alert, "This browser does not allow keeping answers.");
      return;
    }
    if (this.keep.checked) {
      this.save();
      this.say(this.notice, "Your answers will be kept in this browser until you clear them.");
    } else {
      store.removeItem(this.key);
      this.say(this.notice, "Your answers are no longer kept in this browser.");
    }
  };

  Wizard.prototype.clear = function () {
    var store = storage();
    if (store) store.removeItem(this.key);
    this.keep.checked = false;
    this.send({ action: "restart" });
    this.say(this.notice, "Your answers were cleared from this page and from this browser.");
  };

  Wizard.prototype.onFile = function () {
    var file = this.file.files && this.file.files[0];
    var self = this;
    this.file.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {  // refuse before reading
      this.say(this.notice, "");
      this.say(this.alert, "This file could not be loaded, and your current answers are unchanged. " +
        "It is too big to be an answers file (limit " + MAX_FILE_BYTES / 1024 + " KB).");
      return;
    }
    file.text().then(function (text) { self.send({ action: "load", text: text }); });
  };

  /* ---- Start ---- */

  // Printing shows everything: unfold the folded details of the result first.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".t2-wizard details").forEach(function (d) { d.open = true; });
  });

  document.querySelectorAll(".t2-clear-all").forEach(function (button) {
    button.addEventListener("click", function () {
      clearAllKept();
      var notice = button.parentElement.querySelector(".t2-notice");
      if (notice) notice.textContent = "Every wizard's kept answers were cleared from this browser.";
    });
  });
  document.querySelectorAll(".t2-wizard").forEach(function (box) {
    var wizard = new Wizard(box);
    window.TRACK2_WIZARD = wizard;  // for tests and the console
    wizard.start();
  });
})();
