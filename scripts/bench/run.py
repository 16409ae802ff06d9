#!/usr/bin/env python3
"""run.py — compare scr with python3 and lua5.4 on the benchmark programs.

For every NAME.scr here (except memlist.scr) runs `scr NAME.scr`,
`python3 NAME.scr` and `lua5.4 NAME.lua` N times each, one fresh child process
per run (the three in turn, round after round, so that a change in the
machine's load falls on all of them alike), checks that all outputs agree,
and prints a table of the median wall time and the peak RSS (the child's own,
from /usr/bin/time -f %M) per interpreter, then the geometric mean of the
scr/python3 time ratios. Finally reports the
peak RSS of memlist.scr (ten million ints in a list) under scr and python3.

usage: scripts/bench/run.py [-n N] [--scr PATH] [--no-lua] [NAME ...]
"""
import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = ["fib", "loops", "lists", "dicts", "strings", "nbody", "bintrees", "closures", "churn",
            "particles", "richards", "genpipe"]


# Peak RSS must be the child's own. Linux folds the RSS of the process image
# that exec replaces into ru_maxrss, so a child forked from this (15 MiB)
# Python process would never report less than that; GNU time is a small
# process, so run the program under `/usr/bin/time -f %M` when it exists.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv):
    """Run argv in HERE; return (wall seconds, peak RSS in KiB, exit status, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rssf:
        cmd = [GNU_TIME, "-f", "%M", "-o", rssf.name] + argv if GNU_TIME else argv
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=HERE, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.PIPE)
        # Read stderr before waiting so that a chatty child cannot block.
        err = proc.stderr.read()
        proc.stderr.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        maxrss = usage.ru_maxrss
        if GNU_TIME:
            lines = [l for l in rssf.read().split() if l.isdigit()]
            maxrss = int(lines[-1]) if lines else 0
    if proc.returncode != 0:
        sys.stderr.write("%s exited with %d:\n%s\n" % (" ".join(argv), proc.returncode,
                                                       err.decode("utf-8", "replace")[-2000:]))
    return wall, maxrss, proc.returncode, text


def measure(argv, n):
    """n runs; returns (median wall, max peak RSS, output of the first run) or None on failure."""
    return measure_all([argv], n)[0]


def measure_all(argvs, n):
    """n rounds, each running every command of argvs once, in turn, so that
    a change in the machine's load between runs hits them all alike; returns
    one measure() result per command (None for a command that failed)."""
    times = [[] for _ in argvs]
    rss = [[] for _ in argvs]
    outputs = [None] * len(argvs)
    failed = [False] * len(argvs)
    for _ in range(n):
        for k, argv in enumerate(argvs):
            if failed[k]:
                continue
            wall, maxrss, status, text = run_once(argv)
            if status != 0:
                failed[k] = True
                continue
            if outputs[k] is None:
                outputs[k] = text
            elif text != outputs[k]:
                sys.stderr.write("%s: output differs between runs\n" % " ".join(argv))
            times[k].append(wall)
            rss[k].append(maxrss)
    return [None if failed[k] else (statistics.median(times[k]), max(rss[k]), outputs[k])
            for k in range(len(argvs))]


def fmt_time(m):
    return "%8.3f" % m[0] if m else "%8s" % "-"


def fmt_rss(m):
    return "%8.1f" % (m[1] / 1024.0) if m else "%8s" % "-"


def main():
    ap = argparse.ArgumentParser(description="scr vs python3 vs lua5.4 benchmarks")
    ap.add_argument("-n", type=int, default=5, help="runs per program and interpreter (default 5)")
    ap.add_argument("--scr", default=os.path.join(ROOT, "build", "scr"),
                    help="the scr binary (default build/scr)")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--lua", default="lua5.4")
    ap.add_argument("--no-lua", action="store_true", help="skip the Lua versions")
    ap.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = ap.parse_args()

    scr = os.path.abspath(args.scr)
    if not os.access(scr, os.X_OK):
        sys.stderr.write("run.py: %s is not an executable; build first (scripts/build.sh)\n" % scr)
        return 2
    python = shutil.which(args.python)
    if python is None:
        sys.stderr.write("run.py: %s not found\n" % args.python)
        return 2
    lua = None if args.no_lua else shutil.which(args.lua)
    if lua is None and not args.no_lua:
        sys.stderr.write("run.py: %s not found; skipping Lua\n" % args.lua)

    names = args.names or PROGRAMS
    for name in names:
        if not os.path.exists(os.path.join(HERE, name + ".scr")):
            sys.stderr.write("run.py: no program %s.scr\n" % name)
            return 2

    print("%d run(s) each; wall time is the median, RSS the peak (MiB)" % args.n)
    print("%-10s %8s %8s %8s %7s | %8s %8s %8s  %s" % (
        "program", "scr s", "py s", "lua s", "scr/py", "scr MiB", "py MiB", "lua MiB", "outputs"))
    ratios = []
    failures = 0
    for name in [n for n in names if n != "memlist"]:
        lua_file = os.path.join(HERE, name + ".lua")
        argvs = [[scr, name + ".scr"], [python, name + ".scr"]]
        if lua and os.path.exists(lua_file):
            argvs.append([lua, name + ".lua"])
        found = measure_all(argvs, args.n)
        m_scr, m_py = found[0], found[1]
        m_lua = found[2] if len(found) > 2 else None

        outputs = [m for m in (m_scr, m_py, m_lua) if m]
        if m_scr is None or m_py is None:
            verdict = "FAILED"
            failures += 1
        elif any(m[2] != m_py[2] for m in outputs):
            verdict = "DIFFER"
            failures += 1
            for label, m in (("scr", m_scr), ("python3", m_py), ("lua", m_lua)):
                if m and m[2] != m_py[2]:
                    sys.stderr.write("%s: %s printed:\n%s\npython3 printed:\n%s\n" % (
                        name, label, m[2][-500:], m_py[2][-500:]))
        else:
            verdict = "agree"
        ratio = ""
        if m_scr and m_py:
            r = m_scr[0] / m_py[0]
            ratios.append(r)
            ratio = "%7.2f" % r
        print("%-10s %s %s %s %7s | %s %s %s  %s" % (
            name, fmt_time(m_scr), fmt_time(m_py), fmt_time(m_lua), ratio,
            fmt_rss(m_scr), fmt_rss(m_py), fmt_rss(m_lua), verdict))
        sys.stdout.flush()

    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean of scr/python3 time: %.3f (%d programs)" % (geo, len(ratios)))

    # The seed's memory experiment: peak RSS only, a few runs are enough.
    if not args.names or "memlist" in args.names:
        runs = min(args.n, 3)
        m_scr = measure([scr, "memlist.scr"], runs)
        m_py = measure([python, "memlist.scr"], runs)
        print("memlist (10,000,000-int list) peak RSS: scr %s MiB, python3 %s MiB" % (
            fmt_rss(m_scr).strip(), fmt_rss(m_py).strip()))
        if m_scr is None or m_py is None or m_scr[2] != m_py[2]:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
