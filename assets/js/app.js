// Progressive enhancement only: the site is complete without this script.
// It runs the reading aids of the header: the text-size control ("Cỡ chữ
// A A+ A++") and the high-contrast switch, and remembers both in
// localStorage. A tiny script in <head> (layouts/base.html) applies the
// saved choices before the first paint and marks <html class="js">, which
// shows the controls; without JavaScript they stay hidden.
(function () {
  "use strict";
  var root = document.documentElement;
  var fontKey = "minhbach:font-scale";
  var contrastKey = "minhbach:contrast";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  function save(key, value) {
    try {
      if (value) { localStorage.setItem(key, value); } else { localStorage.removeItem(key); }
    } catch (e) { /* storage off: the choice lasts for this page only */ }
  }

  var sizes = document.querySelectorAll("button[data-font-scale]");
  function showSize() {
    var now = root.style.getPropertyValue("--font-scale").trim() || "1";
    each(sizes, function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-font-scale") === now)); });
  }
  each(sizes, function (b) {
    b.addEventListener("click", function () {
      var scale = b.getAttribute("data-font-scale");
      root.style.setProperty("--font-scale", scale);
      save(fontKey, scale === "1" ? "" : scale);
      showSize();
    });
  });
  showSize();

  var contrast = document.querySelectorAll("button[data-contrast]");
  function showContrast() {
    var on = root.getAttribute("data-contrast") === "high";
    each(contrast, function (b) { b.setAttribute("aria-pressed", String(on)); });
  }
  each(contrast, function (b) {
    b.addEventListener("click", function () {
      var on = root.getAttribute("data-contrast") !== "high";
      if (on) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
      save(contrastKey, on ? "high" : "");
      showContrast();
    });
  });
  showContrast();
})();
