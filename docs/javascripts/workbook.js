/* Thin browser shell of the planning workbook (docs/tools/workbook.md).
 *
 * The page holds the plan in its form fields. On every change this file reads the fields
 * and passes them to Python (track2guide/workbook_app.py, started by pyodide-host.js),
 * which checks every answer and returns which questions to hide, the checks of each step
 * (HTML built and escaped by track2guide/workbook_view.py) and plain-text messages. It
 * saves the files Python makes and reads the file the user picks: a plan file, or beside a
 * Design question a wizard's answers file, whose result Python walks and adopts. The wizard
 * answers a plan keeps are held here as Python last returned them. Nothing is stored in
 * the browser: the plan lives in this page until the user downloads it.
 */
(function () {
  "use strict";

  var TYPING_PAUSE_MS = 400;  // wait for a pause in typing before checking the notes again
  var t = window.TRACK2_TEXT;  // the catalog's words (docs/javascripts/protect.js)

  var download = window.TRACK2_PROTECT.download;  // docs/javascripts/protect.js

  function Workbook(box) {
    this.box = box;
    this.root = box.dataset.root;
    this.maxBytes = Number(box.dataset.maxBytes);
    this.form = box.querySelector(".t2-wb-form");
    this.blank = this.form.innerHTML;  // the empty plan, for "Clear the plan"
    this.alert = box.querySelector(".t2-wb-alert");
    this.notice = box.querySelector(".t2-wb-notice");
    this.summary = box.querySelector(".t2-wb-summary");
    this.loading = box.querySelector(".t2-wb-loading");
    this.file = box.querySelector(".t2-wb-file");
    this.call = null;      // message -> Promise of Python's answer, once Python runs
    this.chain = Promise.resolve();
    this.timer = null;
    this.dirty = false;    // changed since the last download
    this.wizards = {};     // tree id -> that wizard's answers, as Python last returned them
    this.target = null;    // the wizard whose answers file is being picked, or null for a plan file
    // Passphrase protection of plan files (docs/javascripts/protect.js), as for answers files.
    this.protector = new window.TRACK2_PROTECT.Protector(box, function (kind, text) {
      (kind === "alert" ? this.alert : this.notice).textContent = text;
    }.bind(this));
    box.addEventListener("change", this.onChange.bind(this));
    box.addEventListener("input", this.onInput.bind(this));
    box.addEventListener("click", this.onClick.bind(this));
    this.file.addEventListener("change", this.onFile.bind(this));
    window.addEventListener("beforeunload", function (e) {
      // The browser asks before leaving with unsaved work; never on a quick exit, which
      // has already emptied the page.
      if (this.dirty && document.body.contains(this.form)) { e.preventDefault(); e.returnValue = ""; }
    }.bind(this));
  }

  Workbook.prototype.start = function () {
    var self = this, bar = this.loading.querySelector("progress");
    window.TRACK2_HOST.startEngine(this.box.dataset.scripts.split(" "), "workbook", function (part) {
      bar.value = Math.max(bar.value, Math.round(part * 100));
    }).then(function (call) {
      self.call = call;
      self.loading.hidden = true;
      self.box.classList.add("t2-ready");
      return self.send({ action: "update" });
    }).catch(function (error) {
      self.loading.classList.add("t2-failed");
      self.loading.textContent = t("workbook.start-failed",
        { reason: (error && error.message) || t("wizard.unknown-problem") });
      self.box.querySelectorAll('[data-action="save"], [data-action="load"], [data-action^="export"], [data-action="wizard"]')
        .forEach(function (b) { b.disabled = true; });
    });
  };

  /* What the form holds: the title and the answers of the questions on show. */
  Workbook.prototype.read = function () {
    var answers = {};
    this.form.querySelectorAll("[data-question]").forEach(function (q) {
      if (q.hidden) return;
      var id = q.dataset.question;
      if (q.dataset.type === "text") {
        answers[id] = q.querySelector("textarea").value;
        return;
      }
      var ticked = Array.prototype.map.call(q.querySelectorAll("input:checked"), function (i) { return i.value; });
      answers[id] = q.dataset.type === "single" ? (ticked[0] || null) : ticked;
    });
    var title = this.form.querySelector("#wb-title");
    return { title: title ? title.value : "", answers: answers, wizards: this.wizards };
  };

  /* Send one event with the form's current content; events run one after another. */
  Workbook.prototype.send = function (event) {
    var self = this;
    if (!this.call) return Promise.resolve(null);
    this.chain = this.chain.then(function () {
      // Read the form when the event's turn comes, after the answers to earlier events are shown.
      var message = Object.assign({}, event.action === "load" ? {} : self.read(), event);
      return self.call({ type: "event", tree: "workbook", session: "null",
                         event: JSON.stringify(message), root: self.root });
    }).then(function (result) {
      self.show(result);
      return result;
    }, function () {
      self.alert.textContent = t("workbook.broken");
      return null;
    });
    return this.chain;
  };

  Workbook.prototype.show = function (result) {
    if (!result) return;
    this.alert.textContent = result.ok ? "" : (result.message || "");
    if (result.ok) this.notice.textContent = result.message || "";
    if (result.html) this.form.innerHTML = result.html;  // a loaded plan, rendered by Python
    if (result.plan) this.wizards = result.plan.wizards || {};
    if (result.wizards) {
      this.form.querySelectorAll("[data-wizard-status]").forEach(function (p) {
        p.innerHTML = result.wizards[p.dataset.wizardStatus] || "";  // escaped by Python
      });
    }
    var focus = result.focus && document.getElementById(result.focus);
    if (focus) focus.focus();
    if (result.checks) {
      var hidden = result.hidden || [];
      this.form.querySelectorAll("[data-question]").forEach(function (q) {
        q.hidden = hidden.indexOf(q.dataset.question) !== -1;
      });
      this.form.querySelectorAll(".t2-wb-checks").forEach(function (box) {
        box.innerHTML = result.checks[box.dataset.section] || "";  // escaped by Python
      });
      this.summary.textContent = result.summary;
    }
    var errors = result.errors || {};
    this.form.querySelectorAll(".t2-wb-error").forEach(function (p) {
      var q = p.closest("[data-question]");
      p.textContent = (q && errors[q.dataset.question]) || "";
    });
  };

  Workbook.prototype.onChange = function (e) {
    if (!this.form.contains(e.target)) return;
    this.dirty = true;
    this.send({ action: "update" });
  };

  Workbook.prototype.onInput = function (e) {
    if (!e.target.matches("textarea, #wb-title")) return;
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.send.bind(this, { action: "update" }), TYPING_PAUSE_MS);
  };

  Workbook.prototype.onClick = function (e) {
    var button = e.target.closest("button[data-action]");
    if (!button) return;
    var action = button.dataset.action, self = this;
    if (action === "print") { window.print(); return; }
    if (action === "load" || action === "wizard") {
      this.target = action === "wizard" ? button.dataset.wizard : null;
      this.file.click();
      return;
    }
    if (action === "clear") {
      if (!window.confirm(t("workbook.confirm-clear"))) return;
      this.form.innerHTML = this.blank;
      this.wizards = {};
      this.dirty = false;
      this.notice.textContent = t("workbook.cleared");
      this.send({ action: "update" });
      return;
    }
    this.send({ action: action }).then(function (result) {
      if (!result || !result.ok || typeof result.text !== "string") return;
      // The plan file is encrypted when protection is on; the documents are made to be read.
      var sealed = action === "save" && self.protector.on();
      return (sealed ? self.protector.seal(result.text) : Promise.resolve(result.text)).then(function (text) {
        download(result.name, text, result.type);
        if (action === "save") self.dirty = false;
        self.notice.textContent = t(sealed ? "saved-sealed" : "saved", { name: result.name });
      }, function () {
        self.alert.textContent = t("workbook.not-sealed");
      });
    });
  };

  Workbook.prototype.onFile = function () {
    var file = this.file.files && this.file.files[0], self = this, tree = this.target;
    this.file.value = "";
    if (!file) return;
    if (file.size > this.maxBytes) {  // refuse before reading
      this.alert.textContent = tree ? t("workbook.answers-failed") + " " + t("load.too-big", { limit: this.maxBytes / 1024 })
        : t("workbook.load-failed") + " " + t("workbook.too-big", { limit: this.maxBytes / 1024 });
      return;
    }
    file.text().then(function (text) {
      return self.protector.open(text, t(tree ? "wizard.ask-file" : "workbook.ask-file")).then(function (plain) {
        if (plain === null) return;
        if (tree) self.dirty = true;
        return self.send(tree ? { action: "wizard", tree: tree, text: plain } : { action: "load", text: plain });
      }, function (error) {
        self.alert.textContent = t(tree ? "workbook.answers-failed" : "workbook.load-failed") + " " + error.message;
      });
    }, function () {
      self.alert.textContent = t("workbook.unreadable");
    });
  };

  document.querySelectorAll(".t2-workbook").forEach(function (box) {
    var workbook = new Workbook(box);
    window.TRACK2_WORKBOOK = workbook;  // for tests and the console
    workbook.start();
  });
})();
