#!/usr/bin/env bash
# Measures the resident memory of `minhbach serve` over many edits, on the
# generated corpus (bench/cmd/corpus) with and without large lead photos,
# and the peak memory of one `minhbach build` of the same site for
# comparison. A measurement script, not a timed test.
#
#   bash bench/serve-memory.sh [N ...]    # news items per corpus (default: 1000 10000)
#
#   EDITS=50       edits per serve session
#   PHOTOS=5       large lead photos in the "with photos" corpus (0: skip it)
#   PHOTO_WIDTH=6000
#   BIN=path       the minhbach binary to measure (default: built from this tree),
#                  e.g. one built from an older commit, for before/after figures
#   PORT=13181
#
# For each N it writes the corpus twice: as generated, and with PHOTOS items
# given a synthetic 6 000×4 000 camera photo (6.5 MB JPEG, sitetest.Photo).
# For each corpus:
#   1. `minhbach build` twice under /usr/bin/time: the first with an empty
#      picture cache (.minhbach-cache, which the build fills), the second
#      with the cache; peak RSS (%M) and wall time of each.
#   2. The cache is deleted, and `minhbach serve` starts: its first build
#      makes every copy again (the worst case, as in issue 16). The script
#      waits until the server is idle and reads VmRSS, then makes EDITS
#      edits with bench/cmd/editpoll (a line appended to a news body, polled
#      until served), alternating between an item without a photo and one
#      with a photo (when there are photos), waiting until the server is
#      idle after each. It reads VmRSS after edits 10, 25 and EDITS, and
#      the server's peak (VmHWM) at the end. Each VmRSS is read 3 s after
#      the server went idle: a preview gives freed memory back to the
#      system 2 s after its last rebuild (serve's idleRelease).
# It ends with one table. Everything goes to stdout; the temporary folder is
# removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
edits=${EDITS:-50}
photos=${PHOTOS:-5}
width=${PHOTO_WIDTH:-6000}
port=${PORT:-13181}

tmp=$(mktemp -d)
pid=
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
bin=${BIN:-}
if [ -z "$bin" ]; then
  go build -o "$tmp/minhbach" ./cmd/minhbach
  bin=$tmp/minhbach
fi
go build -o "$tmp/corpus" ./bench/cmd/corpus
go build -o "$tmp/editpoll" ./bench/cmd/editpoll

echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(go version | cut -d' ' -f3); $("$bin" version | cut -d' ' -f1,2,3)"
echo "binary: $bin"

# rss, cpu and idle: bench/lib.sh.

# page prints the URL path of a news item's page from its file name
# content/news/YYYY/YYYY-MM-DD-slug.md → /tin-tuc/YYYY/MM/slug/.
page() {
  local base
  base=$(basename "$1" .md)
  echo "/tin-tuc/${base:0:4}/${base:5:2}/${base:11}/"
}

# measure N P: one corpus of N items with P photos.
measure() {
  local n=$1 k=$2 site=$tmp/site-$1-$2
  echo
  echo "corpus: $n news items, $k photos of ${width} px"
  rm -rf "$site"
  local with=()
  if [ "$k" -gt 0 ]; then
    mapfile -t with < <("$tmp/corpus" -n "$n" -seed 1 -out "$site" -photos "$k" -photo-width "$width")
  else
    "$tmp/corpus" -n "$n" -seed 1 -out "$site" >/dev/null
  fi
  local b
  for b in cold warm; do
    rm -rf "$tmp/out"
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" build --source "$site" --destination "$tmp/out" --build-date 2026-11-23 >"$tmp/log" 2>&1 ||
      { tail -n 20 "$tmp/log"; exit 1; }
    read -r secs kb <"$tmp/time"
    echo "  build ($b picture cache): $secs s, peak RSS $((kb / 1024)) MiB"
    eval "build_$b=$((kb / 1024))"
  done
  rm -rf "$site/.minhbach-cache" "$tmp/out"

  local plain
  plain=$(cd "$site" && find content/news -name '*.md' | LC_ALL=C sort | sed -n "$(((n + 1) / 2))p")
  local files=("$site/$plain")
  [ "$k" -gt 0 ] && files+=("$site/${with[0]}")
  cp "${files[@]}" "$tmp/" # restored at the end

  local start
  start=$(date +%s%N)
  "$bin" serve --source "$site" --port "$port" >"$tmp/serve.out" 2>"$tmp/serve.log" &
  pid=$!
  local url="http://127.0.0.1:$port$(page "$plain")"
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited:" >&2; tail -n 20 "$tmp/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "  serve: first build and listen in $(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
  sleep 2
  idle
  sleep 3
  local r0 r10 r25 rN
  r0=$(rss VmRSS)
  echo "  serve RSS after the first build: $r0 MiB"
  local i f
  for i in $(seq "$edits"); do
    f=${files[$((i % ${#files[@]}))]}
    "$tmp/editpoll" -file "$f" -url "http://127.0.0.1:$port$(page "$f")" -line "Dòng sửa số $i lúc $RANDOM." >/dev/null
    sleep 0.5
    idle
    case $i in
      10) sleep 3; r10=$(rss VmRSS); echo "  serve RSS after 10 edits: $r10 MiB" ;;
      25) sleep 3; r25=$(rss VmRSS); echo "  serve RSS after 25 edits: $r25 MiB" ;;
    esac
  done
  sleep 3
  rN=$(rss VmRSS)
  local peak
  peak=$(rss VmHWM)
  echo "  serve RSS after $edits edits: $rN MiB; peak $peak MiB"
  stop
  for f in "${files[@]}"; do cp "$tmp/$(basename "$f")" "$f"; done
  printf '%7s %7s %12s %12s %12s %10s %10s %10s %10s\n' "$n" "$k" "$build_cold" "$build_warm" "$r0" "${r10:--}" "${r25:--}" "$rN" "$peak" >>"$tmp/table"
  rm -rf "$site"
}

for n in "${sizes[@]}"; do
  measure "$n" 0
  [ "$photos" -gt 0 ] && measure "$n" "$photos"
done

echo
echo "resident memory (MiB), $edits edits, photos of ${width} px:"
printf '%7s %7s %12s %12s %12s %10s %10s %10s %10s\n' items photos "build cold" "build warm" "serve first" "10 edits" "25 edits" "$edits edits" "peak"
cat "$tmp/table"
echo "(build: peak RSS of one build with an empty and with a filled picture cache; serve: VmRSS of the"
echo " server after its first build (empty cache) and after edits, each 3 s after it went idle; peak: its VmHWM)"
