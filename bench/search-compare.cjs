// Compares two builds of the same site, each read by its own search client
// under Node: for every query, the totals, every result's id and score, and
// the facet counts must be the same. It checks that a change to the index
// format or to the client changed no result, and that the first results a
// client gives early are those of its full ranking (else its total reads -1).
//   node bench/search-compare.cjs OLD_SEARCH_JS OLD_PUBLIC NEW_SEARCH_JS NEW_PUBLIC "query" …
// Prints one line a query and exits 1 when any differs.
const fs = require("fs"), path = require("path");
const [, , oldJS, oldPub, newJS, newPub, ...queries] = process.argv;
// load runs a client file in its own scope and returns its MinhbachSearch.
function load(file) {
  const g = {};
  new Function("globalThis", fs.readFileSync(file, "utf8").replace(/typeof globalThis !== "undefined" \? globalThis : this/, "globalThis"))(g);
  return g.MinhbachSearch;
}
function manifestOf(pub) {
  const html = fs.readFileSync(path.join(pub, "tim-kiem/index.html"), "utf8");
  return html.match(/data-index="([^"]+)"/)[1];
}
async function run(S, pub, q) {
  const e = new S.Engine(manifestOf(pub), (u) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(pub, u)))));
  // The early first results (a client that gives them) must be the
  // full ranking's first.
  let first = null;
  const r = await e.search(q, {}, (x) => { first = x; });
  if (first && (String(first.ids) !== String(Array.from(r.ids.slice(0, first.ids.length))) || String(first.scores) !== String(Array.from(r.scores.slice(0, first.ids.length))))) r.total = -1;
  const urls = (await e.docs(r.ids.slice(0, 10))).map((d) => d.url);
  return { total: r.total, all: r.all, ids: Array.from(r.ids).join(","), scores: Array.from(r.scores).join(","), facets: JSON.stringify(r.facets), urls: urls.join(" ") };
}
(async () => {
  const A = load(oldJS), B = load(newJS);
  let bad = 0;
  for (const q of queries) {
    const a = await run(A, oldPub, q), b = await run(B, newPub, q);
    const diff = Object.keys(a).filter((k) => a[k] !== b[k]);
    if (diff.length) bad++;
    console.log(`${JSON.stringify(q).padEnd(30)} ${String(a.total).padStart(6)} results: ${diff.length ? "DIFFERENT " + diff.join(", ") : "same ids, scores, totals, facets, top 10 URLs"}`);
  }
  console.log(`${queries.length - bad} of ${queries.length} queries identical`);
  process.exit(bad ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
