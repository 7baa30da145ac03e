"""The Python bindings in a few lines: analyse the sample articles and print what they say.

    PYTHONPATH=bindings/python EW_LIBRARY_PATH=build/release/lib/libeventwire.so \
        python3 examples/python/analyze.py examples/data/*.txt
"""
import sys

import eventwire


def main(paths):
    engine = eventwire.Engine()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        doc = engine.analyze(text, doc_id=path)
        print("%s: %s, %d sentences, title %r" % (path, doc.language, len(doc.sentences), doc.title))
        for event in doc.events:
            who = ", ".join(a.country or a.text for a in event.actors) or "?"
            print("  %s %s by %s: %r" % (event.type, event.modality, who, event.trigger.text))
        for q in doc.quantities:
            print("  %s %r = %s %s" % (q.kind, q.text, q.value, q.unit or ""))
        for furniture in (b for b in doc.blocks if b.kind == "boilerplate"):
            start, stop = furniture.char_span
            print("  furniture: %r" % text[start:stop][:60])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["examples/data/seed-002.txt"]))
