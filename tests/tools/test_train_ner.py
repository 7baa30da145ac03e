"""ew_train_ner on a small CoNLL file of our own: it trains, and writes a weight table the
library's data compiler accepts (a header naming the labels, one feature a row, integers)."""
import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("EW_TRAIN_NER")

SENTENCES = [
    [("Anna", "B-PER"), ("Vermeulen", "I-PER"), ("joined", "O"), ("Zorvex", "B-ORG"), ("Holdings", "I-ORG"),
     ("in", "O"), ("Tralla", "B-LOC"), (".", "O")],
    [("Zorvex", "B-ORG"), ("said", "O"), ("profits", "O"), ("rose", "O"), ("in", "O"), ("Tralla", "B-LOC"), (".", "O")],
    [("Vermeulen", "B-PER"), ("left", "O"), ("Tralla", "B-LOC"), ("for", "O"), ("Quenby", "B-LOC"), (".", "O")],
]


@unittest.skipUnless(TOOL, "EW_TRAIN_NER is not set")
class TrainNerTest(unittest.TestCase):
    def test_trains_and_writes_weights(self):
        with tempfile.TemporaryDirectory() as tmp:
            train = os.path.join(tmp, "train.txt")
            with open(train, "w", encoding="utf-8") as f:
                for doc in range(3):
                    f.write("-DOCSTART- -X- O O\n\n")
                    for sentence in SENTENCES:
                        for token, tag in sentence:
                            f.write("%s X X %s\n" % (token, tag))
                        f.write("\n")
            out = os.path.join(tmp, "ner_runs.tsv")
            run = subprocess.run([TOOL, "--lang", "en", "--epochs", "3", out, train], capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertIn("3 documents", run.stderr)
            rows = [l.rstrip("\n").split("\t") for l in open(out, encoding="utf-8") if not l.startswith("#")]
            self.assertEqual(rows[0], ["feature", "none", "per", "org", "loc", "misc"])
            features = {r[0]: [int(x) for x in r[1:]] for r in rows[1:]}
            self.assertIn("w=tralla", features)
            self.assertEqual(max(range(5), key=lambda k: features["w=tralla"][k]), 3)  # loc
            self.assertEqual(sorted(features), [r[0] for r in rows[1:]])

    def test_usage(self):
        run = subprocess.run([TOOL], capture_output=True, text=True)
        self.assertEqual(run.returncode, 2)
        self.assertIn("usage", run.stderr)


if __name__ == "__main__":
    unittest.main()
