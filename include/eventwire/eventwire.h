/* eventwire — structured political events from English, Dutch and French news text.
 *
 * This is the library's stable C interface (C99). Bindings rely on nothing else.
 *
 * THREAD SAFETY
 *   An ew_engine is immutable once ew_engine_create() has returned: any number of threads may
 *   call ew_engine_analyze() on the same engine at the same time. An ew_document is owned by
 *   the caller; its accessors only read it and may be called from several threads at once, but
 *   ew_document_destroy() must not race with them. ew_last_error_message() is per thread.
 *
 * OWNERSHIP
 *   The input text is copied into the document. Everything a document hands out (strings,
 *   item structs, arrays) is borrowed from it and stays valid until ew_document_destroy().
 *   Never free() library memory. Every ew_*_destroy(NULL) is a no-op.
 *
 * SPANS
 *   Every span is a byte range [begin, end) into the caller's original UTF-8 input, on
 *   character boundaries, whatever normalisation happened inside.
 *
 * ERRORS
 *   Functions that can fail return an ew_status; ew_status_name() names it and
 *   ew_last_error_message() gives the detail of the last failure on the calling thread.
 *
 * VERSIONING
 *   Option and item structs start with their own size (struct_size) and only ever grow at the
 *   end. Initialise option structs with their *_INIT macro; read an item field only when
 *   item->struct_size covers it (offsetof(type, field) < item->struct_size).
 */
#ifndef EVENTWIRE_EVENTWIRE_H
#define EVENTWIRE_EVENTWIRE_H

#include <stddef.h>
#include <stdint.h>

#include "eventwire/export.h"
#include "eventwire/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status ------------------------------------------------------------------------------ */

/* Explicit values, never renumbered; new codes are only appended. */
typedef enum ew_status {
  EW_OK = 0,
  EW_E_INVALID_ARGUMENT = 1, /* NULL where a value is needed, bad option value, bad struct_size */
  EW_E_INVALID_UTF8 = 2,     /* input is not UTF-8 and EW_FLAG_STRICT_UTF8 was set */
  EW_E_INPUT_TOO_LARGE = 3,  /* input longer than max_input_bytes */
  EW_E_OUT_OF_RANGE = 4,     /* item index past the end of an array */
  EW_E_OUT_OF_MEMORY = 5,
  EW_E_UNSUPPORTED = 6,      /* e.g. a language the library does not handle */
  EW_E_INTERNAL = 7,         /* a bug: please report it with the input */
  EW_E_IO = 8,               /* a file could not be read */
  EW_E_PARSE = 9             /* a data file or string given by the caller is malformed */
} ew_status;

/* Static name of a status, e.g. "EW_E_INPUT_TOO_LARGE"; "EW_E_UNKNOWN" for other values. */
EW_API const char *ew_status_name(ew_status status);

/* Detail of the last failure on this thread ("" if none). Valid until the next failing call. */
EW_API const char *ew_last_error_message(void);

/* ---- version ----------------------------------------------------------------------------- */

EW_API const char *ew_version(void);         /* "0.1.0" */
EW_API uint32_t ew_version_number(void);     /* EW_VERSION_NUMBER of the library loaded */
EW_API const char *ew_data_version(void);    /* version + digest of the compiled language data */

/* ---- engine ------------------------------------------------------------------------------ */

typedef struct ew_engine ew_engine;

/* An entry of a user actor dictionary: a name and its aliases, and what they stand for.
 * Like PETRARCH's actor dictionaries: several entries with the same name and different
 * periods give an actor's roles over time; the entry holding on the document's reference date
 * is used, else the first one without dates, else the first one. The caller's entries win
 * over built-in ones for the same name. Strings are copied at ew_engine_create(). */
typedef struct ew_actor {
  uint32_t struct_size;    /* sizeof(ew_actor) */
  const char *name;        /* canonical name, required: "Ludivine Dedonder", "Belgian Defence" */
  const char *aliases;     /* other spellings, '|'-separated ("Dedonder|L. Dedonder"), or NULL */
  const char *type;        /* "PERSON" (NULL), "ORG", "GPE", "LOC", "FAC" or "NORP" */
  const char *country;     /* ISO 3166-1 alpha-3 ("BEL") or NULL */
  const char *org;         /* organisation code ("NATO", "EU", "UN") or NULL */
  const char *sector;      /* PLOVER sector ("GOV", "MIL", "IGO", ...) or NULL */
  const char *role;        /* free text ("defence minister") or NULL */
  const char *valid_from;  /* "YYYY-MM-DD": first day the entry holds, or NULL */
  const char *valid_until; /* "YYYY-MM-DD": first day it no longer holds, or NULL */
} ew_actor;

