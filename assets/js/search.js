/* minhbach search client: no dependencies. The engine (MinhbachSearch) reads
   the static index that internal/search writes; the page part runs on
   /tim-kiem/. Tokenizing, folding and shard choice mirror the Go code. */
(function (g) {
  "use strict";
  var WORD = /[\p{L}\p{Nd}\p{Mn}]/u, LETTER = /\p{L}/u, DIGIT = /\p{Nd}/u;

  function fold(s) {
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC").toLowerCase();
  }

  function tok(out, s, number) {
    var exact = s.toLowerCase(), folded = fold(exact);
    if (folded) out.push({ exact: exact, folded: folded, number: number });
  }

  // tokenize splits text as search.Tokenize does.
  function tokenize(s) {
    var out = [], cs = Array.from(s.normalize("NFC")), i = 0;
    while (i < cs.length) {
      if (!WORD.test(cs[i])) { i++; continue; }
      var j = i, joined = false, digit = false, letter = false, end = i;
      while (j < cs.length) {
        var c = cs[j];
        if (WORD.test(c)) {
          digit = digit || DIGIT.test(c); letter = letter || LETTER.test(c);
          j++; end = j; continue;
        }
        if ((c === "/" || c === "." || c === "-") && j + 1 < cs.length && WORD.test(cs[j + 1]) && j > i) { joined = true; j++; continue; }
        break;
      }
      var compound = cs.slice(i, end).join("");
      i = end;
      if (joined && digit) {
        tok(out, compound, true);
        if (letter) { var m = /^\p{Nd}+/u.exec(compound); if (m && m[0].length < compound.length) tok(out, m[0], false); }
        continue;
      }
      compound.split(/[\/.\-]/).forEach(function (w) { if (w) tok(out, w, false); });
    }
    return out;
  }

  var enc = new TextEncoder();
  function shardOf(term, n, pre) {
    term = term.replace(/^[=^]/, "");
    var sp = term.indexOf(" ");
    if (sp >= 0) term = term.slice(0, sp);
    var b = enc.encode(Array.from(fold(term)).slice(0, pre).join("")), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % n;
  }

  // Engine reads the index under base; fetchJSON(url) returns a promise.
  function Engine(manifestURL, fetchJSON) {
    var self = this, cache = {};
    var dir = manifestURL.slice(0, manifestURL.lastIndexOf("/") + 1);
    function get(url) { return cache[url] || (cache[url] = fetchJSON(url)); }
    self.ready = get(manifestURL).then(function (m) {
      self.m = m;
      var start = 0;
      self.starts = m.groups.map(function (r) { var s = start; start += r[0]; return s; });
      return m;
    });
    self.group = function (id) {
      var lo = 0, hi = self.starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (self.starts[mid] <= id) lo = mid; else hi = mid - 1; }
      return self.m.groups[lo];
    };
    self.shard = function (term) { var m = self.m; return get(dir + "s/" + m.shards[shardOf(term, m.shards.length, m.pre)]); };
    self.docs = function (ids) {
      var m = self.m, need = {};
      ids.forEach(function (id) { need[Math.floor(id / m.chunk)] = 1; });
      return Promise.all(Object.keys(need).map(function (c) { return get(dir + "m/" + m.meta[c]).then(function (rows) { return [c, rows]; }); }))
        .then(function (chunks) {
          var by = {};
          chunks.forEach(function (x) { by[x[0]] = x[1]; });
          return ids.map(function (id) { var r = by[Math.floor(id / m.chunk)][id % m.chunk]; return { id: id, url: r[0], title: r[1], kind: r[2], label: r[3], summary: r[4] }; });
        });
    };
  }

  function postings(list, into, bonus) {
    var id = 0;
    for (var i = 2; i < list.length; i += 2) {
      id += list[i];
      into.set(id, Math.max(into.get(id) || 0, list[i + 1] * (bonus || 1)));
    }
  }

  // matches(shard, key, prefix) returns {map: doc→impact, truncated, found}.
  function lookup(shard, key, prefix) {
    var r = { map: new Map(), truncated: false, found: false };
    var keys = prefix ? Object.keys(shard).filter(function (k) { return k.lastIndexOf(key, 0) === 0 && k.indexOf("=") !== 0 && (key.indexOf(" ") >= 0 || k.indexOf(" ") < 0); }) : (shard[key] ? [key] : []);
    keys.forEach(function (k) { r.found = true; if (shard[k][1]) r.truncated = true; postings(shard[k], r.map); });
    return r;
  }

  // search runs a query: q as typed (its last word is a prefix unless q
  // ends in a space) and filters {kind, field, type, level, year}.
  Engine.prototype.search = function (q, filters) {
    var self = this;
    return self.ready.then(function (m) {
      var toks = tokenize(q), words = toks.filter(function (t) { return !t.number; });
      if (!toks.length) return { total: 0, ids: [], facets: null };
      var lastPrefix = !/\s$/.test(q);
      var plan = toks.map(function (t, i) {
        var prefix = lastPrefix && i === toks.length - 1 && !t.number && Array.from(t.folded).length >= m.pre;
        return { t: t, prefix: prefix };
      });
      var pairs = [];
      for (var i = 1; i < toks.length; i++) {
        if (!toks[i].number && !toks[i - 1].number) pairs.push({ key: toks[i - 1].folded + " " + toks[i].folded, prefix: plan[i].prefix });
      }
      var titleKey = "^" + words.slice(0, 6).map(function (t) { return t.folded; }).join(" ");
      var shardTerms = plan.map(function (p) { return p.t.folded; }).concat(pairs.map(function (p) { return p.key; }), words.length ? [titleKey] : []);
      return Promise.all(shardTerms.map(function (t) { return self.shard(t); })).then(function (shards) {
        var score = new Map(), required = [], optional = [];
        plan.forEach(function (p, i) {
          var r = lookup(shards[i], p.t.folded, p.prefix);
          if (p.t.exact !== p.t.folded) {
            var e = lookup(shards[i], "=" + p.t.exact, false);
            e.map.forEach(function (v, id) { if (r.map.has(id)) r.map.set(id, r.map.get(id) + v); });
          }
          (r.truncated ? optional : required).push(r);
        });
        var pairHits = pairs.map(function (p, i) { return lookup(shards[plan.length + i], p.key, p.prefix); });
        var candidates;
        if (required.length) {
          required.sort(function (a, b) { return a.map.size - b.map.size; });
          candidates = Array.from(required[0].map.keys()).filter(function (id) { return required.every(function (r) { return r.map.has(id); }); });
        } else {
          var all = new Set();
          optional.forEach(function (r) { r.map.forEach(function (v, id) { all.add(id); }); });
          candidates = Array.from(all);
        }
        // A query of several words is a phrase somewhere: one of its pairs
        // must be in the page, unless a pair is too common to be listed whole.
        if (words.length > 1 && pairs.length && !pairHits.some(function (p) { return p.truncated; })) {
          candidates = candidates.filter(function (id) { return pairHits.some(function (p) { return p.map.has(id); }); });
        }
        // Pages whose title begins with the query's words, or is them.
        var titles = new Map();
        if (words.length) {
          var ts = shards[shards.length - 1], whole = titleKey + "$";
          Object.keys(ts).forEach(function (k) {
            if (k.lastIndexOf(titleKey, 0) !== 0) return;
            var rest = k.slice(titleKey.length);
            if (!(rest === "" || rest === "$" || (lastPrefix ? true : rest[0] === " "))) return;
            postings(ts[k], titles, k === whole ? 1.5 : 1);
          });
        }
        candidates.forEach(function (id) {
          var s = titles.get(id) || 0;
          required.concat(optional, pairHits).forEach(function (r) { s += r.map.get(id) || 0; });
          score.set(id, s);
        });
        var f = filters || {}, facets = { kind: {}, field: {}, type: {}, level: {}, year: {} }, ids = [];
        candidates.forEach(function (id) {
          var gr = self.group(id), v = {
            kind: m.kinds[gr[1]][0], field: gr[2] >= 0 ? m.fields[gr[2]][0] : "", type: gr[3] >= 0 ? m.types[gr[3]] : "",
            level: m.levels.filter(function (l, i) { return gr[4] & (1 << i); }).map(function (l) { return l[0]; }), year: gr[5] ? String(gr[5]) : ""
          };
          var ok = function (dim) { return !f[dim] || (dim === "level" ? v.level.indexOf(f[dim]) >= 0 : v[dim] === f[dim]); };
          var dims = ["kind", "field", "type", "level", "year"];
          dims.forEach(function (dim) {
            // A dimension's counts apply the other dimensions' filters.
            if (!dims.every(function (o) { return o === dim || ok(o); })) return;
            (dim === "level" ? v.level : [v[dim]]).forEach(function (x) { if (x) facets[dim][x] = (facets[dim][x] || 0) + 1; });
          });
          if (dims.every(ok)) ids.push(id);
        });
        ids.sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
        return { total: ids.length, ids: ids, scores: ids.map(function (id) { return score.get(id); }), facets: facets, tokens: toks, prefix: lastPrefix };
      });
    });
  };

  g.MinhbachSearch = { Engine: Engine, tokenize: tokenize, fold: fold, shardOf: shardOf };

  if (typeof document === "undefined") return;

  // The page.
  var root = document.getElementById("tim-kiem");
  if (!root) return;
  var form = root.querySelector("form"), input = form.querySelector("input[name=q]");
  var status = document.getElementById("trang-thai"), list = document.getElementById("ket-qua"), more = document.getElementById("xem-them");
  var facetsEl = document.getElementById("bo-loc");
  root.hidden = false;
  var engine = new Engine(root.getAttribute("data-index"), function (url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); });
  });
  var DIMS = [["kind", "Loại"], ["field", "Lĩnh vực"], ["type", "Loại văn bản"], ["level", "Cấp thực hiện"], ["year", "Năm"]];
  var state = readURL(), shown = 0, last = null, timer = 0, seq = 0;
  input.value = state.q;

  function readURL() {
    var p = new URLSearchParams(location.search), s = { q: p.get("q") || "", f: {} };
    DIMS.forEach(function (d) { var v = p.get(d[0] === "type" ? "doc_type" : d[0]); if (v) s.f[d[0]] = v; });
    return s;
  }
  function href(q, f) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    DIMS.forEach(function (d) { if (f[d[0]]) p.set(d[0] === "type" ? "doc_type" : d[0], f[d[0]]); });
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  // mark appends text to parent with the query's words in <mark>.
  function mark(parent, text, toks, prefix) {
    var words = toks.map(function (t) { return t.folded; });
    var re = /[\p{L}\p{Nd}\p{Mn}]+(?:[\/.\-][\p{L}\p{Nd}\p{Mn}]+)*/gu, at = 0, m;
    while ((m = re.exec(text))) {
      var f = fold(m[0]), hit = words.some(function (w, i) { return f === w || (prefix && i === words.length - 1 && f.lastIndexOf(w, 0) === 0) || f.split(/[\/.\-]/).indexOf(w) >= 0; });
      if (!hit) continue;
      parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      parent.appendChild(el("mark", "", m[0]));
      at = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function kindLabel(k) { var x = engine.m.kinds.filter(function (y) { return y[0] === k; })[0]; return x ? x[1] : k; }
  function valueLabel(dim, v) {
    var m = engine.m;
    if (dim === "kind") return kindLabel(v);
    if (dim === "field") { var x = m.fields.filter(function (y) { return y[0] === v; })[0]; return x ? x[1] : v; }
    if (dim === "level") { var l = m.levels.filter(function (y) { return y[0] === v; })[0]; return l ? l[1] : v; }
    return v;
  }

  function showMore() {
    var ids = last.ids.slice(shown, shown + 10);
    shown += ids.length;
    return engine.docs(ids).then(function (docs) {
      docs.forEach(function (d) {
        var li = el("li", "result"), h = el("h2"), a = el("a");
        a.href = d.url;
        mark(a, d.title, last.tokens, last.prefix);
        h.appendChild(a);
        li.appendChild(h);
        li.appendChild(el("p", "meta", kindLabel(d.kind) + (d.label ? " · " + d.label : "")));
        if (d.summary) { var p = el("p", "summary"); mark(p, d.summary, last.tokens, last.prefix); li.appendChild(p); }
        list.appendChild(li);
      });
      more.hidden = shown >= last.total;
    });
  }

  function renderFacets(res) {
    facetsEl.textContent = "";
    if (!res.facets) return;
    DIMS.forEach(function (d) {
      var counts = res.facets[d[0]], keys = Object.keys(counts);
      if (!keys.length) return;
      keys.sort(function (a, b) { return d[0] === "year" ? b.localeCompare(a) : counts[b] - counts[a] || a.localeCompare(b); });
      var box = el("div", "facet"), ul = el("ul");
      box.appendChild(el("h2", "", d[1]));
      keys.forEach(function (k) {
        var li = el("li"), a = el("a"), on = state.f[d[0]] === k, f = Object.assign({}, state.f);
        if (on) delete f[d[0]]; else f[d[0]] = k;
        a.href = href(state.q, f);
        a.textContent = valueLabel(d[0], k) + " (" + counts[k] + ")";
        if (on) a.setAttribute("aria-current", "true");
        a.addEventListener("click", function (e) { e.preventDefault(); state.f = f; history.pushState(null, "", a.href); run(); });
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      facetsEl.appendChild(box);
    });
  }

  function run() {
    var my = ++seq, q = state.q.trim();
    list.textContent = "";
    more.hidden = true;
    if (!q) { status.textContent = "Nhập từ khóa để tìm tin tức, văn bản và thủ tục hành chính."; facetsEl.textContent = ""; return Promise.resolve(); }
    var t0 = performance.now();
    return engine.search(state.q, state.f).then(function (res) {
      if (my !== seq) return;
      last = res; shown = 0;
      status.textContent = res.total ? "Tìm thấy " + res.total + " kết quả cho “" + q + "”." : "Không tìm thấy kết quả nào cho “" + q + "”. Thử bỏ dấu, dùng ít từ hơn hoặc bỏ bộ lọc.";
      renderFacets(res);
      return showMore().then(function () { root.setAttribute("data-ms", String(Math.round(performance.now() - t0))); });
    }).catch(function (e) {
      status.textContent = "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.";
      throw e;
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = input.value; history.replaceState(null, "", href(state.q, state.f)); run(); }, 150);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault(); clearTimeout(timer);
    state.q = input.value; history.pushState(null, "", href(state.q, state.f)); run();
  });
  more.addEventListener("click", function () { showMore(); });
  addEventListener("popstate", function () { state = readURL(); input.value = state.q; run(); });
  run();
})(typeof globalThis !== "undefined" ? globalThis : this);
