#!/usr/bin/env bash
# Builds a generated portal with a 5 000-row CSV procedure catalogue
# (default: 1 000 news, 2 000 gazette documents in 100 issues, 5 000
# procedures) with minhbach, the same portal without the catalogue (to show
# what the catalogue costs), and Hugo on the same content, and prints wall
# time, CPU time and peak memory.
#
#   bash bench/procedures.sh [PROCEDURES] [DOCS] [NEWS]
#
# Hugo (Debian's 0.111 has no content adapters for CSV) gets each
# procedure as a Markdown file under content/thu-tuc/ with the same keys,
# and field, level and agency as taxonomies (the browse pages minhbach
# makes). Each tool builds 3 times into an empty folder.
set -euo pipefail
cd "$(dirname "$0")/.."

procs=${1:-5000}
docs=${2:-2000}
news=${3:-1000}
issues=100
runs=3
builddate=2026-11-23

source bench/lib.sh
install_tools

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/corpus" ./bench/cmd/corpus
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues "$issues" -procedures "$procs" -out "$tmp/site-minhbach"
go run ./bench/cmd/gazette-corpus -news "$news" -docs "$docs" -issues "$issues" -out "$tmp/site-base"
"$tmp/corpus" -n "$news" -seed 1 -out "$tmp/site-hugo" -hugo -hugo-version "$(hugo version | grep -oE 'v[0-9]+\.[0-9]+' | head -n 1)"

# The same gazette and procedures for Hugo.
hugo_gazette
python3 - "$tmp/site-minhbach/content/procedures/danh-muc.csv" "$tmp/site-hugo/content/thu-tuc" <<'PY'
import csv, json, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for row in csv.DictReader(open(src, encoding="utf-8")):
    fm = {"title": row["title"], "code": row["code"], "linh_vuc": [row["field"]], "cap": row["level"].split(";"),
          "co_quan": [row["agency"]], "processing_time": row["processing_time"], "fee": row["fee"], "online": row["online"],
          "methods": row["methods"].split(";"), "steps": row["steps"].split(";"),
          "documents": [dict(zip(["name", "copies", "form"], [p.strip() for p in d.split("|")])) for d in row["documents"].split(";")],
          "result": row["result"], "legal_basis": row["legal_basis"].split(";"), "published_by": row["published_by"]}
    with open(os.path.join(out, row["code"] + ".md"), "w", encoding="utf-8") as f:
        f.write(json.dumps(fm, ensure_ascii=False) + "\n")
PY
sed -i 's/^year = "years"$/year = "years"\nloai = "loai"\nlinh_vuc = "linh_vuc"\ncap = "cap"\nco_quan = "co_quan"/' "$tmp/site-hugo/hugo.toml"

echo "corpus: $news news + $docs documents in $issues issues + $procs procedures in one CSV (seed 1); $(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1,2)"

run base "$tmp/minhbach" build --source "$tmp/site-base" --destination "$tmp/out-base" --build-date "$builddate"
run minhbach "$tmp/minhbach" build --source "$tmp/site-minhbach" --destination "$tmp/out-minhbach" --build-date "$builddate"
run hugo hugo --minify --quiet -s "$tmp/site-hugo" -d "$tmp/out-hugo" --cacheDir "$tmp/hugo-cache"

table
echo "$(summary base) $(summary minhbach)" | awk '{ printf "without the catalogue: %.2f s wall, %.0f MiB peak RSS, %d pages; the catalogue adds %.2f s and %.0f MiB for %d pages\n", $1, $3, $4, $5 - $1, $7 - $3, $8 - $4 }'
