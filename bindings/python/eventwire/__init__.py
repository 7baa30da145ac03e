"""eventwire: structured political events from English, Dutch and French news text.

    >>> import eventwire
    >>> doc = eventwire.analyze("Belgium will provide 611 million euros of military aid to Ukraine.")
    >>> doc.language
    'en'

An Engine is built once and may be shared by threads; analysis releases the GIL, so threads
analysing different texts run in parallel. Every item has `span` (byte offsets into the UTF-8
input, as in the JSON) and `char_span` (indices into the Python string).
"""
import ctypes
import json
import threading
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ._ffi import (Actor as _CActor, AnalyzeOptions, EngineOptions, EventwireLibraryError, FLAG_STRICT_UTF8,
                   Handle, OUTPUT_ALL, load_library)

__version__ = "0.1.0"
__all__ = ["Actor", "Engine", "Document", "Error", "EventwireLibraryError", "analyze", "library_version"]

_lib = load_library()


class Error(Exception):
    """A failed call: `status` is the ew_status name (e.g. "EW_E_INPUT_TOO_LARGE")."""

    def __init__(self, code, message):
        self.code = code
        self.status = _lib.ew_status_name(code).decode()
        self.message = message
        super().__init__("%s: %s" % (self.status, message))


def _check(code):
    if code != 0:
        raise Error(code, _lib.ew_last_error_message().decode("utf-8", "replace"))


def library_version():
    """The version of the libeventwire loaded, with the digest of its language data."""
    return _lib.ew_data_version().decode()


Span = Tuple[int, int]


@dataclass
class Block:
    kind: str
    span: Span
    char_span: Span
    language: str
    rows: Optional[List[List[str]]] = None


@dataclass
class Sentence:
    span: Span
    char_span: Span
    block: int
    language: str


@dataclass
class Entity:
    id: str
    type: str
    name: str
    country: Optional[str]
    org: Optional[str]
    sector: Optional[str]
    role: Optional[str]
    mentions: List[Span]
    char_mentions: List[Span]


@dataclass
class Quantity:
    id: str
    kind: str
    text: str
    span: Span
    char_span: Span
    value: object
    unit: Optional[str]
    approximate: bool
    min: Optional[float]
    max: Optional[float]
    subunit: Optional[str] = None  # money counted in a smaller unit ("cent")


@dataclass
class Time:
    id: str
    kind: str
    text: str
    span: Span
    char_span: Span
    value: Optional[str]
    start: Optional[str]
    end: Optional[str]
    anchored: bool


@dataclass
class Argument:
    entity: Optional[str]
    text: str
    span: Span
    char_span: Span
    country: Optional[str] = None
    org: Optional[str] = None
    cue: Optional[str] = None


@dataclass
class Event:
    id: str
    type: str
    mode: Optional[str]
    polarity: str
    modality: str
    plover: Optional[str]
    cameo: Optional[str]
    trigger: Argument
    actors: List[Argument]
    targets: List[Argument]
    source: Optional[Argument]
    time: Optional[str]
    location: Optional[Argument]
    quantities: List[str]
    sentence: int
    span: Span
    char_span: Span
    confidence: float
    cluster: Optional[str]
    rule: str


class Document:
    """The analysis of one text. Built from the library's JSON (schema "eventwire/1")."""

    def __init__(self, handle, text, errors="surrogatepass"):
        self._handle = handle
        self.text = text  # the input as a str
        data = ctypes.c_char_p()
        length = ctypes.c_size_t()
        _check(_lib.ew_document_json(handle, ctypes.byref(data), ctypes.byref(length)))
        self._json = ctypes.string_at(data, length.value).decode("utf-8")
        self._dict = json.loads(self._json)
        self._char_of_byte = _char_index_map(text, errors)
        self._release()
        d = self._dict
        self.id = d["id"]
        self.language = d["language"]
        self.reference_date = d["reference_date"]
        self.title = d["title"]
        self.blocks = [Block(b["kind"], tuple(b["span"]), self._chars(b["span"]), b["language"], b.get("rows"))
                       for b in d["blocks"]]
        self.sentences = [Sentence(tuple(s["span"]), self._chars(s["span"]), s["block"], s["language"])
                          for s in d["sentences"]]
        self.entities = [Entity(e["id"], e["type"], e["name"], e["country"], e["org"], e["sector"], e["role"],
                                [tuple(m) for m in e["mentions"]], [self._chars(m) for m in e["mentions"]])
                         for e in d["entities"]]
        self.quantities = [Quantity(q["id"], q["kind"], q["text"], tuple(q["span"]), self._chars(q["span"]),
                                    q["value"], q["unit"], q["approximate"], q["min"], q["max"],
                                    q.get("subunit"))
                           for q in d["quantities"]]
        self.times = [Time(t["id"], t["kind"], t["text"], tuple(t["span"]), self._chars(t["span"]), t["value"],
                           t["start"], t["end"], t["anchored"]) for t in d["times"]]
        self.events = [self._event(e) for e in d["events"]]

    def _release(self):
        # Everything is read into Python objects at once, so the C document can go.
        if self._handle:
            _lib.ew_document_destroy(self._handle)
            self._handle = None

    def _chars(self, span):
        return (self._char_of_byte[span[0]], self._char_of_byte[span[1]])

    def _argument(self, a):
        if a is None:
            return None
        return Argument(a.get("entity"), a["text"], tuple(a["span"]), self._chars(a["span"]), a.get("country"),
                        a.get("org"), a.get("cue"))

    def _event(self, e):
        return Event(e["id"], e["type"], e["mode"], e["polarity"], e["modality"], e["plover"], e["cameo"],
                     self._argument(e["trigger"]), [self._argument(a) for a in e["actors"]],
                     [self._argument(a) for a in e["targets"]], self._argument(e["source"]), e["time"],
                     self._argument(e["location"]), e["quantities"], e["sentence"], tuple(e["span"]),
                     self._chars(e["span"]), e["confidence"], e["cluster"], e["rule"])

    def to_dict(self):
        """The document as the JSON schema gives it (byte offsets), as Python objects."""
        return json.loads(self._json)

    def to_json(self):
        """The document as JSON text, exactly as the library wrote it."""
        return self._json

    def __repr__(self):
        return "<eventwire.Document id=%r language=%s events=%d entities=%d>" % (
            self.id, self.language, len(self.events), len(self.entities))


