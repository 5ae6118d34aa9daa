/* Quick exit on the wizard pages and the planning tools page: the "Quick exit" link
 * (macros/safety.py) or Shift pressed three times leaves at once for the handbook's
 * home page, a page inside this site, so nothing is requested from anywhere else.
 *
 * Before leaving it wipes what this tab holds: the page's content, the answers kept in
 * the current history entry (history.state) and this tab's sessionStorage. Earlier
 * history entries of the same page may hold answers too (one per question), and a
 * script cannot reach them, so it leaves a mark for this tab ("track2-exited" in
 * sessionStorage, nothing else): when Back brings such an entry back, this file, which
 * loads before the wizard, empties its state before the wizard reads it, and stops
 * the wizard from seeing the back/forward event.
 */
(function () {
  "use strict";

  var MARK = "track2-exited";
  var PRESSES = 3, WITHIN_MS = 2000;
  var link = document.querySelector(".t2-quick-exit");
  var script = document.currentScript;
  var target = link ? link.href : new URL("../index.html", script ? script.src : location.href).href;
  var exited = false;

  function session() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function here() { return location.href.split(/[?#]/)[0]; }

  function blankState() {
    try { history.replaceState(null, "", here()); } catch (e) { /* a sandboxed frame */ }
  }

  function marked() {
    var store = session();
    return !!(store && store.getItem(MARK));
  }

  function exit() {
    if (exited) return;
    exited = true;
    document.body.textContent = "";  // nothing left to see if this page is ever shown again
    var store = session();
    if (store) {
      store.clear();
      store.setItem(MARK, "1");
    }
    blankState();
    location.replace(target);
  }

  // An entry from before a quick exit, brought back by Back: forget its answers first.
  if (marked()) blankState();

  // Registered before the wizard's own listeners, so it can stop them.
  window.addEventListener("popstate", function (e) {
    if (!exited && !marked()) return;
    e.stopImmediatePropagation();
    blankState();
    if (exited) location.reload();  // this very document was emptied on leaving
  }, true);
  window.addEventListener("pageshow", function (e) {
    if (e.persisted && (exited || marked())) {  // restored whole from the back/forward cache
      blankState();
      location.reload();
    }
  });

  if (link) {
    link.addEventListener("click", function (e) {
      if (e.button !== 0 || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      exit();
    });
  }

  var presses = [];
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Shift") { presses = []; return; }
    if (e.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WITHIN_MS; }).concat(now);
    if (presses.length >= PRESSES) exit();
  }, true);

  window.TRACK2_QUICK_EXIT = exit;
})();
