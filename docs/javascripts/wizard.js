/* Thin browser shell of the planning wizards.
 *
 * All decisions and all HTML come from Python (track2guide/wizard.py and view.py),
 * run in the browser by Pyodide, which docs/javascripts/pyodide-host.js starts. This
 * file only passes clicks to Python as events, shows the returned screen, and
 * stores or downloads files. Text from a user's file is never put into
 * the page as HTML: Python validates it and messages are set with textContent.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "track2-wizard:";
  var MAX_FILE_BYTES = 64 * 1024;  // the same cap as track2guide.wizard.MAX_FILE_CHARS

  /* ---- Kept answers (localStorage), only after an explicit opt-in ---- */

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
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
    this.saving = Promise.resolve();  // kept answers are written in order (encryption is async)
    // Passphrase protection of kept answers and files: docs/javascripts/protect.js.
    this.protector = new window.TRACK2_PROTECT.Protector(box, function (kind, text) {
      this.say(kind === "alert" ? this.alert : this.notice, text);
    }.bind(this));
    this.protector.onChange = this.save.bind(this);
    box.addEventListener("submit", this.onSubmit.bind(this));
    box.addEventListener("click", this.onClick.bind(this));
    this.keep.addEventListener("change", this.onKeep.bind(this));
    this.file.addEventListener("change", this.onFile.bind(this));
  }

  Wizard.prototype.start = function () {
    var self = this;
    var bar = this.loading.querySelector("progress");
    window.TRACK2_HOST.startEngine(this.box.dataset.scripts.split(" "), this.treeId, function (part) {
      bar.value = Math.max(bar.value, Math.round(part * 100));
    }).then(function (call) {
      self.where = call.where;  // "worker", or "page" where no worker could run Python
      self.engine = function (session, event) {
        return call({ type: "event", tree: self.treeId, session: JSON.stringify(session),
                      event: JSON.stringify(event), root: self.root });
      };
      var kept = storage() && storage().getItem(self.key);
      if (!kept) return self.run({ action: "show" }, false);
      return self.protector.open(kept, "Your kept answers are").then(function (text) {
        if (text !== null) return self.run({ action: "resume", text: text }, false);
        self.keep.checked = false;  // left locked: not used, and not overwritten unless kept again
        return self.run({ action: "show" }, false);
      }, function (error) {
        self.say(self.alert, error.message);
        self.keep.checked = false;
        return self.run({ action: "show" }, false);
      });
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
    if (event.action === "download") { await this.downloadAnswers(); return; }
    var result;
    try {
      result = await this.engine(this.session, event);
    } catch (error) {  // a bug, not bad input: say so rather than fail silently
      this.say(this.alert, "Something went wrong inside the wizard, and your answers are unchanged. " +
        "Reloading the page may help; the paper version always works.");
      return;
    }
    if (event.action === "export") {
      download("summary.md", result.markdown, "text/markdown");  // a name that tells nothing
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
    var store = storage(), self = this;
    if (!store || !this.keep.checked || !this.session) return;
    var text = JSON.stringify(this.session.answers);
    this.saving = this.saving.then(function () { return self.protector.seal(text); }).then(function (kept) {
      if (self.keep.checked) store.setItem(self.key, kept);
    }).catch(function () {
      self.say(self.alert, "Your answers could not be encrypted, so they were not kept.");
    });
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
    var self = this, sealed = this.protector.on();
    return this.protector.seal(JSON.stringify(this.session.answers, null, 2) + "\n").then(function (text) {
      download("answers.json", text, "application/json");  // a name that tells nothing
      self.say(self.notice, "Your answers were saved as answers.json" +
        (sealed ? ", encrypted with your passphrase." : "."));
    }, function () {
      self.say(self.alert, "Your answers could not be encrypted, so nothing was saved.");
    });
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
    if (this.protector.on()) this.protector.forget();
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
    var failed = "This file could not be loaded, and your current answers are unchanged. ";
    file.text().then(function (text) {
      return self.protector.open(text, "The answers in this file are").then(function (plain) {
        if (plain !== null) self.send({ action: "load", text: plain });
      }, function (error) { self.say(self.alert, failed + error.message); });
    }, function () {
      self.say(self.notice, "");
      self.say(self.alert, failed + "The browser could not read it: it may have been moved, or be on a " +
        "drive that is no longer connected.");
    });
  };

  /* ---- Start ---- */

  // Printing shows everything: unfold the folded details of the result first.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".t2-wizard details").forEach(function (d) { d.open = true; });
  });

  if (window.TRACK2_PROTECT.leaving) return;  // part of a "Clear all" round: this page is going
  document.querySelectorAll(".t2-clear-all").forEach(function (button) {
    var notice = button.parentElement.querySelector(".t2-notice");
    // Each wizard page clears its own storage: opened from disk, Firefox keeps one per file.
    button.addEventListener("click", window.TRACK2_PROTECT.clearAll);
    if (notice && window.TRACK2_PROTECT.justCleared()) {
      notice.textContent = "Every wizard's kept answers were cleared from this browser: each wizard page " +
        "was opened in turn to clear its own.";
    }
  });
  document.querySelectorAll(".t2-wizard").forEach(function (box) {
    var wizard = new Wizard(box);
    window.TRACK2_WIZARD = wizard;  // for tests and the console
    wizard.start();
  });
})();
