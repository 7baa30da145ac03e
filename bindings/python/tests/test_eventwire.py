"""Tests of the Python bindings (run by ctest with EW_LIBRARY_PATH set to the built library)."""
import ctypes
import json
import os
import subprocess
import sys
import threading
import unittest

import eventwire

SAMPLES = os.environ.get("EW_SAMPLES_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "data"))


def sample(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
        return f.read()


class AnalyzeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = eventwire.Engine()

    def test_language_and_sentences(self):
        doc = self.engine.analyze("De minister bezocht gisteren de troepen in Mali. Het was een kort bezoek.")
        self.assertEqual(doc.language, "nl")
        self.assertEqual(len(doc.sentences), 2)
        self.assertTrue(all(s.language == "nl" for s in doc.sentences))

    def test_char_spans_index_the_python_string(self):
        text = "“Ça va,” dit-il à Bruxelles. Ensuite il est parti vers l’aéroport."
        doc = self.engine.analyze(text, language="fr")
        for s, (b, e) in zip(doc.sentences, [s.span for s in doc.sentences]):
            start, stop = s.char_span
            self.assertEqual(text[start:stop].encode("utf-8"), text.encode("utf-8")[b:e])
        self.assertEqual(text[doc.sentences[-1].char_span[0]:doc.sentences[-1].char_span[1]],
                         "Ensuite il est parti vers l’aéroport.")

    def test_sample_article_structure(self):
        doc = self.engine.analyze(sample("seed-002.txt"), reference_date="2024-02-28", doc_id="seed-002")
        self.assertEqual(doc.id, "seed-002")
        self.assertEqual(doc.reference_date, "2024-02-28")
        self.assertTrue(doc.title.startswith("Belgium pledges continued aid"))
        kinds = [b.kind for b in doc.blocks]
        self.assertEqual(kinds[0], "boilerplate")  # "ua en ru"
        self.assertIn("caption", kinds)
        self.assertIn("byline", kinds)

    def test_table_rows(self):
        doc = self.engine.analyze(sample("seed-000.txt"))
        tables = [b for b in doc.blocks if b.kind == "table"]
        self.assertEqual(len(tables), 3)
        self.assertEqual(tables[0].rows[0], ["Commitment Aspect", "Details"])
        self.assertEqual(tables[0].rows[1], ["Military Personnel", "200 peacekeepers within the first 6 months"])

    def test_to_dict_follows_the_schema(self):
        d = self.engine.analyze("Belgium sent troops.").to_dict()
        self.assertEqual(d["schema"], "eventwire/1")
        for key in ("id", "language", "reference_date", "title", "blocks", "sentences", "entities",
                    "quantities", "times", "events"):
            self.assertIn(key, d)
        self.assertEqual(json.loads(self.engine.analyze("Belgium sent troops.").to_json()), d)

    def test_invalid_utf8_is_repaired_or_refused(self):
        data = b"Belgium \xff\xfe sent troops.\xc3"
        doc = self.engine.analyze(data, language="en")
        self.assertEqual(doc.sentences[0].span[0], 0)
        self.assertEqual(doc.sentences[-1].span[1], len(data))
        with self.assertRaises(eventwire.Error) as cm:
            self.engine.analyze(data, strict_utf8=True)
        self.assertEqual(cm.exception.status, "EW_E_INVALID_UTF8")

    def test_errors_carry_status_and_message(self):
        with self.assertRaises(eventwire.Error) as cm:
            self.engine.analyze("x" * 100, max_input_bytes=10)
        self.assertEqual(cm.exception.status, "EW_E_INPUT_TOO_LARGE")
        self.assertIn("100 bytes", cm.exception.message)
        with self.assertRaises(eventwire.Error) as cm:
            self.engine.analyze("Hallo", language="de")
        self.assertEqual(cm.exception.status, "EW_E_UNSUPPORTED")
        with self.assertRaises(eventwire.Error) as cm:
            self.engine.analyze("Hello", reference_date="2024-02-30")
        self.assertEqual(cm.exception.status, "EW_E_INVALID_ARGUMENT")
        with self.assertRaises(TypeError):
            self.engine.analyze(42)

    def test_empty_and_nul_input(self):
        self.assertEqual(self.engine.analyze("").sentences, [])
        doc = self.engine.analyze("Belgium\x00sent troops.")
        self.assertEqual(doc.sentences[0].span, (0, 20))

    def test_module_level_analyze_and_closed_engine(self):
        self.assertEqual(eventwire.analyze("The minister said that the army will leave.").language, "en")
        with eventwire.Engine() as engine:
            engine.analyze("x")
        with self.assertRaises(ValueError):
            engine.analyze("x")

    def test_threads_share_an_engine(self):
        texts = [sample(n) for n in sorted(os.listdir(SAMPLES)) if n.endswith(".txt")]
        expected = [self.engine.analyze(t).to_json() for t in texts]
        results = {}

        def work(k):
            results[k] = [self.engine.analyze(t).to_json() for t in texts]

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for k in range(4):
            self.assertEqual(results[k], expected)


class GilTest(unittest.TestCase):
    def test_analysis_releases_the_gil(self):
        """While the library analyses a long text, another Python thread keeps running."""
        engine = eventwire.Engine()
        data = (sample("seed-002.txt") * 2000).encode("utf-8")
        ticks = 0
        stop = False

        def count():
            nonlocal ticks
            while not stop:
                ticks += 1

        counter = threading.Thread(target=count)
        counter.start()
        try:
            handle = eventwire._ffi.Handle()
            options = eventwire._ffi.AnalyzeOptions(ctypes.sizeof(eventwire._ffi.AnalyzeOptions), 0x3F, 0, None, None,
                                                    None, 64 << 20)
            before = ticks
            status = eventwire._lib.ew_engine_analyze(engine._handle, data, len(data), ctypes.byref(options),
                                                      ctypes.byref(handle))
            during = ticks - before
        finally:
            stop = True
            counter.join()
        self.assertEqual(status, 0)
        eventwire._lib.ew_document_destroy(handle)
        # With the GIL held for the whole call the other thread could not count at all.
        self.assertGreater(during, 1000)


class EntityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = eventwire.Engine()

    def by_mention(self, doc, text):
        for e in doc.entities:
            for start, stop in e.char_mentions:
                if doc.text[start:stop] == text:
                    return e
        self.fail("no entity mentioned as %r in %r" % (text, [e.name for e in doc.entities]))

    def test_people_countries_and_organisations(self):
        doc = self.engine.analyze("Le ministre de la Défense belge Marc Dubois a rencontré des responsables de l’OTAN "
                                  "à Bruxelles. Le ministre a salué la Belgique.", language="fr")
        dubois = self.by_mention(doc, "Marc Dubois")
        self.assertEqual((dubois.type, dubois.country, dubois.sector, dubois.role),
                         ("PERSON", "BEL", "GOV", "defence minister"))
        self.assertEqual([doc.text[a:b] for a, b in dubois.char_mentions], ["Marc Dubois", "ministre"])
        self.assertEqual(self.by_mention(doc, "OTAN").org, "NATO")
        self.assertEqual(self.by_mention(doc, "Bruxelles").country, "BEL")
        self.assertEqual(self.by_mention(doc, "Belgique").name, "Belgium")

    def test_user_actors(self):
        engine = eventwire.Engine(actors=[
            eventwire.Actor("Pieter Vos", aliases=["Vos"], country="NLD", sector="MIL", role="chief of defence"),
            {"name": "Acme Arms", "type": "ORG", "country": "BEL", "sector": "BUS", "valid_from": "2020-01-01"},
        ])
        doc = engine.analyze("Vos visited Acme Arms.", language="en", reference_date="2024-02-28")
        vos = self.by_mention(doc, "Vos")
        self.assertEqual((vos.name, vos.country, vos.sector), ("Pieter Vos", "NLD", "MIL"))
        self.assertEqual(self.by_mention(doc, "Acme Arms").country, "BEL")
        with self.assertRaises(eventwire.Error) as cm:
            eventwire.Engine(actors=[{"name": "X", "country": "Belgium"}])
        self.assertEqual(cm.exception.status, "EW_E_PARSE")

    def test_actor_files(self):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
            f.write("name\taliases\ttype\tcountry\torg\tsector\nZorya Group\tZorya\tORG\tUKR\t\tBUS\n")
            path = f.name
        try:
            doc = eventwire.Engine(actor_files=[path]).analyze("Zorya signed the contract.", language="en")
            self.assertEqual(self.by_mention(doc, "Zorya").country, "UKR")
        finally:
            os.unlink(path)
        with self.assertRaises(eventwire.Error) as cm:
            eventwire.Engine(actor_files=[path])
        self.assertEqual(cm.exception.status, "EW_E_IO")


class CommandLineTest(unittest.TestCase):
    def test_python_m_eventwire(self):
        out = subprocess.run([sys.executable, "-m", "eventwire", "--format", "json",
                              os.path.join(SAMPLES, "seed-003.txt")], capture_output=True, text=True, check=True)
        self.assertEqual(json.loads(out.stdout)["language"], "nl")
        bad = subprocess.run([sys.executable, "-m", "eventwire", "/nonexistent/file.txt"], capture_output=True,
                             text=True)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("/nonexistent/file.txt", bad.stderr)

    def test_missing_library_is_a_clear_error(self):
        env = dict(os.environ, EW_LIBRARY_PATH="/nonexistent/libeventwire.so")
        out = subprocess.run([sys.executable, "-c", "import eventwire"], capture_output=True, text=True, env=env)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("cannot find libeventwire", out.stderr)


if __name__ == "__main__":
    unittest.main()