def _char_index_map(text, errors):
    """For each byte offset of text's UTF-8 form (and one past the end), the str index."""
    if text.isascii():
        return range(len(text) + 1)
    out = []
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8", errors))
        out.extend([i] * n)
    out.append(len(text))
    return out


@dataclass
class Actor:
    """An entry of a user actor dictionary: a name, its aliases, and what they stand for.

    type is PERSON, ORG, GPE, LOC, FAC or NORP; country an ISO 3166-1 alpha-3 code; org an
    organisation code; sector a PLOVER sector; valid_from/valid_until "YYYY-MM-DD" bound the
    period the entry holds (until excluded)."""
    name: str
    aliases: List[str] = field(default_factory=list)
    type: str = "PERSON"
    country: Optional[str] = None
    org: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    valid_from: Optional[str] = None
    valid_until: Optional[str] = None


class Engine:
    """Compiled lexicons and rules, built once; share it between threads.

    actors: user actor dictionary entries (Actor objects or dicts with the same keys);
    actor_files: paths of dictionary files (TSV, see the README). Both win over the built-in
    dictionary for the same names."""

    def __init__(self, actors=None, actor_files=None):
        entries = [a if isinstance(a, Actor) else Actor(**a) for a in (actors or [])]
        c_actors = (_CActor * max(1, len(entries)))()
        for c, a in zip(c_actors, entries):
            c.struct_size = ctypes.sizeof(_CActor)
            c.name = _encode(a.name)
            c.aliases = _encode("|".join(a.aliases)) if a.aliases else None
            c.type, c.country, c.org = _encode(a.type), _encode(a.country), _encode(a.org)
            c.sector, c.role = _encode(a.sector), _encode(a.role)
            c.valid_from, c.valid_until = _encode(a.valid_from), _encode(a.valid_until)
        files = [_encode(f) for f in (actor_files or [])]
        c_files = (ctypes.c_char_p * max(1, len(files)))(*files)
        options = EngineOptions(ctypes.sizeof(EngineOptions), 0, c_actors, len(entries), c_files, len(files))
        handle = Handle()
        _check(_lib.ew_engine_create(ctypes.byref(options), ctypes.byref(handle)))
        self._handle = handle

    def analyze(self, text, language=None, reference_date=None, doc_id=None, strict_utf8=False,
                max_input_bytes=0):
        """Analyses `text` (str, or bytes of UTF-8) and returns a Document.

        language: "en", "nl" or "fr" (default: detected); reference_date: "YYYY-MM-DD", the
        article's date, to resolve relative dates; raises eventwire.Error on bad input."""
        if self._handle is None:
            raise ValueError("the engine is closed")
        if isinstance(text, str):
            errors = "surrogatepass"
            data = text.encode("utf-8", errors)
        elif isinstance(text, (bytes, bytearray, memoryview)):
            # Bytes that are not UTF-8 become lone surrogates in the str, one per byte, so
            # that char_span still counts one index per input byte there.
            errors = "surrogateescape"
            data = bytes(text)
            text = data.decode("utf-8", errors)
        else:
            raise TypeError("text must be str or bytes, not %s" % type(text).__name__)
        options = AnalyzeOptions(ctypes.sizeof(AnalyzeOptions), OUTPUT_ALL, FLAG_STRICT_UTF8 if strict_utf8 else 0,
                                 _encode(language), _encode(reference_date), _encode(doc_id), max_input_bytes)
        handle = Handle()
        _check(_lib.ew_engine_analyze(self._handle, data, len(data), ctypes.byref(options), ctypes.byref(handle)))
        try:
            return Document(handle, text, errors)
        except BaseException:
            _lib.ew_document_destroy(handle)
            raise

    def close(self):
        if self._handle is not None:
            _lib.ew_engine_destroy(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def _encode(s):
    return None if s is None else str(s).encode("utf-8")


_default_engine = None
_default_lock = threading.Lock()


def analyze(text, language=None, reference_date=None, doc_id=None, **options):
    """One call: analyses `text` with a module-level engine created on first use."""
    global _default_engine
    with _default_lock:
        if _default_engine is None:
            _default_engine = Engine()
    return _default_engine.analyze(text, language=language, reference_date=reference_date, doc_id=doc_id, **options)
