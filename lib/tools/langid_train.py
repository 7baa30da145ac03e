#!/usr/bin/env python3
"""Builds the language identification model that lib/langid compiles into the library.

    langid_train.py --lingua DIR --lang-dir lib/lang [--words LANG=FILE ...] [--calibrate TSV ...]
    langid_train.py --lang-dir lib/lang --scowl DIR --dutch FILE... --french FILE... --lexicon TSV ...

It writes these files under lib/lang (checked in; the build turns them into tables):

  <en|nl|fr>/langid_ngrams.tsv   character 1- to 4-grams of the language with their cost,
                                 -ln P(last character | the ones before) x 8, from lingua's
                                 frequency models (Apache-2.0, see lib/lang/NOTICE);
  common/langid_words.tsv        a hashed table of word-shape evidence for eleven languages
                                 (en nl fr and the look-alikes af da de es it no pt sv): for each
                                 of 8192 buckets the cost -ln P(bucket | language) x 8, counted over
                                 the 1- to 5-grams of every word of a word list, with the word's
                                 boundaries marked by spaces (" word ");
  common/langid.kv               the weights of the decision (see lib/langid/langid.cpp), fitted
                                 with --calibrate on tab-separated `lang<TAB>text` files;
  common/langid_lexicon.tsv      with --lexicon (and --scowl, --dutch, --french): the words of
  common/langid_word_classes.tsv the lists whose class (which lists hold them) changes the
                                 answer on a text of one to three words, and the weights of each
                                 class, fitted on such texts of the --lexicon files.

Word lists: one word a line (Debian's wamerican, wbritish, wdutch, wfrench, wngerman, wdanish,
wspanish, witalian, wportuguese, wswedish, wnorwegian; for Afrikaans hunspell-af expanded with
hunspell-tools' `unmunch`). They are read at training time only.

The scoring below mirrors lib/langid/langid.cpp (same words, hashes and integer costs, same
decision; `decide` leaves out the short-text lexicon, which --lexicon fits on top of the other
weights, so run --lexicon after --calibrate): keep them in step. The library adds what
calibration rows do not need: too little evidence (a name, a lone letter) is und, and long
texts are judged on a sample.
"""
import argparse
import collections
import json
import math
import multiprocessing
import os
import random
import sys
import unicodedata

MAIN = ["en", "nl", "fr"]
OTHERS = ["af", "da", "de", "es", "it", "no", "pt", "sv"]
ALL = MAIN + OTHERS
SCALE = 8            # costs are -ln p times SCALE, rounded
MISSING_COST = 160   # an n-gram a language has never seen (20 nats)
BUCKETS = 8192
MAX_TYPE_ORDER = 5
KEEP_TRIGRAMS = 10000      # most frequent trigrams kept per language
KEEP_QUADRIGRAMS = 10000   # most frequent quadrigrams kept per language
ALPHA = 0.5                # additive smoothing of the bucket counts
MAX_WORD_CHARS = 64        # longer words are scored on their first 64 characters


# ---- text to words, as lib/langid/langid.cpp does it ---------------------------------------

def is_letter(ch):
    if ch < "\x80":
        return "a" <= ch <= "z" or "A" <= ch <= "Z"
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat[0] == "M"


def is_latin(ch):
    cp = ord(ch)
    return cp < 0x250 or 0x300 <= cp < 0x370 or 0x1E00 <= cp < 0x1F00


def fold(text):
    # Lower case where the lower-case form keeps its UTF-8 length, like text/normalize.cpp.
    out = []
    for ch in text:
        lo = ch.lower()
        out.append(lo if len(lo) == 1 and len(lo.encode()) == len(ch.encode()) else ch)
    return "".join(out)


def is_link(token):
    return "://" in token or token.startswith("www.") or "@" in token


