/* The online filing form (网上立案): parties added and removed, the cause of action found by typing
   (characters or pinyin initials), the fee estimate, errors beside their fields, and the draft
   kept by js/drafts.js. The page works without it (plain form posts). */
(function () {
  "use strict";
  var form = document.getElementById("filing-form");
  if (!form || !window.XiezhiDraft) return;
  var feeBox = document.getElementById("fee-estimate");
  var tpl = document.getElementById("party-template");
  var list = document.getElementById("party-list");
  var countInput = form.elements["party_count"];

  // ---- parties ----
  function renumber() { countInput.value = list.querySelectorAll(".party-card").length; }
  function bindRemove(card) {
    var btn = card.querySelector("[data-remove-party]");
    if (!btn) return;
    btn.addEventListener("click", function () {
      card.hidden = true;
      var del = card.querySelector("input[name$=-deleted]"); if (del) del.value = "1";
      if (draft) draft.changed();
    });
  }
  function addCard(role) {
    var i = list.querySelectorAll(".party-card").length;
    var wrap = document.createElement("div");
    wrap.innerHTML = tpl.innerHTML.replace(/__i__/g, String(i));
    var card = wrap.firstElementChild;
    var r = card.querySelector("[data-f=role]");
    if (r && role) r.value = role;
    list.appendChild(card);
    renumber();
    bindRemove(card);
    if (window.XiezhiPartyKind) window.XiezhiPartyKind(card);
    return card;
  }
  document.querySelectorAll("[data-add-party]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var card = addCard(btn.getAttribute("data-add-party"));
      var first = card.querySelector("[data-f=name]"); if (first) first.focus();
      if (draft) draft.changed();
    });
  });
  list.querySelectorAll(".party-card").forEach(bindRemove);

  // ---- the whole form as data, and back ----
  function v(name) { var el = form.elements[name]; return el ? el.value : ""; }
  function collect() {
    var parties = [];
    list.querySelectorAll(".party-card").forEach(function (card) {
      if (card.hidden) return;
      var p = {};
      card.querySelectorAll("[data-f]").forEach(function (el) {
        p[el.getAttribute("data-f")] = el.type === "checkbox" ? el.checked : el.value;
      });
      parties.push(p);
    });
    return { parties: parties, claims: v("claims"), facts: v("facts"), amount: v("amount"), cause_id: v("cause_id") };
  }
  function fill(d) {
    d = d || {};
    list.innerHTML = "";
    (d.parties || []).forEach(function (p) {
      var card = addCard(p.role);
      card.querySelectorAll("[data-f]").forEach(function (el) {
        var k = el.getAttribute("data-f");
        if (!(k in p)) return;
        if (el.type === "checkbox") el.checked = !!p[k]; else el.value = p[k] == null ? "" : p[k];
      });
      if (window.XiezhiPartyKind) window.XiezhiPartyKind(card);
    });
    renumber();
    ["claims", "facts", "amount", "cause_id"].forEach(function (n) {
      var el = form.elements[n];
      if (el) el.value = d[n] == null ? "" : d[n];
    });
  }
  function describe(d) {
    d = d || {};
    var out = [];
    (d.parties || []).forEach(function (p) {
      out.push((p.name || "—") + (p.id_number ? " " + p.id_number : "") + (p.phone ? " " + p.phone : ""));
    });
    if (d.amount) out.push(form.getAttribute("data-label-amount") + "：" + d.amount);
    out.push(form.getAttribute("data-label-claims") + "：" + (d.claims || ""));
    out.push(form.getAttribute("data-label-facts") + "：" + (d.facts || ""));
    return out.join("\n");
  }

  // ---- fee estimate and errors beside fields ----
  function showFee(fee) {
    if (!feeBox) return;
    if (!fee || (!fee.fee && !fee.fee_min && !fee.error)) { feeBox.textContent = feeBox.getAttribute("data-empty"); return; }
    if (fee.error) { feeBox.textContent = fee.error; return; }
    feeBox.textContent = "";
    var b = document.createElement("b");
    var unit = " " + (feeBox.getAttribute("data-unit") || "");
    b.textContent = fee.fee ? fee.fee + unit : fee.fee_min + " – " + fee.fee_max + unit;
    feeBox.appendChild(b);
    var s = document.createElement("div");
    s.className = "small muted";
    s.textContent = fee.basis || "";
    feeBox.appendChild(s);
  }
  function fieldErrors(fields) {
    form.querySelectorAll("[data-live-error]").forEach(function (p) {
      var k = p.getAttribute("data-live-error");
      var msg = fields && fields[k];
      p.textContent = msg || "";
      p.hidden = !msg;
      var input = document.getElementById(p.getAttribute("data-for"));
      if (input) input.setAttribute("aria-invalid", msg ? "true" : "false");
    });
  }

  // ---- the cause of action, found by typing (民间借贷 / 借贷 / mjjd) ----
  var search = document.getElementById("cause-search");
  var results = document.getElementById("cause-results");
  var select = form.elements["cause_id"];
  if (search && results && select) {
    var options = Array.prototype.slice.call(select.options).filter(function (o) { return o.value; });
    search.addEventListener("input", function (e) {
      e.stopPropagation();  // typing a query is not a change of the draft
      var q = search.value.trim().toLowerCase().replace(/\s+/g, "");
      results.innerHTML = "";
      if (!q) { results.hidden = true; return; }
      var hits = options.filter(function (o) {
        return o.text.indexOf(q) >= 0 || (o.getAttribute("data-py") || "").indexOf(q) >= 0;
      }).slice(0, 12);
      if (!hits.length) {
        var none = document.createElement("li");
        none.className = "muted small";
        none.textContent = search.getAttribute("data-empty");
        results.appendChild(none);
      }
      hits.forEach(function (o) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.className = "cause-hit";
        b.setAttribute("role", "option");
        b.textContent = o.text;
        b.addEventListener("click", function () {
          select.value = o.value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          search.value = "";
          results.hidden = true;
          results.innerHTML = "";
        });
        li.appendChild(b);
        results.appendChild(li);
      });
      results.hidden = false;
    });
    search.addEventListener("change", function (e) { e.stopPropagation(); });
    search.addEventListener("keydown", function (e) {  // Enter picks the first match, never submits the form
      if (e.key !== "Enter") return;
      e.preventDefault();
      var first = results.querySelector(".cause-hit");
      if (first) first.click();
    });
  }

  var conflictData = document.getElementById("conflict-data");
  var draft = new window.XiezhiDraft({
    form: form, url: form.getAttribute("data-autosave"), key: "xiezhi-draft-filing-" + form.getAttribute("data-filing"),
    field: "data", collect: collect, fill: fill, describe: describe,
    state: document.getElementById("savestate"), box: document.getElementById("draft-conflict"),
    restored: document.getElementById("draft-restored"), delay: 700,
    serverConflict: conflictData ? { value: JSON.parse(conflictData.textContent) } : null,
    onSaved: function (j) { showFee(j.fee); fieldErrors(null); },
    onRejected: function (j) { fieldErrors(j.fields); }
  });
})();
