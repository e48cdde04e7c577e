/* Drafts that never lose a word (the online filing form, the hearing record).

   Every keystroke is copied at once into this browser (localStorage), and saved to the server a
   moment later, on leaving a field, on Ctrl/Cmd+S, and when the page is hidden or closed
   (pagehide / visibilitychange: a keep-alive request, or a beacon). Each save names the server
   revision its text is based on, this tab's id and its count of saves (xiezhi/site/drafts.py),
   so a retried or overtaken save changes nothing and a save by another tab is a conflict: then
   both versions are shown and the user keeps either. On opening the page, a copy in this
   browser that the server does not have is put back. No frameworks, no external files. */
(function () {
  "use strict";

  function csrf(form) {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var i = form.querySelector("input[name=csrfmiddlewaretoken]");
    return i ? i.value : "";
  }
  function newId() {
    var a = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  /* opts: form, url, key (localStorage), field ("data" | "lines"), collect(), fill(value),
     describe(value) -> text shown in the conflict view, state (status element), onSaved(json),
     onRejected(json), box (conflict element, with [data-mine], [data-theirs], [data-keep=mine|theirs]),
     restored (element shown when a local copy was put back), delay (ms). */
  function Draft(opts) {
    var form = opts.form, state = opts.state, key = opts.key;
    var revision = parseInt(form.getAttribute("data-revision") || "0", 10);
    var serverEditor = form.getAttribute("data-editor") || "";
    var editor = newId(), seq = 0;
    var timer = null, inflight = null, pending = false, dirty = false, conflicted = false, waiters = [];
    var self = this;

    function say(attr, extra) { if (state) state.textContent = (state.getAttribute(attr) || "") + (extra || ""); }
    function body(value) {
      var b = { revision: revision, editor: editor, seq: ++seq };
      b[opts.field] = value;
      return b;
    }
    function keep() {  // the copy in this browser, written on every keystroke
      try {
        localStorage.setItem(key, JSON.stringify({ base: revision, editor: editor, at: Date.now(), value: opts.collect() }));
      } catch (e) { /* private mode or full: the server copy remains */ }
    }
    function local() {
      try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
    }
    function forget() { try { localStorage.removeItem(key); } catch (e) {} }
    function settle(ok) { var w = waiters; waiters = []; w.forEach(function (f) { f(ok); }); }
    function syncHidden() {
      ["revision", "editor", "seq"].forEach(function (n) {
        var el = form.elements[n];
        if (el) el.value = n === "revision" ? revision : n === "editor" ? editor : seq;
      });
    }

    function save() {
      clearTimeout(timer); timer = null;
      if (conflicted) return;
      if (inflight) { pending = true; return; }
      var value = opts.collect();
      var sent = JSON.stringify(body(value));
      inflight = true;
      say("data-saving");
      fetch(opts.url, { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(form) }, body: sent })
        .then(function (r) { return r.json().then(function (j) { return { status: r.status, j: j }; }); })
        .then(function (res) {
          if (res.status === 200) {
            revision = res.j.revision; serverEditor = editor;
            form.setAttribute("data-revision", revision);
            syncHidden();
            if (same(opts.collect(), value)) { forget(); dirty = false; } else { keep(); }
            say("data-saved", " " + new Date().toLocaleTimeString());
            if (opts.onSaved) opts.onSaved(res.j);
          } else if (res.status === 409 && res.j.conflict) {
            showConflict(opts.collect(), res.j[opts.field], res.j.revision);
          } else {
            if (state) state.textContent = res.j.error || state.getAttribute("data-failed");
            if (opts.onRejected) opts.onRejected(res.j);
            pending = false;
          }
        })
        .catch(function () { say("data-offline"); setTimeout(function () { if (dirty) later(); }, 5000); })
        .then(function () {
          inflight = false;
          if (pending && !conflicted) { pending = false; save(); return; }
          pending = false;
          settle(!dirty && !conflicted);
        });
    }
    function later() { clearTimeout(timer); timer = setTimeout(save, opts.delay || 700); }

    // leaving the page: send what the server does not have yet, without waiting for an answer
    function flush() {
      if (!dirty || conflicted) return;
      clearTimeout(timer); timer = null;
      var text = JSON.stringify(body(opts.collect()));
      var sent = false;
      try {
        if (new Blob([text]).size < 60000) {
          fetch(opts.url, { method: "POST", credentials: "same-origin", keepalive: true,
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(form) }, body: text });
          sent = true;
        }
      } catch (e) { sent = false; }
      if (!sent && navigator.sendBeacon) {
        var f = new URLSearchParams();
        f.set("csrfmiddlewaretoken", csrf(form));
        f.set("payload", text);
        navigator.sendBeacon(opts.url, new Blob([f.toString()], { type: "application/x-www-form-urlencoded" }));
      }
    }

    function showConflict(mine, theirs, theirRevision) {
      conflicted = true;
      var box = opts.box;
      if (!box) return;
      box.querySelector("[data-mine]").textContent = opts.describe(mine);
      box.querySelector("[data-theirs]").textContent = opts.describe(theirs);
      box.hidden = false;
      say("data-conflict");
      box.querySelector("[data-keep=mine]").onclick = function () {
        conflicted = false; box.hidden = true;
        revision = theirRevision; syncHidden();
        opts.fill(mine); dirty = true; keep(); save();
      };
      box.querySelector("[data-keep=theirs]").onclick = function () {
        conflicted = false; box.hidden = true;
        revision = theirRevision; syncHidden();
        opts.fill(theirs); forget(); dirty = false;
        say("data-saved", "");
      };
      box.scrollIntoView({ block: "center" });
    }

    function changed() { dirty = true; keep(); later(); }
    this.changed = changed;
    /* Save now; resolves true once the server holds everything typed so far. */
    this.saveNow = function () {
      return new Promise(function (resolve) {
        if (!dirty && !inflight) { resolve(true); return; }
        waiters.push(resolve);
        if (!inflight) save(); else pending = true;
      });
    };
    this.isConflicted = function () { return conflicted; };

    // a full-form save or submission carries everything: this tab's next count, nothing left to flush
    form.addEventListener("submit", function () {
      clearTimeout(timer); timer = null; seq++; syncHidden(); dirty = false; forget();
    });
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("focusout", function () { if (timer) save(); });
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "s" || e.key === "S")) {
        e.preventDefault();
        dirty = true; keep(); save();
      }
    });
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") flush(); });
    window.addEventListener("pagehide", flush);
    syncHidden();

    // Opening the page: a copy in this browser that the server does not have comes back.
    var l = local();
    if (l && l.value !== undefined) {
      var current = opts.collect();
      if (same(l.value, current)) {
        forget();
      } else if (l.base >= revision || (l.editor && l.editor === serverEditor)) {
        // typed here after the server's version (or the server's version is an earlier save of it)
        opts.fill(l.value);
        if (opts.restored) opts.restored.hidden = false;
        dirty = true; keep(); later();
      } else {
        showConflict(l.value, current, revision);  // another tab saved since this copy's base
      }
    }
    var preset = opts.serverConflict;  // a full-form save refused because another tab saved first
    if (preset && !conflicted) { showConflict(opts.collect(), preset.value, revision); }
    self.revision = function () { return revision; };
  }
  window.XiezhiDraft = Draft;
})();
