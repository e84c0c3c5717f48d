#!/usr/bin/env bash
# Sets everything up, then shows what rasd makes of the embedded corpus
# (corpus/: written articles in Arabic and French): builds rasd (not the
# tests), ingests the corpus into rasd.db, prints which provinces the
# programme reached, and writes the coverage report rasd-report.html to open
# in a browser. Scoring the corpus against its gold files is part of the
# tests (scripts/test.sh; `rasd eval corpus/ar --by-field` by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --rasd
rasd=build/cli/rasd
db=rasd.db
articles=$(find corpus/ar corpus/fr -name '*.txt' 2>/dev/null | wc -l)
echo "== rasd ingest: $articles articles of corpus/ into $db" >&2
"$rasd" ingest corpus/ar corpus/fr --db "$db"
echo "== rasd coverage: the provinces the programme reached" >&2
"$rasd" coverage --db "$db"
echo "== rasd report" >&2
"$rasd" report --db "$db" --out rasd-report.html
echo "Coverage report: $PWD/rasd-report.html (open it in a browser: file://$PWD/rasd-report.html)" >&2
