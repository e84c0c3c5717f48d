#!/usr/bin/env bash
# The output of rasd does not depend on how many threads read and extract: `rasd
# extract -j1` and `-j2` print the same bytes, and stores filled by `rasd
# ingest -j1` and `-j2` export the same bytes. Inputs: the project's corpus
# and, when ../shared is there, its real corpora and 2,000 real news
# articles (so that most pages are skipped by the prefilter on the way).
#
#   same_output_any_jobs.sh RASD SOURCE_DIR SHARED_DIR
set -euo pipefail
rasd=$1 source=$2 shared=$3
t=$(mktemp -d /tmp/rasd-jobs-XXXXXX)
trap 'rm -rf "$t"' EXIT
fail() { echo "same_output_any_jobs: $*" >&2; exit 1; }

inputs=("$source/corpus/ar" "$source/corpus/fr")
if [ -d "$shared/corpus" ]; then
  inputs+=("$shared/corpus")
  # Real WARC files, broken ones among them: their pages are read on --jobs threads.
  [ -d "$shared/data/warc" ] && inputs+=("$shared/data/warc")
else
  echo "same_output_any_jobs: $shared/corpus is absent: the project's corpus only"
fi
if [ -f "$shared/data/news-ar/articles.jsonl.zst" ] && command -v zstd >/dev/null; then
  zstd -dc "$shared/data/news-ar/articles.jsonl.zst" 2>/dev/null | head -n 2000 > "$t/news.jsonl" || true
  inputs+=("$t/news.jsonl")
fi

for format in jsonl table; do
  "$rasd" extract -j1 --format "$format" "${inputs[@]}" > "$t/x1.$format" 2> "$t/x1.err" || true
  "$rasd" extract -j2 --format "$format" "${inputs[@]}" > "$t/x2.$format" 2> "$t/x2.err" || true
  [ -s "$t/x1.$format" ] || fail "rasd extract -j1 --format $format printed nothing: $(head -c 500 "$t/x1.err")"
  cmp -s "$t/x1.$format" "$t/x2.$format" || { diff "$t/x1.$format" "$t/x2.$format" | head -c 2000 >&2; fail "extract --format $format: -j1 and -j2 differ"; }
  cmp -s "$t/x1.err" "$t/x2.err" || fail "extract --format $format: -j1 and -j2 report differently"
done
"$rasd" extract -j1 --for-ingest "${inputs[@]}" > "$t/s1.jsonl" 2>/dev/null || true
"$rasd" extract -j2 --for-ingest "${inputs[@]}" > "$t/s2.jsonl" 2>/dev/null || true
cmp -s "$t/s1.jsonl" "$t/s2.jsonl" || fail "extract --for-ingest: -j1 and -j2 differ"
records=$(grep -c '"records":\[{' "$t/x1.jsonl" || true)
[ "$records" -ge 20 ] || fail "only $records documents with records: the corpora should give more"

"$rasd" ingest --quiet -j1 --db "$t/one.db" "${inputs[@]}" 2> "$t/i1.err" || true
"$rasd" ingest --quiet -j2 --db "$t/two.db" "${inputs[@]}" 2> "$t/i2.err" || true
# Row ids follow the writer's batches, which close on time as well as size
# (a loaded machine closes them elsewhere): compared without them.
ids() { sed -E 's/"(event|document|record)_id":[0-9]+/"\1_id":_/g'; }
for format in jsonl; do
  "$rasd" export --format "$format" --db "$t/one.db" | ids > "$t/e1.$format"
  "$rasd" export --format "$format" --db "$t/two.db" | ids > "$t/e2.$format"
  [ -s "$t/e1.$format" ] || fail "the -j1 store exports nothing: $(cat "$t/i1.err")"
  cmp -s "$t/e1.$format" "$t/e2.$format" || { diff "$t/e1.$format" "$t/e2.$format" | head -c 2000 >&2; fail "ingest: the -j1 and -j2 stores export differently ($format)"; }
done
echo "same_output_any_jobs: extract and ingest give the same output with 1 and 2 threads ($records documents with records)"
