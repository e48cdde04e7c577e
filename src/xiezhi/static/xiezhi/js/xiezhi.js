/* xiezhi page behaviour. No frameworks, no external files; pages work without it. */
(function () {
  "use strict";
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var i = document.querySelector("input[name=csrfmiddlewaretoken]");
    return i ? i.value : "";
  }

  // Delegated handlers, so sections loaded after the page (case-page panels) work too.
  document.addEventListener("change", function (e) {
    var s = e.target.closest && e.target.closest("select[data-autosubmit]");
    if (s && s.form) s.form.submit();
  });
  document.addEventListener("click", function (e) {
    var c = e.target.closest && e.target.closest("[data-confirm]");
    if (c && !window.confirm(c.getAttribute("data-confirm"))) { e.preventDefault(); return; }
    var pr = e.target.closest && e.target.closest("[data-print]");
    if (pr) { e.preventDefault(); window.print(); }
  });

  // Case-page sections: each is fetched once the case itself is on screen.
  // A section that shows background work in progress ([data-pending], e.g. a PDF being made) is
  // fetched again every few seconds until the work is done (at most about two minutes).
  function loadPanel(sec, round) {
    fetch(sec.getAttribute("data-panel-url"), { credentials: "same-origin" })
      .then(function (r) { return r.status === 200 ? r.text() : ""; })
      .then(function (html) {
        if (!html) { sec.hidden = true; return; }
        var open = sec.querySelector("details[open], :focus");
        if (round > 0 && open) { setTimeout(function () { loadPanel(sec, round + 1); }, 3000); return; }
        sec.innerHTML = html;
        if (sec.querySelector("[data-pending]") && round < 40) {
          setTimeout(function () { loadPanel(sec, round + 1); }, 3000);
        }
      })
      .catch(function () { if (round === 0) sec.hidden = true; });
  }
  document.querySelectorAll("section[data-panel-url]").forEach(function (sec) { loadPanel(sec, 0); });

  // The online filing form and its autosave: filing/form.js with js/drafts.js (loaded by that page).
})();
