#!/usr/bin/env bash
# test.sh — everything CI runs:
#   1. Release build in build/ + ctest (unit, golden, scr_only, errors)
#   2. Sanitize build in build-sanitize/ + the same tests: ASan, UBSan and
#      the runtime's invariant checks (-DSCR_DEBUG=ON: scr_assert on
#      refcounts, the collector's lists, dict/list consistency, frame and
#      stack bounds) in one stage
#   3. the Release build again with SCR_VALGRIND=ON: every golden program
#      under valgrind (ctest -R valgrind/)
# Every stage runs even if an earlier one failed; the exit status is non-zero
# if anything failed, and the last line is "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/setup.sh || { echo "test: setup failed" >&2; exit 1; }

jobs=2
passed=0
failed=0
problems=()
log=$(mktemp "${TMPDIR:-/tmp}/scr-ctest.XXXXXX")
trap 'rm -f "$log"' EXIT

# Runs ctest in build dir $1 with the remaining arguments; adds its counts.
run_ctest() {
    local dir=$1 label=$2
    shift 2
    local rc=0
    (cd "$dir" && ctest --output-on-failure -j"$jobs" "$@") 2>&1 | tee "$log" || rc=$?
    # "97% tests passed, 3 tests failed out of 120"
    local line total nfail
    line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
    if [ -z "$line" ]; then
        echo "test: $label: no test results" >&2
        failed=$((failed + 1))
        problems+=("$label: no test results")
        return
    fi
    nfail=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/')
    total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
    if [ "$nfail" -ne 0 ] || [ "$rc" -ne 0 ]; then
        problems+=("$label: $nfail of $total tests failed")
    fi
}

# Configures and builds; counts a failed build as one failure.
build() {
    local dir=$1 label=$2
    shift 2
    echo "=== $label: configure and build ($dir)"
    if cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"; then
        return 0
    fi
    echo "test: $label: build failed" >&2
    failed=$((failed + 1))
    problems+=("$label: build failed")
    return 1
}

start=$SECONDS

if build build Release -DCMAKE_BUILD_TYPE=Release -DSCR_VALGRIND=OFF; then
    echo "=== Release: ctest"
    run_ctest build Release
fi

if build build-sanitize Sanitize -DCMAKE_BUILD_TYPE=Sanitize -DSCR_DEBUG=ON; then
    echo "=== Sanitize: ctest"
    ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ctest build-sanitize Sanitize
fi

if build build valgrind -DCMAKE_BUILD_TYPE=Release -DSCR_VALGRIND=ON; then
    echo "=== valgrind: ctest -R valgrind/"
    run_ctest build valgrind -R 'valgrind/'
fi
# Leave build/ as scripts/build.sh configures it (no valgrind tests).
cmake -S . -B build -DSCR_VALGRIND=OFF >/dev/null 2>&1 || true

echo
echo "=== summary ($((SECONDS - start)) s)"
for p in "${problems[@]+"${problems[@]}"}"; do
    echo "  FAILED: $p"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
