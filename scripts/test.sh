#!/usr/bin/env bash
# Sets everything up, builds, and runs every test (unit tests and the
# corpus gates) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j"$jobs"
# Then the suite again under ASan+UBSan and the fuzz targets for a bounded
# time (scripts/sanitize.sh); RASD_SANITIZE=0 skips it.
if [ "${RASD_SANITIZE:-1}" != 0 ]; then
  bash scripts/sanitize.sh
fi
