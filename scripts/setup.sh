#!/usr/bin/env bash
# setup.sh — install the build and test dependencies of scr that are missing
# (Debian/Ubuntu, apt-get). Runs apt-get directly as root, through sudo
# otherwise; `apt-get update` only when something has to be installed.
set -euo pipefail

packages=(cmake gcc make re2c bison check libsubunit-dev pkg-config libedit-dev
          valgrind python3 lua5.4 libgmp-dev time)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: not a dpkg-based system; install these yourself: ${packages[*]}" >&2
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case $status in
        *" installed") ;;
        *) missing+=("$p") ;;
    esac
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "setup: not root and no sudo; install these yourself: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
