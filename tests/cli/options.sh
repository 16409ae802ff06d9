#!/bin/sh
# options.sh SCR — the python3 options scr has: -O/-OO, -W, -B, -u, -E, -I,
# -m, clustered as python3 clusters them. Each expectation is what python3
# 3.11 prints for the same command line (`sh options.sh
# tests/cli/python3_as_scr.sh` checks them against python3), except that
# python3 names itself where scr says "scr".
. "$(dirname "$0")/common.sh"
unset SCR_PATH SCR_UNBUFFERED
me=scr hint=scr
case $scr in *python3*) me=$(python3 -c 'import sys; print(sys.executable)') hint=python ;; esac

# t NAME STATUS STDOUT STDERR -- ARGS...: run scr ARGS in $tmp (stdin from
# /dev/null) and compare the status, all of stdout and all of stderr.
t() {
    name=$1 want_status=$2 want_out=$3 want_err=$4
    shift 5
    status=0
    (cd "$tmp" && "$scr" "$@" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
    got_out=$(cat "$tmp/out")
    got_err=$(cat "$tmp/err")
    bad=
    [ "$status" -eq "$want_status" ] || bad="status $status, expected $want_status"
    [ "$got_out" = "$want_out" ] || bad="$bad; stdout '$got_out', expected '$want_out'"
    [ "$got_err" = "$want_err" ] || bad="$bad; stderr '$got_err', expected '$want_err'"
    if [ -n "$bad" ]; then
        echo "FAIL $name: $bad" >&2
        fails=$((fails + 1))
    else
        echo "ok $name"
    fi
}

# -O: __debug__ is False and assert statements are compiled out.
prog='print(__debug__)
assert False, "checked"
print("after")'
t no_O 1 'True' 'Traceback (most recent call last):
  File "<string>", line 2, in <module>
AssertionError: checked' -- -c "$prog"
t O 0 'False
after' '' -- -O -c "$prog"
t O_if_debug 0 'optimized' '' -- -O -c 'if __debug__:
    print("debug")
else:
    print("optimized")'
# -OO also drops docstrings; -O keeps them.
doc='"""module doc"""
def f():
    """function doc"""
print(__doc__, f.__doc__, __debug__)'
t O_docstrings 0 'module doc function doc False' '' -- -O -c "$doc"
t OO_docstrings 0 'None None False' '' -- -OO -c "$doc"
t O_twice 0 'None None False' '' -- -O -O -c "$doc"

# -W arguments in order in sys.warnoptions, joined or separate.
t W 0 "['ignore', 'error::DeprecationWarning']" '' -- -Wignore -W error::DeprecationWarning -c 'import sys; print(sys.warnoptions)'
t no_W 0 "[]" '' -- -c 'import sys; print(sys.warnoptions)'
t W_without_value 2 '' "Argument expected for the -W option
usage: $me [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`$hint -h' for more information." -- -W
# -B is accepted.
t B 0 'True' '' -- -B -c 'import sys; print(sys.dont_write_bytecode)'
# Clusters: -uBO, then a joined -c.
t cluster 0 'False' '' -- -uBOc 'print(__debug__)'

# -m: the module's file on the search path runs as __main__, with its full
# path as sys.argv[0]; -m ends the options.
mkdir "$tmp/sub"
printf 'import sys, os\nprint(__name__, os.path.isabs(sys.argv[0]), os.path.basename(sys.argv[0]).split(".")[0], sys.argv[1:])\n' >"$tmp/runme.scr"
cp "$tmp/runme.scr" "$tmp/runme.py"
t m 0 "__main__ True runme ['a', '-O', '--x']" '' -- -m runme a -O --x
t m_joined 0 "__main__ True runme []" '' -- -mrunme
t m_after_options 0 "__main__ True runme ['-c']" '' -- -q -m runme -c
t m_missing 1 '' "$me: No module named nosuchmodule" -- -m nosuchmodule
t m_dotted 1 '' "$me: Error while finding module specification for 'nosuch.sub' (ModuleNotFoundError: No module named 'nosuch')" -- -m nosuch.sub
t m_relative 1 '' "$me: Relative module names not supported" -- -m .runme
t m_without_value 2 '' "Argument expected for the -m option
usage: $me [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`$hint -h' for more information." -- -m

# -E: SCR_PATH (and every SCR_ variable) is ignored.
printf 'x = 42\n' >"$tmp/sub/sibling.scr"
cp "$tmp/sub/sibling.scr" "$tmp/sub/sibling.py"
printf 'import sibling\nprint(sibling.x)\n' >"$tmp/usesibling.scr"
export SCR_PATH="$tmp/sub"
t path 0 '42' '' -- usesibling.scr
t E_path 1 '' "Traceback (most recent call last):
  File \"$tmp/usesibling.scr\", line 1, in <module>
    import sibling
ModuleNotFoundError: No module named 'sibling'" -- -E usesibling.scr
# -I: no SCR_ variables, and no import from the script's directory.
t I_path 1 '' "Traceback (most recent call last):
  File \"$tmp/usesibling.scr\", line 1, in <module>
    import sibling
ModuleNotFoundError: No module named 'sibling'" -- -I usesibling.scr
unset SCR_PATH
printf 'import sibling\nprint(sibling.x)\n' >"$tmp/sub/main.scr"
t script_dir 0 '42' '' -- sub/main.scr
t I_script_dir 1 '' "Traceback (most recent call last):
  File \"$tmp/sub/main.scr\", line 1, in <module>
    import sibling
ModuleNotFoundError: No module named 'sibling'" -- -I sub/main.scr
t I_m 1 '' "$me: No module named runme" -- -I -m runme

# Unknown options still end with status 2 (tests/cli/cli.sh checks more).
t unknown 2 '' "Unknown option: -Z
usage: $me [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`$hint -h' for more information." -- -uZ

finish
