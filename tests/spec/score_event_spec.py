#!/usr/bin/env python3
"""Scores the CLI on the event spec cases (tests/spec/event/*.jsonl), compared as
tests/spec/event/README.md says: events match on type, actors and targets (as sets), then
mode, polarity and modality are checked, and source, time, location and quantities where the
case gives them.

Prints per language: event precision, recall and F1, the share of matched events whose
attributes are all right, and the cases read completely right. With --floor LANG=F1 it
exits 1 when a language's event F1 is below its floor.

Usage: score_event_spec.py --cli PATH [--verbose] [--floor en=0.8 ...] [FILE...]"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MODED_TYPES = {"AID", "REQUEST", "REJECT", "CONSULT"}


def codes(value):
    """A case's actor/target (string, list or null) as a set of codes."""
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}


def argument_codes(args):
    return {a.get("country") or a.get("org") for a in args or [] if a.get("country") or a.get("org")}


def run_cli(cli, cases):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, (lang, case) in enumerate(cases):
            f.write(json.dumps({"id": str(i), "text": case["input"], "date": case["reference_date"],
                                "lang": lang}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        p = subprocess.run([cli, "analyze", "--input", "jsonl", "--format", "jsonl", path],
                           capture_output=True, text=True, timeout=600)
    finally:
        os.unlink(path)
    if p.returncode != 0:
        sys.exit("the CLI failed (%d): %s" % (p.returncode, p.stderr[-2000:]))
    docs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return {d["id"]: d for d in docs}


def attribute_errors(want, got, doc):
    """The attributes of a matched event that differ from the case, as 'field: want/got'."""
    errors = []
    # The cases state the mode of help and of meetings only; other types' modes are PLOVER's.
    fields = ("mode", "polarity", "modality") if want["type"] in MODED_TYPES else ("polarity", "modality")
    for field in fields:
        if want.get(field) != got.get(field):
            errors.append("%s %s/%s" % (field, want.get(field), got.get(field)))
    if "source" in want and want["source"] not in argument_codes([got.get("source") or {}]):
        errors.append("source %s/%s" % (want["source"], sorted(argument_codes([got.get("source") or {}]))))
    times = {t["id"]: t for t in doc.get("times", [])}
    quantities = {q["id"]: q for q in doc.get("quantities", [])}
    if "time" in want:
        time = times.get(got.get("time"), {}).get("value")
        if time != want["time"]:
            errors.append("time %s/%s" % (want["time"], time))
    if "location" in want:
        place = (got.get("location") or {}).get("text")
        if place != want["location"]:
            errors.append("location %s/%s" % (want["location"], place))
    if "quantities" in want:
        found = {(quantities[q].get("kind"), quantities[q].get("value")) for q in got.get("quantities") or []}
        for q in want["quantities"]:
            if (q["kind"], q["value"]) not in found:
                errors.append("quantity %s" % q["text"])
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--floor", action="append", default=[], help="LANG=F1")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(HERE, "event", "*.jsonl")))
    cases = []
    for path in files:
        lang = os.path.basename(path).split(".")[0]
        with open(path, encoding="utf-8") as f:
            cases += [(lang, json.loads(line)) for line in f if line.strip()]
    docs = run_cli(a.cli, cases)

    stats = {}
    for i, (lang, case) in enumerate(cases):
        s = stats.setdefault(lang, {"tp": 0, "fp": 0, "fn": 0, "attr": 0, "cases": 0, "right": 0})
        doc = docs.get(str(i), {"events": [], "times": [], "quantities": []})
        got = doc.get("events", [])
        used, problems = set(), []
        for want in case["expect"]:
            hit = next((k for k, e in enumerate(got) if k not in used and e.get("type") == want["type"]
                        and argument_codes(e.get("actors")) == codes(want.get("actor"))
                        and argument_codes(e.get("targets")) == codes(want.get("target"))), None)
            if hit is None:
                s["fn"] += 1
                problems.append("MISS %s %s->%s" % (want["type"], want.get("actor"), want.get("target")))
                continue
            used.add(hit)
            s["tp"] += 1
            errors = attribute_errors(want, got[hit], doc)
            s["attr"] += not errors
            if errors:
                problems.append("%s: %s" % (want["type"], ", ".join(errors)))
        for k, e in enumerate(got):
            if k not in used:
                s["fp"] += 1
                problems.append("EXTRA %s %s %s->%s" % (e.get("type"), e["trigger"]["text"],
                                sorted(argument_codes(e.get("actors"))), sorted(argument_codes(e.get("targets")))))
        s["cases"] += 1
        s["right"] += not problems
        if a.verbose and problems:
            print("  %s | %s\n      %s" % (lang, case["input"][:110], "; ".join(problems)))

    floors = dict(f.split("=") for f in a.floor)
    failed = False
    for lang, s in sorted(stats.items()):
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print("spec %s: events P=%.3f R=%.3f F1=%.3f; attributes right %d/%d; cases right %d/%d"
              % (lang, p, r, f1, s["attr"], s["tp"], s["right"], s["cases"]))
        if lang in floors and f1 < float(floors[lang]):
            print("spec %s: F1 %.3f is below its floor %s" % (lang, f1, floors[lang]))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
