// Progressive enhancement only: the site is complete without this script.
// It adds the text-size control ("Cỡ chữ A A+ A++") and remembers the choice.
(function () {
  "use strict";
  var sizes = [1, 1.15, 1.3];
  var labels = ["A", "A+", "A++"];
  var key = "minhbach:font-scale";
  function apply(i) {
    document.documentElement.style.setProperty("--font-scale", String(sizes[i]));
  }
  var saved = 0;
  try { saved = Math.max(0, sizes.indexOf(Number(localStorage.getItem(key)))); } catch (e) { saved = 0; }
  apply(saved);
  var top = document.querySelector(".header-top");
  if (!top) { return; }
  var group = document.createElement("div");
  group.className = "text-size";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Cỡ chữ");
  var label = document.createElement("span");
  label.textContent = "Cỡ chữ";
  group.appendChild(label);
  labels.forEach(function (text, i) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-pressed", String(i === saved));
    b.addEventListener("click", function () {
      apply(i);
      try { localStorage.setItem(key, String(sizes[i])); } catch (e) { /* private mode */ }
      group.querySelectorAll("button").forEach(function (x, j) { x.setAttribute("aria-pressed", String(j === i)); });
    });
    group.appendChild(b);
  });
  top.appendChild(group);
})();
