#!/bin/sh
# cli.sh SCR — the command line: options, usage errors (status 2), files
# that cannot be run (python3's messages and statuses), sys.argv.
. "$(dirname "$0")/common.sh"

# t NAME STATUS STDOUT STDERR_LAST_LINE -- ARGS...: run scr ARGS (stdin from
# /dev/null, in $tmp) and compare the status, the whole stdout and the last
# line of stderr ('-' for "anything").
t() {
    name=$1 want_status=$2 want_out=$3 want_err=$4
    shift 5
    status=0
    (cd "$tmp" && timeout 20 "$scr" "$@" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
    got_err=$(tail -n 1 "$tmp/err")
    got_out=$(cat "$tmp/out")
    bad=
    [ "$status" -eq "$want_status" ] || bad="status $status, expected $want_status"
    [ "$want_out" = - ] || [ "$got_out" = "$want_out" ] || bad="$bad; stdout '$got_out', expected '$want_out'"
    [ "$want_err" = - ] || [ "$got_err" = "$want_err" ] || bad="$bad; stderr ends '$got_err', expected '$want_err'"
    if [ -n "$bad" ]; then
        fail_run "$name: $bad"
    else
        echo "ok $name"
    fi
}

version=$("$scr" -V)
case $version in
    "scr "[0-9]*) echo "ok version ($version)" ;;
    *) echo "FAIL version: '$version'" >&2; fails=$((fails + 1)) ;;
esac
t version_long 0 "$version" '' -- --version
t help 0 - '' -- -h
grep -q '^usage: scr \[option\] \.\.\. \[-c cmd | -m mod | file | -\] \[arg\] \.\.\.$' "$tmp/out" || { echo "FAIL help: no usage line" >&2; fails=$((fails + 1)); }
for opt in -B -c -E -i -I -m -O -OO -q -u -V -W -X -h; do
    grep -q -- "^$opt " "$tmp/out" || { echo "FAIL help: $opt is not described" >&2; fails=$((fails + 1)); }
done
t help_long 0 - '' -- --help

# Usage errors: a message, the usage line, a hint; status 2.
t unknown_option 2 '' "Try \`scr -h' for more information." -- -Z
grep -q '^Unknown option: -Z$' "$tmp/err" || { echo "FAIL unknown_option: message" >&2; fails=$((fails + 1)); }
grep -q '^usage: scr ' "$tmp/err" || { echo "FAIL unknown_option: no usage" >&2; fails=$((fails + 1)); }
t unknown_in_cluster 2 '' - -- -qZ
grep -q '^Unknown option: -Z$' "$tmp/err" || { echo "FAIL unknown_in_cluster: message" >&2; fails=$((fails + 1)); }
t unknown_long 2 '' - -- --frobnicate
grep -q '^unknown option --frobnicate$' "$tmp/err" || { echo "FAIL unknown_long: message" >&2; fails=$((fails + 1)); }
t c_without_code 2 '' - -- -c
grep -q '^Argument expected for the -c option$' "$tmp/err" || { echo "FAIL c_without_code: message" >&2; fails=$((fails + 1)); }
t X_without_value 2 '' - -- -X
t X_unknown 2 '' - -- -X nonsense -c 'print(1)'

# -c, -q, -X gcstats, clusters, --, sys.argv.
t c_argv 0 "['-c', 'a', '-b']" '' -- -c 'import sys; print(sys.argv)' a -b
t c_joined 0 'joined' '' -- '-cprint("joined")'
t q_cluster 0 '3' '' -- -qc 'print(1 + 2)'
t X_gcstats 0 'ok' - -- -X gcstats -c 'print("ok")'
# the statistics themselves: three generations, then the peak heap
(cd "$tmp" && "$scr" -X gcstats -c 'import gc; x = [[i] for i in range(2000)]; gc.collect()' </dev/null 2>"$tmp/err" >/dev/null)
if grep -Eq "^gc.get_stats\(\): \[\{'collections': [0-9]+, 'collected': [0-9]+, 'uncollectable': 0\}, \{.*\}, \{'collections': [1-9][0-9]*, .*\}\]$" "$tmp/err" &&
   grep -Eq '^peak heap: [0-9]+ bytes$' "$tmp/err"; then
    echo "ok X_gcstats_output"
else
    fail_run "X_gcstats_output:"
fi
t X_joined 0 'ok' - -- -Xgcstats -c 'print("ok")'
printf 'import sys\nprint(sys.argv)\n' >"$tmp/argv.scr"
t file_argv 0 "['argv.scr', '-i', 'x']" '' -- argv.scr -i x
t double_dash 0 "['argv.scr']" '' -- -- argv.scr
t c_exit 3 '' '' -- -c 'import sys; sys.exit(3)'
t c_exception 1 '' 'ZeroDivisionError: division by zero' -- -c '1/0'
t c_syntax 1 '' 'SyntaxError: invalid syntax' -- -c 'x = = 1'
# Errors the compiler finds in -c code show no source line (CPython does not
# read "<string>" again).
(cd "$tmp" && "$scr" -c 'break' </dev/null >/dev/null 2>"$tmp/err") || true
if [ "$(cat "$tmp/err")" = "$(printf '  File "<string>", line 1\nSyntaxError: %s' "'break' outside loop")" ]; then
    echo "ok c_compiler_error"
else
    fail_run "c_compiler_error"
fi

# Files that cannot be run, as python3 reports them.
t missing_file 2 '' "scr: can't open file '$tmp/nonexistent.scr': [Errno 2] No such file or directory" -- nonexistent.scr
t missing_abs 2 '' "scr: can't open file '/nonexistent/x.scr': [Errno 2] No such file or directory" -- /nonexistent/x.scr
mkdir "$tmp/adir"
t directory 1 '' "scr: can't find '__main__' module in '$tmp/adir'" -- adir
[ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL directory: more than one line on stderr" >&2; fails=$((fails + 1)); }
printf 'print("ok")\ns = "caf\351"\n' >"$tmp/latin1.scr"
t not_utf8 1 '' "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file $tmp/latin1.scr on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details" -- latin1.scr
[ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL not_utf8: more than one line on stderr" >&2; fails=$((fails + 1)); }
if [ "$(id -u)" -ne 0 ]; then
    printf 'print(1)\n' >"$tmp/secret.scr"
    chmod 000 "$tmp/secret.scr"
    t unreadable 2 '' "scr: can't open file '$tmp/secret.scr': [Errno 13] Permission denied" -- secret.scr
fi

# __file__: the script's absolute path, "<stdin>" for a program read from
# standard input, none for -c (CPython 3.11).
printf 'print(__file__)\n' >"$tmp/whereami.scr"
t file_script 0 "$tmp/whereami.scr" '' -- whereami.scr
t file_c 1 '' "NameError: name '__file__' is not defined. Did you mean: '__name__'?" -- -c 'print(__file__)'
got=$(cd "$tmp" && timeout 20 "$scr" - <"$tmp/whereami.scr" 2>&1)
if [ "$got" = '<stdin>' ]; then echo "ok file_stdin"; else echo "FAIL file_stdin: '$got'" >&2; fails=$((fails + 1)); fi

# Ctrl-C is tested through a pty in tests/repl (script_interrupt.pty).

finish
