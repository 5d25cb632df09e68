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

source bench/lib.sh
install_tools

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
"$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site-minhbach"
"$tmp/corpus" -n "$n" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)"

echo "corpus: $n news items + 3 pages (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $("$tmp/minhbach" version | cut -d' ' -f1,2); $(hugo version | cut -d' ' -f1,2)"


run minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
run hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"

table
