#!/bin/sh
# sigint.sh SCR — SIGINT while a script blocks or loops in C: the
# KeyboardInterrupt traceback names the line that was running, and scr then
# dies of SIGINT, so that the shell sees status 130, as python3 does (never
# status 0). Reads from a pipe through input(), sys.stdin and open() are
# interrupted too; a long sum() is (python3 would finish it first).
. "$(dirname "$0")/common.sh"

# check NAME LINE: status 130, a traceback at line LINE of prog.scr ending
# in KeyboardInterrupt, and nothing on stdout.
check() {
    if [ "$status" -ne 130 ]; then
        fail_run "$1: exit status $status, expected 130 (killed by SIGINT)"
    elif ! grep -q "^  File \"$tmp/prog.scr\", line $2, in <module>\$" "$tmp/err" ||
         [ "$(tail -n 1 "$tmp/err")" != KeyboardInterrupt ] || [ -s "$tmp/out" ]; then
        fail_run "$1: expected a KeyboardInterrupt traceback at line $2"
        sed 's/^/  stdout: /' "$tmp/out" >&2
    else
        echo "ok $1"
    fi
}
# interrupt [pipe]: run prog.scr and send it SIGINT after 1 s (SIGKILL 5 s
# later if it is still running); with "pipe", stdin is a pipe that stays
# open, and empty, for 2 s.
interrupt() {
    status=0
    if [ $# -gt 0 ]; then
        sleep 2 | timeout --preserve-status -k 5 -s INT 1 "$scr" "$tmp/prog.scr" >"$tmp/out" 2>"$tmp/err" || status=$?
    else
        timeout --preserve-status -k 5 -s INT 1 "$scr" "$tmp/prog.scr" </dev/null >"$tmp/out" 2>"$tmp/err" || status=$?
    fi
}

printf 'import time\nx = 1\ntime.sleep(30)\nprint("after")\n' >"$tmp/prog.scr"
interrupt
check sleep 3
printf 'import sys\nline = sys.stdin.readline()\nprint("after")\n' >"$tmp/prog.scr"
interrupt pipe
check stdin_readline 2
printf 'line = input()\nprint("after")\n' >"$tmp/prog.scr"
interrupt pipe
check input 1
printf 'f = open("/dev/stdin")\ndata = f.read()\nprint("after")\n' >"$tmp/prog.scr"
interrupt pipe
check open_read 2
printf 'x = 0\nx = sum(range(10 ** 13))\nprint("after")\n' >"$tmp/prog.scr"
interrupt
check sum 2

# Caught, it is an exception like any other: the script goes on and ends
# with status 0.
printf 'import time\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print("caught")\n' >"$tmp/prog.scr"
interrupt
if [ "$status" -ne 0 ] || [ "$(cat "$tmp/out")" != caught ]; then
    echo "FAIL caught: status $status, stdout: $(cat "$tmp/out")" >&2
    fails=$((fails + 1))
else
    echo "ok caught"
fi

finish
