#!/usr/bin/env bash
# Builds a generated portal of about N pages (news, gazette documents and
# procedures) and prints the search index's figures: build time, index
# size and files, and for 10 queries (5 with diacritics, each also run
# without) the bytes a cold client reads, raw and gzipped.
#
#   bash bench/search.sh [NEWS] [DOCS] [PROCEDURES]     (default 6000 3000 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
news=${1:-6000}
docs=${2:-3000}
procs=${3:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v node >/dev/null || { apt-get update -q && apt-get install -y -q nodejs >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -q && apt-get install -y -q time >/dev/null; }
go build -o "$tmp/minhbach" ./cmd/minhbach
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues 200 -procedures "$procs" -out "$tmp/site"
/usr/bin/time -f '%e s wall, %M KiB peak RSS' -o "$tmp/time" "$tmp/minhbach" build --source "$tmp/site" --destination "$tmp/out" --build-date 2026-11-23
echo "build: $(cat "$tmp/time")"
ix=$(echo "$tmp"/out/tim-kiem/index/*/)
echo "index: $(du -sh --apparent-size "$ix" | cut -f1) in $(find "$ix" -type f | wc -l) files ($(ls "$ix/s" | wc -l) term shards, $(ls "$ix/p" | wc -l) prefix shards, $(ls "$ix/m" | wc -l) metadata chunks)"
manifest=$(grep -o '/tim-kiem/index/[0-9a-f]*/manifest\.json' "$tmp/out/tim-kiem/index.html")
node bench/search-bytes.cjs "$tmp/out" "$manifest" "thủ tục đất đai" "cải cách hành chính" "chuyển đổi số" "giấy phép xây dựng" "hộ tịch" \
  "giai ngan von dau tu cong" "93/KH-UBND" "1.001234" "quyet dinh" "ke hoach"
