/* Hearing record (笔录) editor: rows of speaker + text, kept by js/drafts.js (this browser at every
   keystroke; the server a moment later, on leaving a field, on Ctrl/Cmd+S or the save button, and
   when the page is left). Finalising waits until the server holds every word typed. */
(function () {
  "use strict";
  var form = document.getElementById("record-form");
  if (!form || !window.XiezhiDraft) return;
  var body = form.querySelector("#record-lines tbody");
  var blank = body.querySelector("tr.record-line").cloneNode(true);
  blank.querySelectorAll("input, textarea").forEach(function (el) { el.value = ""; });

  function collect() {
    var rows = [];
    body.querySelectorAll("tr.record-line").forEach(function (tr) {
      var r = {};
      tr.querySelectorAll("[data-f]").forEach(function (el) { r[el.getAttribute("data-f")] = el.value; });
      rows.push(r);
    });
    return rows;
  }
  function label(tr) {  // each row's fields get their own id, labelled by the column heads
    var n = body.querySelectorAll("tr.record-line").length;
    tr.querySelectorAll("[data-f]").forEach(function (el) {
      el.setAttribute("aria-label", form.getAttribute("data-label-" + el.getAttribute("data-f")) + " " + n);
    });
  }
  function addRow() { var row = blank.cloneNode(true); body.appendChild(row); label(row); return row; }
  function fill(rows) {
    body.innerHTML = "";
    (rows && rows.length ? rows : [{}]).forEach(function (r) {
      var row = addRow();
      row.querySelectorAll("[data-f]").forEach(function (el) {
        var k = el.getAttribute("data-f");
        if (r[k] != null) el.value = r[k];
      });
    });
  }
  function describe(rows) {
    var roles = {};
    blank.querySelectorAll("select[data-f=role] option").forEach(function (o) { roles[o.value] = o.text; });
    return (rows || []).filter(function (r) { return (r.text || r.name); }).map(function (r) {
      return (roles[r.role] || "") + (r.name ? "（" + r.name + "）" : "") + "：" + (r.text || "");
    }).join("\n");
  }

  var draft = new window.XiezhiDraft({
    form: form, url: form.getAttribute("data-autosave"), key: "xiezhi-draft-record-" + form.getAttribute("data-hearing"),
    field: "lines", collect: collect, fill: fill, describe: describe, delay: 1200,
    state: document.getElementById("savestate"), box: document.getElementById("draft-conflict"),
    restored: document.getElementById("draft-restored")
  });

  body.addEventListener("click", function (e) {
    if (e.target.hasAttribute("data-remove")) { e.target.closest("tr").remove(); draft.changed(); }
  });
  document.getElementById("add-line").addEventListener("click", function () {
    addRow().querySelector("textarea").focus();
    draft.changed();
  });
  document.getElementById("save-record").addEventListener("click", function () { draft.changed(); draft.saveNow(); });
  // 定稿 only once the server has the last word typed (a quick click used to lose it)
  var fin = document.getElementById("finalise-form");
  if (fin) {
    fin.addEventListener("submit", function (e) {
      e.preventDefault();
      draft.saveNow().then(function (ok) { if (ok) fin.submit(); });
    });
  }
})();
