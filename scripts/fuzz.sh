#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan, UBSan) and runs each
# for SECONDS (default 30), seeded from corpus/ and ../shared/data/warc.
#   scripts/fuzz.sh [SECONDS]
#   FUZZ_BUILD_DIR=build-asan scripts/fuzz.sh 20   (reuse a build configured with RASD_FUZZ=ON)
#   FUZZ_TARGETS="warc jsonl" scripts/fuzz.sh 600  (some targets, longer)
# What a target finds is kept in BUILD/fuzz-findings/ (crash-*, timeout-*,
# oom-*), the grown corpus in BUILD/fuzz-corpus/; exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build=${FUZZ_BUILD_DIR:-build-fuzz}
targets=${FUZZ_TARGETS:-html warc jsonl charset normalize recognisers}
jobs=$(nproc 2>/dev/null || echo 2)
shared=${RASD_SHARED_DIR:-$(cd .. && pwd)/shared}

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz.sh: clang++-14 is missing (scripts/setup.sh --tests installs clang-14 and libclang-rt-14-dev)" >&2
  exit 1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
    -DCMAKE_CXX_COMPILER=clang++-14 -DRASD_FUZZ=ON -DRASD_BUILD_TESTS=OFF -DRASD_BUILD_BENCH=OFF \
    "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do printf '%s_fuzz ' "$t"; done)

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
python3 fuzz/make_seeds.py "$PWD" "$shared" "$seeds"

# Leaks matter too; a report stops the run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export RASD_DATA=${RASD_DATA:-$PWD/data}
failed=()
for t in $targets; do
  case $t in
    html|warc) max_len=65536 ;;
    jsonl) max_len=16384 ;;
    *) max_len=4096 ;;
  esac
  corpus="$build/fuzz-corpus/$t"
  findings="$build/fuzz-findings"
  mkdir -p "$corpus" "$findings"
  log="$build/fuzz-$t.log"
  echo "fuzz.sh: $t for ${seconds}s" >&2
  if "$build/fuzz/${t}_fuzz" "$corpus" "$seeds/$t" -max_total_time="$seconds" -max_len="$max_len" \
      -timeout=10 -rss_limit_mb=2560 -artifact_prefix="$findings/$t-" -print_final_stats=1 >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$log" | sed "s/^/  $t /" >&2 || true
  else
    failed+=("$t")
    echo "fuzz.sh: $t found a problem (log: $log):" >&2
    grep -E "ERROR|SUMMARY|property failed|Test unit written" "$log" | head -20 >&2 || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]} (inputs in $build/fuzz-findings)" >&2
  exit 1
fi
echo "fuzz.sh: no finding in ${targets// /, } (${seconds}s each)" >&2
