/* Reading settings (适老化): font size and high contrast, kept in localStorage. The controls
   stay hidden without JavaScript; reading never depends on them. */
(function () {
  "use strict";
  var root = document.documentElement;
  var panel = document.querySelector("[data-prefs]");
  if (!panel) { return; }
  var MIN = -1, MAX = 3;
  function store(key, value) {
    try {
      if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the setting lasts for this page only */ }
  }
  function fontStep() { return parseInt(root.dataset.font || "0", 10) || 0; }
  function setFont(step) {
    step = Math.max(MIN, Math.min(MAX, step));
    if (step === 0) { delete root.dataset.font; store("archive-font", null); }
    else { root.dataset.font = String(step); store("archive-font", String(step)); }
  }
  var contrast = panel.querySelector("[data-contrast-toggle]");
  function showContrast() {
    contrast.setAttribute("aria-pressed", root.dataset.contrast === "high" ? "true" : "false");
  }
  panel.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.hasAttribute("data-font-step")) {
      var delta = parseInt(button.getAttribute("data-font-step"), 10);
      setFont(delta === 0 ? 0 : fontStep() + delta);
    } else if (button === contrast) {
      if (root.dataset.contrast === "high") { delete root.dataset.contrast; store("archive-contrast", null); }
      else { root.dataset.contrast = "high"; store("archive-contrast", "high"); }
      showContrast();
    }
  });
  showContrast();
  panel.hidden = false;
}());
