// Progressive enhancement only: the site is complete without this script.
// It runs the reading aids of the header: the text-size control ("Cỡ chữ
// A A+ A++") and the high-contrast switch, and remembers both in
// localStorage; it lets Escape close the menu of small screens, and shows
// the print button of procedure pages. A tiny script in <head> (layouts/base.html) applies the
// saved choices before the first paint and marks <html class="js">, which
// shows the controls; without JavaScript they stay hidden.
//
// It also brings the legal status of gazette documents to the reader's
// date when the site was built before it (see validity below).
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

  // The site notice (site.yaml's notice) shows until its end as of the
  // build; once the reader's clock passes the end, it hides without a
  // rebuild. Without this script it stays until the next build.
  each(document.querySelectorAll("[data-notice-end]"), function (n) {
    var end = Date.parse(n.getAttribute("data-notice-end"));
    if (end && Date.now() >= end) { n.hidden = true; }
  });

  // Validity on the reader's date. Pages state the status as of the
  // build date in <time data-as-of datetime="YYYY-MM-DD">, and carry the
  // known changes after it: an element with data-hieu-luc holds a JSON
  // array of steps {from, status, label, mark} in date order (the Go type
  // render.StatusStep) for the [data-status] badges and [data-status-label]
  // texts inside it; an element with data-from="YYYY-MM-DD" shows from
  // that day on, one with data-until from that day on hides. When the
  // reader's date in Việt Nam (UTC+7) is past the build date, this shows
  // what holds on it and moves the as-of date.
  // UI text: the page of a language other than Vietnamese carries its
  // text, from the string tables i18n/<lang>.yaml (keys "js.…"), in
  // <script type="application/json" id="ui-text">; without it the
  // Vietnamese written here is used. "%s" and "%d" take the arguments in
  // order; when the first is 1, the key with ".one" added is the singular.
  var uiText = null;
  function tr(key, vi) {
    if (uiText === null) {
      uiText = {};
      try { uiText = JSON.parse(document.getElementById("ui-text").textContent) || {}; } catch (e) {}
    }
    var args = [].slice.call(arguments, 2), one = args[0] === 1 && typeof uiText[key + ".one"] === "string";
    var s = one ? uiText[key + ".one"] : typeof uiText[key] === "string" ? uiText[key] : vi;
    return s.replace(/%[sd]/g, function () { return args.length ? String(args.shift()) : ""; });
  }
  var stamps = document.querySelectorAll("time[data-as-of]");
  var today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  // Drafts for comment on the reader's date: an element with data-opens
  // and data-closes (the first and the last day of comments) holds a
  // [data-consult-state] badge; its text and class follow the reader's
  // date as they follow the build date (model.Consultation.StateText).
  if (stamps.length && today > stamps[0].getAttribute("datetime")) {
    each(document.querySelectorAll("[data-opens][data-closes]"), function (el) {
      var opens = el.getAttribute("data-opens"), closes = el.getAttribute("data-closes"), state, text;
      if (today < opens) {
        state = "upcoming"; text = "◷ " + tr("js.consult.upcoming", "Chưa đến thời hạn góp ý");
      } else if (today > closes) {
        state = "closed"; text = "✕ " + tr("js.consult.closed", "Đã hết thời hạn góp ý");
      } else {
        var left = Math.round((Date.parse(closes) - Date.parse(today)) / 864e5);
        state = "open"; text = "● " + tr("js.consult.open", "Đang lấy ý kiến") + (left ? tr("js.consult.daysleft", ", còn %d ngày", left) : tr("js.consult.lastday", ", hôm nay là ngày cuối"));
      }
      each(el.querySelectorAll("[data-consult-state]"), function (b) {
        b.className = "status status-consult-" + state;
        b.textContent = text;
      });
    });
  }
  if (stamps.length && today > stamps[0].getAttribute("datetime")) {
    each(stamps, function (t) {
      t.setAttribute("datetime", today);
      t.textContent = uiText && uiText.lang && uiText.lang !== "vi" ?
        new Date(today + "T00:00:00Z").toLocaleDateString(uiText.lang === "en" ? "en-GB" : uiText.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) :
        today.slice(8) + "/" + today.slice(5, 7) + "/" + today.slice(0, 4);
    });
    each(document.querySelectorAll("[data-hieu-luc]"), function (el) {
      var now = null;
      try {
        JSON.parse(el.getAttribute("data-hieu-luc")).forEach(function (s) { if (s.from <= today) { now = s; } });
      } catch (e) { return; }
      if (!now) { return; }
      each(el.querySelectorAll("[data-status]"), function (b) {
        b.className = "status status-" + now.status;
        b.textContent = now.mark + " " + now.label;
      });
      each(el.querySelectorAll("[data-status-label]"), function (d) { d.textContent = now.label; });
    });
    each(document.querySelectorAll("[data-from]"), function (x) { x.hidden = x.getAttribute("data-from") > today; });
    each(document.querySelectorAll("[data-until]"), function (x) { x.hidden = x.getAttribute("data-until") <= today; });
  }
})();
