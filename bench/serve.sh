#!/usr/bin/env bash
# Times live preview from save to reloaded page: a one-line edit of one
# news item's body, on the generated corpus (sitetest.Corpus), with
# `minhbach serve` and then with `hugo server` on the Hugo version of the
# same corpus (bench/cmd/corpus -hugo).
#
#   bash bench/serve.sh [N] [EDITS]   # N news items (default 10000), EDITS edits (default 10)
#
#   TOOLS="minhbach hugo hugo-full"   # which servers to run, in order (the default)
#   PORT=13131                        # first port; each server gets the next one
#
# minhbach: `minhbach serve --source DIR --port P`.
# hugo: `hugo server -s DIR --port P --bind 127.0.0.1` (Hugo's defaults:
# renders to memory, fast render mode), plus --cacheDir in the temporary
# folder so that its cache folders go away with it.
# hugo-full: the same with --disableFastRender (every page re-rendered).
#
# Each server runs alone. The script waits until the news item's page is
# served and the server is idle, then for each edit appends a line to the
# item's body and polls the page (bench/cmd/editpoll: every 1 ms, one
# kept-alive connection) until the line is served,
# and prints the milliseconds from the write to the first response holding
# it: watcher, batching, rebuild and HTTP together. Before the next edit it
# waits 1.5 s, until the server is idle (its CPU time in /proc), and 0–0.5 s
# at random. It ends with a table: first build and listen, median, min and
# max, the rebuild time the server logs itself, RSS after the first build
# and peak RSS (VmRSS and VmHWM of the server process itself), and the
# ratios minhbach/hugo. Installs hugo with apt-get when missing
# (install_tools in bench/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-10000}
edits=${2:-10}
port=${PORT:-13131}
tools=${TOOLS:-minhbach hugo hugo-full}

tmp=$(mktemp -d)
pid=
# stop ends the server started last, if it still runs.
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# shellcheck source=bench/lib.sh
source bench/lib.sh
case " $tools " in *" hugo"*) install_tools ;; esac

go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
go build -o "$tmp/editpoll" ./bench/cmd/editpoll
"$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site"
case " $tools " in *" hugo"*)
  "$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)" ;;
esac

