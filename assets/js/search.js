/* minhbach search client: no dependencies. The engine (MinhbachSearch) reads
   the static index that internal/search writes; the page part runs on
   /tim-kiem/. Tokenizing, folding and shard choice mirror the Go code.
   The index's files are described in docs/search-index.md and defined in
   internal/search/format.go; FORMAT mirrors that file's constants. */
(function (g) {
  "use strict";
  // FORMAT is the shape of the index's files, as format.go defines it
  // (TestFormatPositions checks that they agree): the version, the
  // folders, the manifest's members, and the positions in each array.
  var FORMAT = {
    version: 8,
    part: { shards: "shards", long: "long" },
    manifest: ["version", "docs", "prefixLen", "titleWords", "chunkDocs", "rowFiles", "folderFiles", "rowFolders", "shards", "prefixes", "parts", "prefixFiles", "kinds", "fields", "types", "levels", "groups", "lang"],
    group: { count: 0, kind: 1, field: 2, type: 3, year: 4, levels: 5 },
    entry: { df: 0, best: 1, postings: 2, stride: 2, cut: -1 },
    prefix: { word: 0, df: 1, stride: 2 },
    row: { url: 0, title: 1, kind: 2, label: 3, summary: 4 }
  };
  var FE = FORMAT.entry, FG = FORMAT.group, FR = FORMAT.row, FP = FORMAT.prefix, FT = FORMAT.part;
  var WORD = /[\p{L}\p{Nd}\p{Mn}]/u, LETTER = /\p{L}/u, DIGIT = /\p{Nd}/u, MN = /\p{Mn}/gu;
  // kind classes a character without the Unicode patterns for ASCII and
  // the Latin letters and marks Vietnamese uses: 1 a letter, 2 a digit, 3
  // a mark, 0 none, -1 ask the patterns. A browser compiles the patterns
  // slowly on first use, which would be on the cold path of a query.
  function kind(c) {
    var x = c.charCodeAt(0);
    if (c.length > 1) return -1;
    if (x < 0x80) return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) ? 1 : x >= 48 && x <= 57 ? 2 : 0;
    if ((x >= 0xc0 && x <= 0x24f && x !== 0xd7 && x !== 0xf7) || (x >= 0x1e00 && x <= 0x1eff)) return 1;
    return x >= 0x300 && x <= 0x36f ? 3 : -1;
  }
  function isWord(c) { var k = kind(c); return k < 0 ? WORD.test(c) : k > 0; }
  function isLetter(c) { var k = kind(c); return k < 0 ? LETTER.test(c) : k === 1; }
  function isDigit(c) { var k = kind(c); return k < 0 ? DIGIT.test(c) : k === 2; }
  function hasDigit(s) { return Array.from(s).some(isDigit); }
  // starts tells whether c may begin a word, or a word after a joiner: a
  // letter or a digit; a combining mark only continues one (as Go's
  // startsWord).
  function starts(c) { return isLetter(c) || isDigit(c); }

  function fold(s) {
    var d = s.normalize("NFD");
    // Only U+0300–U+036F are marks among the Latin letters and marks.
    return d.replace(/[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff]/.test(d) ? MN : /[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC").toLowerCase();
  }
  // iy spells the vowel /i/ of a lower-case word one way where i and y are
  // variants, as vnfold.UnifyIY (the rules and their sources are there):
  // i after an initial consonant (ký → kí, ty → ti), y after qu (quí → quý).
  var INITIAL = /^(b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|r|s|t|th|tr|v|x)$/, YS = "yýỳỷỹỵ", IS = "iíìỉĩị";
  function iy(w) {
    var h = w.slice(0, -1), c = w.slice(-1), k = YS.indexOf(c);
    if (h && k >= 0 && INITIAL.test(h)) return h + IS[k];
    k = IS.indexOf(c);
    return h === "qu" && k >= 0 ? h + YS[k] : w;
  }
  // key is a word's folded form, as the index holds it.
  function key(w) { return iy(fold(w)); }

  // lower lowers s as Go's strings.ToLower does: one letter for one, so
  // İ gives i (not i and a dot) and Σ gives σ wherever it stands.
  function lower(s) { return s.replace(/[\u0130\u03a3]/g, function (c) { return c === "\u0130" ? "i" : "\u03c3"; }).toLowerCase(); }
  // english tells whether lang (an index's language) is analyzed as
  // English: any language but Vietnamese ("" or "vi"), as in Go.
  function english(lang) { return !!lang && lang !== "vi"; }
  // APOS are the apostrophes English writes inside words.
  var APOS = /['\u2019]/g;
  // unquote drops an English word's final possessive 's and its other
  // apostrophes, as search.dropApostrophes: people's → people, don't → dont.
  function unquote(w) {
    if (!/['\u2019]/.test(w)) return w;
    var m = /^(.+)['\u2019]s$/.exec(w);
    return (m ? m[1] : w).replace(APOS, "");
  }
  // tok adds the token of s; en selects the English analyzer.
  function tok(out, s, number, en) {
    var exact = en ? unquote(lower(s)) : number ? lower(s) : iy(lower(s)), folded = en || number ? fold(exact) : iy(fold(exact));
    if (folded) out.push({ exact: exact, folded: folded, number: number });
  }

  // walk calls fn(compound, start, end, joined, digit, letter) for each
  // compound of s (NFC), as search.Tokenize walks it: a run of word runes
  // with single joiners ('/', '.', '-') between them; start and end are
  // offsets in s; joined, digit and letter tell whether it holds a
  // joiner, a digit, a letter. Both the tokenizer and the highlighter walk
  // text so. In English (en), an apostrophe between word runes belongs to
  // the word, as in Go.
  function walk(s, fn, en) {
    var cs = Array.from(s), at = [], o = 0, i = 0;
    for (var x = 0; x < cs.length; x++) { at.push(o); o += cs[x].length; }
    at.push(o);
    while (i < cs.length) {
      if (!starts(cs[i])) { i++; continue; }
      var j = i, joined = false, digit = false, letter = false, end = i;
      while (j < cs.length) {
        var c = cs[j];
        if (isWord(c)) {
          digit = digit || isDigit(c); letter = letter || isLetter(c);
          j++; end = j; continue;
        }
        var joiner = c === "/" || c === "." || c === "-";
        if ((joiner || en && (c === "'" || c === "\u2019")) && j + 1 < cs.length && starts(cs[j + 1]) && j > i) { joined = joined || joiner; j++; continue; }
        break;
      }
      fn(s.slice(at[i], at[end]), at[i], at[end], joined, digit, letter);
      i = end;
    }
  }
  // compound appends the tokens of one compound of walk: a number token
  // when it is joined and holds a digit (with its leading digits when it
  // also holds a letter), else its words.
  function compound(out, c, joined, digit, letter, en) {
    if (joined && digit) {
      tok(out, c, true, en);
      if (letter) {
        var cs = Array.from(c), n = 0;
        while (n < cs.length && isDigit(cs[n])) n++;
        if (n > 0 && n < cs.length) tok(out, cs.slice(0, n).join(""), false, en);
      }
      return out;
    }
    c.split(/[\/.\-]/).forEach(function (w) { if (w) tok(out, w, false, en); });
    return out;
  }

  // tokenize splits text as search.TokenizeLang(lang) does: as
  // search.Tokenize without lang or with "vi".
  function tokenize(s, lang) {
    var out = [], en = english(lang);
    walk(s.normalize("NFC"), function (c, start, end, joined, digit, letter) { compound(out, c, joined, digit, letter, en); }, en);
    return out;
  }

  // marked returns the [start, end] offsets, in text (NFC), of each
  // compound that holds a token whose folded form marks lists: what a
  // result highlights, in the language lang.
  function marked(text, marks, lang) {
    var out = [], en = english(lang);
    walk(text, function (c, start, end, joined, digit, letter) {
      if (compound([], c, joined, digit, letter, en).some(function (t) { return marks.indexOf(t.folded) >= 0; })) out.push([start, end]);
    }, en);
    return out;
  }

  var enc = new TextEncoder();
  // fnv is FNV-1a of a key's UTF-8 bytes.
  function fnv(key) {
    var b = enc.encode(key), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }
  // shardOf(key, n) is the key's shard: an exact spelling counts as its
  // folded word, a whole-title key as its title key and a title match as
  // its pair, as search.ShardOf.
  function shardOf(key, n) {
    if (key[0] === "=") key = fold(key.slice(1));
    else if (key[0] === "^") key = key.replace(/\$$/, "");
    else if (key[0] === "~") key = key.slice(1);
    return fnv(key) % n;
  }
  // longFile is the hash of a key (search.LongFile) by which a part names
  // the file that holds the key's list whole, when it is long.
  function longFile(key) { return ("0000000" + fnv(key).toString(16)).slice(-8); }

  // parse reads a term's entry (format.go's Entry) into a list {df, n,
  // full, floor}: its n documents, whether they are all df of the term's,
  // and the lowest impact of the k best, which the others get. The others
  // are gaps, or one bitmap (a base64 string), or FE.cut when the entry is
  // cut short. Cursors read the entry itself, in document order.
  function parse(a) {
    var k = a[FE.best], top = FE.postings + FE.stride * k, last = a[a.length - 1], bits = null, rest = 0, floor = 0;
    if (a.length > top && typeof last === "string") { bits = bytes(last); rest = a[FE.df] - k; } else if (a.length > top && a[top] !== FE.cut) rest = a.length - top;
    for (var i = 0; i < k; i++) { var imp = a[FE.postings + FE.stride * i + 1]; floor = i ? Math.min(floor, imp) : imp; }
    return { df: a[FE.df], a: a, k: k, top: top, bits: bits, n: k + rest, full: k + rest === a[FE.df], floor: floor };
  }
  // bytes decodes base64.
  function bytes(s) {
    var b = atob(s), out = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
    return out;
  }
  // bit returns the first document from i on that the bitmap holds.
  function bit(bits, i) {
    for (var end = bits.length * 8; i < end;) {
      var x = bits[i >> 3] >> (i & 7);
      if (!x) i = (i | 7) + 1;
      else if (x & 1) return i;
      else i++;
    }
    return END;
  }
  var END = 2147483647, NONE = parse(entry(0, [], []));
  // entry writes an entry of df documents whose best are ids with imps.
  function entry(df, ids, imps) {
    var a = [], last = 0;
    a[FE.df] = df; a[FE.best] = ids.length;
    for (var i = 0; i < ids.length; i++) { a[FE.postings + FE.stride * i] = ids[i] - last; a[FE.postings + FE.stride * i + 1] = imps[i]; last = ids[i]; }
    return a;
  }

  // union merges lists: a document scores its best.
  function union(lists) {
    if (lists.length === 1) return lists[0];
    var best = new Map();
    lists.forEach(function (l) { for (var c = new Cursor(l); c.next();) best.set(c.id, Math.max(best.get(c.id) || 0, c.imp)); });
    var ids = Int32Array.from(best.keys()).sort();
    return parse(entry(ids.length, ids, Array.from(ids, function (id) { return best.get(id); })));
  }

  // Cursor reads a list for ascending document numbers: its best documents
  // (b, the one at index bi) and the others (r, at index ri of the entry)
  // are two streams.
  function Cursor(l) {
    var a = l.a;
    this.l = l; this.a = a; this.bits = l.bits; this.bi = 0; this.ri = l.top;
    this.b = l.k ? a[FE.postings] : END;
    this.r = l.n === l.k ? END : l.bits ? bit(l.bits, 0) : a[l.top];
  }
  // at returns the impact of document id, 0 when the list lacks it; ids
  // asked for ascend.
  Cursor.prototype.at = function (id) {
    var a = this.a;
    while (this.b < id) this.b = ++this.bi < this.l.k ? this.b + a[FE.postings + FE.stride * this.bi] : END;
    if (this.b === id) return a[FE.postings + FE.stride * this.bi + 1];
    var bits = this.bits;
    if (bits) return id < bits.length * 8 && (bits[id >> 3] >> (id & 7)) & 1 ? this.l.floor : 0;
    while (this.r < id) this.r = ++this.ri < a.length ? this.r + a[this.ri] : END;
    return this.r === id ? this.l.floor : 0;
  };
  // next moves to the next document: its number in id, its impact in imp;
  // false after the last.
  Cursor.prototype.next = function () {
    var a = this.a;
    if (this.b < this.r) {
      this.id = this.b; this.imp = a[FE.postings + FE.stride * this.bi + 1];
      this.b = ++this.bi < this.l.k ? this.b + a[FE.postings + FE.stride * this.bi] : END;
      return true;
    }
    if (this.r === END) return false;
    this.id = this.r; this.imp = this.l.floor;
    this.r = this.bits ? bit(this.bits, this.r + 1) : ++this.ri < a.length ? this.r + a[this.ri] : END;
    return true;
  };

  // Engine reads the index whose manifest is at manifestURL; fetchJSON(url)
  // returns a promise of the parsed file. Every file is named by its
  // content, in the manifest's folder; the manifest names the parts, the
  // prefix shards and the row folders, and a part its term shards and
  // long files.
  function Engine(manifestURL, fetchJSON) {
    var self = this, cache = {};
    var dir = manifestURL.slice(0, manifestURL.lastIndexOf("/") + 1);
    // A file that failed is asked for again the next time.
    function get(url) {
      return cache[url] || (cache[url] = fetchJSON(url).catch(function (e) { delete cache[url]; throw e; }));
    }
    // file(name) is the file published under name.
    self.file = function (name) { return get(dir + name + ".json"); };
    // late counts the long lists that were asked for only once their shard
    // came, a round later.
    self.late = 0;
    self.ready = get(manifestURL).then(function (m) {
      if (m.version !== FORMAT.version) throw new Error(manifestURL + ": index format " + m.version + ", this client reads " + FORMAT.version);
      self.m = m;
      var start = 0;
      self.starts = m.groups.map(function (r) { var s = start; start += r[FG.count]; return s; });
      return m;
    });
    // values(g) are the facet values of group g, each dimension a list.
    var vals = {};
    self.values = function (gi) {
      if (vals[gi]) return vals[gi];
      var m = self.m, gr = m.groups[gi], f = gr[FG.field], t = gr[FG.type];
      return (vals[gi] = {
        kind: [m.kinds[gr[FG.kind]][0]], field: f >= 0 ? [m.fields[f][0]] : [], type: t >= 0 ? [m.types[t]] : [],
        level: gr[FG.levels].map(function (i) { return m.levels[i][0]; }), year: gr[FG.year] ? [String(gr[FG.year])] : []
      });
    };
    self.ok = function (v, dim, want) { return !want || v[dim].indexOf(want) >= 0; };
    // groupIndex(id) is the index of document id's group.
    self.groupIndex = function (id) {
      var lo = 0, hi = self.starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (self.starts[mid] <= id) lo = mid; else hi = mid - 1; }
      return lo;
    };
    var lists = {};
    // term(key, all, via) is the key's list, NONE when the index lacks it:
    // all its documents when all is set, else at least its best. The part
    // of the key's shard names the shard and, when the list is long, the
    // file that holds it whole, which a list read whole comes from in
    // place of the shard; so do the exact spellings of a word read whole
    // (via: the word).
    self.term = function (key, all, via) {
      var id = (all ? "+" : "-") + key;
      if (lists[id]) return lists[id];
      var m = self.m, np = m.parts.length, s = shardOf(key, m.shards), word = all ? key : via;
      return (lists[id] = self.file(m.parts[s % np]).then(function (p) {
        var long = word && p[FT.long][longFile(word)];
        if (long) return self.file(long).then(function (t) { return t[key] ? parse(t[key]) : NONE; });
        return self.file(p[FT.shards][Math.floor(s / np)]).then(function (sh) {
          var v = sh[key], top = v ? FE.postings + FE.stride * v[FE.best] : 0;
          if (!v) return NONE;
          if (all && v.length > top && v[top] === FE.cut) {
            self.late++;
            return self.file(p[FT.long][longFile(key)]).then(function (t) { return parse(t[key]); });
          }
          return parse(v);
        });
      }));
    };
    // complete(word) lists the other indexed words that begin with word
    // (of two letters or more), the most frequent first, at most 5.
    self.complete = function (word) {
      var pre = Array.from(word).slice(0, self.m.prefixLen).join("");
      return self.file(self.m.prefixFiles[shardOf(pre, self.m.prefixes)]).then(function (p) {
        var list = p[pre] || [], out = [];
        for (var i = FP.word; i < list.length; i += FP.stride) if (list[i] !== word && list[i].lastIndexOf(word, 0) === 0) out.push(list[i]);
        return out.slice(0, 5);
      });
    };
    // rows(ids) are promises of the documents' metadata, one for each.
    self.rows = function (ids) {
      var m = self.m;
      return Array.from(ids, function (id) {
        var n = Math.floor(id / m.chunkDocs);
        return get(dir + m.rowFolders[Math.floor(n / m.folderFiles)] + "/" + n + ".json").then(function (rows) {
          var r = rows[id % m.chunkDocs];
          return { id: id, url: r[FR.url], title: r[FR.title], kind: r[FR.kind], label: r[FR.label], summary: r[FR.summary] };
        });
      });
    };
    self.docs = function (ids) { return Promise.all(self.rows(ids)); };
  }

  // search runs a query q with filters {kind, field, type, level, year}.
  // Every word must be in a page, and a query of two words must be there
  // as a phrase; the pairs of longer queries rank pages that hold them. The
  // last word, unless a number, is taken whole when that finds pages;
  // else, from two letters on, as the words it begins (khai si → khai
  // sinh); else, when shorter than the manifest's pre letters, it is
  // optional: the other words find the pages, and it only adds to their
  // scores. The result depends on q and the filters alone, however the
  // page asked.
  // onFirst, when given, is called with {ids, scores, marks} of the first
  // FIRST results as soon as they are known, before every candidate is
  // counted for the total and the filters (see topK); the full result
  // is counted once the promise onFirst returns has settled (the page
  // has shown them: counting first would hold their rows back).
  Engine.prototype.search = function (q, filters, onFirst) {
    var self = this;
    return self.ready.then(function (m) {
      var toks = tokenize(q, m.lang), last = toks[toks.length - 1], rest = toks.slice(0, -1);
      if (!last) return { total: 0, all: 0, ids: [], facets: null, marks: [] };
      var n = Array.from(last.folded).length, open = !last.number && !hasDigit(last.folded);
      if (open && n < m.prefixLen - 1 && rest.length) return self.query(rest, null, last, filters, onFirst);
      // The prefix table is asked for at once, with the whole word's lists.
      var more = open && n >= m.prefixLen - 1 ? self.complete(last.folded) : null;
      return self.query(toks, null, null, filters, onFirst).then(function (res) {
        if (res.all || !more) return res;
        return more.then(function (ks) {
          return ks.length ? self.query(toks, ks, null, filters, onFirst) : res;
        }).then(function (res) {
          return res.all || n >= m.prefixLen || !rest.length ? res : self.query(rest, null, last, filters, onFirst);
        });
      });
    });
  };

  // query ranks the pages that hold toks, the last as any of lastKeys when
  // given; opt, a token, only adds to scores.
  Engine.prototype.query = function (toks, lastKeys, opt, filters, onFirst) {
    var self = this, m = self.m, nt = toks.length, words = toks.filter(function (t) { return !t.number; });
    // The keys to look up: each token's (the completions for the last),
    // each pair of adjacent words; then what only adds to a score: exact
    // spellings, title matches of pairs, title keys.
    var keysOf = toks.map(function (t, i) { return i === nt - 1 && lastKeys ? lastKeys : [t.folded]; });
    var pairKeys = [];
    for (var i = 1; i < nt; i++) {
      if (toks[i].number || toks[i - 1].number) continue;
      pairKeys.push(keysOf[i].map(function (k) { return toks[i - 1].folded + " " + k; }));
    }
    // Every word must be in a page: its whole list. A query of two words
    // must be a phrase somewhere: the whole list of its pair; its words
    // then only score, and their best documents suffice. So do those of
    // the lists that only add to a score. A list read whole comes with the
    // exact spellings and the title match of its key (bases).
    var needPair = words.length === 2 && pairKeys.length > 0, np = pairKeys.length, groups = [];
    function add(keys, all, bases) { groups.push({ keys: keys, all: all, bases: bases || [] }); }
    toks.forEach(function (t, i) { add(keysOf[i], !(needPair && !t.number)); });
    pairKeys.forEach(function (ks, j) { add(ks, needPair && j === 0); });
    toks.forEach(function (t, i) {
      if (t.exact !== t.folded && keysOf[i][0] === t.folded) add(["=" + t.exact], false, groups[i].all ? [t.folded] : []);
    });
    pairKeys.forEach(function (ks, j) {
      if (!hasDigit(ks[0])) add(ks.map(function (k) { return "~" + k; }), false, groups[nt + j].all ? ks : []);
    });
    var tw = words.map(function (t) { return t.folded; });
    if (lastKeys && tw.length) tw[tw.length - 1] = lastKeys[0];
    if (tw.length) {
      var title = "^" + tw.slice(0, m.titleWords).join(" ");
      add([title], false);
      if (tw.length <= m.titleWords) add([title + "$"], false);
    }
    if (opt) {
      add([opt.folded], false);
      var prev = toks[nt - 1];
      if (prev && !prev.number) { add([prev.folded + " " + opt.folded], false); add(["~" + prev.folded + " " + opt.folded], false); }
    }
    var flat = [];
    groups.forEach(function (g) { g.keys.forEach(function (k, j) { flat.push(self.term(k, g.all, g.bases[j])); }); });
    return Promise.all(flat).then(function (lists) {
      var at = 0, got = groups.map(function (g) { var x = union(lists.slice(at, at + g.keys.length)); at += g.keys.length; return x; });
      var wordLists = got.slice(0, nt), pairLists = got.slice(nt, nt + np), bonus = got.slice(nt + np);
      // Candidates: the documents of the shortest required list that
      // every other required list holds. Required: every word's list,
      // or, for two words, their pair's and the numbers'.
      var req = wordLists, scoreOnly = [];
      if (needPair) {
        req = pairLists.slice(0, 1).concat(wordLists.filter(function (l, i) { return toks[i].number; }));
        scoreOnly = wordLists.filter(function (l, i) { return !toks[i].number; });
        pairLists = pairLists.slice(1);
      }
      var order = req.slice().sort(function (a, b) { return a.n - b.n; });
      var marks = [].concat.apply([], keysOf);
      if (onFirst) {
        var top = topK(self, FIRST, order, pairLists, scoreOnly, bonus, filters || {});
        // The first results are shown; the rest is counted a task later,
        // once the page has asked for their rows.
        if (top) {
          var shown = onFirst({ ids: top.map(function (x) { return x[1]; }), scores: top.map(function (x) { return x[0]; }), marks: marks });
          return Promise.resolve(shown).catch(function () {}).then(function () { return new Promise(function (r) { setTimeout(r, 0); }); }).then(full);
        }
      }
      return full();
      function full() {
      var words_ = order.map(function (l) { return new Cursor(l); }), pairs_ = pairLists.map(function (l) { return new Cursor(l); });
      var more_ = scoreOnly.map(function (l) { return new Cursor(l); });
      var bonus_ = bonus.map(function (l) { return new Cursor(l); });
      var f = filters || {}, dims = ["kind", "field", "type", "level", "year"], facets = { kind: {}, field: {}, type: {}, level: {}, year: {} };
      // A candidate's score and number packed in one float, so that a
      // native sort orders them: higher scores first, then lower numbers.
      var M = 1;
      while (M <= m.docs) M *= 2;
      var starts = self.starts, ng = starts.length, count = new Int32Array(ng), fails = new Int8Array(ng).fill(-1);
      var first = words_[0], keys = new Float64Array(order[0].n), nk = 0, gi = 0, all = 0;
      while (first.next()) {
        var id = first.id, s = first.imp, ok = true;
        for (var w = 1; w < words_.length && ok; w++) { var v = words_[w].at(id); if (v) s += v; else ok = false; }
        if (!ok) continue;
        for (var pp = 0; pp < pairs_.length; pp++) s += pairs_[pp].at(id);
        // A word's page beyond its best documents scores their lowest.
        for (var mm = 0; mm < more_.length; mm++) s += more_[mm].at(id) || (more_[mm].l.full ? 0 : more_[mm].l.floor);
        for (var bb = 0; bb < bonus_.length; bb++) s += bonus_[bb].at(id);
        // Facets are counted by group (groups ascend with ids): how many
        // of the filters a group fails (-1: not yet known).
        while (gi + 1 < ng && starts[gi + 1] <= id) gi++;
        if (fails[gi] < 0) { var gv = self.values(gi), nf = 0; for (var d = 0; d < 5; d++) if (!self.ok(gv, dims[d], f[dims[d]])) nf++; fails[gi] = nf; }
        count[gi]++;
        all++;
        if (!fails[gi]) keys[nk++] = s * M + (M - 1 - id);
      }
      // A dimension's counts apply the other dimensions' filters.
      for (gi = 0; gi < ng; gi++) {
        if (!count[gi] || fails[gi] > 1) continue;
        var gv2 = self.values(gi);
        for (var d2 = 0; d2 < 5; d2++) {
          if (fails[gi] === 1 && self.ok(gv2, dims[d2], f[dims[d2]])) continue;
          var vals = gv2[dims[d2]];
          for (var x = 0; x < vals.length; x++) facets[dims[d2]][vals[x]] = (facets[dims[d2]][vals[x]] || 0) + count[gi];
        }
      }
      keys = keys.subarray(0, nk).sort();
      var ids = new Int32Array(nk), scores = new Int32Array(nk);
      for (var r = 0; r < nk; r++) { var kr = keys[nk - 1 - r], sc = Math.floor(kr / M); ids[r] = M - 1 - (kr - sc * M); scores[r] = sc; }
      // marks: the folded words a result highlights.
      return { total: nk, all: all, ids: ids, scores: scores, facets: facets, tokens: toks, marks: marks, optional: opt };
      }
    });
  };

  // FIRST is how many results the page shows first.
  var FIRST = 10;

  // topK returns the k best documents, [[score, id], …], best first (then
  // the lower number), as the full ranking orders them, or null when it
  // cannot tell them without reading every candidate. It reads the lists'
  // best documents in impact order, all lists in turn, scoring each
  // document met exactly (by looking it up in every list), and stops once
  // the k-th best score exceeds what a document not yet met can reach:
  // the sum of each list's next impact, or, past its best, its floor when
  // it has other documents (the threshold algorithm). req are the lists
  // a result must be in, pairs and bonus add their impacts, more theirs
  // or their floor.
  function topK(engine, k, req, pairs, more, bonus, f) {
    var ls = [], top = [], seen = new Set(), fails = {}, dims = ["kind", "field", "type", "level", "year"];
    function add(l, kind) { if (l.k || l.n) ls.push({ l: l, kind: kind, order: byImpact(l), p: 0 }); }
    req.forEach(function (l) { add(l, 0); });
    pairs.forEach(function (l) { add(l, 1); });
    more.forEach(function (l) { add(l, 2); });
    bonus.forEach(function (l) { add(l, 3); });
    function score(id) {
      var s = 0, i, v;
      for (i = 0; i < req.length; i++) { v = impactOf(req[i], id); if (!v) return -1; s += v; }
      for (i = 0; i < pairs.length; i++) s += impactOf(pairs[i], id);
      for (i = 0; i < more.length; i++) s += impactOf(more[i], id) || (more[i].full ? 0 : more[i].floor);
      for (i = 0; i < bonus.length; i++) s += impactOf(bonus[i], id);
      return s;
    }
    function passes(id) {
      var gi = engine.groupIndex(id);
      if (fails[gi] === undefined) { var v = engine.values(gi); fails[gi] = dims.some(function (d) { return !engine.ok(v, d, f[d]); }); }
      return !fails[gi];
    }
    for (;;) {
      var moved = false;
      for (var i = 0; i < ls.length; i++) {
        var L = ls[i];
        if (L.p >= L.order.length) continue;
        var id = L.order[L.p++][1];
        moved = true;
        if (seen.has(id)) continue;
        seen.add(id);
        var s = score(id);
        if (s < 0 || !passes(id)) continue;
        var j = top.length;
        while (j > 0 && (top[j - 1][0] < s || (top[j - 1][0] === s && top[j - 1][1] > id))) j--;
        if (j < k) { top.splice(j, 0, [s, id]); if (top.length > k) top.pop(); }
      }
      var bound = 0;
      for (var b = 0; b < ls.length; b++) {
        var X = ls[b];
        bound += X.p < X.order.length ? X.order[X.p][0] : X.l.n > X.l.k || (X.kind === 2 && !X.l.full) ? X.l.floor : 0;
      }
      if (top.length === k && top[k - 1][0] > bound) return top;
      if (!moved) return null;
    }
  }
  // byImpact lists a list's best documents, [impact, id], highest first.
  function byImpact(l) {
    var a = l.a, out = [], d = 0;
    for (var i = 0; i < l.k; i++) { d += a[FE.postings + FE.stride * i]; out.push([a[FE.postings + FE.stride * i + 1], d]); }
    return out.sort(function (x, y) { return y[0] - x[0]; });
  }
  // impactOf returns the impact of document id in list l, 0 when l lacks
  // it, in any order of ids (a Cursor needs ascending ones).
  function impactOf(l, id) {
    var a = l.a, i, d;
    if (!l.byId) { l.byId = new Map(); for (i = 0, d = 0; i < l.k; i++) { d += a[FE.postings + FE.stride * i]; l.byId.set(d, a[FE.postings + FE.stride * i + 1]); } }
    var v = l.byId.get(id);
    if (v !== undefined) return v;
    if (l.n === l.k) return 0;
    if (l.bits) return id < l.bits.length * 8 && (l.bits[id >> 3] >> (id & 7)) & 1 ? l.floor : 0;
    if (!l.rest) { l.rest = new Int32Array(a.length - l.top); for (i = l.top, d = 0; i < a.length; i++) { d += a[i]; l.rest[i - l.top] = d; } }
    var lo = 0, hi = l.rest.length - 1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (l.rest[mid] === id) return l.floor; if (l.rest[mid] < id) lo = mid + 1; else hi = mid - 1; }
    return 0;
  }

  g.MinhbachSearch = { FORMAT: FORMAT, Engine: Engine, tokenize: tokenize, marked: marked, fold: fold, key: key, shardOf: shardOf, longFile: longFile };

  if (typeof document === "undefined" || g.minhbachSearchPage) return;

  // The page. The search page loads this script twice: async from its
  // head, with the manifest's URL in data-index, and deferred at its end
  // (for a theme whose base layout has no head block); the first copy to
  // run drives the page. Run from the head, before the page is parsed, it
  // asks the query of the URL at once: the manifest, the query's lists
  // and its first results' rows come while the page arrives, and are
  // drawn once it is there.
  g.minhbachSearchPage = true;
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
  var DIMS = [["kind", "js.search.dim.kind", "Loại"], ["field", "js.search.dim.field", "Lĩnh vực"], ["type", "js.search.dim.type", "Loại văn bản"], ["level", "js.search.dim.level", "Cấp thực hiện"], ["year", "js.search.dim.year", "Năm"]];
  function fetchJSON(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); });
  }
  var me = document.currentScript, engine = null, early = null;
  if (me && me.getAttribute("data-index")) {
    engine = new Engine(me.getAttribute("data-index"), fetchJSON);
    var st = readURL();
    if (st.q.trim()) {
      var e = early = { q: st.q, f: JSON.stringify(st.f), at: performance.now(), first: null, onFirst: null };
      if (performance.mark) performance.mark("search:ask");
      e.res = engine.search(st.q, st.f, function (x) {
        engine.rows(x.ids.slice(0, 10));
        e.first = x;
        if (e.onFirst) return e.onFirst(x);
        // The page shows them once it is there (or, failing that, soon).
        return new Promise(function (r) { e.release = r; setTimeout(r, 3000); });
      });
      e.res.catch(function () {});
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page); else page();

  function readURL() {
    var p = new URLSearchParams(location.search), s = { q: p.get("q") || "", f: {} };
    DIMS.forEach(function (d) { var v = p.get(d[0] === "type" ? "doc_type" : d[0]); if (v) s.f[d[0]] = v; });
    return s;
  }

  function page() {
  var root = document.getElementById("tim-kiem");
  if (!root) return;
  var form = root.querySelector("form"), input = form.querySelector("input[name=q]");
  var status = document.getElementById("trang-thai"), list = document.getElementById("ket-qua"), more = document.getElementById("xem-them");
  var facetsEl = document.getElementById("bo-loc"), hint = document.getElementById("goi-y"), tips = document.getElementById("goi-y-cach");
  root.hidden = false;
  engine = engine || new Engine(root.getAttribute("data-index"), fetchJSON);
  // Tokenizing once now readies Unicode normalisation and the patterns,
  // which a browser prepares on first use, before anyone asks.
  tokenize("Thủ tục đất đai 93/KH-UBND");
  var state = readURL(), shown = 0, last = null, timer = 0, seq = 0;
  input.value = state.q;

  function href(q, f) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    DIMS.forEach(function (d) { if (f[d[0]]) p.set(d[0] === "type" ? "doc_type" : d[0], f[d[0]]); });
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  // highlight appends text to parent with the words found (marks, folded)
  // in <mark>.
  function highlight(parent, text, marks) {
    var at = 0;
    text = text.normalize("NFC");
    marked(text, marks, engine.m && engine.m.lang).forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(el("mark", "", text.slice(r[0], r[1])));
      at = r[1];
    });
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

  // showMore shows the next 10 results, each as soon as it and those
  // before it have come.
  function showMore() {
    var my = seq, res = last, ids = res.ids.slice(shown, shown + 10), first = shown === 0, rows = [], next = 0;
    shown += ids.length;
    return Promise.all(engine.rows(ids).map(function (p, i) {
      return p.then(function (d) {
        rows[i] = d;
        for (; my === seq && next < ids.length && rows[next]; next++) {
          list.appendChild(result(rows[next], res));
          if (first && next === 0) mark("first");
        }
      });
    })).then(function () { if (my === seq) more.hidden = shown >= res.total; });
  }

  function result(d, res) {
    var li = el("li", "result"), h = el("h2"), a = el("a");
    a.href = d.url;
    highlight(a, d.title, res.marks);
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "meta", kindLabel(d.kind) + (d.label ? " · " + d.label : "")));
    if (d.summary) { var p = el("p", "summary"); highlight(p, d.summary, res.marks); li.appendChild(p); }
    return li;
  }

  // mark notes a step of the current search: performance marks
  // "search:ask", "search:ranked", "search:first" and "search:shown", and
  // the milliseconds since asking in data-first-ms and data-ms.
  var asked = 0;
  function mark(step) {
    if (performance.mark) performance.mark("search:" + step);
    if (step === "ask") { asked = performance.now(); root.removeAttribute("data-first-ms"); root.removeAttribute("data-ms"); }
    if (step === "first") root.setAttribute("data-first-ms", String(Math.round(performance.now() - asked)));
    if (step === "shown") root.setAttribute("data-ms", String(Math.round(performance.now() - asked)));
  }

  function renderFacets(res) {
    facetsEl.textContent = "";
    if (!res.facets) return;
    DIMS.forEach(function (d) {
      var counts = res.facets[d[0]], keys = Object.keys(counts);
      if (!keys.length) return;
      keys.sort(function (a, b) { return d[0] === "year" ? b.localeCompare(a) : counts[b] - counts[a] || a.localeCompare(b); });
      var box = el("div", "facet"), ul = el("ul");
      box.appendChild(el("h2", "", tr(d[1], d[2])));
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

  // advise says what to change when nothing is found, from what was
  // typed: the filters, a number, the number of words. (Diacritics never
  // matter: with or without them a query finds the same pages.) The links
  // to browse by field are in the page.
  function advise(res, q) {
    tips.textContent = "";
    var toks = tokenize(q, engine.m && engine.m.lang);
    if (Object.keys(state.f).length && res.all) {
      var a = el("a", "", tr("js.search.tip.all", "xem cả %d kết quả không lọc", res.all));
      a.href = href(state.q, {});
      a.addEventListener("click", function (e) { e.preventDefault(); state.f = {}; history.pushState(null, "", a.href); run(); });
      tips.append(tr("js.search.tip.filters", "Bộ lọc đang chọn loại hết kết quả: "), a, ".");
    } else if (toks.some(function (t) { return hasDigit(t.folded); })) {
      tips.textContent = tr("js.search.tip.number", "Kiểm tra lại số, ký hiệu văn bản (ví dụ 93/KH-UBND) hoặc mã thủ tục (ví dụ 1.004227).");
    } else if (toks.length > 1) {
      tips.textContent = tr("js.search.tip.words", "Thử bớt từ, chỉ giữ vài từ chính, ví dụ “khai sinh” thay cho “làm giấy khai sinh cho con”.");
    } else {
      tips.textContent = tr("js.search.tip.spelling", "Kiểm tra lại chính tả, hoặc thử một từ khác cùng nghĩa.");
    }
    if (hint) hint.hidden = false;
  }

  function run() {
    var my = ++seq, q = state.q.trim();
    list.textContent = "";
    more.hidden = true;
    if (hint) hint.hidden = true;
    if (!q) { status.textContent = tr("js.search.status.empty", "Nhập từ khóa để tìm tin tức, văn bản và thủ tục hành chính."); facetsEl.textContent = ""; return Promise.resolve(); }
    // The query the head asked already, or a new one.
    var pre = early && early.q === state.q && early.f === JSON.stringify(state.f) ? early : null, firstShown = null;
    early = null;
    if (pre) { asked = pre.at; root.removeAttribute("data-first-ms"); root.removeAttribute("data-ms"); } else mark("ask");
    // The first results are shown as soon as the engine knows them,
    // before it has counted every result and filter.
    function showFirst(x) {
      if (my !== seq || firstShown) return;
      last = { ids: x.ids, total: x.ids.length, marks: x.marks }; shown = 0;
      return (firstShown = showMore());
    }
    var searching = pre ? pre.res : engine.search(state.q, state.f, showFirst);
    if (pre) { if (pre.first) Promise.resolve(showFirst(pre.first)).then(pre.release, pre.release); else pre.onFirst = showFirst; }
    return searching.then(function (res) {
      if (my !== seq) return;
      mark("ranked");
      last = res;
      status.textContent = res.total ? tr("js.search.status.found", "Tìm thấy %d kết quả cho “%s”.", res.total, q) : tr("js.search.status.none", "Không tìm thấy kết quả nào cho “%s”.", q);
      if (!res.total) advise(res, q);
      // The filters are drawn once the first results are shown: drawing
      // them first would keep the page from showing results as they come.
      facetsEl.textContent = "";
      if (firstShown) return firstShown.then(function () { if (my === seq) { more.hidden = shown >= res.total; mark("shown"); renderFacets(res); } });
      shown = 0;
      return showMore().then(function () { if (my === seq) { mark("shown"); renderFacets(res); } });
    }).catch(function (e) {
      status.textContent = tr("js.search.status.error", "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.");
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
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
