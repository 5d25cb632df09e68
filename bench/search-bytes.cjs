// Prints what each query costs a cold client: the index bytes it reads
// (raw and gzipped, as a static host serves them), its result count, and
// whether the form without diacritics finds the same pages.
//   node bench/search-bytes.cjs PUBLIC_DIR MANIFEST_URL "query" …
const fs = require("fs"), path = require("path"), zlib = require("zlib");
require(path.resolve(__dirname, "../assets/js/search.js"));
const S = globalThis.MinhbachSearch;
const [, , pub, manifest, ...queries] = process.argv;
async function run(q) {
  let raw = 0, gz = 0, files = 0;
  const e = new S.Engine(manifest, (u) => {
    const d = fs.readFileSync(path.join(pub, u));
    raw += d.length; gz += zlib.gzipSync(d, { level: 6 }).length; files++;
    return Promise.resolve(JSON.parse(d));
  });
  const t0 = process.hrtime.bigint();
  const r = await e.search(q, {});
  await e.docs(r.ids.slice(0, 10));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { q, total: r.total, ids: r.ids.slice().sort((a, b) => a - b).join(","), raw, gz, files, ms };
}
(async () => {
  const js = fs.readdirSync(path.join(pub, "assets/js")).find((f) => /^search\..*\.js$/.test(f));
  const client = fs.readFileSync(path.join(pub, "assets/js", js));
  const cgz = zlib.gzipSync(client, { level: 6 }).length;
  console.log(`client ${js}: ${client.length} bytes, ${cgz} gzipped`);
  let same = 0, pairs = 0, sumGz = 0, maxGz = 0;
  for (const q of queries) {
    const a = await run(q);
    sumGz += a.gz + cgz; maxGz = Math.max(maxGz, a.gz + cgz);
    let note = "";
    const f = S.fold(q);
    if (f !== q) {
      const b = await run(f);
      pairs++;
      if (a.ids === b.ids) same++;
      note = a.ids === b.ids ? `; "${f}" finds the same ${b.total}` : `; "${f}" finds ${b.total}: DIFFERENT`;
    }
    console.log(`${JSON.stringify(q).padEnd(28)} ${String(a.total).padStart(6)} results, ${a.files} files, ${a.raw} B raw, ${a.gz} B gzipped (+ client ${a.gz + cgz} B), ${a.ms.toFixed(1)} ms in Node${note}`);
  }
  console.log(`cold query with the client, gzipped: mean ${Math.round(sumGz / queries.length)} B, max ${maxGz} B; diacritic-free forms finding the same pages: ${same}/${pairs}`);
})().catch((e) => { console.error(e); process.exit(1); });
