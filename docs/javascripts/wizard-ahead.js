/* What a planning wizard can show before Python answers, for docs/javascripts/wizard.js (which
 * copies `methods` onto its Wizard): a fresh page's opening, worked out at build time; the
 * replies asked ahead while the reader reads a question, each screen of them laid out once
 * unseen; and, when Python's first render shows the question already on screen, the ticks
 * and focus the reader gave it meanwhile.
 */
(function () {
  "use strict";

  var methods = {};

  /* The event that answers the question of `form` with `value` (one choice, or a list). */
  function answerEvent(form, value) {
    return { action: "answer", question: form.dataset.question, value: value };
  }

  /* The values of the choices ticked in `form`, in their order on screen. */
  function tickedValues(form) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="t2-answer"]'),
      function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  /* Run `task` when the page is idle (at the latest after `timeout` ms). */
  function whenIdle(task, timeout) {
    if (window.requestIdleCallback) requestIdleCallback(task, { timeout: timeout }); else setTimeout(task, 0);
  }

  /* A fresh page (no entry of this tab, no kept answers) starts at once from the replies the
   * build worked out with the same engine (track2guide.wizard.opening): the first "show", then
   * each answer to the first question, taken like replies asked ahead (only for that very
   * session and event) while Python starts. */
  methods.open = function () {
    var island = this.box.querySelector("script.t2-opening");
    if (this.first.action !== "show" || this.session || !island) return false;
    var opening;
    try { opening = JSON.parse(island.textContent); } catch (e) { return false; }
    if (!opening || !opening.start || !opening.start.ok) return false;
    var replies = {};
    (opening.answers || []).forEach(function (pair) { replies[JSON.stringify(pair[0])] = pair[1]; });
    this.ahead = { session: JSON.stringify(null), replies: { '{"action":"show"}': opening.start } };
    this.run(this.first, { startup: true, history: "replace", focus: false });
    this.ahead = { session: JSON.stringify(opening.start.session), replies: replies };
    return true;
  };

  /* Whether Python's reply to `event` on the current session is known without asking it. */
  methods.known = function (event) {
    return this.ahead.session === JSON.stringify(this.session) && !!this.ahead.replies[JSON.stringify(event)];
  };

  /* Python's answer to an event, a pure function of the session and the event (and the tree):
   * taken from those asked ahead when this very call was asked ahead, else asked now. */
  methods.engine = function (session, event) {
    var asked = JSON.stringify(session), what = JSON.stringify(event);
    if (this.ahead.session === asked && this.ahead.replies[what]) return this.ahead.replies[what];
    return this.call(asked, what);
  };

  /* While the reader reads a question, ask Python ahead for the screen each answer leads to:
   * what is ticked first, then every other choice of a single-choice question (on a
   * multiple-choice or checklist one, only what is ticked, after each change; at first the
   * empty set, a real answer to a checklist). Nothing of it shows, is kept or is recorded
   * until the reader submits that very answer; Next then needs no round trip to
   * the worker. The same calls warm Python's code up (restored from the snapshot, it starts
   * unoptimised). One call at a time, and none left for a screen that has gone: a reader who
   * moves on at once does not wait behind answers to the question before. Only where Python
   * has a worker: on the page it would hold up the reader's own clicks. */
  methods.foresee = function () {
    var form = this.screen.querySelector("form.t2-question");
    if (!form || !this.ready || this.where !== "worker" || !this.session) return;
    var asked = JSON.stringify(this.session), ahead = this.ahead;
    if (ahead.session !== asked) ahead = this.ahead = { session: asked, replies: {} };
    var ticked = tickedValues(form), values = [ticked];
    if (form.dataset.type === "single") {
      values = ticked.concat(Array.prototype.map.call(form.querySelectorAll('input[name="t2-answer"]'),
        function (b) { return b.value; }).filter(function (value) { return ticked.indexOf(value) < 0; }));
    }
    ahead.toAsk = values.map(function (value) { return JSON.stringify(answerEvent(form, value)); })
      .filter(function (what) { return !ahead.replies[what]; });
    this.askAhead(ahead);
  };

  /* Ask Python for the next reply on `ahead`'s list, once the one asked before has come. */
  methods.askAhead = function (ahead) {
    var self = this;
    if (ahead.asking || ahead !== this.ahead) return;
    var what = ahead.toAsk.shift();
    if (!what) return;
    var reply = this.call(ahead.session, what);
    ahead.replies[what] = reply;
    ahead.asking = true;
    this.rehearse(ahead, reply);
    reply.catch(function () {}).then(function () {  // a failure shows only if the reader submits this answer
      ahead.asking = false;
      self.askAhead(ahead);
    });
  };

  /* Once a reply asked ahead has come and the page is idle, lay its screen out hidden, off
   * the screen, and drop it in the same task: nothing of it is painted, focused or read out.
   * The first time a kind of screen shows on a page, the browser looks up the fonts, sizes
   * and icons it uses (measured in Chromium: 10 ms and more of the click that first shows the
   * venue checklist or a result); rehearsed while the reader reads, the click finds them
   * ready. Each distinct screen once, and none for a question that has gone. */
  methods.rehearse = function (ahead, reply) {
    var self = this;
    ahead.rehearsed = ahead.rehearsed || {};
    reply.then(function (result) {
      if (!result || !result.ok || !result.html || ahead.rehearsed[result.html]) return;
      ahead.rehearsed[result.html] = true;
      whenIdle(function () {
        if (ahead !== self.ahead) return;
        var stage = document.createElement("div");
        stage.className = "t2-rehearsal";
        stage.setAttribute("aria-hidden", "true");
        stage.inert = true;
        stage.style.width = self.screen.clientWidth + "px";
        stage.innerHTML = result.html;  // what show() would put on screen
        self.screen.after(stage);
        void stage.offsetHeight;  // style and layout, now
        stage.remove();
      }, 500);
    }, function () {});
  };

  /* The same, once the screen just shown has been painted and the page is idle: this is
   * guesswork, so it waits behind the frame and anything the browser has queued after it. */
  methods.foreseeSoon = function () {
    var self = this, done = false;
    function go() { if (!done) { done = true; self.foresee(); } }
    requestAnimationFrame(function () { whenIdle(go, 50); });
    setTimeout(go, 100);  // no frames in a hidden tab
  };

  /* What the user has done on the screen shown before the engine's first render. */
  methods.formState = function () {
    var form = this.screen.querySelector("form.t2-question");
    if (!form) return null;
    var active = document.activeElement;
    return {
      question: form.dataset.question,
      ticked: !this.touched ? null : Array.prototype.map.call(form.querySelectorAll('input[name="t2-answer"]'),
        function (b) { return b.checked; }),
      focus: active && this.screen.contains(active) ? active.id || null : null,
      heading: active && this.screen.contains(active) && active.hasAttribute("data-focus"),
    };
  };

  /* The first render shows the same question: keep the user's ticks and focus. */
  methods.adopt = function (kept) {
    var form = this.screen.querySelector("form.t2-question");
    if (!form || form.dataset.question !== kept.question) return;
    var boxes = form.querySelectorAll('input[name="t2-answer"]');
    if (kept.ticked && boxes.length === kept.ticked.length) {
      boxes.forEach(function (b, i) { b.checked = kept.ticked[i]; });
      this.touched = true;
    }
    var target = kept.focus ? document.getElementById(kept.focus) : kept.heading && form.querySelector("[data-focus]");
    if (target && this.screen.contains(target)) target.focus({ preventScroll: true });
  };

  window.TRACK2_AHEAD = { methods: methods, answerEvent: answerEvent, tickedValues: tickedValues };
})();
