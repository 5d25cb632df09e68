// Tokenizes texts with the search client (assets/js/search.js) under Node:
// node tokens.cjs SEARCH_JS [--lang=L] < texts.json prints, for each text,
// its tokens [{exact, folded, number}], as search.TokenizeLang(L) gives
// them (search.Tokenize without --lang).
// node tokens.cjs SEARCH_JS marked [--lang=L] < {texts, marks} prints, for
// each text, {tokens, marked}: its tokens, and the pieces of it (NFC) the
// highlighter marks for the folded words marks[i].
const fs = require("fs");
const path = require("path");
require(path.resolve(process.argv[2]));
const S = globalThis.MinhbachSearch;
const flag = process.argv.slice(3).find((a) => a.startsWith("--lang="));
const lang = flag ? flag.slice("--lang=".length) : undefined;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
if (process.argv[3] === "marked") {
  process.stdout.write(JSON.stringify(input.texts.map((s, i) => {
    const n = s.normalize("NFC");
    return { tokens: S.tokenize(s, lang), marked: S.marked(n, input.marks[i] || [], lang).map((r) => n.slice(r[0], r[1])) };
  })));
} else {
  process.stdout.write(JSON.stringify(input.map((s) => S.tokenize(s, lang))));
}
