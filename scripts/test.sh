#!/usr/bin/env bash
# Sets everything up, builds, and runs every test (unit tests and the
# corpus gates) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j"$jobs"
