// Tokenizes texts with the search client (assets/js/search.js) under Node:
// node tokens.cjs SEARCH_JS < texts.json prints, for each text, its tokens
// [{exact, folded, number}], as search.Tokenize gives them.
const fs = require("fs");
const path = require("path");
require(path.resolve(process.argv[2]));
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((s) => globalThis.MinhbachSearch.tokenize(s))));