def words(text):
    """(word, apostrophe_before) for every run of letters outside links."""
    out = []
    for token in fold(text).split():
        if is_link(token):
            continue
        i, n = 0, len(token)
        while i < n:
            if not is_letter(token[i]):
                i += 1
                continue
            j = i
            while j < n and is_letter(token[j]):
                j += 1
            elided = i > 0 and token[i - 1] == "'" and (i < 2 or not is_letter(token[i - 2]))
            out.append((token[i:j][:MAX_WORD_CHARS], elided))
            i = j
    return out


def fnv1a(text, h=0x811C9DC5):
    """FNV-1a over the code points of `text` (one step per character)."""
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


# ---- lingua n-grams -------------------------------------------------------------------------

def read_lingua(directory, lang):
    """{ngram: conditional probability} from lingua's JSON files (orders 1 to 4)."""
    cond = {}
    for order in ["unigrams", "bigrams", "trigrams", "quadrigrams"]:
        with open(os.path.join(directory, lang, order + ".json"), encoding="utf-8") as f:
            data = json.load(f)["ngrams"]
        for fraction, grams in data.items():
            num, den = fraction.split("/")
            p = int(num) / int(den)
            for g in grams.split(" "):
                cond[g] = p
    return cond


def prune_lingua(cond):
    """Keeps every uni- and bigram and the most frequent tri- and quadrigrams."""
    joint = {}
    for g in sorted(cond, key=len):
        joint[g] = cond[g] * (joint.get(g[:-1], 0.0) if len(g) > 1 else 1.0)
    keep = {g for g in cond if len(g) <= 2}
    for order, limit in ((3, KEEP_TRIGRAMS), (4, KEEP_QUADRIGRAMS)):
        grams = sorted((g for g in cond if len(g) == order), key=lambda g: (-joint[g], g))
        keep.update(grams[:limit])
    return {g: min(254, round(-math.log(cond[g]) * SCALE)) for g in keep}


# ---- word-shape buckets ---------------------------------------------------------------------

def type_grams(word):
    marked = " " + word + " "
    for i in range(len(marked)):
        for n in range(1, MAX_TYPE_ORDER + 1):
            if i + n > len(marked):
                break
            g = marked[i:i + n]
            if g != " ":
                yield g


def bucket_of(gram):
    return fnv1a(gram) & (BUCKETS - 1)


def read_word_list(path):
    found = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            for w, _ in words(line.strip()):
                found.add(w)
    return found


def bucket_costs(word_list):
    counts = [0] * BUCKETS
    for w in word_list:
        for g in type_grams(w):
            counts[bucket_of(g)] += 1
    total = sum(counts) + ALPHA * BUCKETS
    return [min(255, round(-math.log((c + ALPHA) / total) * SCALE)) for c in counts]


# ---- scoring (mirror of LanguageDetector::score) --------------------------------------------

class Model:
    def __init__(self, ngrams, buckets, function_words):
        self.ngrams = ngrams                  # {lang: {gram: cost}}
        self.buckets = buckets                # {lang: [cost] * BUCKETS}
        self.function_words = function_words  # {word: set(lang)}

    def features(self, text):
        ws = words(text)
        ling = [0] * len(MAIN)
        chain = [0] * len(MAIN)
        shape = [0] * len(ALL)
        fw = [0] * len(ALL)
        letters = 0
        other_script = 0
        for w, elided in ws:
            letters += len(w) + 1
            other_script += sum(1 for ch in w if not is_latin(ch))
            for k, lang in enumerate(MAIN):
                table = self.ngrams[lang]
                # ends[j]: cost of the longest known n-gram ending at character j (a Markov chain)
                ends = [None] * len(w)
                for i in range(len(w)):
                    previous = MISSING_COST
                    for n in range(1, 5):
                        if i + n > len(w):
                            break
                        cost = table.get(w[i:i + n])
                        if cost is not None:
                            previous = cost
                            if ends[i + n - 1] is None:
                                ends[i + n - 1] = cost
                        ling[k] += previous
                chain[k] += sum(MISSING_COST if c is None else c for c in ends)
            for g in type_grams(w):
                b = bucket_of(g)
                for k, lang in enumerate(ALL):
                    shape[k] += self.buckets[lang][b]
            key = "'" + w if elided and ("'" + w) in self.function_words else w
            for lang in self.function_words.get(key, ()):
                fw[ALL.index(lang)] += 1
        return len(ws), letters, other_script, ling, chain, shape, fw


