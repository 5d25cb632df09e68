#!/usr/bin/env bash
# How the build grows with a gazette-heavy archive: for each size N (default
# 10 000, 50 000 and 250 000 documents) it writes a portal of N gazette
# documents with relations, in issues of 30, plus N × 2/25 news items (20 000
# news at 250 000 documents), builds it once into an empty folder and prints
# wall time, CPU time (user + sys), peak RSS, files and bytes written, and
# CPU seconds per 1 000 documents (flat when time grows linearly).
#
#   bash bench/scale.sh [N ...]
#   BIN=/path/to/minhbach bash bench/scale.sh 250000   (measure that binary)
#   KEEP=/some/dir bash bench/scale.sh                 (keep the corpora there)
#
# The 250 000 run writes about 1 GB of Markdown and takes many minutes; run
# it alone on the machine (nice -n 10 on a shared one).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000 250000)
builddate=2026-11-23

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x /usr/bin/time ] || { apt-get update -q >/dev/null; apt-get install -y -q time >/dev/null; }
bin=${BIN:-}
if [ -z "$bin" ]; then
  go build -o "$tmp/minhbach" ./cmd/minhbach
  bin=$tmp/minhbach
fi
go build -o "$tmp/gazette-corpus" ./bench/cmd/gazette-corpus
corpora=${KEEP:-$tmp}

echo "$(nproc) cores; $(go version | cut -d' ' -f3); $(git rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-8s %9s %9s %9s %9s %12s %14s\n' docs news "wall s" "CPU s" "RSS MiB" files bytes "CPU s/1000"
for n in "${sizes[@]}"; do
  site=$corpora/scale-$n
  news=$((n * 2 / 25))
  [ -d "$site" ] || "$tmp/gazette-corpus" -news "$news" -docs "$n" -issues $((n / 30 + 1)) -out "$site" >/dev/null
  rm -rf "$tmp/out"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$bin" build --source "$site" --destination "$tmp/out" --build-date "$builddate" >"$tmp/log" 2>&1; then
    echo "build of $n failed:"
    tail -n 30 "$tmp/log"
    cat "$tmp/time"
    exit 1
  fi
  files=$(find "$tmp/out" -type f | wc -l)
  bytes=$(du -sb "$tmp/out" | cut -f1)
  awk -v n="$n" -v news="$news" -v files="$files" -v bytes="$bytes" '{
    cpu = $2 + $3
    printf "%-9d %-8d %9.1f %9.1f %9.0f %9d %12d %14.2f\n", n, news, $1, cpu, $4 / 1024, files, bytes, cpu / ((n + news) / 1000)
  }' "$tmp/time"
  rm -rf "$tmp/out"
done
