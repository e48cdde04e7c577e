/* Hearing record editor: rows of speaker + text, autosaved as JSON (like the filing form). */
(function () {
  "use strict";
  var form = document.getElementById("record-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var revision = parseInt(form.getAttribute("data-revision") || "0", 10);
  var state = document.getElementById("savestate");
  var body = form.querySelector("#record-lines tbody");
  var timer = null, inflight = false, pending = false;
  function csrf() { var i = form.querySelector("input[name=csrfmiddlewaretoken]"); return i ? i.value : ""; }
  function collect() {
    var rows = [];
    body.querySelectorAll("tr.record-line").forEach(function (tr) {
      var r = {};
      tr.querySelectorAll("[data-f]").forEach(function (el) { r[el.getAttribute("data-f")] = el.value; });
      rows.push(r);
    });
    return rows;
  }
  function save() {
    if (inflight) { pending = true; return; }
    inflight = true;
    state.textContent = state.getAttribute("data-saving");
    fetch(url, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ revision: revision, lines: collect() }) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (res.ok) { revision = res.j.revision; state.textContent = state.getAttribute("data-saved") + " " + new Date().toLocaleTimeString(); }
        else { state.textContent = res.j.error || state.getAttribute("data-failed"); }
      }).catch(function () { state.textContent = state.getAttribute("data-offline"); })
      .then(function () { inflight = false; if (pending) { pending = false; save(); } });
  }
  function later() { clearTimeout(timer); timer = setTimeout(save, 1200); }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  body.addEventListener("click", function (e) {
    if (e.target.hasAttribute("data-remove")) { e.target.closest("tr").remove(); later(); }
  });
  document.getElementById("add-line").addEventListener("click", function () {
    var last = body.querySelector("tr.record-line:last-child");
    var row = last.cloneNode(true);
    row.querySelectorAll("input, textarea").forEach(function (el) { el.value = ""; });
    body.appendChild(row);
    row.querySelector("textarea").focus();
  });
})();