#define EW_ACTOR_INIT { (uint32_t)sizeof(ew_actor), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

typedef struct ew_engine_options {
  uint32_t struct_size; /* sizeof(ew_engine_options) */
  uint32_t flags;       /* reserved, 0 */
  /* User actor dictionaries, used by the entity stage (and so by events): */
  const ew_actor *actors;          /* actor_count entries, or NULL */
  size_t actor_count;
  const char *const *actor_files;  /* paths of dictionary files (TSV, the format of README.md
                                      "Actor dictionaries"), or NULL */
  size_t actor_file_count;
} ew_engine_options;

#define EW_ENGINE_OPTIONS_INIT { (uint32_t)sizeof(ew_engine_options), 0u, NULL, 0u, NULL, 0u }

/* Builds an engine from the compiled-in language data and the caller's actor dictionaries.
 * options may be NULL (defaults). A malformed actor or dictionary file gives EW_E_PARSE (the
 * message names the file and line), an unreadable file EW_E_IO. */
EW_API ew_status ew_engine_create(const ew_engine_options *options, ew_engine **out);
EW_API void ew_engine_destroy(ew_engine *engine);

/* ---- analysis ---------------------------------------------------------------------------- */

/* What to produce; prerequisites are switched on as needed (events need everything). */
#define EW_OUTPUT_STRUCTURE  (1u << 0) /* blocks, title */
#define EW_OUTPUT_LANGUAGE   (1u << 1) /* language of document, blocks and sentences */
#define EW_OUTPUT_QUANTITIES (1u << 2)
#define EW_OUTPUT_TIMES      (1u << 3)
#define EW_OUTPUT_ENTITIES   (1u << 4)
#define EW_OUTPUT_EVENTS     (1u << 5)
#define EW_OUTPUT_ALL        (0x3Fu)

/* Reject invalid UTF-8 with EW_E_INVALID_UTF8 instead of replacing bad bytes with U+FFFD. */
#define EW_FLAG_STRICT_UTF8  (1u << 0)

#define EW_DEFAULT_MAX_INPUT_BYTES ((uint64_t)16 * 1024 * 1024)
#define EW_LIMIT_MAX_INPUT_BYTES   ((uint64_t)1024 * 1024 * 1024)

typedef struct ew_analyze_options {
  uint32_t struct_size;        /* sizeof(ew_analyze_options) */
  uint32_t outputs;            /* EW_OUTPUT_* bits */
  uint32_t flags;              /* EW_FLAG_* bits */
  const char *language;        /* "en", "nl", "fr", or NULL to detect */
  const char *reference_date;  /* "YYYY-MM-DD" the article was published, or NULL */
  const char *document_id;     /* copied into the document's "id", or NULL */
  uint64_t max_input_bytes;    /* 0: EW_DEFAULT_MAX_INPUT_BYTES; at most EW_LIMIT_MAX_INPUT_BYTES */
} ew_analyze_options;

#define EW_ANALYZE_OPTIONS_INIT \
  { (uint32_t)sizeof(ew_analyze_options), EW_OUTPUT_ALL, 0u, NULL, NULL, NULL, 0u }

typedef struct ew_document ew_document;

/* Analyses `length` bytes of UTF-8 `text` (which need not be NUL-terminated; text may be NULL
 * only when length is 0). options may be NULL (defaults). On success *out receives a document
 * to release with ew_document_destroy(). */
EW_API ew_status ew_engine_analyze(const ew_engine *engine, const char *text, size_t length,
                                   const ew_analyze_options *options, ew_document **out);

EW_API void ew_document_destroy(ew_document *document);

/* The whole document as JSON (schema "eventwire/1"): NUL-terminated, *length bytes. */
EW_API ew_status ew_document_json(const ew_document *document, const char **json, size_t *length);

/* ---- document items ---------------------------------------------------------------------- */

typedef struct ew_span {
  size_t begin; /* byte offset into the original input */
  size_t end;   /* one past the last byte */
} ew_span;

/* Strings are NUL-terminated UTF-8; optional ones are NULL when absent. */

typedef struct ew_document_summary {
  uint32_t struct_size;
  const char *id;                /* document id ("" if none was given) */
  const char *language;          /* dominant language: "en", "nl", "fr" or "und" */
  double language_confidence;    /* in [0, 1] */
  const char *reference_date;    /* "YYYY-MM-DD" or NULL */
  const char *title;             /* NULL when the text has no title */
  const char *input;             /* the document's copy of the input */
  size_t input_length;
  size_t block_count;
  size_t sentence_count;
  size_t entity_count;
  size_t quantity_count;
  size_t time_count;
  size_t event_count;
} ew_document_summary;

