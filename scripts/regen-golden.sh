#!/usr/bin/env bash
# regen-golden.sh — regenerate the expectations that CPython defines:
#   tests/golden/NAME.out   stdout of `python3 NAME.scr` (must exit 0)
#   tests/golden/NAME.err   when that run writes to stderr: 0, then its stderr;
#                           or the single line `-` (stderr not compared) when
#                           a traceback there shows frames of Python's own
#                           library, whose source scr's modules cannot match
#   tests/errors/NAME.err   exit status (line 1), then the whole stderr
# and record the interpreter used in tests/golden/PYTHON_VERSION.
# tests/run_one.sh compares scr's stderr with these byte for byte. In stderr
# the program's directory followed by '/' is written @DIR@/ (python3 names
# the script by its absolute path in tracebacks; the tree may be anywhere),
# and an address in a repr (` at 0x7f...`) is written ` at 0x@ADDR@`.
#
# Programs run exactly as tests/run_one.sh runs scr: in their own directory,
# as `python3 NAME.scr`, with stdin from /dev/null.
# Only CPython 3.11 is accepted (scr follows 3.11's behaviour and messages).
# Usage: scripts/regen-golden.sh [PROGRAM.scr ...]   (default: all)
#        PYTHON=/path/to/python3.11 scripts/regen-golden.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
py=${PYTHON:-python3}

if ! command -v "$py" >/dev/null 2>&1; then
    echo "regen-golden: $py not found" >&2
    exit 1
fi
py=$(command -v "$py")
ver=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
case $ver in
    3.11.*) ;;
    *) echo "regen-golden: $py is Python $ver; scr's expectations need Python 3.11" >&2
       exit 1 ;;
esac

# Same environment for every run: no bytecode files next to the tests, no
# hash randomisation, UTF-8 I/O whatever the locale.
export PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8
unset PYTHONSTARTUP PYTHONPATH PYTHONWARNINGS || true

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scr-regen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# $tmp/err with "$1/" replaced by @DIR@/ and addresses by 0x@ADDR@ (bytes
# otherwise unchanged) on stdout, as tests/run_one.sh normalises scr's.
normalise_err() {
    DIR="$1/" "$py" -c '
import os, re, sys
data = open(sys.argv[1], "rb").read()
data = data.replace(os.environb[b"DIR"], b"@DIR@/")
sys.stdout.buffer.write(re.sub(rb" at 0x[0-9a-f]+", b" at 0x@ADDR@", data))' "$tmp/err"
}

failed=0
ngolden=0
nerrors=0

regen_golden() {          # $1: absolute path of tests/golden/NAME.scr
    local dir base status=0
    dir=$(dirname "$1"); base=$(basename "$1" .scr)
    (cd "$dir" && "$py" "$base.scr" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
    if [ "$status" -ne 0 ]; then
        echo "regen-golden: golden/$base.scr exited with status $status:" >&2
        tail -n 5 "$tmp/err" >&2
        failed=$((failed + 1))
        return
    fi
    if grep -q 'Warning:' "$tmp/err" && [[ $base != syntax_warning_* ]]; then
        # A warning means the program relies on something dubious (e.g.
        # `x is 1`). Plain writes to stderr are fine: they are compared.
        # syntax_warning_* programs test the compile-time warnings themselves.
        echo "regen-golden: golden/$base.scr made python3 warn:" >&2
        tail -n 5 "$tmp/err" >&2
        failed=$((failed + 1))
        return
    fi
    cp "$tmp/out" "$dir/$base.out"
    if [ -s "$tmp/err" ] && grep -q '^  File "/.*/lib/python3\.11/' "$tmp/err"; then
        echo "-" >"$dir/$base.err"
    elif [ -s "$tmp/err" ]; then
        { echo 0; normalise_err "$dir"; } >"$dir/$base.err"
    else
        rm -f "$dir/$base.err"
    fi
    ngolden=$((ngolden + 1))
}

regen_error() {           # $1: absolute path of tests/errors/NAME.scr
    local dir base status=0
    dir=$(dirname "$1"); base=$(basename "$1" .scr)
    (cd "$dir" && "$py" "$base.scr" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
    # Status 0 is allowed: sys.exit() / sys.exit(None) belong here too.
    { echo "$status"; normalise_err "$dir"; } >"$dir/$base.err"
    nerrors=$((nerrors + 1))
}

if [ $# -gt 0 ]; then
    progs=()
    for p in "$@"; do progs+=("$(cd "$(dirname "$p")" && pwd -P)/$(basename "$p")"); done
else
    shopt -s nullglob
    progs=("$root"/tests/golden/*.scr "$root"/tests/errors/*.scr)
fi

for p in "${progs[@]}"; do
    case $p in
        "$root"/tests/golden/*.scr) regen_golden "$p" ;;
        "$root"/tests/errors/*.scr) regen_error "$p" ;;
        *) echo "regen-golden: $p is neither in tests/golden nor in tests/errors" >&2
           failed=$((failed + 1)) ;;
    esac
done

echo "Python $ver" >"$root/tests/golden/PYTHON_VERSION"
echo "regen-golden: Python $ver: $ngolden golden, $nerrors error expectations written, $failed failed"
[ "$failed" -eq 0 ]