# The same item for every tool: the middle one in byte order. minhbach
# reads it from content/news/YYYY/, Hugo from content/tin-tuc/YYYY/ (same
# file name); both serve it at /tin-tuc/YYYY/MM/<slug>/ (Hugo's permalink
# /tin-tuc/:year/:month/:slug/ with the date and slug from the front matter).
rel=$(cd "$tmp/site/content/news" && find . -name '*.md' | LC_ALL=C sort | sed -n "$(((n + 1) / 2))p")
rel=${rel#./}
base=$(basename "$rel" .md)
path="/tin-tuc/${base:0:4}/${base:5:2}/${base:11}/"

echo "corpus: $n news items (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $("$tmp/minhbach" version | cut -d' ' -f1,2)$(case " $tools " in *" hugo"*) echo "; $(hugo version | cut -d' ' -f1,2)" ;; esac)"
echo "edited item: $rel, page $path"

# rss, cpu and idle: bench/lib.sh.

# bench TOOL PROCESS-NAME FILE CMD...: starts CMD (the server, listening on
# $p), waits for the page, makes the edits to FILE and appends
# "first median min max rss-after-build peak-rss log-median" to $tmp/stats-TOOL.
bench() {
  local tool=$1 want=$2 file=$3
  shift 3
  local url="http://127.0.0.1:$p$path"
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then
    echo "port $p already answers; set PORT" >&2
    exit 1
  fi
  echo
  echo "$tool: $*"
  echo "  load average (1, 5, 15 min) before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local start
  start=$(date +%s%N)
  "$@" >"$tmp/out-$tool" 2>"$tmp/log-$tool" &
  pid=$!
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "$tool exited before serving $url:" >&2; tail -n 20 "$tmp/out-$tool" "$tmp/log-$tool" >&2; exit 1; }
    sleep 0.05
  done
  local first
  first=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  echo "  first build and listen: $first s (until $path answered 200)"
  # The RSS read below must be the server's own, not a wrapper's.
  local name
  name=$(cat "/proc/$pid/comm")
  [ "$name" = "$want" ] || { echo "$tool: pid $pid is $name, not $want" >&2; exit 1; }
  if [ "$want" = hugo ]; then
    grep -h 'Serving pages from' "$tmp/out-$tool" "$tmp/log-$tool" | sed 's/^/  hugo: /' || true
    if grep -q 'Fast Render Mode' "$tmp/out-$tool" "$tmp/log-$tool"; then
      echo "  hugo: $(grep -h -o 'Running in Fast Render Mode' "$tmp/out-$tool" "$tmp/log-$tool")"
    else
      echo "  hugo: not in fast render mode"
    fi
  fi
  sleep 2 # minhbach indexes the site for search after the first build
  idle
  local rss0
  rss0=$(rss VmRSS)
  local logged
  logged=$(cat "$tmp/out-$tool" "$tmp/log-$tool" | wc -l)

  cp "$file" "$tmp/item.md"
  : >"$tmp/ms-$tool"
  local i marker ms
  for i in $(seq "$edits"); do
    marker="Dòng sửa số $i lúc $RANDOM."
    ms=$("$tmp/editpoll" -file "$file" -url "$url" -line "$marker")
    echo "$ms" >>"$tmp/ms-$tool"
    echo "  edit $i: $ms ms"
    # Between edits: 1.5 s, then until the server is idle, then 0–0.5 s at
    # random so that the edits do not fall at one phase of Hugo's 500 ms
    # watcher tick (a fixed pause kept them near its worst).
    sleep 1.5
    idle
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", r % 500 / 1000 }')"
  done
  local peak
  peak=$(rss VmHWM)
  # The rebuild time each server logs: minhbach "đã dựng lại: … trong N ms",
  # Hugo "Total in N ms". Only lines written after the first build.
  cat "$tmp/out-$tool" "$tmp/log-$tool" | tail -n +"$((logged + 1))" |
    grep -oE '(trong|Total in) [0-9]+ ms' | grep -oE '[0-9]+' >"$tmp/logms-$tool" || true
  echo "  rebuild times the server logged (ms): $(tr '\n' ' ' <"$tmp/logms-$tool")"
  echo "  load average (1, 5, 15 min) after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  server log (last lines):"
  cat "$tmp/out-$tool" "$tmp/log-$tool" | grep -v '^$' | tail -n 2 | sed 's/^/    /'
  stop
  cp "$tmp/item.md" "$file" # the next server starts from the same corpus
  local logmed
  logmed=$(sort -n "$tmp/logms-$tool" | awk '{ a[NR] = $1 } END { print NR ? a[int((NR + 1) / 2)] : "-" }')
  sort -n "$tmp/ms-$tool" | awk -v first="$first" -v rss0="$rss0" -v peak="$peak" -v logmed="$logmed" \
    '{ a[NR] = $1 } END { print first, a[int((NR + 1) / 2)], a[1], a[NR], rss0, peak, logmed }' >"$tmp/stats-$tool"
  awk -v n="$edits" '{ printf "  save to reloaded page: median %s ms, min %s ms, max %s ms over %d edits; RSS after first build %s MiB, peak %s MiB\n", $2, $3, $4, n, $5, $6 }' "$tmp/stats-$tool"
}

p=$port
for tool in $tools; do
  rm -rf "$tmp/site-hugo/resources" "$tmp/hugo-cache" # no Hugo run reuses another's work
  case $tool in
    minhbach) bench minhbach minhbach "$tmp/site/content/news/$rel" "$tmp/minhbach" serve --source "$tmp/site" --port "$p" ;;
    hugo) bench hugo hugo "$tmp/site-hugo/content/tin-tuc/$rel" hugo server -s "$tmp/site-hugo" --port "$p" --bind 127.0.0.1 --cacheDir "$tmp/hugo-cache" ;;
    hugo-full) bench hugo-full hugo "$tmp/site-hugo/content/tin-tuc/$rel" hugo server -s "$tmp/site-hugo" --port "$p" --bind 127.0.0.1 --cacheDir "$tmp/hugo-cache" --disableFastRender ;;
    *) echo "unknown tool $tool (want minhbach, hugo, hugo-full)" >&2; exit 2 ;;
  esac
  p=$((p + 1))
done

echo
echo "save to reloaded page, $n news items, $edits edits:"
printf '%-10s %12s %10s %14s %12s %12s %12s\n' tool "first s" "median ms" "min–max ms" "rebuild ms" "RSS MiB" "peak MiB"
for tool in $tools; do
  read -r first med lo hi rss0 peak logmed <"$tmp/stats-$tool"
  printf '%-10s %12s %10s %14s %12s %12s %12s\n' "$tool" "$first" "$med" "$lo–$hi" "$logmed" "$rss0" "$peak"
done
echo "(first: start to first 200 for the page; rebuild: median of the times the server logs; RSS: after the first build; peak: VmHWM at the end)"
if [ -f "$tmp/stats-minhbach" ]; then
  for tool in $tools; do
    [ "$tool" = minhbach ] && continue
    paste -d' ' "$tmp/stats-minhbach" "$tmp/stats-$tool" | awk -v t="$tool" \
      '$9 > 0 && $8 > 0 && $13 > 0 { printf "minhbach/%s: median %.2f×, first build %.2f×, peak RSS %.2f×\n", t, $2 / $9, $1 / $8, $6 / $13 }'
  done
fi
