"""python3 -m eventwire [--lang L] [--date YYYY-MM-DD] [--format json|text] FILE... | -"""
import argparse
import sys

import eventwire


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m eventwire", description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=["en", "nl", "fr"])
    ap.add_argument("--date", help="the articles' publication date, YYYY-MM-DD")
    ap.add_argument("--format", choices=["json", "text"], default="text")
    ap.add_argument("files", nargs="+", help="text files, or - for standard input")
    a = ap.parse_args(argv)
    engine = eventwire.Engine()
    status = 0
    for path in a.files:
        try:
            data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
            doc = engine.analyze(data, language=a.lang, reference_date=a.date, doc_id=path)
        except (OSError, eventwire.Error) as e:
            print("eventwire: %s: %s" % (path, e), file=sys.stderr)
            status = 1
            continue
        if a.format == "json":
            print(doc.to_json())
            continue
        print("== %s [%s] %s" % (path, doc.language, doc.title or ""))
        for e in doc.events:
            actors = "+".join(x.country or x.org or x.text for x in e.actors) or "-"
            targets = "+".join(x.country or x.org or x.text for x in e.targets) or "-"
            print("  %s %s %s %s -> %s %r" % (e.id, e.type, e.modality, actors, targets, e.trigger.text))
        print("  %d entities, %d quantities, %d times, %d sentences" % (
            len(doc.entities), len(doc.quantities), len(doc.times), len(doc.sentences)))
    return status


if __name__ == "__main__":
    sys.exit(main())
