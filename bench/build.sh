#!/usr/bin/env bash
# Builds the same generated news corpus (sitetest.Corpus) with minhbach and
# with Hugo (Debian's hugo, equivalent minimal layouts, --minify) and
# prints wall time, CPU time and peak memory of both, and their ratios.
#
#   bash bench/build.sh [N]     # N news items, default 10000
#
# Each tool builds 3 times into an empty output folder; the table shows
# the best wall time, the least CPU time (user + sys) and the largest
# peak RSS of the 3 runs. Installs hugo and time with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-10000}
runs=3
builddate=2026-11-23

need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
"$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site-minhbach"
"$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)"

echo "corpus: $n news items + 3 pages (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $("$tmp/minhbach" version | cut -d' ' -f1,2); $(hugo version | cut -d' ' -f1,2)"

# run TOOL CMD...: builds runs times, each into an empty $tmp/out-TOOL,
# appending "wall user sys maxrss-KiB" lines to $tmp/times-TOOL.
run() {
  local tool=$1
  shift
  for i in $(seq "$runs"); do
    rm -rf "$tmp/out-$tool" "$tmp/site-hugo/resources" "$tmp/hugo-cache"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/log" 2>&1; then
      echo "$tool failed:"
      cat "$tmp/log" "$tmp/time"
      exit 1
    fi
    tail -n 1 "$tmp/time" >>"$tmp/times-$tool"
    awk -v tool="$tool" -v i="$i" '{ printf "  %s run %d: %.2f s wall, %.2f s CPU, %.0f MiB peak RSS\n", tool, i, $1, $2 + $3, $4 / 1024 }' "$tmp/time"
  done
  find "$tmp/out-$tool" -name index.html | wc -l >"$tmp/pages-$tool"
}

run minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
run hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"

# summary TOOL prints "wall cpu rss-MiB pages".
summary() {
  awk -v pages="$(cat "$tmp/pages-$1")" '
    NR == 1 || $1 < wall { wall = $1 }
    NR == 1 || $2 + $3 < cpu { cpu = $2 + $3 }
    $4 > rss { rss = $4 }
    END { printf "%.2f %.2f %.0f %d\n", wall, cpu, rss / 1024, pages }' "$tmp/times-$1"
}

m=$(summary minhbach)
h=$(summary hugo)
echo
printf '%-10s %10s %10s %14s %8s\n' tool "wall s" "CPU s" "peak RSS MiB" pages
# shellcheck disable=SC2086
printf '%-10s %10s %10s %14s %8s\n' minhbach $m
# shellcheck disable=SC2086
printf '%-10s %10s %10s %14s %8s\n' hugo $h
echo "$m $h" | awk '{ printf "minhbach/hugo: wall %.2f×, CPU %.2f×, peak RSS %.2f× (target: wall ≤ 0.5×, RSS ≤ 1×)\n", $1 / $5, $2 / $6, $3 / $7 }'
