#!/bin/sh
# run_one.sh MODE SCR PROGRAM — run one test program with the scr binary SCR.
#
#   golden    run `SCR NAME.scr` in the program's directory with stdin from
#             /dev/null; require exit status 0 and stdout identical to NAME.out.
#   error     run the same way; NAME.err holds the expected exit status (line 1)
#             and the expected last line of stderr (line 2). A third line, used
#             for SyntaxError/IndentationError, is the expected line number: then
#             only the error type of line 2 (the text before the first ':') and
#             the N of the last `File "...", line N` line of stderr are compared.
#   valgrind  like golden, under valgrind; any memory error or definite/indirect
#             leak fails the test.
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
dir=$(cd "$(dirname "$prog")" && pwd)
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
    [ "$fail" -eq 0 ] || { show_stderr; exit 1; }
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
    want_last=$(sed -n 2p "$errfile")
    want_line=$(sed -n 3p "$errfile")
    run_prog
    # Last line of stderr ('' when stderr is empty), trailing CR/space ignored.
    got_last=$(tail -n 1 "$tmp/stderr" | sed 's/[[:space:]]*$//')
    want_last=$(printf '%s\n' "$want_last" | sed 's/[[:space:]]*$//')
    fail=0
    if [ "$status" -ne "$want_status" ]; then
        echo "FAIL: exit status $status, expected $want_status" >&2
        fail=1
    fi
    if [ -n "$want_line" ]; then
        want_type=${want_last%%:*}
        got_type=${got_last%%:*}
        if [ "$got_type" != "$want_type" ]; then
            echo "FAIL: error type '$got_type', expected '$want_type'" >&2
            echo "      (last stderr line: $got_last)" >&2
            fail=1
        fi
        got_line=$(sed -n 's/^ *File ".*", line \([0-9][0-9]*\).*$/\1/p' "$tmp/stderr" | tail -n 1)
        if [ "$got_line" != "$want_line" ]; then
            echo "FAIL: error reported at line '${got_line}', expected line $want_line" >&2
            fail=1
        fi
    elif [ "$got_last" != "$want_last" ]; then
        echo "FAIL: last line of stderr differs" >&2
        echo "  expected: $want_last" >&2
        echo "  actual:   $got_last" >&2
        fail=1
    fi
    [ "$fail" -eq 0 ] || { show_stderr; exit 1; }
    ;;
*)
    echo "$0: unknown mode '$mode' (golden, error or valgrind)" >&2
    exit 2
    ;;
esac
exit 0