def decide(p, nwords, letters, other_script, ling, chain, shape, fw):
    """Returns the language (or 'und') as LanguageDetector::decide does."""
    if nwords == 0 or other_script * 3 > letters - nwords:
        return "und"
    best, best_score = None, None
    for k, lang in enumerate(MAIN):
        s = (-p["ngram_weight"] * ling[k] - p["chain_weight"] * chain[k] - p["shape_weight"] * shape[k]) / SCALE \
            + p["function_word_weight"] * fw[k] + p["bias_" + lang] * nwords
        if best_score is None or s > best_score:
            best, best_score = k, s
    if nwords >= p["gate_min_words"]:
        def gate(k):
            return -p["gate_shape_weight"] * shape[k] / SCALE + p["gate_function_word_weight"] * fw[k] \
                + p["gate_bias_" + ALL[k]] * nwords
        margin = max(gate(ALL.index(o)) for o in OTHERS) - gate(best)
        if margin > p["gate_margin"] + p["gate_margin_per_letter"] * letters:
            return "und"
    return MAIN[best]


def length_class(text):
    n = len(text.split())
    return "word" if n == 1 else "pair" if n == 2 else "short" if n <= 5 else "sentence"


GOALS = {"word": 0.88, "pair": 0.95, "short": 0.95, "sentence": 0.995}


def calibrate(model, files):
    rows = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    lang, text = line.rstrip("\n").split("\t", 1)
                    rows.append((lang, length_class(text), model.features(text)))

    def accuracy(p):
        ok, n = collections.Counter(), collections.Counter()
        for lang, cls, feats in rows:
            n[lang, cls] += 1
            ok[lang, cls] += decide(p, *feats) == lang
        return {k: ok[k] / n[k] for k in n}

    def objective(acc):
        # Reaching each goal counts most; und answers are wanted for sentences of other languages,
        # but not at the price of English, Dutch or French sentences once most are found.
        total = 0.0
        for (lang, cls), a in acc.items():
            if lang == "und":
                if cls == "sentence":
                    total += 3 * min(a, 0.95) + 0.2 * a
                continue
            total += 3 * min(a, GOALS[cls]) + a
        return total

    p = {"ngram_weight": 1.5, "chain_weight": 0.0, "shape_weight": 0.4, "function_word_weight": 8.0,
         "gate_shape_weight": 0.75, "gate_function_word_weight": 8.0, "gate_margin": 6.0,
         "gate_margin_per_letter": 0.1, "gate_min_words": 3}
    for lang in MAIN:
        p["bias_" + lang] = 0.0
    for lang in ALL:
        p["gate_bias_" + lang] = 0.0
    steps = {"ngram_weight": 0.5, "chain_weight": 0.5, "shape_weight": 0.2, "function_word_weight": 2.0,
             "gate_shape_weight": 0.25, "gate_function_word_weight": 2.0, "gate_margin": 1.0,
             "gate_margin_per_letter": 0.05}
    fixed = {"gate_min_words", "bias_en", "gate_bias_en"}
    best = objective(accuracy(p))
    for rnd in range(4):
        for key in sorted(p):
            if key in fixed:
                continue
            step = steps.get(key, 0.5) / (rnd + 1)
            for cand in (p[key] - 2 * step, p[key] - step, p[key] + step, p[key] + 2 * step):
                q = dict(p)
                q[key] = round(cand, 4)
                v = objective(accuracy(q))
                if v > best + 1e-9:
                    best, p = v, q
        acc = accuracy(p)
        print("round %d: %s" % (rnd, " ".join("%s/%s %.2f" % (k[0], k[1], 100 * v) for k, v in sorted(acc.items()))),
              file=sys.stderr)
    return p


