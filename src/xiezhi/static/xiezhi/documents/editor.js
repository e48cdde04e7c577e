/* 裁判文书编辑: the judge's sections, kept by js/drafts.js (this browser at every keystroke; the server a
   moment later, on leaving a field, on Ctrl/Cmd+S, and when the page is left; a stale save is refused
   and both versions shown). 主文 items are added, removed and reordered; the legal basis is picked from
   the catalogue (/documents/staff/citations/?q=); the fee burden can be filled from the suggestion of
   交费办法 第二十九条. "生成文书" waits until the server holds every word typed. No frameworks. */
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  if (!form || !window.XiezhiDraft) return;
  var sections = form.querySelectorAll(".draft-section");
  var labels = { remove: form.getAttribute("data-remove-label"), up: form.getAttribute("data-up-label"),
                 down: form.getAttribute("data-down-label") };

  function button(text, attr) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "small"; b.textContent = text; b.setAttribute(attr, "");
    return b;
  }
  function itemRow(sec, text) {
    var li = document.createElement("li"); li.className = "item";
    var ta = document.createElement("textarea"); ta.rows = 2; ta.setAttribute("data-f", "item"); ta.value = text || "";
    var n = sec.querySelectorAll("li.item").length + 1;
    ta.setAttribute("aria-label", sec.getAttribute("data-title") + " " + n);
    var acts = document.createElement("span"); acts.className = "item-actions";
    acts.appendChild(button(labels.up, "data-up")); acts.appendChild(button(labels.down, "data-down"));
    acts.appendChild(button(labels.remove, "data-remove"));
    li.appendChild(ta); li.appendChild(acts);
    sec.querySelector("ol.items").appendChild(li);
    return li;
  }
  function citationRow(sec, text) {
    var li = document.createElement("li"); li.className = "citation";
    var span = document.createElement("span"); span.setAttribute("data-f", "citation"); span.textContent = text;
    li.appendChild(span); li.appendChild(document.createTextNode(" ")); li.appendChild(button(labels.remove, "data-remove"));
    sec.querySelector("ul.citations").appendChild(li);
  }

  function collect() {
    var out = {};
    sections.forEach(function (sec) {
      var code = sec.getAttribute("data-code"), f = sec.getAttribute("data-form");
      if (f === "text") {
        out[code] = sec.querySelector("[data-f=text]").value.split("\n").map(function (s) { return s.trim(); })
          .filter(function (s) { return s; });
      } else if (f === "items") {
        out[code] = Array.prototype.map.call(sec.querySelectorAll("[data-f=item]"), function (t) { return t.value.trim(); });
      } else if (f === "citations") {
        out[code] = Array.prototype.map.call(sec.querySelectorAll("[data-f=citation]"), function (s) { return s.textContent; });
      } else {
        out[code] = sec.querySelector("[data-f=fee]").value.trim();
      }
    });
    return out;
  }
  function fill(value) {
    value = value || {};
    sections.forEach(function (sec) {
      var code = sec.getAttribute("data-code"), f = sec.getAttribute("data-form"), v = value[code];
      if (f === "text") { sec.querySelector("[data-f=text]").value = (v || []).join("\n"); }
      else if (f === "items") { sec.querySelector("ol.items").innerHTML = ""; (v || []).forEach(function (t) { itemRow(sec, t); }); }
      else if (f === "citations") { sec.querySelector("ul.citations").innerHTML = ""; (v || []).forEach(function (t) { citationRow(sec, t); }); }
      else { sec.querySelector("[data-f=fee]").value = v || ""; }
    });
  }
  function describe(value) {
    var lines = [];
    sections.forEach(function (sec) {
      var v = (value || {})[sec.getAttribute("data-code")];
      lines.push("【" + sec.getAttribute("data-title") + "】");
      if (typeof v === "string") { lines.push(v); }
      else (v || []).forEach(function (t, i) { lines.push(sec.getAttribute("data-form") === "items" ? (i + 1) + "．" + t : t); });
    });
    return lines.join("\n");
  }

  var gapsEl = document.getElementById("draft-gaps");
  var draft = new window.XiezhiDraft({
    form: form, url: form.getAttribute("data-autosave"), key: "xiezhi-draft-document-" + form.getAttribute("data-draft"),
    field: "sections", collect: collect, fill: fill, describe: describe, delay: 1000,
    state: document.getElementById("savestate"), box: document.getElementById("draft-conflict"),
    restored: document.getElementById("draft-restored"),
    onSaved: function (j) {
      if (!gapsEl || !j.gaps) return;
      gapsEl.textContent = j.gaps.length ? gapsEl.getAttribute("data-some") + j.gaps.join("、") : gapsEl.getAttribute("data-none");
      gapsEl.classList.toggle("unfinished", j.gaps.length > 0);
    }
  });

  form.addEventListener("click", function (e) {
    var t = e.target, sec = t.closest(".draft-section");
    if (!sec) return;
    if (t.hasAttribute("data-add-item")) { itemRow(sec, "").querySelector("textarea").focus(); draft.changed(); }
    else if (t.hasAttribute("data-remove")) { t.closest("li").remove(); draft.changed(); }
    else if (t.hasAttribute("data-up")) { var li = t.closest("li"); if (li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling); draft.changed(); }
    else if (t.hasAttribute("data-down")) { var li2 = t.closest("li"); if (li2.nextElementSibling) li2.parentNode.insertBefore(li2.nextElementSibling, li2); draft.changed(); }
    else if (t.hasAttribute("data-cite-add")) {
      var free = sec.querySelector("[data-cite-free]");
      if (free.value.trim()) { citationRow(sec, free.value.trim()); free.value = ""; draft.changed(); }
    } else if (t.hasAttribute("data-cite")) {
      citationRow(sec, t.getAttribute("data-cite")); draft.changed();
      sec.querySelector("[data-cite-results]").innerHTML = ""; sec.querySelector("[data-cite-q]").value = "";
    }
  });

  // the citation picker
  var searchTimer = null;
  form.querySelectorAll("[data-cite-q]").forEach(function (input) {
    input.addEventListener("input", function (e) {
      e.stopPropagation();  // a search is not a change of the draft
      var sec = input.closest(".draft-section"), list = sec.querySelector("[data-cite-results]");
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        var q = input.value.trim();
        if (!q) { list.innerHTML = ""; return; }
        fetch(form.getAttribute("data-citations") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (j) {
            list.innerHTML = "";
            (j.results || []).forEach(function (a) {
              var li = document.createElement("li"), b = document.createElement("button");
              b.type = "button"; b.setAttribute("data-cite", a.citation);
              b.textContent = a.citation + " — " + a.summary;
              li.appendChild(b); list.appendChild(li);
            });
          });
      }, 250);
    });
    input.addEventListener("change", function (e) { e.stopPropagation(); });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
  });
  form.querySelectorAll("[data-cite-free]").forEach(function (el) {
    ["input", "change"].forEach(function (ev) { el.addEventListener(ev, function (e) { e.stopPropagation(); }); });
  });
  ["fee-outcome", "fee-granted"].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) ["input", "change"].forEach(function (ev) { el.addEventListener(ev, function (e) { e.stopPropagation(); }); });
  });

  // the fee burden suggested by 交费办法 第二十九条
  var feeBtn = document.getElementById("fee-suggest");
  if (feeBtn) feeBtn.addEventListener("click", function () {
    var url = form.getAttribute("data-fee") + "?outcome=" + encodeURIComponent(document.getElementById("fee-outcome").value) +
      "&granted=" + encodeURIComponent(document.getElementById("fee-granted").value);
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (j) {
      if (j.text) { form.querySelector("[data-f=fee]").value = j.text; draft.changed(); }
    });
  });

  document.getElementById("save-draft").addEventListener("click", function () { draft.changed(); draft.saveNow(); });
  // 生成文书 only once the server has the last word typed
  var gen = document.getElementById("generate-form");
  if (gen) gen.addEventListener("submit", function (e) {
    e.preventDefault();
    draft.saveNow().then(function (ok) { if (ok) gen.submit(); });
  });
})();
