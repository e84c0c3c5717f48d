#!/usr/bin/env bash
# The coverage report in a real browser: the embedded corpus is ingested into
# a fresh store, the report written, and headless Chromium loads it from
# file:// (no network). The DOM Chromium built must hold the 75 province
# shapes, as many reached provinces as the store has, a known figure marked
# inside its sentence, and the mark the page's script sets when it ran to its
# end; the console must show no error; a screenshot must not be blank.
#   browser_test.sh RASD_BIN SOURCE_DIR
set -euo pipefail
rasd=$1
src=$2
command -v chromium >/dev/null || { echo "browser_test: chromium is not installed (scripts/setup.sh --tests installs it)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "browser_test: python3 is needed to read the screenshot" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rasd_browser_XXXXXX")
browser_pid=""
cleanup() {
  # Chromium runs in its own session: its whole process group goes.
  if [ -n "$browser_pid" ]; then kill -- "-$browser_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "browser_test: FAIL: $*" >&2; exit 1; }

# Runs Chromium on the report with its own profile in $tmp; killed by PID
# (its process group) when it outlives 60 s or the test ends.
run_chromium() {
  local out=$1 log=$2 page=$3; shift 3
  setsid chromium --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --disable-extensions --disable-background-networking --disable-sync --mute-audio \
    --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    "$@" "file://$page" >"$out" 2>"$log" &
  browser_pid=$!
  local waited=0
  while kill -0 "$browser_pid" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -gt 300 ]; then fail "chromium did not finish in 60 s (log: $(tail -5 "$log"))"; fi
  done
  wait "$browser_pid" || fail "chromium exited with status $? ($(tail -5 "$log"))"
  browser_pid=""
}

echo "browser_test: ingesting $src/corpus" >&2
"$rasd" ingest "$src/corpus/ar" "$src/corpus/fr" --db "$tmp/rasd.db" --quiet
"$rasd" report --db "$tmp/rasd.db" --out "$tmp/report.html" --lang fr
# What the store says: provinces reached (events, not aggregates).
reached=$("$rasd" coverage --db "$tmp/rasd.db" --format json |
  python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["coverage"] if r["events"] > 0))')
[ "$reached" -gt 10 ] || fail "the corpus store reaches only $reached provinces"

run_chromium "$tmp/dom.html" "$tmp/dom.log" "$tmp/report.html" --dump-dom
dom=$tmp/dom.html
[ -s "$dom" ] || fail "chromium dumped no DOM ($(tail -5 "$tmp/dom.log"))"

shapes=$(grep -o '<path id="map-MA-[A-Z0-9]*"' "$dom" | sort -u | wc -l)
[ "$shapes" -eq 75 ] || fail "$shapes province shapes in the DOM, expected 75"
shown=$(grep -o 'class="prov reached"' "$dom" | wc -l)
[ "$shown" -eq "$reached" ] || fail "$shown provinces drawn as reached, the store has $reached"
grep -q "id=\"reached-count\">$reached<" "$dom" || fail "the header does not say $reached provinces reached"
# Tiznit, 15 March 2023 (corpus/ar/a001): the budget inside its sentence.
grep -q 'رصد لها غلاف مالي إجمالي بلغ <mark title="Budget (MAD): [^"]*">1.184.326,45 درهما</mark>' "$dom" ||
  fail "the Tiznit budget is not shown marked inside its sentence"
grep -q 'id="prov-MA-TIZ"' "$dom" || fail "no events section for Tiznit"
grep -q '<body[^>]*data-ready="1"' "$dom" || fail "the page's script did not run to its end"
if grep -q 'data-error=' "$dom"; then fail "the page's script failed: $(grep -o 'data-error="[^"]*"' "$dom")"; fi
if grep -E 'CONSOLE|Uncaught|SyntaxError|TypeError|ReferenceError' "$tmp/dom.log" | grep -v 'DevTools' >/dev/null; then
  fail "console errors: $(grep -E 'CONSOLE|Uncaught|Error' "$tmp/dom.log" | head -5)"
fi
render_ms=$(grep -o 'data-render-ms="[0-9]*"' "$dom" | grep -o '[0-9]*' || echo "?")

run_chromium "$tmp/shot.out" "$tmp/shot.log" "$tmp/report.html" --hide-scrollbars --window-size=1200,1400 --screenshot="$tmp/shot.png"
[ -s "$tmp/shot.png" ] || fail "no screenshot ($(tail -5 "$tmp/shot.log"))"
python3 - "$tmp/shot.png" <<'PY' || fail "the screenshot is blank"
# Decodes the PNG (8-bit RGB or RGBA, as Chromium writes it) with zlib alone
# and counts its distinct colours: a blank or unstyled page has a handful.
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), f"unexpected PNG format {depth}/{ctype}"
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours, green = set(), 0
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 2 == 0:
        for x in range(0, width, 2):
            px = bytes(line[x * bpp:x * bpp + 3])
            colours.add(px)
            r, g, bl = px
            if g > r + 30 and g > bl + 10: green += 1
print(f"browser_test: screenshot {width}x{height}, {len(colours)} distinct colours, {green} green samples", file=sys.stderr)
sys.exit(0 if len(colours) > 20 and green > 200 else 1)
PY
# The Arabic page: right to left, and its script runs as well.
"$rasd" report --db "$tmp/rasd.db" --out "$tmp/report-ar.html" --lang ar
run_chromium "$tmp/dom-ar.html" "$tmp/dom-ar.log" "$tmp/report-ar.html" --dump-dom
grep -q '<html lang="ar" dir="rtl">' "$tmp/dom-ar.html" || fail "the Arabic page is not right to left"
grep -q '<body[^>]*data-ready="1"' "$tmp/dom-ar.html" || fail "the Arabic page's script did not run to its end"
if grep -E 'CONSOLE|Uncaught' "$tmp/dom-ar.log" >/dev/null; then fail "console errors on the Arabic page"; fi

echo "browser_test: ok: 75 shapes, $reached reached, figure in its sentence, script ran (${render_ms} ms to layout)" >&2