# ---- word lexicon for short texts -----------------------------------------------------------
#
# A text of at most `short_text_words` words is judged mostly on which word lists hold its words:
# each word falls in a class (ENGLISH DUTCH FRENCH: English `1`-`4` by SCOWL size, 10-20, 35-40,
# 50-60, 70-95, `p` a proper name only, `-` none; `N`/`-` Dutch; `F`/`-` French), each class has a
# weight per language (a multinomial logistic regression on the calibration rows), and the
# n-gram score is scaled down (it is far too sure of itself on one word). Only words whose class
# changes the verdict on the word alone, or brings it within KEEP_MARGIN nats of changing, are
# stored: for the others the n-grams say the same. A rare English word (`4`) or a proper name
# (`p`) in no other list counts as in no list: there are many and they are seldom met.

ENGLISH_GROUPS = ["-", "1", "2", "3", "4", "p"]
CLASSES = [e + n + f for e in ENGLISH_GROUPS for n in "-N" for f in "-F" if e + n + f not in ("4--", "p--")]
SHORT_TEXT_WORDS = 3
KEEP_MARGIN = 1.0


def english_group(size):
    return "1" if size <= 20 else "2" if size <= 40 else "3" if size <= 60 else "4"


def read_scowl(directory):
    """{word: group} from SCOWL's final lists (Debian's scowl package, /usr/share/dict/scowl)."""
    sizes, proper = {}, set()
    for name in sorted(os.listdir(directory)):
        kind, _, size = name.rpartition(".")
        if not size.isdigit() or not any(kind.endswith(k) for k in ("-words", "-upper", "-proper-names", "-contractions")):
            continue
        is_proper = kind.endswith("-upper") or kind.endswith("-proper-names")
        with open(os.path.join(directory, name), encoding="latin-1") as f:
            for line in f:
                ws = words(line.strip())
                if len(ws) != 1 or ws[0][1]:
                    continue
                w = ws[0][0]
                if is_proper:
                    proper.add(w)
                elif w not in sizes or int(size) < sizes[w]:
                    sizes[w] = int(size)
    groups = {w: english_group(s) for w, s in sizes.items()}
    for w in proper:
        groups.setdefault(w, "p")
    return groups


def read_plain_list(path):
    """Words of a list (one a line; hunspell's unmunch output may keep flags after a slash)."""
    found = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            ws = words(unicodedata.normalize("NFC", line.split("/")[0].strip()))
            if len(ws) == 1 and not ws[0][1]:
                found.add(ws[0][0])
    return found


def word_class(word, english, dutch, french):
    c = english.get(word, "-") + ("N" if word in dutch else "-") + ("F" if word in french else "-")
    return c if c in CLASSES else "---"


def base_scores(p, feats):
    """The scores of LanguageDetector::decide before the gate, for en nl fr."""
    nwords, letters, other_script, ling, chain, shape, fw = feats
    return [(-p["ngram_weight"] * ling[k] - p["chain_weight"] * chain[k] - p["shape_weight"] * shape[k]) / SCALE
            + p["function_word_weight"] * fw[k] + p["bias_" + lang] * nwords for k, lang in enumerate(MAIN)]


def short_scores(scale, table, base, classes):
    top = max(base)
    s = [scale * (b - top) for b in base]
    for c in classes:
        for k in range(len(MAIN)):
            s[k] += table[c][k]
    return s


def fit_short_texts(rows, epochs=60, rate=0.05, l2=0.01):
    """Multinomial logistic regression: the n-gram scale and a weight per class and language.
    rows: (lang, base scores, [class of each word]). Plain SGD in a fixed order: reproducible."""
    scale = 0.3
    table = {c: [0.0] * len(MAIN) for c in CLASSES}
    rows = list(rows)
    for epoch in range(epochs):
        random.Random(epoch).shuffle(rows)
        for lang, base, classes in rows:
            s = short_scores(scale, table, base, classes)
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            grad = [e[k] / z - (MAIN[k] == lang) for k in range(len(MAIN))]
            top_base = max(base)
            scale = max(0.01, scale - rate * 0.01 * sum(g * (b - top_base) for g, b in zip(grad, base)))
            for c in classes:
                w = table[c]
                for k in range(len(MAIN)):
                    w[k] -= rate * (grad[k] + l2 * w[k])
    return round(scale, 4), {c: [round(x, 3) for x in table[c]] for c in CLASSES}


