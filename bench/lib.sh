# Shared by the bench scripts: sourced, not run. Needs $tmp and $runs.

# install_tools installs hugo and GNU time with apt-get when missing.
install_tools() {
  local need=()
  command -v hugo >/dev/null 2>&1 || need+=(hugo)
  [ -x /usr/bin/time ] || need+=(time)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# run TOOL CMD...: builds $runs times, each into an empty $tmp/out-TOOL,
# appending "wall user sys maxrss-KiB" lines to $tmp/times-TOOL.
run() {
  local tool=$1
  shift
  for i in $(seq "$runs"); do
    rm -rf "$tmp/out-$tool" "$tmp/site-hugo/resources" "$tmp/hugo-cache"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/log" 2>&1; then
      echo "$tool failed:"
      tail -n 30 "$tmp/log"
      cat "$tmp/time"
      exit 1
    fi
    tail -n 1 "$tmp/time" >>"$tmp/times-$tool"
    awk -v tool="$tool" -v i="$i" '{ printf "  %s run %d: %.2f s wall, %.2f s CPU, %.0f MiB peak RSS\n", tool, i, $1, $2 + $3, $4 / 1024 }' "$tmp/time"
  done
  find "$tmp/out-$tool" -name index.html | wc -l >"$tmp/pages-$tool"
}

# summary TOOL prints "wall cpu rss-MiB pages": the best wall time, the
# least CPU time, the largest peak RSS and the pages written.
summary() {
  awk -v pages="$(cat "$tmp/pages-$1")" '
    NR == 1 || $1 < wall { wall = $1 }
    NR == 1 || $2 + $3 < cpu { cpu = $2 + $3 }
    $4 > rss { rss = $4 }
    END { printf "%.2f %.2f %.0f %d\n", wall, cpu, rss / 1024, pages }' "$tmp/times-$1"
}

# table prints both tools' summaries and the ratios minhbach/hugo.
table() {
  local m h
  m=$(summary minhbach)
  h=$(summary hugo)
  echo
  printf '%-10s %10s %10s %14s %8s\n' tool "wall s" "CPU s" "peak RSS MiB" pages
  # shellcheck disable=SC2086
  printf '%-10s %10s %10s %14s %8s\n' minhbach $m
  # shellcheck disable=SC2086
  printf '%-10s %10s %10s %14s %8s\n' hugo $h
  echo "$m $h" | awk '{ printf "minhbach/hugo: wall %.2f×, CPU %.2f×, peak RSS %.2f×\n", $1 / $5, $2 / $6, $3 / $7 }'
}

# hugo_gazette copies the gazette of $tmp/site-minhbach into $tmp/site-hugo:
# documents under content/van-ban/, issues under content/cong-bao/, with
# issued → date and type, field and agency as taxonomies (the browse pages
# minhbach makes).
hugo_gazette() {
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
}

# Process helpers of the serve benchmarks (serve.sh, serve-memory.sh); they
# read the server's process id from $pid.
# rss FIELD prints a field of /proc/$pid/status in MiB (VmRSS, VmHWM).
rss() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$pid/status"; }

# cpu prints the CPU time the server has used (user + system, clock ticks).
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

# idle waits until the server is idle: less than 3 ticks of CPU (30 ms at
# 100 ticks a second) in 250 ms, so that no edit waits for work left over
# from the one before (minhbach's search index; the rest of a Hugo build
# that served the page before it finished). Gives up after 10 minutes.
idle() {
  local a b tries=0
  b=$(cpu)
  while [ $tries -lt 2400 ]; do
    sleep 0.25
    a=$b
    b=$(cpu)
    [ $((b - a)) -lt 3 ] && return
    tries=$((tries + 1))
  done
  echo "  (server still busy after 10 minutes; editing anyway)"
}
