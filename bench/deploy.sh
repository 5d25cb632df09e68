#!/usr/bin/env bash
# bench/deploy.sh [N]: what `minhbach deploy` sends and how long it takes,
# for the demo site and an N-item news corpus (default 10000), to the
# in-process S3 server of the tests (bench/cmd/s3fake-server, objects in
# memory, on 127.0.0.1) and to a folder (file://). For each site and
# target: a first deploy into an empty bucket or folder, then a deploy
# after one news item's body was edited and the site rebuilt. Prints the
# deploy's own summary line (files, bytes, deleted, unchanged, seconds)
# and the wall time of the command. No assertions: figures only.
set -euo pipefail
n=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
cd "$root"
go build -o "$tmp/minhbach" ./cmd/minhbach
go build -o "$tmp/s3fake-server" ./bench/cmd/s3fake-server
"$tmp/s3fake-server" -bucket portal >"$tmp/endpoint" &
server=$!
for _ in $(seq 50); do [ -s "$tmp/endpoint" ] && break; sleep 0.1; done
endpoint=$(head -n 1 "$tmp/endpoint")
export AWS_ACCESS_KEY_ID=MINHBACHTESTKEY AWS_SECRET_ACCESS_KEY=minhbach-test-secret AWS_EC2_METADATA_DISABLED=true
export MINHBACH_LANG=en

# deploy NAME TARGET PUBLIC SOURCE: one timed deploy (its publication-log
# entry goes to the copy of the site in SOURCE).
deploy() {
  local start end
  start=$(date +%s.%N)
  "$tmp/minhbach" deploy --source "$4" --public "$3" --target "$2" | sed "s|^minhbach deploy:|  $1:|"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "    (command wall time %.2f s)\n", e - s }'
}

# bench NAME SOURCE NEWSFILE: build, first deploys, edit NEWSFILE, rebuild, one-edit deploys.
bench() {
  local name=$1 src=$2 news=$3 out="$tmp/public-$1"
  echo "== $name"
  "$tmp/minhbach" build --source "$src" --destination "$out" --build-date 2026-11-23 >"$tmp/build.log"
  head -n 1 "$tmp/build.log"
  echo "  public/: $(find "$out" -type f | wc -l) files, $(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }') bytes"
  deploy "first deploy, S3" "s3://portal/$name?endpoint=$endpoint" "$out" "$src"
  deploy "first deploy, file" "file://$tmp/www-$name" "$out" "$src"
  printf '\nMột câu bổ sung cho bài đo thời gian xuất bản.\n' >>"$news"
  "$tmp/minhbach" build --source "$src" --destination "$out" --build-date 2026-11-23 >"$tmp/build.log"
  head -n 1 "$tmp/build.log"
  deploy "one-edit deploy, S3" "s3://portal/$name?endpoint=$endpoint" "$out" "$src"
  deploy "one-edit deploy, file" "file://$tmp/www-$name" "$out" "$src"
}

# The demo site, copied so that the edit does not touch the repository.
mkdir -p "$tmp/demo"
cp -r site.yaml content layouts assets "$tmp/demo/"
bench demo "$tmp/demo" "$(grep -rL "draft: true" "$tmp/demo/content/news" --include="*.md" | sort | head -n 1)"

go run ./bench/cmd/corpus -n "$n" -seed 1 -out "$tmp/corpus" >/dev/null
bench "corpus-$n" "$tmp/corpus" "$(find "$tmp/corpus/content/news" -name '*.md' | sort | head -n 1)"
