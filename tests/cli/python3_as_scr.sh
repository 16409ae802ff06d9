#!/bin/sh
# python3_as_scr.sh — python3 run the way the cli tests run scr, so that
# their expectations can be checked against CPython:
#     sh tests/cli/pipes.sh tests/cli/python3_as_scr.sh
# The SCR_* variables become their PYTHON* counterparts, and a module
# directory holds NAME.py copies of its NAME.scr files where the tests need
# them (the tests make both).
unset PYTHONUNBUFFERED PYTHONPATH PYTHONWARNINGS PYTHONDONTWRITEBYTECODE PYTHONIOENCODING
[ -n "${SCR_UNBUFFERED:-}" ] && export PYTHONUNBUFFERED="$SCR_UNBUFFERED"
[ -n "${SCR_PATH:-}" ] && export PYTHONPATH="$SCR_PATH"
exec python3 "$@"
