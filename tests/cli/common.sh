# common.sh — sourced by the shell tests of the command line and the REPL
# (tests/cli/*.sh, tests/repl/stdin.sh), each run as `sh TEST.sh SCR`.
# It sets
#   scr    the program under test ($1), made absolute so that a test may cd
#   tmp    a fresh directory, removed when the test exits
#   fails  the number of failed checks so far (0); a check that fails adds 1
# and defines fail_run, which reports a failed check with the stderr of the
# run under test ($tmp/err) and counts it, and finish, which ends the test:
# status 1 with the count when any check failed, else 0. POSIX sh.
set -u
scr=$1
case $scr in
    /*) ;;
    *) scr=$(pwd)/$scr ;;
esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scr-$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fails=0

# fail_run WHAT: print "FAIL WHAT", then each line of $tmp/err; add 1 to fails.
fail_run() {
    echo "FAIL $1" >&2
    sed 's/^/  stderr: /' "$tmp/err" >&2
    fails=$((fails + 1))
}

finish() {
    [ "$fails" -eq 0 ] || { echo "$fails failure(s)" >&2; exit 1; }
    exit 0
}
