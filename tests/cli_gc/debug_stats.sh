#!/bin/sh
# debug_stats.sh SCR [--cpython] — check what gc.set_debug() writes to stderr.
#
# Runs debug_stats.scr and compares stderr with CPython 3.11's formats:
# DEBUG_STATS prints four lines per collection
#   gc: collecting generation 2...
#   gc: objects in each generation: 317 0 10919
#   gc: objects in permanent generation: 0
#   gc: done, 0 unreachable, 0 uncollectable, 0.0012s elapsed
# and DEBUG_COLLECTABLE one `gc: collectable <dict 0x...>` line per object
# found. The numbers vary, so each line is matched with a pattern. The
# exit-time collection prints nothing, so stderr has exactly 9 lines.
# With --cpython, SCR is python3 and the blocks that CPython prints while
# finalizing are allowed after those 9 lines (used to check the patterns).
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 SCR [--cpython]" >&2
    exit 2
fi
scr=$1
cpython=${2:-}
case $scr in
    /*) ;;
    */*) scr=$(cd "$(dirname "$scr")" && pwd)/$(basename "$scr") ;;
esac
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scr-cligc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

status=0
(cd "$dir" && "$scr" debug_stats.scr </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
fail=0
if [ "$status" -ne 0 ]; then
    echo "FAIL: exit status $status, expected 0" >&2
    fail=1
fi
printf '1\n0\n1\n' >"$tmp/want_out"
if ! diff -u "$tmp/want_out" "$tmp/out" >&2; then
    echo "FAIL: stdout differs" >&2
    fail=1
fi

num='[0-9][0-9]*'
stats_block() {   # $1: generation, $2: unreachable count
    printf '%s\n' \
        "^gc: collecting generation $1\\.\\.\\.\$" \
        "^gc: objects in each generation: $num $num $num\$" \
        "^gc: objects in permanent generation: $num\$" \
        "^gc: done, $2 unreachable, 0 uncollectable, [0-9][0-9]*\\.[0-9][0-9][0-9][0-9]s elapsed\$"
}
{
    stats_block 2 1
    stats_block 0 0
    echo '^gc: collectable <dict 0x[0-9a-f][0-9a-f]*>$'
} >"$tmp/patterns"

n=$(wc -l <"$tmp/patterns")
got=$(wc -l <"$tmp/err")
if [ "$cpython" = --cpython ]; then
    [ "$got" -ge "$n" ] || { echo "FAIL: $got stderr lines, expected at least $n" >&2; fail=1; }
elif [ "$got" -ne "$n" ]; then
    echo "FAIL: $got stderr lines, expected $n (the exit-time collection must print nothing)" >&2
    fail=1
fi
i=1
while [ "$i" -le "$n" ]; do
    pat=$(sed -n "${i}p" "$tmp/patterns")
    line=$(sed -n "${i}p" "$tmp/err")
    if ! printf '%s\n' "$line" | grep -Eq "$pat"; then
        echo "FAIL: stderr line $i does not match $pat" >&2
        echo "      got: $line" >&2
        fail=1
    fi
    i=$((i + 1))
done
if [ "$fail" -ne 0 ]; then
    echo "--- stderr:" >&2
    cat "$tmp/err" >&2
    exit 1
fi
exit 0
