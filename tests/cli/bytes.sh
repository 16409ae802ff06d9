#!/bin/sh
# bytes.sh SCR — bytes that are not UTF-8 in argv, the environment and
# stdin become lone surrogates U+DC80..U+DCFF (surrogateescape), as python3
# decodes them under a UTF-8 locale; stdout writes them back as the same
# bytes, stderr as \udcXX escapes. Also: a -c program that is not UTF-8, and
# a coding declaration on a program read from stdin. The expectations are
# python3 3.11's output (`sh bytes.sh tests/cli/python3_as_scr.sh` checks
# them against python3).
. "$(dirname "$0")/common.sh"
export LC_ALL=C.UTF-8

# check NAME STATUS: compare $tmp/status, $tmp/out with $tmp/want_out and
# $tmp/err with $tmp/want_err, byte for byte.
check() {
    got=$(cat "$tmp/status")
    if [ "$got" = "$2" ] && cmp -s "$tmp/out" "$tmp/want_out" && cmp -s "$tmp/err" "$tmp/want_err"; then
        echo "ok $1"
    else
        echo "FAIL $1: status $got, expected $2" >&2
        echo "  stdout:" >&2; od -c "$tmp/out" | sed 's/^/    /' >&2
        echo "  expected:" >&2; od -c "$tmp/want_out" | sed 's/^/    /' >&2
        echo "  stderr:" >&2; sed 's/^/    /' "$tmp/err" >&2
        echo "  expected:" >&2; sed 's/^/    /' "$tmp/want_err" >&2
        fails=$((fails + 1))
    fi
}
run() {
    (cd "$tmp" && "$scr" "$@" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/status")
}

cat >"$tmp/argv.scr" <<'PROG'
import sys, os
a = sys.argv[1]
print(repr(a), len(a), hex(ord(a[3])))
print(a)
print(a.encode("utf-8", "surrogateescape"), a.encode("latin-1", "surrogateescape"))
print(repr(os.environ["SCR_TEST_BYTES"]), repr(os.getenv("SCR_TEST_BYTES")))
sys.stderr.write(a + "\n")
print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
line = sys.stdin.readline()
print(repr(line))
sys.stdout.write(line)
print(repr(input()))
PROG
printf 'in\351put\nsec\377ond\n' >"$tmp/in"
(cd "$tmp" && SCR_TEST_BYTES=$(printf 'v\351') "$scr" argv.scr "$(printf 'caf\351')" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/status")
printf "'caf\\\\udce9' 4 0xdce9\ncaf\351\nb'caf\\\\xe9' b'caf\\\\xe9'\n'v\\\\udce9' 'v\\\\udce9'\nsurrogateescape surrogateescape backslashreplace\n'in\\\\udce9put\\\\n'\nin\351put\n'sec\\\\udcffond'\n" >"$tmp/want_out"
printf 'caf\\udce9\n' >"$tmp/want_err"
check argv_env_stdin 0

# A surrogate that stands for no byte cannot go to stdout; nothing of the
# string is written.
run -c 'print("ab\ud800c")'
: >"$tmp/want_out"
printf 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nUnicodeEncodeError: %s\n' \
    "'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed" >"$tmp/want_err"
check lone_surrogate_stdout 1

# An exception message shows a lone surrogate as an escape (stderr's
# backslashreplace).
run -c 'import sys; raise ValueError(sys.argv[1])' "$(printf 'caf\351')"
: >"$tmp/want_out"
printf 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nValueError: caf\\udce9\n' >"$tmp/want_err"
check exception_message 1

# A -c program that is not UTF-8.
run -c "$(printf 'print("caf\351")')"
printf 'Unable to decode the command from the command line:\nUnicodeEncodeError: %s\n' \
    "'utf-8' codec can't encode character '\\udce9' in position 10: surrogates not allowed" >"$tmp/want_err"
check c_not_utf8 1

# File names: os.listdir decodes them with surrogateescape, and open, os.path
# and os functions encode such names back to the same bytes.
mkdir "$tmp/names"
printf 'hello\n' >"$tmp/names/$(printf 'caf\351')"
cat >"$tmp/names.scr" <<'PROG'
import os, sys
names = os.listdir("names")
print(names)
p = os.path.join("names", names[0])
print(os.path.exists(p), os.path.isfile(p), open(p).read(), end="")
print(open(sys.argv[1]).read(), end="")
os.rename(p, p + "x")
print(os.listdir("names"))
os.remove(p + "x")
print(os.listdir("names"), os.getcwd() == os.path.abspath("."))
PROG
run names.scr "names/$(printf 'caf\351')"
printf "['caf\\udce9']\nTrue True hello\nhello\n['caf\\udce9x']\n[] True\n" >"$tmp/want_out"
: >"$tmp/want_err"
check file_names 0

# A coding declaration on stdin: honoured when stdin is a file, refused
# ("encoding problem") when it is a pipe.
printf '# coding: latin-1\nprint("caf\351", len("caf\351"))\n' >"$tmp/latin1.scr"
(cd "$tmp" && "$scr" - <"$tmp/latin1.scr" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/status")
printf 'caf\303\251 4\n' >"$tmp/want_out"
: >"$tmp/want_err"
check stdin_file_latin1 0
(cd "$tmp" && cat "$tmp/latin1.scr" | "$scr" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/status")
: >"$tmp/want_out"
printf 'SyntaxError: encoding problem: iso-8859-1\n' >"$tmp/want_err"
check stdin_pipe_latin1 1

finish
