#!/bin/sh
# pipes.sh SCR — writing to a closed pipe or a full device. scr ignores
# SIGPIPE as python3 does: the failed write raises BrokenPipeError (an
# OSError) where it happens, and a flush at exit that fails is reported as
# "Exception ignored in: ..." with status 120. The expectations below are
# python3 3.11's stderr and status for the same programs (PYTHONUNBUFFERED
# unset; `-u` where stated): `sh pipes.sh tests/cli/python3_as_scr.sh` checks
# them against python3.
. "$(dirname "$0")/common.sh"
unset SCR_UNBUFFERED

# check NAME WANT_STATUS WANT_STDERR: compare $tmp/status and all of $tmp/err.
check() {
    got_status=$(cat "$tmp/status")
    printf '%s' "$3" >"$tmp/want_err"
    if [ "$got_status" = "$2" ] && cmp -s "$tmp/want_err" "$tmp/err"; then
        echo "ok $1"
    else
        echo "FAIL $1: status $got_status, expected $2" >&2
        echo "  stderr:" >&2; sed 's/^/    /' "$tmp/err" >&2
        echo "  expected:" >&2; sed 's/^/    /' "$tmp/want_err" >&2
        fails=$((fails + 1))
    fi
}

# run_closed ARGS...: run scr with stdout a pipe whose reader has gone (the
# program sleeps first, so that the reader is gone before it writes).
run_closed() {
    (cd "$tmp" && { "$scr" "$@" 2>"$tmp/err"; echo $? >"$tmp/status"; } | true)
}

ignored="Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
BrokenPipeError: [Errno 32] Broken pipe
"

# Much output into `head -1`: a print fails, with a traceback, status 1.
printf 'for i in range(200000):\n    print(i)\n' >"$tmp/big.scr"
(cd "$tmp" && { "$scr" big.scr 2>"$tmp/err"; echo $? >"$tmp/status"; } | head -1 >"$tmp/out")
check head_traceback 1 "Traceback (most recent call last):
  File \"$tmp/big.scr\", line 2, in <module>
    print(i)
BrokenPipeError: [Errno 32] Broken pipe
"
[ "$(cat "$tmp/out")" = 0 ] || { echo "FAIL head_traceback: head printed '$(cat "$tmp/out")'" >&2; fails=$((fails + 1)); }

# A little output, still buffered at exit: the exit flush fails.
printf 'import time\ntime.sleep(0.5)\nprint("x")\n' >"$tmp/small.scr"
run_closed small.scr
check exit_flush 120 "$ignored"

# The same after sys.exit(3): 120 wins.
printf 'import time, sys\ntime.sleep(0.5)\nprint("x")\nsys.exit(3)\n' >"$tmp/exit3.scr"
run_closed exit3.scr
check exit_flush_after_exit 120 "$ignored"

# print(flush=True) raises; the data stays buffered, so the exit flush fails too.
printf 'import time\ntime.sleep(0.5)\nprint("x", flush=True)\n' >"$tmp/flush.scr"
run_closed flush.scr
check flush_raises 120 "Traceback (most recent call last):
  File \"$tmp/flush.scr\", line 3, in <module>
    print(\"x\", flush=True)
BrokenPipeError: [Errno 32] Broken pipe
$ignored"

# The error is an OSError the program can catch.
cat >"$tmp/catch.scr" <<'PROG'
import sys, time
time.sleep(0.5)
try:
    print("x", flush=True)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, isinstance(e, BrokenPipeError), file=sys.stderr)
PROG
run_closed catch.scr
check caught 120 "BrokenPipeError 32 Broken pipe True
$ignored"

# -u (and SCR_UNBUFFERED): every print writes at once, so the print fails
# and nothing is left for the exit flush.
run_closed -u small.scr
check unbuffered 1 "Traceback (most recent call last):
  File \"$tmp/small.scr\", line 3, in <module>
    print(\"x\")
BrokenPipeError: [Errno 32] Broken pipe
"
(cd "$tmp" && { SCR_UNBUFFERED=1 "$scr" small.scr 2>"$tmp/err"; echo $? >"$tmp/status"; } | true)
check unbuffered_env 1 "Traceback (most recent call last):
  File \"$tmp/small.scr\", line 3, in <module>
    print(\"x\")
BrokenPipeError: [Errno 32] Broken pipe
"
(cd "$tmp" && { SCR_UNBUFFERED=1 "$scr" -E small.scr 2>"$tmp/err"; echo $? >"$tmp/status"; } | true)
check unbuffered_env_ignored 120 "$ignored"
cat >"$tmp/catch_u.scr" <<'PROG'
import sys, time
time.sleep(0.5)
try:
    print("x")
except BrokenPipeError:
    sys.stderr.write("caught\n")
PROG
run_closed -u catch_u.scr
check unbuffered_caught 0 "caught
"

# A full device: OSError ENOSPC at the exit flush.
if [ -w /dev/full ]; then
    (cd "$tmp" && { "$scr" -c 'print(1)' >/dev/full 2>"$tmp/err"; echo $? >"$tmp/status"; })
    check dev_full 120 "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
OSError: [Errno 28] No space left on device
"
fi

# stdout closed: sys.stdout is None and print writes nothing.
(cd "$tmp" && { "$scr" -c 'import sys; print(1); sys.stderr.write(repr(sys.stdout) + "\n")' >&- 2>"$tmp/err"; echo $? >"$tmp/status"; })
check stdout_closed 0 "None
"

finish