def _verdicts(args):
    model, p, scale, table, items = args
    def verdict(scores):
        best = max(range(len(MAIN)), key=scores.__getitem__)
        return best, scores[best] - max(x for k, x in enumerate(scores) if k != best)

    keep = []
    for w, c in items:
        if c == "---":
            continue
        base = base_scores(p, model.features(w))
        unknown, unknown_margin = verdict(short_scores(scale, table, base, ["---"]))
        known, known_margin = verdict(short_scores(scale, table, base, [c]))
        if unknown != known or (known_margin < unknown_margin and known_margin < KEEP_MARGIN):
            keep.append((w, c))
    return keep


def lexicon(model, p, files, english, dutch, french):
    """Fits the short-text weights on `files` and returns them with the words worth storing."""
    rows = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "\t" not in line:
                    continue
                lang, text = line.rstrip("\n").split("\t", 1)
                ws = words(text)
                if lang in MAIN and 0 < len(ws) <= SHORT_TEXT_WORDS:
                    rows.append((lang, base_scores(p, model.features(text)),
                                 [word_class(w, english, dutch, french) for w, _ in ws]))
    scale, table = fit_short_texts(rows)
    vocabulary = sorted((w, word_class(w, english, dutch, french)) for w in set(english) | dutch | french)
    chunks = [vocabulary[i::64] for i in range(64)]
    with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
        kept = sorted(x for part in pool.map(_verdicts, [(model, p, scale, table, c) for c in chunks]) for x in part)
    print("lexicon: %d of %d words kept" % (len(kept), len(vocabulary)), file=sys.stderr)
    return scale, table, kept


# ---- output -----------------------------------------------------------------------------------

