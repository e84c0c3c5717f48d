#!/usr/bin/env bash
# Ordinary news names no programme event: from every article of the news
# archive given (JSON Lines, zstd-compressed) rasd must extract no record.
# Usage: no_records_from_news.sh RASD ARCHIVE.jsonl.zst
set -euo pipefail
rasd=$1
archive=$2
status=0
counts=$(zstd -dc "$archive" | "$rasd" extract --no-prefilter - |
  awk '{ n++ } /"records":\[\]/ { empty++ } END { printf "%d %d\n", n, empty }') || status=$?
read -r documents empty <<<"$counts"
echo "documents: $documents, with records: $((documents - empty))"
if [ "$status" -ne 0 ] || [ "$documents" -eq 0 ] || [ "$documents" -ne "$empty" ]; then
  zstd -dc "$archive" | "$rasd" extract --no-prefilter - | grep -v '"records":\[\]' | head -5 >&2 || true
  exit 1
fi
