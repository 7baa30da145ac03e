"""The eventwire CLI as a user runs it: formats, batch mode, errors and exit codes.
Run by ctest with EW_CLI set to the built CLI and EW_SAMPLES_DIR to examples/data."""
import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("EW_CLI", "build/release/examples/eventwire")
SAMPLES = os.environ.get("EW_SAMPLES_DIR", "examples/data")


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=300)


def sample(name):
    return os.path.join(SAMPLES, name)


class CliTest(unittest.TestCase):
    def test_json_of_one_file(self):
        p = run("analyze", "--format", "json", "--date", "2024-02-28", sample("seed-002.txt"))
        self.assertEqual(p.returncode, 0, p.stderr)
        d = json.loads(p.stdout)
        self.assertEqual(d["id"], "seed-002.txt")
        self.assertEqual(d["reference_date"], "2024-02-28")
        self.assertEqual(d["language"], "en")

    def test_json_of_several_files_is_an_array(self):
        p = run("analyze", "--format", "json", sample("seed-002.txt"), sample("seed-003.txt"))
        self.assertEqual(p.returncode, 0, p.stderr)
        docs = json.loads(p.stdout)
        self.assertEqual([d["language"] for d in docs], ["en", "nl"])

    def test_text_summary_and_html(self):
        p = run("analyze", sample("seed-001.txt"))
        self.assertEqual(p.returncode, 0)
        out = p.stdout.decode()
        self.assertIn("== seed-001.txt  [en]", out)
        self.assertIn("boilerplate: PREV", out)
        p = run("analyze", "--format", "html", sample("seed-001.txt"), sample("seed-003.txt"))
        html = p.stdout.decode()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertEqual(html.count("<article>"), 2)
        self.assertIn("&quot;", html)  # quotes of the text are escaped

    def test_actor_dictionaries(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "actors.tsv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("name\taliases\ttype\tcountry\tsector\nKarel Vos\tVos\tPERSON\tNLD\tMIL\n")
            p = run("analyze", "--format", "json", "--actors", path, "-", stdin="Vos inspected the troops.".encode())
            self.assertEqual(p.returncode, 0, p.stderr)
            entities = json.loads(p.stdout)["entities"]
            self.assertEqual([(e["name"], e["country"], e["sector"]) for e in entities], [("Karel Vos", "NLD", "MIL")])
            with open(path, "w", encoding="utf-8") as f:
                f.write("name\tcountry\nKarel Vos\tNetherlands\n")
            p = run("analyze", "--actors", path, "-", stdin=b"Vos left.")
            self.assertEqual(p.returncode, 1)
            self.assertIn("actors.tsv:2", p.stderr.decode())

    def test_stdin(self):
        p = run("analyze", "--format", "jsonl", "--lang", "fr", "-", stdin="Le ministre est parti.".encode())
        self.assertEqual(p.returncode, 0)
        d = json.loads(p.stdout)
        self.assertEqual((d["id"], d["language"]), ("stdin", "fr"))

    def test_batch_mode_survives_bad_lines(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            f.write(json.dumps({"id": "a", "text": "The minister left.", "date": "2024-01-02"}) + "\n")
            f.write("{not json}\n")
            f.write(json.dumps({"id": "b", "text": "De minister vertrok.", "lang": "nl"}) + "\n")
            f.write(json.dumps({"id": "c", "text": "x", "date": "2024-13-01"}) + "\n")
            f.write(json.dumps({"id": "d", "nothing": 1}) + "\n")
            f.write(json.dumps({"id": 5, "text": "Le ministre est parti.", "date": None}) + "\n")
        try:
            p = run("analyze", "--input", "jsonl", "--format", "jsonl", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 1)
        docs = [json.loads(line) for line in p.stdout.decode().splitlines()]
        self.assertEqual([d["id"] for d in docs], ["a", "b", "5"])
        self.assertEqual(docs[0]["reference_date"], "2024-01-02")
        self.assertEqual(docs[1]["language"], "nl")
        err = p.stderr.decode()
        self.assertIn(":2: invalid JSON", err)
        self.assertIn(":4: EW_E_INVALID_ARGUMENT", err)
        self.assertIn(":5: no \"text\" field", err)

    def test_unreadable_path_does_not_stop_the_others(self):
        p = run("analyze", "--format", "jsonl", "/nonexistent/a.txt", sample("seed-003.txt"))
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"cannot read /nonexistent/a.txt", p.stderr)
        self.assertEqual(len(p.stdout.splitlines()), 1)

    def test_too_large_and_strict_utf8(self):
        p = run("analyze", "--max-bytes", "100", sample("seed-002.txt"))
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"EW_E_INPUT_TOO_LARGE", p.stderr)
        p = run("analyze", "--strict-utf8", "-", stdin=b"caf\xe9")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"EW_E_INVALID_UTF8", p.stderr)
        p = run("analyze", "--format", "json", "-", stdin=b"caf\xe9 \x00 ok")
        self.assertEqual(p.returncode, 0)
        json.loads(p.stdout)

    def test_binary_file(self):
        with tempfile.NamedTemporaryFile(delete=False) as f:
            f.write(bytes(range(256)) * 4000)
        try:
            p = run("analyze", "--format", "json", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 0)
        json.loads(p.stdout)

    def test_usage_errors(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("analyze").returncode, 2)
        self.assertEqual(run("analyze", "--format", "xml", "x").returncode, 2)
        self.assertEqual(run("analyze", "--date").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        p = run("--version")
        self.assertEqual(p.returncode, 0)
        self.assertTrue(p.stdout.startswith(b"eventwire 0."))


if __name__ == "__main__":
    unittest.main()
