/* Dark mode that follows the system setting, with nothing stored in the browser.
 * Material's light/dark toggle would store the choice (with the site's path on disk)
 * on the first visit, before any opt-in, so the site has one palette and this file
 * switches Material's colour scheme to match the system, live. */
(function () {
  "use strict";
  var query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (!query) return;
  function apply() {
    // Without transitions while switching: Material animates colours, and a page caught
    // half-way would show (and be measured with) colours of neither scheme.
    var root = document.documentElement;
    root.classList.add("t2-switching-scheme");
    document.body.setAttribute("data-md-color-scheme", query.matches ? "slate" : "default");
    void root.offsetHeight;  // apply the new colours now, with transitions off
    requestAnimationFrame(function () { root.classList.remove("t2-switching-scheme"); });
  }
  apply();
  if (query.addEventListener) query.addEventListener("change", apply);
})();
