"""The ctypes layer: finds libeventwire, declares its C functions, checks its version."""
import ctypes
import ctypes.util
import glob
import os

# major.minor the bindings were written for; the library must match them.
BINDINGS_VERSION = (0, 1)


class EventwireLibraryError(ImportError):
    """libeventwire could not be found or loaded, or it does not match these bindings."""


class Handle(ctypes.c_void_p):
    """An opaque pointer (ew_engine *, ew_document *)."""


# (name, argument types, return type): every C function the bindings use.
FUNCTIONS = [
    ("ew_version", [], ctypes.c_char_p),
    ("ew_version_number", [], ctypes.c_uint32),
    ("ew_data_version", [], ctypes.c_char_p),
    ("ew_status_name", [ctypes.c_int], ctypes.c_char_p),
    ("ew_last_error_message", [], ctypes.c_char_p),
    ("ew_engine_create", [ctypes.c_void_p, ctypes.POINTER(Handle)], ctypes.c_int),
    ("ew_engine_destroy", [Handle], None),
    ("ew_engine_analyze", [Handle, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.POINTER(Handle)],
     ctypes.c_int),
    ("ew_document_destroy", [Handle], None),
    ("ew_document_json", [Handle, ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_size_t)], ctypes.c_int),
]


class Actor(ctypes.Structure):
    """Mirror of ew_actor (include/eventwire/eventwire.h)."""
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("name", ctypes.c_char_p),
        ("aliases", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("country", ctypes.c_char_p),
        ("org", ctypes.c_char_p),
        ("sector", ctypes.c_char_p),
        ("role", ctypes.c_char_p),
        ("valid_from", ctypes.c_char_p),
        ("valid_until", ctypes.c_char_p),
    ]


class EngineOptions(ctypes.Structure):
    """Mirror of ew_engine_options (include/eventwire/eventwire.h)."""
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("actors", ctypes.POINTER(Actor)),
        ("actor_count", ctypes.c_size_t),
        ("actor_files", ctypes.POINTER(ctypes.c_char_p)),
        ("actor_file_count", ctypes.c_size_t),
    ]


class AnalyzeOptions(ctypes.Structure):
    """Mirror of ew_analyze_options (include/eventwire/eventwire.h)."""
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("outputs", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("language", ctypes.c_char_p),
        ("reference_date", ctypes.c_char_p),
        ("document_id", ctypes.c_char_p),
        ("max_input_bytes", ctypes.c_uint64),
    ]


OUTPUT_ALL = 0x3F
FLAG_STRICT_UTF8 = 1


def _candidates():
    explicit = os.environ.get("EW_LIBRARY_PATH")
    if explicit:
        yield explicit
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for pattern in ("libeventwire.so*", "libeventwire*.dylib", "eventwire.dll"):
        yield from sorted(glob.glob(os.path.join(here, pattern)))
    try:  # written by `cmake --install`
        from ._installed import LIBRARY
        yield LIBRARY
    except ImportError:
        pass
    found = ctypes.util.find_library("eventwire")
    if found:
        yield found


def load_library():
    """Loads libeventwire and declares its functions; raises EventwireLibraryError."""
    errors = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    else:
        raise EventwireLibraryError(
            "cannot find libeventwire: set EW_LIBRARY_PATH to the library file "
            "(e.g. build/release/lib/libeventwire.so) or install it where the loader finds it"
            + ("; tried " + "; ".join(errors) if errors else ""))
    for name, argtypes, restype in FUNCTIONS:
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise EventwireLibraryError(
                "%s lacks %s: bindings %d.%d need a matching libeventwire" % (path, name, *BINDINGS_VERSION))
        fn.argtypes = argtypes
        fn.restype = restype
    number = lib.ew_version_number()
    have = (number // 10000, number // 100 % 100)
    if have != BINDINGS_VERSION:
        raise EventwireLibraryError(
            "bindings %d.%d need libeventwire %d.%d, but %s is %s"
            % (*BINDINGS_VERSION, *BINDINGS_VERSION, path, lib.ew_version().decode()))
    return lib
