#!/bin/sh
# run.sh CMAKE BUILD_DIR SRC_DIR LIBDIR — install the build into a prefix
# inside BUILD_DIR, build embed.c against the installed library with
# `pkg-config --cflags --libs scr`, run it (under valgrind when available:
# no leak, no memory error) and compare its stdout with embed.out.
# Exit 77 (skipped) when there is no C compiler or pkg-config.
set -eu
cmake=$1
build=$2
src=$3
libdir=$4
prefix=$build/embed-prefix
rm -rf "$prefix"
if ! "$cmake" --install "$build" --prefix "$prefix" >"$build/embed-install.log" 2>&1; then
    cat "$build/embed-install.log" >&2
    echo "FAIL: cmake --install" >&2
    exit 1
fi
fail=0
for f in bin/scr include/scr.h "$libdir/libscr.a" "$libdir/pkgconfig/scr.pc" share/man/man1/scr.1; do
    if [ ! -f "$prefix/$f" ]; then
        echo "FAIL: $f was not installed" >&2
        fail=1
    fi
done
[ "$fail" -eq 0 ] || exit 1
command -v pkg-config >/dev/null 2>&1 || { echo "SKIP: no pkg-config"; exit 77; }
cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "SKIP: no C compiler"; exit 77; }

PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
export PKG_CONFIG_PATH
flags=$(pkg-config --cflags --libs scr)
echo "pkg-config --cflags --libs scr: $flags"
# EMBED_CFLAGS: the flags the library was built with that a program linking
# it needs too (the Sanitize build sets -fsanitize=...).
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra ${EMBED_CFLAGS:-} -o "$prefix/embed" "$src/embed.c" $flags
"$prefix/bin/scr" -c 'print("installed scr runs")'

out=$prefix/embed.stdout
err=$prefix/embed.stderr
status=0
if [ -z "${EMBED_CFLAGS:-}" ] && command -v valgrind >/dev/null 2>&1; then
    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 -q "$prefix/embed" >"$out" 2>"$err" || status=$?
else
    echo "(valgrind not found: running without it)"
    "$prefix/embed" >"$out" 2>"$err" || status=$?
fi
if [ "$status" -ne 0 ]; then
    echo "FAIL: embed exited with status $status (99: valgrind found errors or leaks)" >&2
    cat "$err" >&2
    exit 1
fi
if ! diff -u "$src/embed.out" "$out"; then
    echo "FAIL: output differs from embed.out" >&2
    cat "$err" >&2
    exit 1
fi
grep -q '^ZeroDivisionError: division by zero$' "$err" || { echo "FAIL: no traceback on stderr" >&2; cat "$err" >&2; exit 1; }
echo "embed: ok"
