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

source bench/lib.sh
install_tools

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues "$issues" -out "$tmp/site-minhbach"
"$tmp/corpus" -n "$news" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)"

hugo_gazette
sed -i 's/^year = "years"$/year = "years"\nloai = "loai"\nlinh_vuc = "linh_vuc"\nco_quan = "co_quan"/' "$tmp/site-hugo/hugo.toml"

echo "corpus: $news news + $docs documents in $issues issues (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1,2)"


run minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
run hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"

table
