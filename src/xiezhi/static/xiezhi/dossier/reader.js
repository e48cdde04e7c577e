// 阅卷: left/right arrow keys turn pages (not while typing in a field).
document.addEventListener("keydown", function (ev) {
  var t = ev.target && ev.target.tagName;
  if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  var link = document.getElementById(ev.key === "ArrowLeft" ? "prev" : ev.key === "ArrowRight" ? "next" : "");
  if (link) { window.location.href = link.href; }
});
