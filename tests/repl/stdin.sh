#!/bin/sh
# stdin.sh SCR — the REPL and the command line with stdin not a terminal:
# `scr -i` reads statements from a pipe (prompts on stderr, as python3), and
# plain `scr` runs the whole of stdin as a script.
. "$(dirname "$0")/../cli/common.sh"
HOME=$tmp
export HOME

# expect NAME STATUS: compare $tmp/out with $tmp/want and the status.
expect() {
    if [ "$status" -ne "$2" ]; then
        fail_run "$1: exit status $status, expected $2"
    elif ! diff -u "$tmp/want" "$tmp/out" >"$tmp/diff"; then
        echo "FAIL $1: stdout differs (- expected, + actual)" >&2
        cat "$tmp/diff" >&2
        sed 's/^/  stderr: /' "$tmp/err" >&2
        fails=$((fails + 1))
    else
        echo "ok $1"
    fi
}
run() {
    status=0
    timeout 20 "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
}

# Echo of values (not None), `_`, a multi-line def ended by an empty line,
# state kept across an error, a compound statement on one line, empty lines
# inside brackets and strings (they do not end the statement). python3 -i
# prints the same on stdout.
cat >"$tmp/in" <<'SCR'
1 + 1
None
_ * 10
def twice(a):
    b = a * 2
    return b

x = 5
1 / 0
twice(x)
for i in range(2): print('loop', i)

if x > 3:
    print('big')
else:
    print('small')

(1,

 2)
'''a

b'''
[y for y in 'ab']
SCR
cat >"$tmp/want" <<'OUT'
2
20
10
loop 0
loop 1
big
(1, 2)
'a\n\nb'
['a', 'b']
OUT
run sh -c '"$0" -i -q <"$1"' "$scr" "$tmp/in"
expect echo_and_state 0
grep -q '^ZeroDivisionError: division by zero$' "$tmp/err" || { echo "FAIL echo_and_state: no traceback" >&2; fails=$((fails + 1)); }
grep -q '^>>> ' "$tmp/err" || { echo "FAIL echo_and_state: no prompt on stderr" >&2; fails=$((fails + 1)); }
grep -q 'exit() or Ctrl-D' "$tmp/err" && { echo "FAIL echo_and_state: banner despite -q" >&2; fails=$((fails + 1)); }

# The banner without -q.
printf '' >"$tmp/want"
run sh -c '"$0" -i </dev/null' "$scr"
expect banner 0
grep -q '^scr .* on linux .* exit() or Ctrl-D to leave$' "$tmp/err" || { echo "FAIL banner: no banner" >&2; fails=$((fails + 1)); }

# A block ends at an empty line: a dedented line inside it is an error, as
# in python3's REPL, and an unfinished block at an empty line too.
printf 'if 1:\n    a = 1\nb = 2\n\nif 1:\n\n3\n' >"$tmp/in"
printf '3\n' >"$tmp/want"
run sh -c '"$0" -i -q <"$1"' "$scr" "$tmp/in"
expect block_errors 0
grep -q '^SyntaxError: invalid syntax$' "$tmp/err" || { echo "FAIL block_errors: no SyntaxError" >&2; fails=$((fails + 1)); }
grep -q "^IndentationError: expected an indented block after 'if' statement on line 1$" "$tmp/err" || { echo "FAIL block_errors: no IndentationError" >&2; fails=$((fails + 1)); }

# exit(n) and sys.exit(n) end the session with status n; quit() with 0.
printf 'print(1)\nexit(4)\nprint(2)\n' >"$tmp/in"
printf '1\n' >"$tmp/want"
run sh -c '"$0" -i -q <"$1"' "$scr" "$tmp/in"
expect exit_status 4
printf 'import sys\nsys.exit(5)\n' >"$tmp/in"
printf '' >"$tmp/want"
run sh -c '"$0" -i -q <"$1"' "$scr" "$tmp/in"
expect sys_exit 5
printf 'quit()\n' >"$tmp/in"
run sh -c '"$0" -i -q <"$1"' "$scr" "$tmp/in"
expect quit 0

# scr -i FILE: the REPL after the file, with its globals; an exception in
# the file does not stop it, nor does SystemExit (a traceback, as python3).
printf 'greeting = "hi"\ndef f():\n    return greeting * 2\n' >"$tmp/prog.scr"
printf 'f()\n' >"$tmp/in"
printf "'hihi'\n" >"$tmp/want"
run sh -c '"$0" -i "$1" <"$2"' "$scr" "$tmp/prog.scr" "$tmp/in"
expect inspect_file 0
grep -q 'exit() or Ctrl-D' "$tmp/err" && { echo "FAIL inspect_file: banner after a file" >&2; fails=$((fails + 1)); }
printf 'import sys\nv = 7\nsys.exit(3)\n' >"$tmp/exit.scr"
printf 'v\n' >"$tmp/in"
printf '7\n' >"$tmp/want"
run sh -c '"$0" -i "$1" <"$2"' "$scr" "$tmp/exit.scr" "$tmp/in"
expect inspect_sysexit 0
grep -q '^SystemExit: 3$' "$tmp/err" || { echo "FAIL inspect_sysexit: no SystemExit traceback" >&2; fails=$((fails + 1)); }
printf 'w = 1\n' >"$tmp/in"
printf '' >"$tmp/want"
run sh -c '"$0" -i -c "w = 1 / 0" <"$1"' "$scr" "$tmp/in"
expect inspect_cmd_error 0

# The end of input inside a block ends the statement and runs it, as
# python3 -i does; then the REPL ends at the next prompt.
printf 'if True:\n    print("ran at eof")\n' >"$tmp/in"
printf 'ran at eof\n' >"$tmp/want"
run sh -c '"$0" -i <"$1"' "$scr" "$tmp/in"
expect eof_in_block 0

# Input that ends right after an uncaught KeyboardInterrupt: scr dies of
# SIGINT, as python3 -i reading a pipe does; any line read after it (even
# an empty one) makes the end normal again.
printf 'print("a")\nraise KeyboardInterrupt\n' >"$tmp/in"
printf 'a\n' >"$tmp/want"
run sh -c '"$0" -q -i <"$1"' "$scr" "$tmp/in"
expect interrupt_at_end 130
printf 'print("a")\nraise KeyboardInterrupt\n\n' >"$tmp/in"
run sh -c '"$0" -q -i <"$1"' "$scr" "$tmp/in"
expect interrupt_then_line 0

# Without -i and with stdin not a terminal, stdin is a script: no prompt,
# no echo of expression values.
printf 'import sys\n1 + 1\nprint("script", sys.argv)\n' >"$tmp/in"
printf "script ['']\n" >"$tmp/want"
run sh -c '"$0" <"$1"' "$scr" "$tmp/in"
expect stdin_script 0
[ -s "$tmp/err" ] && { echo "FAIL stdin_script: unexpected stderr" >&2; cat "$tmp/err" >&2; fails=$((fails + 1)); }
printf "script ['-', 'a', 'b']\n" >"$tmp/want"
run sh -c '"$0" - a b <"$1"' "$scr" "$tmp/in"
expect stdin_dash 0

[ ! -e "$tmp/.scr_history" ] || { echo "FAIL: history written without a terminal" >&2; fails=$((fails + 1)); }
finish
