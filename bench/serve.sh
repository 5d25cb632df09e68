#!/usr/bin/env bash
# Times `minhbach serve` from save to reloaded page: a one-line edit of one
# news item's body, on the generated corpus (sitetest.Corpus).
#
#   bash bench/serve.sh [N] [EDITS]   # N news items (default 10000), EDITS edits (default 10)
#
# For each edit it appends a line to the body of one news item, then
# polls the item's page (curl, every 5 ms) until the line is served, and
# prints the milliseconds from the write to the first response holding
# it: watcher, debounce (30 ms), rebuild and HTTP together. It ends with
# the median and the peak RSS of the server.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-10000}
edits=${2:-10}
port=${PORT:-13131}

tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

go build -o "$tmp/minhbach" ./cmd/minhbach
go run ./bench/cmd/corpus -n "$n" -seed 1 -out "$tmp/site"

start=$(date +%s.%N)
"$tmp/minhbach" serve --source "$tmp/site" --port "$port" >"$tmp/out" 2>"$tmp/log" &
pid=$!
until grep -q http "$tmp/out" 2>/dev/null; do sleep 0.05; done
echo "corpus: $n news items; $(nproc) cores; first build and listen: $(echo "$(date +%s.%N) - $start" | bc) s"

file=$(find "$tmp/site/content/news" -name '*.md' | sort | sed -n "$((n / 2))p")
base=$(basename "$file" .md)
url="http://127.0.0.1:$port/tin-tuc/${base:0:4}/${base:5:2}/${base:11}/"
curl -sf "$url" >/dev/null || { echo "no page at $url"; exit 1; }
sleep 2 # let the first search index finish

: >"$tmp/ms"
for i in $(seq "$edits"); do
  marker="Dòng sửa số $i lúc $RANDOM."
  t0=$(date +%s%N)
  printf '\n%s\n' "$marker" >>"$file"
  until curl -sf "$url" | grep -qF "$marker"; do sleep 0.005; done
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  echo "$ms" >>"$tmp/ms"
  echo "  edit $i: $ms ms"
  sleep 1.5 # the deferred search index runs after each reload
done
rss=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")
sort -n "$tmp/ms" | awk -v rss="$rss" '{ a[NR] = $1 } END { printf "save to reloaded page: median %d ms, min %d ms, max %d ms over %d edits; server peak RSS %d MiB\n", a[int((NR + 1) / 2)], a[1], a[NR], NR, rss }'
echo "server log (last lines):"
tail -n 3 "$tmp/log"
