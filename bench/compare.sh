#!/usr/bin/env bash
# minhbach against what a user would otherwise run, on the same files:
# Hugo --minify alone, and Hugo --minify followed by Pagefind (npm) over
# Hugo's output. Two sites:
#   - NEWS news items (default 6 000; bench/cmd/corpus);
#   - a MIXED site (default 10 000 pages: 60 % news, 30 % gazette documents
#     in issues of 15, 10 % procedures from a CSV catalogue; Hugo gets the
#     same news, the gazette as pages with taxonomies, and one page per
#     procedure made by bench/cmd/hugo-procedures).
# Each tool builds once into its folder, then rebuilds over that output 3
# times, as a user rebuilds; the table gives the median wall and CPU time
# and the largest peak RSS of the 3 rebuilds, and the files written.
#
#   bash bench/compare.sh [NEWS] [MIXED]
#   ONLY=minhbach bash bench/compare.sh     (skip Hugo and Pagefind)
set -euo pipefail
cd "$(dirname "$0")/.."

news=${1:-6000}
mixed=${2:-10000}
runs=3
builddate=2026-11-23

source bench/lib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "${ONLY:-}" ]; then
  install_tools
  command -v npm >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q --no-install-recommends nodejs npm >/dev/null; }
  (cd "$tmp" && npm install --silent --no-audit --no-fund pagefind@1 >/dev/null 2>&1)
  pagefind="$tmp/node_modules/.bin/pagefind"
  hugov=$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)
else
  [ -x /usr/bin/time ] || { apt-get update -q >/dev/null; apt-get install -y -q time >/dev/null; }
fi
go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
go build -o "$tmp/gazette-corpus" ./bench/cmd/gazette-corpus
go build -o "$tmp/hugo-procedures" ./bench/cmd/hugo-procedures

# rebuild NAME CMD...: builds once, then $runs times over the same output,
# appending "wall user sys maxrss-KiB" lines to $tmp/times-NAME.
rebuild() {
  local name=$1
  shift
  : >"$tmp/times-$name"
  for i in $(seq 0 "$runs"); do
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/log" 2>&1; then
      echo "$name failed:"
      tail -n 30 "$tmp/log"
      exit 1
    fi
    [ "$i" -gt 0 ] && tail -n 1 "$tmp/time" >>"$tmp/times-$name"
  done
}

# median NAME OUT prints "wall cpu rss-MiB files".
median() {
  sort -n -k1 "$tmp/times-$1" | awk 'NR == 2 { print $1 }' >"$tmp/m-wall"
  awk '{ print $2 + $3 }' "$tmp/times-$1" | sort -n | awk 'NR == 2' >"$tmp/m-cpu"
  awk '$4 > r { r = $4 } END { printf "%.0f", r / 1024 }' "$tmp/times-$1" >"$tmp/m-rss"
  echo "$(cat "$tmp/m-wall") $(cat "$tmp/m-cpu") $(cat "$tmp/m-rss") $(find "$2" -type f | wc -l)"
}

# compare LABEL: runs the three on $tmp/site-minhbach and $tmp/site-hugo.
compare() {
  echo
  echo "== $1 ($(nproc) cores; $(go version | cut -d' ' -f3)${hugov:+; hugo $hugov})"
  rm -rf "$tmp"/out-*
  rebuild minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
  m=$(median minhbach "$tmp/out-minhbach")
  printf '%-16s %8s %8s %10s %8s\n' tool "wall s" "CPU s" "RSS MiB" files
  printf '%-16s %8s %8s %10s %8s\n' minhbach $m
  [ -n "${ONLY:-}" ] && return
  rebuild hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"
  h=$(median hugo "$tmp/out-hugo")
  rebuild pair sh -c "hugo --minify --quiet -s '$tmp/site-hugo' -d '$tmp/out-pair' --cacheDir '$tmp/hugo-cache2' && '$pagefind' --site '$tmp/out-pair' >/dev/null"
  p=$(median pair "$tmp/out-pair")
  printf '%-16s %8s %8s %10s %8s\n' hugo $h
  printf '%-16s %8s %8s %10s %8s\n' hugo+pagefind $p
  echo "$m $h $p" | awk '{ printf "minhbach / hugo: wall %.2f×, RSS %.2f×;  minhbach / hugo+pagefind: wall %.2f×, RSS %.2f×\n", $1 / $5, $3 / $7, $1 / $9, $3 / $11 }'
}

"$tmp/corpus" -n "$news" -seed 1 -out "$tmp/site-minhbach" >/dev/null
[ -z "${ONLY:-}" ] && "$tmp/corpus" -n "$news" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$hugov" >/dev/null
compare "$news news items"

rm -rf "$tmp/site-minhbach" "$tmp/site-hugo" "$tmp"/hugo-cache*
mn=$((mixed * 6 / 10)) md=$((mixed * 3 / 10)) mp=$((mixed / 10))
"$tmp/gazette-corpus" -news "$mn" -docs "$md" -issues $((md / 15 + 1)) -procedures "$mp" -out "$tmp/site-minhbach" >/dev/null
if [ -z "${ONLY:-}" ]; then
  "$tmp/corpus" -n "$mn" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$hugov" >/dev/null
  hugo_gazette
  sed -i 's/^year = "years"$/year = "years"\nloai = "loai"\nlinh_vuc = "linh_vuc"\nco_quan = "co_quan"/' "$tmp/site-hugo/hugo.toml"
  "$tmp/hugo-procedures" -csv "$tmp/site-minhbach/content/procedures/danh-muc.csv" -out "$tmp/site-hugo/content/thu-tuc"
fi
compare "mixed: $mn news, $md documents in $((md / 15 + 1)) issues, $mp procedures"
