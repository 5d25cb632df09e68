#!/usr/bin/env bash
# Builds a generated portal with a large gazette (default: 1 000 news,
# 15 000 documents in 500 issues, with relations) with minhbach and with
# Hugo on the same files, and prints wall time, CPU time and peak memory.
#
#   bash bench/gazette.sh [DOCS] [ISSUES] [NEWS]
#
# Hugo gets the news site of bench/cmd/corpus plus the same gazette files,
# with issued → date and doc_type/field/agency as taxonomies (the browse
# pages minhbach makes). Each tool builds 3 times into an empty folder.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=${1:-15000}
issues=${2:-500}
news=${3:-1000}
runs=3
builddate=2026-11-23

need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues "$issues" -out "$tmp/site-minhbach"
"$tmp/corpus" -n "$news" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)"

# The same gazette for Hugo: documents under content/van-ban/, issues under content/cong-bao/.
(cd "$tmp/site-minhbach/content/gazette" && find documents issues -name '*.md') | while read -r f; do
  case $f in
    documents/*) dest="$tmp/site-hugo/content/van-ban/${f#documents/}" ;;
    issues/*) dest="$tmp/site-hugo/content/cong-bao/${f#issues/}" ;;
  esac
  mkdir -p "$(dirname "$dest")"
  sed -e 's/^issued: /date: /' \
      -e 's/^doc_type: \(.*\)$/loai: ["\1"]/' \
      -e 's/^field: \(.*\)$/linh_vuc: ["\1"]/' \
      -e 's/^agency: \(.*\)$/co_quan: ["\1"]/' \
      "$tmp/site-minhbach/content/gazette/$f" >"$dest"
done
sed -i 's/^year = "years"$/year = "years"\nloai = "loai"\nlinh_vuc = "linh_vuc"\nco_quan = "co_quan"/' "$tmp/site-hugo/hugo.toml"

echo "corpus: $news news + $docs documents in $issues issues (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1,2)"

run() {
  local tool=$1
  shift
  for i in $(seq "$runs"); do
    rm -rf "$tmp/out-$tool" "$tmp/site-hugo/resources" "$tmp/hugo-cache"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/log" 2>&1; then
      echo "$tool failed:"
      tail -n 30 "$tmp/log"
      exit 1
    fi
    tail -n 1 "$tmp/time" >>"$tmp/times-$tool"
    awk -v tool="$tool" -v i="$i" '{ printf "  %s run %d: %.2f s wall, %.2f s CPU, %.0f MiB peak RSS\n", tool, i, $1, $2 + $3, $4 / 1024 }' "$tmp/time"
  done
  find "$tmp/out-$tool" -name index.html | wc -l >"$tmp/pages-$tool"
}

run minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
run hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"

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
echo "$m $h" | awk '{ printf "minhbach/hugo: wall %.2f×, CPU %.2f×, peak RSS %.2f×\n", $1 / $5, $2 / $6, $3 / $7 }'
