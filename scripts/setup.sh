#!/usr/bin/env bash
# Installs the Debian packages rasd needs (when missing and we are root),
# then configures and builds it in ./build. Safe to run again.
#   setup.sh           what building and running rasd needs; builds everything
#   setup.sh --tests   and what the tests need besides (browser, cluster,
#                      sanitizer and fuzzing tools)
#   setup.sh --rasd    the rasd program only: no tests, no benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
with_tests=0
rasd_only=0
[ "${1:-}" = "--tests" ] && with_tests=1
[ "${1:-}" = "--rasd" ] && rasd_only=1

packages=(build-essential cmake pkg-config libicu-dev libre2-dev libxml2-dev libsqlite3-dev
          zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev libpoppler-cpp-dev zstd python3
          libisal-dev libdeflate-dev)
# Only the tests need these.
test_packages=(slurm-wlm munge clang-14 libclang-rt-14-dev chromium fonts-dejavu-core qpdf poppler-utils)
[ "$with_tests" = 1 ] && packages+=("${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "rasd setup: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "rasd setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [ "$rasd_only" = 1 ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASD_BUILD_TESTS=OFF -DRASD_BUILD_BENCH=OFF >/dev/null
  cmake --build build -j"$jobs" --target rasd
else
  # ON said explicitly: a build folder configured by --rasd has them OFF.
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASD_BUILD_TESTS=ON -DRASD_BUILD_BENCH=ON >/dev/null
  cmake --build build -j"$jobs"
fi
