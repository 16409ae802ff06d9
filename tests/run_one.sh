#!/bin/sh
# run_one.sh MODE SCR PROGRAM — run one test program with the scr binary SCR.
#
#   golden    run `SCR NAME.scr` in the program's directory with stdin from
#             /dev/null; require exit status 0, stdout identical to NAME.out
#             and stderr identical to the stderr NAME.err holds (see below) or,
#             without a NAME.err, an empty stderr. A NAME.err that is the
#             single line `-` means stderr is not compared (CPython's shows
#             tracebacks through its own library; scripts/regen-golden.sh).
#   error     run the same way; NAME.err holds the expected exit status (line 1)
#             and, from line 2 on, the expected stderr byte for byte.
#   valgrind  like golden, under valgrind, but stderr is not compared (it is
#             valgrind's too); any memory error or definite/indirect leak fails.
#
# In stderr the program's directory followed by '/' is written @DIR@/ on both
# sides: CPython names the script by its absolute path in tracebacks, and the
# expectations must not depend on where the tree is checked out. Addresses in
# reprs (` at 0x7f...`) are written ` at 0x@ADDR@`: they differ run to run.
#
# CTest runs one instance per program (CMakeLists.txt). POSIX sh.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 golden|error|valgrind SCR PROGRAM.scr" >&2
    exit 2
fi
mode=$1
scr=$2
prog=$3

# Make SCR usable after cd: a path containing '/' is made absolute, a bare
# name is looked up on PATH as usual.
case $scr in
    /*) ;;
    */*) scr=$(cd "$(dirname "$scr")" && pwd)/$(basename "$scr") ;;
esac
dir=$(cd "$(dirname "$prog")" && pwd -P)
base=$(basename "$prog" .scr)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scr-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# A hung interpreter must not hang the suite.
limit=60
[ "$mode" = valgrind ] && limit=600
run() {
    if command -v timeout >/dev/null 2>&1; then
        timeout "$limit" "$@"
    else
        "$@"
    fi
}

# Runs the program (with any prefix command given as arguments); sets $status.
run_prog() {
    status=0
    (cd "$dir" && run "$@" "$scr" "$base.scr" </dev/null >"$tmp/stdout" 2>"$tmp/stderr") || status=$?
}

# Writes the program's stderr, normalised as NAME.err stores it, to $tmp/stderr.norm.
normalise_stderr() {
    dir_re=$(printf '%s/\n' "$dir" | sed 's/[][\\.*^$/]/\\&/g')
    sed -e "s/$dir_re/@DIR@\//g" -e 's/ at 0x[0-9a-f][0-9a-f]*/ at 0x@ADDR@/g' "$tmp/stderr" >"$tmp/stderr.norm"
    # sed ends the last line with a newline: keep the original ending.
    if [ -s "$tmp/stderr" ] && [ -n "$(tail -c 1 "$tmp/stderr")" ]; then
        printf '%s' "$(cat "$tmp/stderr.norm")" >"$tmp/stderr.norm"
    fi
}

# Compares the normalised stderr with the expected one in $1.
check_stderr() {
    normalise_stderr
    if ! cmp -s "$1" "$tmp/stderr.norm"; then
        echo "FAIL: stderr differs (- expected, + actual):" >&2
        diff -u "$1" "$tmp/stderr.norm" >&2 || true
        return 1
    fi
}

check_stdout() {
    expected="$dir/$base.out"
    if [ ! -f "$expected" ]; then
        echo "FAIL: missing $expected" >&2
        return 1
    fi
    if ! diff -u "$expected" "$tmp/stdout" >"$tmp/diff"; then
        echo "FAIL: stdout differs from $base.out (- expected, + actual):" >&2
        cat "$tmp/diff" >&2
        return 1
    fi
}

show_stderr() {
    if [ -s "$tmp/stderr" ]; then
        echo "--- stderr:" >&2
        tail -n 40 "$tmp/stderr" >&2
    fi
}

case $mode in
golden)
    run_prog
    fail=0
    if [ "$status" -ne 0 ]; then
        echo "FAIL: exit status $status, expected 0" >&2
        fail=1
    fi
    check_stdout || fail=1
    errfile="$dir/$base.err"
    if [ -f "$errfile" ]; then
        tail -n +2 "$errfile" >"$tmp/want_stderr"
    else
        : >"$tmp/want_stderr"
    fi
    if [ ! -f "$errfile" ] || [ "$(sed -n 1p "$errfile")" != "-" ]; then
        check_stderr "$tmp/want_stderr" || fail=1
    fi
    [ "$fail" -eq 0 ] || exit 1
    ;;
valgrind)
    if ! command -v valgrind >/dev/null 2>&1; then
        echo "FAIL: valgrind not found" >&2
        exit 1
    fi
    run_prog valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 -q
    fail=0
    if [ "$status" -eq 99 ]; then
        echo "FAIL: valgrind reported errors or leaks" >&2
        fail=1
    elif [ "$status" -ne 0 ]; then
        echo "FAIL: exit status $status, expected 0" >&2
        fail=1
    fi
    check_stdout || fail=1
    [ "$fail" -eq 0 ] || { show_stderr; exit 1; }
    ;;
error)
    errfile="$dir/$base.err"
    if [ ! -f "$errfile" ]; then
        echo "FAIL: missing $errfile" >&2
        exit 1
    fi
    want_status=$(sed -n 1p "$errfile")
    tail -n +2 "$errfile" >"$tmp/want_stderr"
    run_prog
    fail=0
    if [ "$status" -ne "$want_status" ]; then
        echo "FAIL: exit status $status, expected $want_status" >&2
        fail=1
    fi
    check_stderr "$tmp/want_stderr" || fail=1
    [ "$fail" -eq 0 ] || exit 1
    ;;
*)
    echo "$0: unknown mode '$mode' (golden, error or valgrind)" >&2
    exit 2
    ;;
esac
exit 0
