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

  var form = document.getElementById("filing-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var state = document.getElementById("savestate");
  var feeBox = document.getElementById("fee-estimate");
  var revision = parseInt(form.getAttribute("data-revision") || "0", 10);
  var backupKey = "xiezhi-draft-" + form.getAttribute("data-filing");
  var timer = null, inflight = false, pending = false;

  function collect() {
    var parties = [];
    form.querySelectorAll(".party-card").forEach(function (card) {
      if (card.hidden) return;
      var p = {};
      card.querySelectorAll("[data-f]").forEach(function (el) {
        p[el.getAttribute("data-f")] = el.type === "checkbox" ? el.checked : el.value;
      });
      parties.push(p);
    });
    function v(name) { var el = form.elements[name]; return el ? el.value : ""; }
    return { parties: parties, claims: v("claims"), facts: v("facts"), amount: v("amount"), cause_id: v("cause_id") };
  }

  function showFee(fee) {
    if (!feeBox) return;
    if (!fee || (!fee.fee && !fee.fee_min)) { feeBox.textContent = feeBox.getAttribute("data-empty"); return; }
    if (fee.error) { feeBox.textContent = fee.error; return; }
    feeBox.textContent = "";
    var b = document.createElement("b");
    var unit = " " + (feeBox.getAttribute("data-unit") || "");  // the currency unit, translated in the page
    b.textContent = fee.fee ? fee.fee + unit : fee.fee_min + " – " + fee.fee_max + unit;
    feeBox.appendChild(b);
    var s = document.createElement("div");
    s.className = "small muted";
    s.textContent = fee.basis || "";
    feeBox.appendChild(s);
  }

  function save() {
    if (inflight) { pending = true; return; }
    inflight = true;
    var data = collect();
    try { localStorage.setItem(backupKey, JSON.stringify({ at: Date.now(), data: data })); } catch (e) {}
    state.textContent = state.getAttribute("data-saving");
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ revision: revision, data: data })
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (res.ok) {
          revision = res.j.revision;
          form.setAttribute("data-revision", revision);
          var rev = form.elements["revision"]; if (rev) rev.value = revision;
          state.textContent = state.getAttribute("data-saved") + " " + new Date().toLocaleTimeString();
          showFee(res.j.fee);
          try { localStorage.removeItem(backupKey); } catch (e) {}
        } else {
          state.textContent = res.j.error || state.getAttribute("data-failed");
        }
      }).catch(function () { state.textContent = state.getAttribute("data-offline"); })
      .finally(function () { inflight = false; if (pending) { pending = false; save(); } });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(save, 700); }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  window.addEventListener("beforeunload", function () { if (timer) { clearTimeout(timer); save(); } });

  // add / remove parties
  var tpl = document.getElementById("party-template");
  var list = document.getElementById("party-list");
  var countInput = form.elements["party_count"];
  function renumber() { countInput.value = list.querySelectorAll(".party-card").length; }
  document.querySelectorAll("[data-add-party]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var i = list.querySelectorAll(".party-card").length;
      var html = tpl.innerHTML.replace(/__i__/g, String(i));
      var wrap = document.createElement("div");
      wrap.innerHTML = html;
      var card = wrap.firstElementChild;
      var role = card.querySelector("[data-f=role]");
      if (role) role.value = btn.getAttribute("data-add-party");
      list.appendChild(card);
      renumber();
      var first = card.querySelector("[data-f=name]"); if (first) first.focus();
      bindRemove(card);
      schedule();
    });
  });
  function bindRemove(card) {
    var btn = card.querySelector("[data-remove-party]");
    if (!btn) return;
    btn.addEventListener("click", function () {
      card.hidden = true;
      var del = card.querySelector("input[name$=-deleted]"); if (del) del.value = "1";
      schedule();
    });
  }
  list.querySelectorAll(".party-card").forEach(bindRemove);
})();