typedef struct ew_block {
  uint32_t struct_size;
  const char *kind;     /* title|heading|paragraph|list_item|table|caption|byline|boilerplate */
  ew_span span;
  const char *language; /* "en", "nl", "fr", "und" */
  size_t row_count;     /* tables: rows (header row included); 0 otherwise */
  size_t column_count;  /* tables: the widest row */
} ew_block;

typedef struct ew_sentence {
  uint32_t struct_size;
  ew_span span;
  size_t block;         /* index of the block holding it */
  const char *language;
} ew_sentence;

typedef struct ew_entity {
  uint32_t struct_size;
  const char *id;       /* "E1", ... */
  const char *type;     /* PERSON|ORG|GPE|LOC|FAC|NORP */
  const char *name;     /* canonical form */
  const char *country;  /* ISO 3166-1 alpha-3 or NULL */
  const char *org;      /* organisation code (NATO, EU, UN, ...) or NULL */
  const char *sector;   /* PLOVER sector (GOV, MIL, ...) or NULL */
  const char *role;     /* e.g. "defence minister" or NULL */
  size_t mention_count;
  const ew_span *mentions;
} ew_entity;

typedef struct ew_quantity {
  uint32_t struct_size;
  const char *id;        /* "Q1", ... */
  const char *kind;      /* number|ordinal|percent|money|count|duration|dimension */
  const char *text;
  ew_span span;
  double value;          /* numeric value (NaN when only bounds are known); for durations see value_text */
  const char *value_text; /* the value as written in JSON: "611000000", "P6M"; NULL when there is none */
  const char *unit;      /* ISO 4217 for money, counted noun class for counts, or NULL */
  int approximate;       /* 1 for "about 20", "ruim 200", "environ 50" */
  int has_min;
  double min;
  int has_max;
  double max;
  const char *subunit;   /* money counted in a smaller unit ("cent" for "25 cent"), or NULL */
} ew_quantity;

typedef struct ew_time {
  uint32_t struct_size;
  const char *id;       /* "T1", ... */
  const char *kind;     /* date|time|datetime|duration|set|range */
  const char *text;
  ew_span span;
  const char *value;    /* TIMEX3-style: 2024, 2024-02, 2024-02-26, 2024-W09, P6M, XXXX-02-26 */
  const char *start;    /* ranges, else NULL */
  const char *end;      /* ranges, else NULL */
  int anchored;         /* 1 when resolved against the reference date */
} ew_time;

typedef struct ew_argument {
  const char *entity;   /* entity id or NULL */
  const char *text;
  ew_span span;
  const char *country;  /* NULL when unknown */
  const char *org;      /* NULL when unknown */
} ew_argument;

typedef struct ew_event {
  uint32_t struct_size;
  const char *id;            /* "V1", ... */
  const char *type;          /* one of the 16 PLOVER event types */
  const char *mode;          /* or NULL */
  const char *polarity;      /* "positive" | "negative" */
  const char *modality;      /* "asserted" | "intended" | "possible" */
  const char *plover;        /* derived PLOVER code, NULL when nothing happened */
  const char *cameo;         /* derived CAMEO code or NULL */
  const char *trigger_text;
  ew_span trigger;
  size_t actor_count;
  const ew_argument *actors;
  size_t target_count;
  const ew_argument *targets;
  const ew_argument *source;   /* attribution or NULL */
  const char *source_cue;      /* "according to", "said", ... or NULL */
  const char *time;            /* time id or NULL */
  const ew_argument *location; /* or NULL */
  size_t quantity_count;
  const char *const *quantities; /* quantity ids */
  size_t sentence;
  ew_span span;
  double confidence;         /* in [0, 1] */
  const char *cluster;       /* events reporting the same happening share it, or NULL */
  const char *rule;          /* the rule that fired, e.g. "en.aid.provide_to" */
} ew_event;

EW_API ew_status ew_document_get_summary(const ew_document *document, const ew_document_summary **out);
EW_API ew_status ew_document_get_block(const ew_document *document, size_t index, const ew_block **out);
EW_API ew_status ew_document_get_sentence(const ew_document *document, size_t index, const ew_sentence **out);
EW_API ew_status ew_document_get_entity(const ew_document *document, size_t index, const ew_entity **out);
EW_API ew_status ew_document_get_quantity(const ew_document *document, size_t index, const ew_quantity **out);
EW_API ew_status ew_document_get_time(const ew_document *document, size_t index, const ew_time **out);
EW_API ew_status ew_document_get_event(const ew_document *document, size_t index, const ew_event **out);

/* A table block's cell: row and column within the block's rows. */
EW_API ew_status ew_document_get_table_cell(const ew_document *document, size_t block, size_t row,
                                            size_t column, ew_span *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* EVENTWIRE_EVENTWIRE_H */
