#!/usr/bin/env bash
# demo.sh — build scr and run the seed article's reference-count experiment.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/build.sh
echo
echo "\$ build/scr scripts/demo/refcount.scr"
exec build/scr scripts/demo/refcount.scr
