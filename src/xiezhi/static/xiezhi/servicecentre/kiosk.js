// Idle timer of the kiosk: no touch for data-idle-seconds -> back to the start screen, so the next
// person never sees the previous person's case or ID number.
(function () {
  var root = document.querySelector("[data-idle-home]");
  if (!root) return;
  var home = root.getAttribute("data-idle-home");
  var seconds = parseInt(root.getAttribute("data-idle-seconds"), 10) || 90;
  var timer;
  function reset() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.href = home; }, seconds * 1000);
  }
  ["touchstart", "mousedown", "keydown", "input"].forEach(function (e) {
    document.addEventListener(e, reset, { passive: true });
  });
  reset();
})();
