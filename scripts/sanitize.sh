#!/usr/bin/env bash
# The whole CTest suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan, RASD_SANITIZE=ON), then every fuzz target for a bounded time
# (scripts/fuzz.sh, reusing the same build). With clang-14 the one build
# serves both; with gcc only the suite runs.
#   scripts/sanitize.sh                 suite (without the tests labelled slow) + 15 s per fuzz target
#   RASD_FUZZ_SECONDS=0 scripts/sanitize.sh      suite only
#   RASD_ASAN_EXCLUDE_LABEL= scripts/sanitize.sh include the slow tests too
set -euo pipefail
cd "$(dirname "$0")/.."
build=${RASD_ASAN_BUILD_DIR:-build-asan}
fuzz_seconds=${RASD_FUZZ_SECONDS:-15}
exclude_label=${RASD_ASAN_EXCLUDE_LABEL-slow}
jobs=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)

if [ ! -f "$build/CMakeCache.txt" ]; then
  # -O1 with line tables: the sanitizers' usual build, quicker to compile
  # than -O2 -g and still naming file and line in a report.
  args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" "-DCMAKE_C_FLAGS_DEBUG=-O1 -g1"
        -DRASD_SANITIZE=ON -DRASD_BUILD_BENCH=OFF)
  if command -v clang++-14 >/dev/null; then
    args+=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DRASD_FUZZ=ON)
  fi
  command -v ccache >/dev/null && args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build" "${args[@]}" >/dev/null
fi
cmake --build "$build" -j"$jobs"
built=$(date +%s)

# Any report fails the test that triggered it. Leak checking is on: a test
# that aborts on purpose (the crash tests) is not checked at exit anyway.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ctest_args=(--test-dir "$build" --output-on-failure -j"$jobs")
[ -n "$exclude_label" ] && ctest_args+=(-LE "$exclude_label")
ctest "${ctest_args[@]}"
tested=$(date +%s)

if [ "$fuzz_seconds" != 0 ] && grep -q "RASD_FUZZ:BOOL=ON" "$build/CMakeCache.txt"; then
  FUZZ_BUILD_DIR="$build" bash scripts/fuzz.sh "$fuzz_seconds"
fi
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, suite $((tested - built)) s, fuzzing $((end - tested)) s" >&2
