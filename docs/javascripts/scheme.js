/* Dark mode that follows the system setting, with nothing stored in the browser.
 * Material's light/dark toggle would store the choice (with the site's path on disk)
 * on the first visit, before any opt-in, so the site has one palette and this file
 * switches Material's colour scheme to match the system, live. */
(function () {
  "use strict";
  var query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (!query) return;
  function apply() {
    document.body.setAttribute("data-md-color-scheme", query.matches ? "slate" : "default");
  }
  apply();
  if (query.addEventListener) query.addEventListener("change", apply);
})();
