#!/usr/bin/env bash
# gate_pdf: the corpus articles printed to PDF by headless Chromium (Arabic
# right to left and French, one and two columns, a running header and page
# numbers on every page) give the records their texts give: fact F1 within
# 0.02 in each language, every figure's evidence naming its page. A damaged
# PDF, an encrypted one and one without a text layer are reported by name
# and the run goes on (exit 1, the good PDF's records still written).
#
# usage: pdf_gate.sh RASD SOURCE_DIR SHARED_DIR
set -euo pipefail
rasd=$1 src=$2 shared=$3
for tool in chromium qpdf python3; do
  command -v "$tool" >/dev/null || { echo "gate_pdf: $tool is missing (scripts/setup.sh --tests installs it)" >&2; exit 1; }
done
[ -d "$shared/corpus/real-dev" ] || { echo "gate_pdf: $shared/corpus/real-dev is absent: the shared real articles are needed" >&2; exit 1; }
work=$(mktemp -d /tmp/rasd-pdf-gate.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/html" "$work/pdf" "$work/text" "$work/gold/ar" "$work/gold/fr" "$work/profile"

# The articles: the project's written corpus and real articles of ../shared,
# in both languages. Texts and gold files are linked, never copied.
articles=()
for f in $(ls "$src"/corpus/ar/*.txt | head -12) $(ls "$src"/corpus/fr/*.txt | head -10) \
         "$shared"/corpus/real-dev/r0{03,06,08,12,16,18}_ar.txt "$shared"/corpus/real-dev/r0{26,28,33,39}_fr.txt; do
  [ -f "${f%.txt}.gold.json" ] || continue
  articles+=("$f")
  name=$(basename "${f%.txt}")
  lang=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lang"])' "${f%.txt}.gold.json")
  ln -s "$f" "$work/text/$name.txt"
  ln -s "${f%.txt}.gold.json" "$work/gold/$lang/$name.gold.json"
done

# One Chromium prints every page (tests/pdf/print_pdfs.py stops it by PID).
start=$(date +%s)
python3 "$src/tests/pdf/make_pdfs.py" "$work/html" "${articles[@]}" > "$work/pages"
jobs=()
while read -r page; do jobs+=("$page=$work/pdf/$(basename "${page%.html}").pdf"); done < "$work/pages"
# A scan: a page holding only a drawn image, no text layer.
cat > "$work/html/scan.html" <<'HTML'
<!doctype html><html><body style="margin:0">
<canvas id="c" width="600" height="800"></canvas>
<script>
const g = document.getElementById("c").getContext("2d");
g.fillStyle = "#eee"; g.fillRect(0, 0, 600, 800);
g.fillStyle = "#333"; for (let y = 40; y < 760; y += 24) g.fillRect(40, y, 480 + (y % 7) * 5, 10);
</script></body></html>
HTML
mkdir "$work/bad"
jobs+=("$work/html/scan.html=$work/bad/scanned.pdf")
timeout 240 python3 "$src/tests/pdf/print_pdfs.py" "$work/profile" "${jobs[@]}"
for j in "${jobs[@]}"; do
  [ -s "${j#*=}" ] || { echo "gate_pdf: Chromium printed no PDF of ${j%%=*}" >&2; exit 1; }
done
echo "gate_pdf: ${#articles[@]} articles printed to PDF in $(( $(date +%s) - start )) s"

"$rasd" extract "$work/text" > "$work/text.jsonl"
"$rasd" extract "$work/pdf" > "$work/pdf.jsonl"
python3 "$src/tests/pdf/compare_runs.py" "$shared/tools/score.py" "$work/gold" "$work/text.jsonl" "$work/pdf.jsonl"

# Bad PDFs, beside a good one: each reported by name, the good one read.
good=$(head -1 "$work/pages"); good=$work/pdf/$(basename "${good%.html}").pdf
cp "$good" "$work/bad/good.pdf"
python3 "$src/tests/pdf/bad_pdfs.py" "$good" "$work/bad/broken-xref.pdf"
qpdf --encrypt secret-user secret-owner 256 -- "$good" "$work/bad/encrypted.pdf"
set +e
"$rasd" extract "$work/bad" > "$work/bad.jsonl" 2> "$work/bad.err"
code=$?
set -e
cat "$work/bad.err" >&2
fail=0
[ "$code" = 1 ] || { echo "gate_pdf: rasd extract exited $code with bad PDFs among its inputs, not 1" >&2; fail=1; }
grep -q "broken-xref.pdf.*damaged PDF" "$work/bad.err" || { echo "gate_pdf: the damaged PDF was not reported by name" >&2; fail=1; }
grep -q "encrypted.pdf.*encrypted PDF" "$work/bad.err" || { echo "gate_pdf: the encrypted PDF was not reported by name" >&2; fail=1; }
grep -q "scanned.pdf.*no text layer" "$work/bad.err" || { echo "gate_pdf: the PDF without text was not reported by name" >&2; fail=1; }
grep -q '"source":"[^"]*good.pdf"' "$work/bad.jsonl" || { echo "gate_pdf: the good PDF beside the bad ones was not read" >&2; fail=1; }
[ "$fail" = 0 ] && echo "gate_pdf: damaged, encrypted and scanned PDFs reported by name; the run went on"
exit "$fail"
