/* Thin browser shell of the planning wizards.
 *
 * All decisions and all HTML come from Python (track2guide/wizard.py and view.py),
 * run in the browser by Pyodide, which docs/javascripts/pyodide-host.js starts (the replies
 * of a fresh page's opening were worked out by the same code at build time). This
 * file only passes clicks to Python as events, shows the returned screen, keeps each
 * screen as a step of the tab's history, and stores or downloads files. Text from a
 * user's file is never put into the page as HTML: Python validates it and messages are
 * set with textContent.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "track2-wizard:";
  var t = window.TRACK2_TEXT;  // the catalog's words (docs/javascripts/protect.js)

  /* ---- Kept answers (localStorage), only after an explicit opt-in ---- */

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  var download = window.TRACK2_PROTECT.download;  // docs/javascripts/protect.js

  function normalise(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.innerHTML;
  }

  // History entries, quick-exit forget, scrolling, the confirm dialog and the skip link
  // come from docs/javascripts/wizard-tab.js; the opening and the replies asked ahead from
  // docs/javascripts/wizard-ahead.js. Both load just before this file on wizard pages (the
  // tools page loads this file alone, for its clear-all button, and has no wizard).
  var TAB = window.TRACK2_TAB || { placeOf: function () { return null; }, methods: {} };
  var AHEAD = window.TRACK2_AHEAD || { methods: {} };
  var placeOf = TAB.placeOf;

  /* ---- One wizard on the page ---- */

  function Wizard(box) {
    this.box = box;
    this.treeId = box.dataset.tree;
    this.root = box.dataset.root;
    this.key = STORE_PREFIX + this.treeId;
    this.maxBytes = Number(box.dataset.maxBytes);  // track2guide.wizard.MAX_FILE_CHARS
    this.screen = box.querySelector(".t2-screen");
    this.alert = box.querySelector(".t2-alert");
    this.notice = box.querySelector(".t2-notice");
    this.live = box.querySelector(".t2-live");
    this.loading = box.querySelector(".t2-loading");
    this.keep = box.querySelector(".t2-keep");
    this.file = box.querySelector(".t2-file");
    this.dialog = box.querySelector("dialog.t2-confirm");
    this.session = null;   // from Python (or this tab's history); null until known
    this.call = null;      // (session JSON, event JSON) -> Promise of Python's answer
    this.ahead = { session: null, replies: {} };  // answers asked ahead (foresee), for one session
    this.where = null;     // where Python runs: "worker" or "page"
    this.ready = false;
    this.queue = [];       // [event, how] made before the engine was ready
    this.chain = Promise.resolve();  // events run one after another, each on the last session
    this.busy = 0;         // events sent and not yet answered
    this.failed = false;
    this.depth = 0;        // wizard history entries pushed above the first one (entry.n)
    this.shown = this.screen.innerHTML;  // markup put on screen, to spot an unchanged first render
    this.touched = false;  // the user ticked or unticked something since the screen was shown
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
    box.addEventListener("change", this.onChange.bind(this));
    this.keep.addEventListener("change", this.onKeep.bind(this));
    this.file.addEventListener("change", this.onFile.bind(this));
    window.addEventListener("popstate", this.onPop.bind(this));
    this.placeSkipLink();
    this.first = this.restore();
    this.opened = this.open();
  }

  /* What to show first: this tab's own entry (at once), kept answers, or the first question. */
  Wizard.prototype.restore = function () {
    var entry = this.entry(history.state);
    var store = storage();
    var kept = store && store.getItem(this.key);
    if (entry) this.depth = entry.n || 0;
    if (entry && entry.session) {  // back from a handbook page, or a reload, in this tab
      this.session = entry.session;
      if (entry.html) this.show(entry.html);
      return { action: "show" };
    }
    if (kept) {
      this.waiting(t("wizard.restoring"));
      this.restoring = true;
      return { action: "resume", text: kept };
    }
    return { action: "show" };
  };

  Wizard.prototype.answered = function () {
    var answers = this.session && this.session.answers && this.session.answers.answers;
    return !!answers && Object.keys(answers).length > 0;
  };

  Wizard.prototype.start = function () {
    var self = this;
    var bar = this.loading.querySelector("progress");
    var text = this.loading.querySelector(".t2-loading-text");
    var files = this.box.dataset.scripts.split(" ");
    // The phase, then "you can already answer the first question" while that is still to do
    // (sayPhase again once the first answer has shown, from the page's opening).
    var phase = t("wizard.loading-files", { done: 0, total: files.length });
    this.sayPhase = function () {
      text.textContent = phase + (self.restoring || self.answered() ? "" : " " + t("wizard.early"));
    };
    window.TRACK2_HOST.startEngine(files, this.treeId, function (part) {
      var done = Math.round(part * (files.length + 2));
      if (done < files.length) {
        bar.value = Math.max(bar.value, Math.round(part * 100));
        phase = t("wizard.loading-files", { done: done, total: files.length });
        self.sayPhase();
      } else if (done === files.length) {
        bar.removeAttribute("value");  // moving, not stalled: Python's start-up gives no steps
        phase = t("wizard.loading-python");
        self.sayPhase();
      } else {
        bar.value = 95;
        text.textContent = t("wizard.loading-rules");
      }
    }).then(function (call) {
      self.where = call.where;  // "worker", or "page" where no worker could run Python
      self.call = function (session, event) {
        return call({ type: "event", tree: self.treeId, session: session, event: event, root: self.root });
      };
      var startup = { startup: true, history: "replace", focus: false };
      if (self.opened) return null;  // the first screen came with the page (open)
      if (self.first.action !== "resume") return self.run(self.first, startup);
      return self.protector.open(self.first.text, t("wizard.ask-kept")).then(function (text) {
        if (text !== null) return self.run({ action: "resume", text: text }, startup);
        self.keep.checked = false;  // left locked: not used, and not overwritten unless kept again
        return self.run({ action: "show" }, startup);
      }, function (error) {
        self.say(self.alert, error.message);
        self.keep.checked = false;
        return self.run({ action: "show" }, startup);
      });
    }).then(function () {
      performance.mark("t2-ready");  // benchmarks/bench_wizard.py reads these marks
      self.ready = true;
      self.loading.hidden = true;
      self.box.classList.add("t2-ready");
      var queued = self.queue.splice(0);
      queued.forEach(function (item) { self.send(item[0], item[1]); });
      if (!queued.length) self.foresee();  // else once the last of them has shown its screen
    }).catch(function (error) { self.fail(error); });
  };

  Wizard.prototype.fail = function (error) {
    this.failed = true;
    this.queue = [];
    this.say(this.notice, "");
    this.loading.hidden = false;
    this.loading.setAttribute("role", "alert");
    this.loading.classList.add("t2-failed");
    this.loading.textContent = t("wizard.cannot-run",
      { reason: error && error.message ? error.message : t("wizard.unknown-problem") }) + " ";
    var link = document.createElement("a");
    link.href = this.box.dataset.paper;
    link.textContent = t("wizard.use-paper");
    this.loading.appendChild(link);
    this.box.querySelectorAll(".t2-screen button, .t2-screen input, .t2-toolbar button, .t2-toolbar input")
      .forEach(function (el) { el.disabled = true; });
    this.box.classList.add("t2-stopped");
  };

  /* Pass an event to Python (or hold it until the engine is ready). `how`: {focus, history:
   * "push" (a new entry when the screen moves), "force" (always, to drop later entries),
   * "replace"}, plus an optional notice to show instead of Python's message. */
  Wizard.prototype.send = function (event, how) {
    how = how || { focus: true, history: "push" };
    if (this.failed) return;
    if (!this.ready && (this.queue.length || !this.known(event))) {
      this.queue.push([event, how]);
      this.say(this.notice, event.action === "answer" ? t("wizard.queued") : t("wizard.queued-other"));
      return;
    }
    var self = this;
    this.busy++;
    this.screen.setAttribute("aria-busy", "true");  // until Python has answered
    this.chain = this.chain.then(function () { return self.run(event, how); }).then(function () {
      if (--self.busy === 0) self.screen.removeAttribute("aria-busy");
    });
  };

  /* Pass one event to Python and show what it returns (never rejects). */
  Wizard.prototype.run = async function (event, how) {
    if (event.action === "download") { await this.downloadAnswers(); return; }
    var session = this.session;
    if (event.action === "show" && event.at !== undefined && session) {
      session = { answers: session.answers, at: event.at, back_to: null };  // a step of the history
    }
    var result;
    try {
      result = await this.engine(session, event);
    } catch (error) {  // a bug, not bad input: say so rather than fail silently
      this.problem(t("wizard.broken"));
      return;
    }
    if (event.action === "export") {
      download("summary.md", result.markdown, "text/markdown");  // a name that tells nothing
      return;
    }
    var form = this.screen.querySelector("form.t2-question");
    if (!result.ok && event.action === "answer" && form && form.dataset.question === event.question) {
      this.showError(form, result.message);
      return;
    }
    if (result.error) this.problem(result.message); else this.say(this.alert, "");
    this.say(this.notice, result.error ? "" : how.notice || result.message);
    if (!result.ok) return;
    var before = placeOf(this.screen);
    this.session = result.session;
    this.ahead.toAsk = [];  // the screen moves on: nothing more is asked for the one before
    if (!how.startup || normalise(result.html) !== normalise(this.shown)) {
      var kept = how.startup ? this.formState() : null;
      this.show(result.html);
      if (kept) this.adopt(kept);
    }
    this.restoring = false;
    if (!this.ready && this.sayPhase) this.sayPhase();
    this.say(this.live, result.announce);
    this.save();
    var move = how.history === "force" || (how.history === "push" && placeOf(this.screen) !== before);
    if (how.history) this.record(move);
    if (how.focus) this.focusScreen();
    this.foreseeSoon();
  };

  Wizard.prototype.show = function (html) {
    this.screen.innerHTML = html;  // built by track2guide.view, every text escaped
    this.shown = html;
    this.touched = false;
  };

  Wizard.prototype.onChange = function (e) {
    if (!this.screen.contains(e.target)) return;
    this.touched = true;  // ticks are not in the markup
    this.foresee();
  };

  Wizard.prototype.waiting = function (message) {
    var note = document.createElement("p");
    note.className = "t2-restoring";
    note.textContent = message;
    this.screen.replaceChildren(note);
    this.shown = this.screen.innerHTML;
  };

  Wizard.prototype.focusScreen = function () {
    var target = this.screen.querySelector("[data-focus]");
    if (!target) return;
    target.focus({ preventScroll: true });
    this.reveal(target);
  };

  /* GOV.UK-style error: a summary at the top of the question, focused, and the message beside the choices. */
  Wizard.prototype.showError = function (form, message) {
    var summary = form.querySelector(".t2-error-summary");
    var inline = form.querySelector(".t2-error-message");
    if (!summary || !inline) { this.problem(message); return; }
    if (message) form.querySelectorAll(".t2-error-text").forEach(function (el) { el.textContent = message; });
    summary.hidden = false;
    inline.hidden = false;
    form.classList.add("t2-has-error");
    form.querySelector("fieldset").setAttribute("aria-describedby", "t2-hint t2-error");
    summary.focus({ preventScroll: true });
    this.reveal(summary);
  };

  /* A problem not tied to a question (a bad file, a bug): shown at the top, in view, focused. */
  Wizard.prototype.problem = function (message) {
    this.say(this.alert, message);
    if (!message) return;
    this.alert.focus({ preventScroll: true });
    this.reveal(this.alert);
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
      self.say(self.alert, t("wizard.not-kept"));
    });
  };

  Wizard.prototype.onSubmit = function (e) {
    var form = e.target.closest("form.t2-question");
    if (!form) return;
    e.preventDefault();
    var ticked = AHEAD.tickedValues(form);
    var value = form.dataset.type === "single" ? (ticked[0] || null) : ticked;
    if (value === null) { this.showError(form, ""); return; }  // no need to wait for Python
    this.send(AHEAD.answerEvent(form, value));
  };

  Wizard.prototype.onClick = function (e) {
    var jump = e.target.closest(".t2-error-summary a");
    if (jump) {  // to the first answer, without a history entry for the #fragment
      e.preventDefault();
      var input = document.getElementById(jump.getAttribute("href").slice(1));
      if (input) input.focus();
      return;
    }
    var button = e.target.closest("button[data-action]");
    if (!button || button.type === "submit") return;
    var action = button.dataset.action;
    if (action === "print") { window.print(); return; }
    if (action === "load") { this.file.click(); return; }
    if (action === "clear") { this.confirm(t("wizard.confirm-clear"), t("wizard.confirm-clear-yes"), this.clear.bind(this)); return; }
    if (action === "restart") {
      var self = this;
      this.confirm(t("wizard.confirm-restart"), t("wizard.confirm-restart-yes"), function () {
        self.send({ action: "restart" }, { focus: true, history: "force" });
      });
      return;
    }
    this.send({ action: action, question: button.dataset.question });
  };

  Wizard.prototype.downloadAnswers = function () {
    var self = this, sealed = this.protector.on(), name = "answers.json";  // a name that tells nothing
    return this.protector.seal(JSON.stringify(this.session.answers, null, 2) + "\n").then(function (text) {
      download(name, text, "application/json");
      self.say(self.notice, t(sealed ? "saved-sealed" : "saved", { name: name }));
    }, function () {
      self.say(self.alert, t("wizard.not-sealed"));
    });
  };

  Wizard.prototype.onKeep = function () {
    var store = storage();
    if (!store) {
      this.keep.checked = false;
      this.problem(t("wizard.no-storage"));
      return;
    }
    if (this.keep.checked) {
      this.save();
      this.say(this.notice, t("wizard.keeping"));
    } else {
      store.removeItem(this.key);
      this.say(this.notice, t("wizard.not-keeping"));
    }
  };

  Wizard.prototype.clear = function () {
    var store = storage();
    if (store) store.removeItem(this.key);
    this.keep.checked = false;
    if (this.protector.on()) this.protector.forget();
    this.send({ action: "restart" }, { focus: true, history: "force", notice: t("wizard.cleared") });
  };

  Wizard.prototype.onFile = function () {
    var file = this.file.files && this.file.files[0];
    var self = this;
    this.file.value = "";
    if (!file) return;
    var failed = t("load.failed") + " ";
    if (file.size > this.maxBytes) {  // refuse before reading
      this.say(this.notice, "");
      this.problem(failed + t("load.too-big", { limit: this.maxBytes / 1024 }));
      return;
    }
    file.text().then(function (text) {
      return self.protector.open(text, t("wizard.ask-file")).then(function (plain) {
        if (plain !== null) self.send({ action: "load", text: plain });
      }, function (error) { self.problem(failed + error.message); });
    }, function () {
      self.say(self.notice, "");
      self.say(self.alert, failed + t("wizard.unreadable"));
    });
  };

  [TAB.methods, AHEAD.methods].forEach(function (methods) {
    Object.keys(methods).forEach(function (name) { Wizard.prototype[name] = methods[name]; });
  });

  /* ---- Start ---- */

  if (window.TRACK2_PROTECT.leaving) return;  // part of a "Clear all" round: this page is going
  document.querySelectorAll(".t2-clear-all").forEach(function (button) {
    var notice = button.parentElement.querySelector(".t2-notice");
    // Each wizard page clears its own storage: opened from disk, Firefox keeps one per file.
    button.addEventListener("click", window.TRACK2_PROTECT.clearAll);
    if (notice && window.TRACK2_PROTECT.justCleared()) {
      notice.textContent = t("wizard.all-cleared");
    }
  });
  document.querySelectorAll(".t2-wizard").forEach(function (box) {
    var wizard = new Wizard(box);
    window.TRACK2_WIZARD = wizard;  // for tests, the quick exit (forget) and the console
    // Python's files load once the page is parsed: loaded earlier, their big scripts hold back
    // the page's own (Material's), and a first answer shows ~200 ms later (measured from
    // file://), with Python ready no sooner.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { wizard.start(); });
    } else {
      wizard.start();
    }
  });
})();
