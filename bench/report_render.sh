#!/usr/bin/env bash
# How long headless Chromium takes to render a coverage report (promised:
# under 2 s for 1,000 events). Two figures: the page's own clock at the end of
# its script, after forcing style and layout (data-render-ms: parse, styles,
# layout, script), and the wall time of loading it and taking a screenshot,
# minus the same for an empty page (Chromium's start-up). Best of 3.
#   bench/report_render.sh [PAGE.html]     (default: what build/bench/report_bench wrote)
set -euo pipefail
page=$(realpath "${1:-/tmp/rasd_report_bench.html}")
[ -s "$page" ] || { echo "report_render: $page: no page (run build/bench/report_bench first)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rasd_render_XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill -- "-$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
echo '<!DOCTYPE html><html><body>empty</body></html>' > "$tmp/empty.html"

# Milliseconds of one Chromium run on page $1 with options $2...; output in $tmp/out.
run() {
  local start end page=$1
  shift
  start=$(date +%s%N)
  setsid chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1200,1400 \
    "$@" "file://$page" >"$tmp/out" 2>"$tmp/log" &
  pid=$!
  wait "$pid" || { echo "report_render: chromium failed: $(tail -3 "$tmp/log")" >&2; exit 1; }
  pid=""
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

best() {
  local b=999999 t
  for _ in 1 2 3; do
    t=$(run "$1" --screenshot="$tmp/shot.png")
    [ "$t" -lt "$b" ] && b=$t
  done
  echo "$b"
}
base=$(best "$tmp/empty.html")
wall=$(best "$page")
run "$page" --dump-dom >/dev/null
inpage=$(grep -o 'data-render-ms="[0-9]*"' "$tmp/out" | grep -o '[0-9]*' || echo "?")
ready=$(grep -c 'data-ready="1"' "$tmp/out" || true)
echo "report_render: $page ($(($(stat -c %s "$page") / 1024)) KB): script done after ${inpage} ms (page clock)," \
     "load + screenshot $((wall - base)) ms over an empty page (${wall} ms vs ${base} ms), script ran: $ready"
