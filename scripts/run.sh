#!/usr/bin/env bash
# Sets everything up, then runs rasd's main job on the embedded corpus:
# extraction of every article in corpus/, scored against its gold files.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for lang in corpus/*/; do
  [ -d "$lang" ] || continue
  echo "== rasd eval $lang" >&2
  build/cli/rasd eval "$lang" --by-field
done
