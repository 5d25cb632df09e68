// Runs the search client's engine (assets/js/search.js) under Node on a
// built site: node run.cjs SEARCH_JS PUBLIC_DIR MANIFEST_URL < queries.json
// Each query is {q, kind?, field?, type?, level?, year?}; it prints, for
// each, {q, total, top: [URL…] (first 10), scores, first: {ids, scores} given early or null, bytes: bytes read, files: the files
// read, by their paths in the manifest's folder, late: long lists asked for a round late}.
const fs = require("fs");
const path = require("path");
const [, , searchJS, publicDir, manifest] = process.argv;
require(path.resolve(searchJS));
const S = globalThis.MinhbachSearch;
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  for (const q of queries) {
    let bytes = 0;
    const files = [];
    const engine = new S.Engine(manifest, (url) => {
      const data = fs.readFileSync(path.join(publicDir, url));
      bytes += data.length;
      files.push(url.slice(manifest.lastIndexOf("/") + 1));
      return Promise.resolve(JSON.parse(data));
    });
    const filters = {};
    for (const k of ["kind", "field", "type", "level", "year"]) if (q[k]) filters[k] = q[k];
    // first: the first results as the engine gives them before counting
    // every candidate (null when it cannot tell them so).
    let first = null;
    const res = await engine.search(q.q, filters, (x) => { first = x; });
    const docs = await engine.docs(res.ids.slice(0, 10));
    const m = engine.m;
    const top = docs.map((d) => {
      const v = engine.values(engine.groupIndex(d.id));
      return { url: d.url, kind: v.kind[0], field: v.field[0] || "", levels: v.level };
    });
    out.push({ q: q.q, total: res.total, ids: Array.from(res.ids), top, scores: Array.from(res.scores.slice(0, 10)), bytes, files, facets: res.facets, late: engine.late, first });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
