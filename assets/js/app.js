// Progressive enhancement only: the site is complete without this script.
// It runs the reading aids of the header: the text-size control ("Cỡ chữ
// A A+ A++") and the high-contrast switch, and remembers both in
// localStorage; it lets Escape close the menu of small screens, and shows
// the print button of procedure pages. A tiny script in <head> (layouts/base.html) applies the
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

  // The "Menu" button of small screens is a <details>, which opens and
  // closes without this script. Escape closes it (the focus goes back to
  // its button), and so does a tap outside it.
  var menu = document.querySelector(".site-header details.menu");
  if (menu) {
    menu.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (menu.open && !menu.contains(e.target)) { menu.open = false; }
    });
  }

  // The print button of procedure pages: hidden without this script.
  each(document.querySelectorAll("button[data-print]"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
