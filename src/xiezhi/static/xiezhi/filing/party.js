/* A party card shows the fields of its kind: a natural person's 工作单位和职务或者职业; a legal
   person's 法定代表人 or an unincorporated organisation's 主要负责人 (民事诉讼法 第五十一条第二款),
   each with the 职务. Without this script every field stays visible and the server keeps what fits. */
(function () {
  "use strict";
  function apply(card) {
    var kindEl = card.querySelector("[data-f=kind]");
    if (!kindEl) return;
    var kind = kindEl.value;
    card.querySelectorAll("[data-for-kind]").forEach(function (el) {
      el.hidden = el.getAttribute("data-for-kind").split(" ").indexOf(kind) < 0;
    });
    var label = card.querySelector("[data-rep-label]");
    if (label && label.getAttribute("data-" + kind)) label.textContent = label.getAttribute("data-" + kind);
  }
  window.XiezhiPartyKind = apply;
  document.addEventListener("change", function (e) {
    if (e.target && e.target.matches && e.target.matches(".party-card [data-f=kind]")) apply(e.target.closest(".party-card"));
  });
  function all() { document.querySelectorAll(".party-card").forEach(apply); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
