/* What a planning wizard does with the browser tab around it, for docs/javascripts/wizard.js
 * (which copies `methods` onto its Wizard): each screen is a step of the tab's history
 * (answers only in the current entry's state, never in the URL or title), a quick exit can
 * wipe them all (`forget`), steps scroll below Material's sticky header, wiping answers asks
 * first, and a skip link leads to the first answer.
 */
(function () {
  "use strict";

  // This page's entries in history.state: {tree, n, place} on every wizard entry, plus
  // {session, html} on the current one only (answers held by the tab, never in the URL).
  var HISTORY_KEY = "track2Wizard";
  var methods = {};

  /* Where a screen stands: its question id, "review" or "result" (never an answer). */
  function placeOf(screen) {
    var form = screen.querySelector("form.t2-question");
    if (form) return form.dataset.question;
    if (screen.querySelector(".t2-result")) return "result";
    return screen.querySelector(".t2-review") ? "review" : null;
  }

  methods.entry = function (state) {
    var mine = state && state[HISTORY_KEY];
    return mine && mine.tree === this.treeId ? mine : null;
  };

  function wrap(entry) {
    var state = {};
    state[HISTORY_KEY] = entry;
    return state;
  }

  /* Write the screen into the tab's history: replace the current entry, or push a new one
   * after taking the answers out of the entry left behind. */
  methods.record = function (push) {
    var entry = { tree: this.treeId, n: this.depth, place: placeOf(this.screen) };
    try {
      if (push) {
        var left = this.entry(history.state);
        if (left) history.replaceState(wrap({ tree: this.treeId, n: left.n, place: left.place }), "");
        entry.n = ++this.depth;
      }
      if (this.session) {
        entry.session = this.session;
        entry.html = this.shown;  // the markup put on screen (ticks are never in it)
      }
      if (push) history.pushState(wrap(entry), ""); else history.replaceState(wrap(entry), "");
    } catch (e) {
      // The browser refused the state (too big, or history disabled): Back then just leaves the page.
    }
  };

  /* For a quick exit: go back to the wizard's first entry, wipe it and cut off every later
   * entry (a push drops them), then call done(); the caller may then replace the page. */
  methods.forget = function (done) {
    var self = this;
    function wipe() {
      history.replaceState(null, "");
      history.pushState(null, "");
      self.depth = 0;
      self.session = null;
      self.forgetting = false;
      if (done) done();
    }
    if (this.depth <= 0 || !this.entry(history.state)) { wipe(); return; }
    this.forgetting = true;
    window.addEventListener("popstate", function once() {
      window.removeEventListener("popstate", once);
      wipe();
    });
    history.go(-this.depth);
  };

  methods.onPop = function (e) {
    if (this.forgetting) return;
    var entry = this.entry(e.state);
    if (!entry) return;
    this.depth = entry.n || 0;
    if (entry.session && !this.answered()) this.session = entry.session;
    var at = entry.place === "result" ? null : entry.place;
    if (!this.ready && entry.html && entry.session) {
      this.session = entry.session;
      this.show(entry.html);
      return;
    }
    this.send({ action: "show", at: at }, { history: "replace", focus: true });
  };

  /* Scroll `el` into view below Material's sticky header (CSS scroll-margin-top leaves room
   * for the header and its "Back to top" button) unless it is already fully in view. */
  methods.reveal = function (el) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var backToTop = document.querySelector(".md-top:not([hidden])");
    if (backToTop && backToTop.getBoundingClientRect().height) top = Math.max(top, backToTop.getBoundingClientRect().bottom);
    var box = el.getBoundingClientRect();
    if (box.top < top + 4 || box.bottom > window.innerHeight) el.scrollIntoView({ block: "start", behavior: "instant" });
  };

  /* Ask before wiping answers (a modal <dialog>; window.confirm where there is none). */
  methods.confirm = function (question, yes, then) {
    var dialog = this.dialog;
    if (!this.answered()) { then(); return; }
    if (!dialog || typeof dialog.showModal !== "function") {
      if (window.confirm(question)) then();
      return;
    }
    dialog.querySelector(".t2-confirm-text").textContent = question;
    dialog.querySelector('[data-confirm="yes"]').textContent = yes;
    function finish(agreed) {
      dialog.removeEventListener("click", onClick);
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      if (agreed) then();
    }
    function onClick(e) {
      var button = e.target.closest("[data-confirm]");
      if (button) finish(button.dataset.confirm === "yes");
    }
    function onCancel(e) { e.preventDefault(); finish(false); }
    dialog.addEventListener("click", onClick);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    dialog.querySelector('[data-confirm="no"]').focus();
  };

  /* The wizard's skip link goes beside Material's "Skip to content", first in the Tab order. */
  methods.placeSkipLink = function () {
    var link = this.box.querySelector(".t2-skip");
    var screen = this.screen;
    if (!link) return;
    var skip = document.querySelector('[data-md-component="skip"]');
    if (skip) skip.appendChild(link); else document.body.insertBefore(link, document.body.firstChild);
    link.addEventListener("click", function (e) {
      e.preventDefault();  // no #fragment entry in the history
      var target = screen.querySelector('input[name="t2-answer"]:checked') ||
        screen.querySelector('input[name="t2-answer"]') || screen.querySelector("[data-focus]");
      if (target) { target.focus({ preventScroll: true }); target.scrollIntoView({ block: "center" }); }
    });
  };

  window.TRACK2_TAB = { placeOf: placeOf, methods: methods };
})();
