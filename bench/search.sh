#!/usr/bin/env bash
# Search against Pagefind on one generated portal of N searchable documents
# (60 % news, 30 % gazette documents, 10 % procedures):
#   - minhbach: build time and peak RSS, index size and files;
#   - Pagefind (npm package pagefind) over the same public/: index time,
#     peak RSS, size and files;
#   - for 10 queries, 5 with diacritics (each also run without), in headless
#     Chromium with a cold cache: bytes the server sent (gzipped), requests,
#     time from asking to the first 10 results shown, and whether the form
#     without diacritics finds the same pages (bench/cmd/searchbench);
#   - minhbach's bytes per query read under Node, raw and gzipped
#     (bench/search-bytes.cjs), as a cross-check of the server's count;
#   - the citizen's cold path for both tools, in turn, on the same queries:
#     from submitting the query on another page to the first result, each
#     run in a new browser context (searchbench -cold -tool both).
#
#   bash bench/search.sh [DOCS] [RUNS]       (default 10000 documents, 3 runs a query)
#   NO_PAGEFIND=1 bash bench/search.sh 10000   (minhbach only)
#   HTTP1=1 bash bench/search.sh               (serve HTTP/1.1, not HTTP/2 over TLS)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-3}
news=$((n * 6 / 10)) docs=$((n * 3 / 10)) procs=$((n / 10))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
need=()
command -v node >/dev/null || need+=(nodejs npm)
command -v npm >/dev/null || need+=(npm)
command -v chromium >/dev/null || need+=(chromium fonts-noto-core)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; fi

go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/searchbench" ./bench/cmd/searchbench
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues $((docs / 15 + 1)) -procedures "$procs" -out "$tmp/site" >/dev/null
echo "corpus: $news news, $docs gazette documents, $procs procedures"
/usr/bin/time -f '%e s wall, %U s user, %M KiB peak RSS' -o "$tmp/time" "$tmp/minhbach" build --source "$tmp/site" --destination "$tmp/out" --build-date 2026-11-23
echo "minhbach build: $(cat "$tmp/time")"
ix="$tmp/out/tim-kiem/index"
echo "minhbach index: $(du -s --apparent-size --block-size=1M "$ix" | cut -f1) MB in $(find "$ix" -type f | wc -l) files ($(find "$ix" -maxdepth 1 -type f | wc -l) named by their content: manifest, parts, term shards, long lists, prefix shards; $(find "$ix" -mindepth 2 -type f | wc -l) row files in $(find "$ix" -mindepth 1 -type d | wc -l) folders)"
manifest=$(grep -o 'data-index="[^"]*"' "$tmp/out/tim-kiem/index.html" | head -n 1 | cut -d'"' -f2)

queries=("thủ tục đất đai" "cải cách hành chính" "chuyển đổi số" "giấy phép xây dựng" "hộ tịch"
  "giai ngan von dau tu cong" "93/KH-UBND" "1.001234" "quyet dinh" "ke hoach")
echo
echo "== minhbach, under Node (index files read, raw and gzipped)"
node bench/search-bytes.cjs "$tmp/out" "$manifest" "${queries[@]}"
echo
echo "== minhbach, in Chromium (bytes sent by the server)"
"$tmp/searchbench" -public "$tmp/out" -tool minhbach -runs "$runs" ${HTTP1:+-http1} "${queries[@]}"

if [ -z "${NO_PAGEFIND:-}" ]; then
  (cd "$tmp" && npm install --silent --no-audit --no-fund pagefind@1 >/dev/null 2>&1)
  cp -r "$tmp/out" "$tmp/pf"
  rm -rf "$tmp/pf/tim-kiem/index"
  /usr/bin/time -f '%e s wall, %U s user, %M KiB peak RSS' -o "$tmp/time" "$tmp/node_modules/.bin/pagefind" --site "$tmp/pf" >/dev/null
  echo
  echo "pagefind $("$tmp/node_modules/.bin/pagefind" --version | cut -d' ' -f2) index: $(cat "$tmp/time")"
  echo "pagefind index: $(du -s --apparent-size --block-size=1M "$tmp/pf/pagefind" | cut -f1) MB in $(find "$tmp/pf/pagefind" -type f | wc -l) files"
  echo
  echo "== Pagefind, in Chromium (bytes sent by the server)"
  "$tmp/searchbench" -public "$tmp/pf" -tool pagefind -runs "$runs" ${HTTP1:+-http1} "${queries[@]}"
  echo
  echo "== The citizen's cold path, minhbach and Pagefind in turn: submit on the home page to the first result"
  "$tmp/searchbench" -public "$tmp/out" -pagefind "$tmp/pf" -cold -tool both -runs "$runs" ${HTTP1:+-http1} "${queries[@]}"
fi
