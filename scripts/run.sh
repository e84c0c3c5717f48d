#!/usr/bin/env bash
# Sets everything up, then runs rasd's main job on the embedded corpus:
# every article of corpus/ extracted (records as JSON Lines in build/corpus.jsonl)
# and scored against its gold file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out=build/corpus.jsonl
: > "$out"
for lang in corpus/ar corpus/fr; do
  [ -d "$lang" ] || continue
  echo "== rasd eval $lang" >&2
  build/cli/rasd eval "$lang" --by-field --predictions "$out.part"
  cat "$out.part" >> "$out"
done
rm -f "$out.part"
echo "records of every corpus article: $out" >&2