def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def read_function_words(lang_dir):
    fw = collections.defaultdict(set)
    for lang in MAIN:
        with open(os.path.join(lang_dir, lang, "stopwords.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    fw[line].add(lang)
    with open(os.path.join(lang_dir, "common", "langid_function_words.tsv"), encoding="utf-8") as f:
        header = True
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            lang, word = line.split("\t")
            fw[word].add(lang)
    return fw


def read_model(lang_dir):
    ngrams = {}
    for lang in MAIN:
        table = {}
        with open(os.path.join(lang_dir, lang, "langid_ngrams.tsv"), encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
        for gram, cost in rows[1:]:
            table[gram] = int(cost)
        ngrams[lang] = table
    buckets = {lang: [0] * BUCKETS for lang in ALL}
    with open(os.path.join(lang_dir, "common", "langid_words.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    header = rows[0]
    for row in rows[1:]:
        b = int(row[0])
        for lang, cost in zip(header[1:], row[1:]):
            buckets[lang][b] = int(cost)
    return Model(ngrams, buckets, read_function_words(lang_dir))


def read_weights(lang_dir):
    p = {}
    with open(os.path.join(lang_dir, "common", "langid.kv"), encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                k, v = line.strip().split("=", 1)
                p[k] = float(v)
    return p


def write_weights(lang_dir, values):
    """Sets `values` in common/langid.kv, keeping the other weights as they are written."""
    path = os.path.join(lang_dir, "common", "langid.kv")
    kept = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            kept = dict(l.strip().split("=", 1) for l in f if "=" in l and not l.startswith("#"))
    kept.update({k: str(v) for k, v in values.items()})
    lines = ["# Weights of the language decision, fitted by lib/tools/langid_train.py --calibrate",
             "# (short_text_*: --lexicon)."]
    write(path, lines + ["%s=%s" % (k, kept[k]) for k in sorted(kept)])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang-dir", required=True, help="lib/lang")
    ap.add_argument("--lingua", help="directory of lingua's models (en/ nl/ fr/ with *grams.json)")
    ap.add_argument("--words", action="append", default=[], metavar="LANG=FILE",
                    help="a word list of LANG (repeat; several files per language are merged)")
    ap.add_argument("--calibrate", nargs="*", metavar="TSV", help="fit the decision weights on these files")
    ap.add_argument("--scowl", help="SCOWL's final lists (English words with their size), for --lexicon")
    ap.add_argument("--dutch", action="append", default=[], metavar="FILE", help="a Dutch word list, for --lexicon")
    ap.add_argument("--french", action="append", default=[], metavar="FILE", help="a French word list, for --lexicon")
    ap.add_argument("--lexicon", nargs="*", metavar="TSV",
                    help="fit the short-text weights on these files and write the word lexicon")
    a = ap.parse_args()

    if a.lingua:
        for lang in MAIN:
            costs = prune_lingua(read_lingua(a.lingua, lang))
            lines = ["# Generated by lib/tools/langid_train.py from lingua's %s model (Apache-2.0, see"
                     % lang, "# lib/lang/NOTICE). cost = -ln P(last character | the others) x %d." % SCALE,
                     "ngram\tcost"]
            lines += ["%s\t%d" % (g, costs[g]) for g in sorted(costs)]
            write(os.path.join(a.lang_dir, lang, "langid_ngrams.tsv"), lines)
    if a.words:
        lists = collections.defaultdict(set)
        for spec in a.words:
            lang, path = spec.split("=", 1)
            lists[lang] |= read_word_list(path)
        missing = [l for l in ALL if l not in lists]
        if missing:
            sys.exit("no word list for: " + " ".join(missing))
        costs = {lang: bucket_costs(lists[lang]) for lang in ALL}
        lines = ["# Generated by lib/tools/langid_train.py from word lists (see lib/lang/NOTICE).",
                 "# cost = -ln P(bucket | language) x %d over the 1- to %d-grams of \" word \"; bucket ="
                 % (SCALE, MAX_TYPE_ORDER), "# FNV-1a 32 over the n-gram's code points, mod %d." % BUCKETS,
                 "bucket\t" + "\t".join(ALL)]
        lines += ["%d\t%s" % (b, "\t".join(str(costs[l][b]) for l in ALL)) for b in range(BUCKETS)]
        write(os.path.join(a.lang_dir, "common", "langid_words.tsv"), lines)
    if a.calibrate:
        write_weights(a.lang_dir, calibrate(read_model(a.lang_dir), a.calibrate))
    if a.lexicon:
        if not (a.scowl and a.dutch and a.french):
            sys.exit("--lexicon needs --scowl, --dutch and --french")
        p = read_weights(a.lang_dir)
        english = read_scowl(a.scowl)
        dutch = set().union(*(read_plain_list(f) for f in a.dutch))
        french = set().union(*(read_plain_list(f) for f in a.french))
        scale, table, kept = lexicon(read_model(a.lang_dir), p, a.lexicon, english, dutch, french)
        write_weights(a.lang_dir, {"short_text_scale": scale, "short_text_words": SHORT_TEXT_WORDS})
        lines = ["# Generated by lib/tools/langid_train.py --lexicon: the weight of each word class (see",
                 "# lib/lang/README.md) for each language in texts of at most %d words." % SHORT_TEXT_WORDS,
                 "class\t" + "\t".join(MAIN)]
        lines += ["%s\t%s" % (c, "\t".join("%g" % x for x in table[c])) for c in CLASSES]
        write(os.path.join(a.lang_dir, "common", "langid_word_classes.tsv"), lines)
        lines = ["# Generated by lib/tools/langid_train.py --lexicon from word lists (see lib/lang/NOTICE):",
                 "# the words whose class changes the verdict on them alone (or nearly).",
                 "word\tclass"]
        lines += ["%s\t%s" % wc for wc in kept]
        write(os.path.join(a.lang_dir, "common", "langid_lexicon.tsv"), lines)


if __name__ == "__main__":
    main()
