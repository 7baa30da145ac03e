#!/usr/bin/env python3
"""Runs the scorers of ../shared/tools on the development data and fails when a score is below
the floor recorded in tests/eval/floors.tsv.

Usage: check_floors.py --cli PATH [--shared DIR] [--floors FILE]"""
import argparse
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.tsv"))
    a = ap.parse_args()
    cli = os.path.abspath(a.cli)
    rows = []
    with open(a.floors, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for line in lines[1:]:  # after the header
        command, pattern, floor = line.split("\t")
        rows.append((command, pattern, float(floor)))

    outputs, failures = {}, 0
    for command, pattern, floor in rows:
        if command not in outputs:
            args = shlex.split(command.replace("{cli}", cli).replace("{shared}", a.shared))
            args[0] = os.path.join(a.shared, "tools", args[0])
            p = subprocess.run([sys.executable] + args, capture_output=True, text=True)
            outputs[command] = p.stdout + p.stderr
            if p.returncode != 0:
                print("FAIL %s exited with %d:\n%s" % (command, p.returncode, outputs[command][-2000:]))
        m = re.search(pattern, outputs[command])
        score = float(m.group(1)) if m else None
        ok = score is not None and score >= floor
        failures += not ok
        print("%s %-60s %-28s %8s (floor %g)" % ("ok  " if ok else "FAIL", command[:60], pattern[:28],
                                                 "missing" if score is None else "%g" % score, floor))
    if failures:
        print("%d score(s) below their floor" % failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
