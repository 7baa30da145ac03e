// The C interface: handles, status codes, and C views of the document. No exception crosses it.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "eventwire/eventwire.h"
#include "entities/actors.hpp"
#include "lexicon/data_files.hpp"
#include "model/json_writer.hpp"
#include "pipeline/engine.hpp"
#include "text/utf8.hpp"
#include "util/status.hpp"

using eventwire::internal::ErrorCode;

static_assert(static_cast<int>(ErrorCode::parse) == EW_E_PARSE, "ErrorCode mirrors ew_status");
static_assert(static_cast<int>(ErrorCode::io) == EW_E_IO, "ErrorCode mirrors ew_status");
static_assert(static_cast<int>(ErrorCode::internal) == EW_E_INTERNAL, "ErrorCode mirrors ew_status");
static_assert(eventwire::internal::kOutputAll == EW_OUTPUT_ALL && eventwire::internal::kOutputEvents == EW_OUTPUT_EVENTS,
              "Output mirrors EW_OUTPUT_*");
static_assert(eventwire::internal::kDefaultMaxInputBytes == EW_DEFAULT_MAX_INPUT_BYTES, "same default limit");
static_assert(eventwire::internal::kLimitMaxInputBytes == EW_LIMIT_MAX_INPUT_BYTES, "same hard limit");

struct ew_engine {
  std::unique_ptr<eventwire::internal::Engine> engine;
};

// The C views of a document, built on first use.
struct DocumentViews {
  std::deque<std::string> strings;  // stable storage for the C strings handed out
  ew_document_summary summary{};
  std::vector<ew_block> blocks;
  std::vector<ew_sentence> sentences;
  std::vector<ew_entity> entities;
  std::vector<std::vector<ew_span>> mentions;
  std::vector<ew_quantity> quantities;
  std::vector<ew_time> times;
  std::vector<ew_event> events;
  std::deque<std::vector<ew_argument>> arguments;
  std::deque<ew_argument> single_arguments;
  std::deque<std::vector<const char*>> id_lists;
};

struct ew_document {
  std::unique_ptr<eventwire::internal::Document> doc;
  mutable std::once_flag views_once, json_once;
  mutable DocumentViews views;
  mutable std::string json;
};

namespace {

thread_local std::string t_last_error;

ew_status fail(ew_status status, std::string message) {
  t_last_error = std::move(message);
  return status;
}

ew_status fail(const absl::Status& status) {
  return fail(static_cast<ew_status>(eventwire::internal::error_code(status)), std::string(status.message()));
}

// Runs `body`, turning any exception into a status: none may cross the C interface.
template <class Body>
ew_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(EW_E_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(EW_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(EW_E_INTERNAL, "internal error");
  }
}

bool struct_size_ok(uint32_t given, size_t minimum, const char* what) {
  if (given >= minimum) return true;
  fail(EW_E_INVALID_ARGUMENT, std::string(what) + ".struct_size is too small: initialise it with its _INIT macro");
  return false;
}

ew_span c_span(eventwire::internal::Span s) { return {s.begin, s.end}; }

class ViewBuilder {
 public:
  ViewBuilder(const eventwire::internal::Document& doc, DocumentViews& v) : doc_(doc), v_(v) {}

  void build() {
    using namespace eventwire::internal;
    for (const Block& b : doc_.blocks) {
      ew_block c{};
      c.struct_size = sizeof c;
      c.kind = block_kind_name(b.kind).data();
      c.span = c_span(b.span);
      c.language = lang_code(b.language).data();
      c.row_count = b.rows.size();
      for (const auto& row : b.rows) c.column_count = std::max(c.column_count, row.size());
      v_.blocks.push_back(c);
    }
    for (const Sentence& s : doc_.sentences) {
      ew_sentence c{};
      c.struct_size = sizeof c;
      c.span = c_span(s.span);
      c.block = s.block;
      c.language = lang_code(s.language).data();
      v_.sentences.push_back(c);
    }
    v_.mentions.reserve(doc_.entities.size());
    for (size_t i = 0; i < doc_.entities.size(); ++i) {
      const Entity& e = doc_.entities[i];
      ew_entity c{};
      c.struct_size = sizeof c;
      c.id = id('E', i);
      c.type = entity_type_name(e.type).data();
      c.name = str(e.name);
      c.country = opt(e.country);
      c.org = opt(e.org);
      c.sector = opt(e.sector);
      c.role = opt(e.role);
      auto& spans = v_.mentions.emplace_back();
      for (Span m : e.mentions) spans.push_back(c_span(m));
      c.mention_count = spans.size();
      c.mentions = spans.data();
      v_.entities.push_back(c);
    }
    for (size_t i = 0; i < doc_.quantities.size(); ++i) {
      const Quantity& q = doc_.quantities[i];
      ew_quantity c{};
      c.struct_size = sizeof c;
      c.id = id('Q', i);
      c.kind = quantity_kind_name(q.kind).data();
      c.text = text(q.span);
      c.span = c_span(q.span);
      c.value = q.value;
      std::string value_text = q.value_text;
      if (value_text.empty() && !std::isnan(q.value)) append_json_number(value_text, q.value);
      c.value_text = opt(value_text);
      c.unit = opt(q.unit);
      c.subunit = opt(q.subunit);
      c.approximate = q.approximate;
      c.has_min = q.min.has_value();
      c.min = q.min.value_or(0);
      c.has_max = q.max.has_value();
      c.max = q.max.value_or(0);
      v_.quantities.push_back(c);
    }
    for (size_t i = 0; i < doc_.times.size(); ++i) {
      const TimeExpr& t = doc_.times[i];
      ew_time c{};
      c.struct_size = sizeof c;
      c.id = id('T', i);
      c.kind = time_kind_name(t.kind).data();
      c.text = text(t.span);
      c.span = c_span(t.span);
      c.value = opt(t.value);
      c.start = opt(t.start);
      c.end = opt(t.end);
      c.anchored = t.anchored;
      v_.times.push_back(c);
    }
    for (size_t i = 0; i < doc_.events.size(); ++i) v_.events.push_back(event(i));
    summary();
  }

 private:
  ew_event event(size_t i) {
    using namespace eventwire::internal;
    const Event& e = doc_.events[i];
    ew_event c{};
    c.struct_size = sizeof c;
    c.id = id('V', i);
    c.type = event_type_name(e.type).data();
    c.mode = opt(e.mode);
    c.polarity = polarity_name(e.polarity).data();
    c.modality = modality_name(e.modality).data();
    c.plover = opt(e.plover);
    c.cameo = opt(e.cameo);
    c.trigger_text = text(e.trigger);
    c.trigger = c_span(e.trigger);
    auto& actors = arguments(e.actors);
    c.actor_count = actors.size();
    c.actors = actors.data();
    auto& targets = arguments(e.targets);
    c.target_count = targets.size();
    c.targets = targets.data();
    c.source = e.source ? &v_.single_arguments.emplace_back(argument(*e.source)) : nullptr;
    c.source_cue = e.source ? opt(e.source_cue) : nullptr;
    c.time = e.time >= 0 ? id('T', static_cast<size_t>(e.time)) : nullptr;
    c.location = e.location ? &v_.single_arguments.emplace_back(argument(*e.location)) : nullptr;
    auto& ids = v_.id_lists.emplace_back();
    for (uint32_t q : e.quantities) ids.push_back(id('Q', q));
    c.quantity_count = ids.size();
    c.quantities = ids.data();
    c.sentence = e.sentence;
    c.span = c_span(e.span);
    c.confidence = e.confidence;
    c.cluster = e.cluster >= 0 ? id('C', static_cast<size_t>(e.cluster)) : nullptr;
    c.rule = str(e.rule);
    return c;
  }

  void summary() {
    using namespace eventwire::internal;
    ew_document_summary& s = v_.summary;
    s.struct_size = sizeof s;
    s.id = str(doc_.id);
    s.language = lang_code(doc_.language).data();
    s.language_confidence = doc_.language_confidence;
    if (doc_.reference_date) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(doc_.reference_date->year() % 10000),
                    doc_.reference_date->month(), doc_.reference_date->day());
      s.reference_date = str(buf);
    }
    s.title = doc_.title_block >= 0 ? text(doc_.blocks[doc_.title_block].content) : nullptr;
    s.input = doc_.input.c_str();
    s.input_length = doc_.input.size();
    s.block_count = doc_.blocks.size();
    s.sentence_count = doc_.sentences.size();
    s.entity_count = doc_.entities.size();
    s.quantity_count = doc_.quantities.size();
    s.time_count = doc_.times.size();
    s.event_count = doc_.events.size();
  }

  ew_argument argument(const eventwire::internal::Argument& a) {
    ew_argument c{};
    c.entity = a.entity >= 0 ? id('E', static_cast<size_t>(a.entity)) : nullptr;
    c.text = text(a.span);
    c.span = c_span(a.span);
    c.country = opt(a.country);
    c.org = opt(a.org);
    return c;
  }

  std::vector<ew_argument>& arguments(const std::vector<eventwire::internal::Argument>& args) {
    auto& out = v_.arguments.emplace_back();
    for (const auto& a : args) out.push_back(argument(a));
    return out;
  }

  const char* str(std::string_view s) { return v_.strings.emplace_back(s).c_str(); }
  const char* opt(const std::string& s) { return s.empty() ? nullptr : str(s); }
  // The original text of a span, with ill-formed bytes repaired so that callers get UTF-8.
  const char* text(eventwire::internal::Span s) {
    std::string out;
    eventwire::internal::utf8::append_repaired(out, eventwire::internal::slice(doc_.input, s));
    return v_.strings.emplace_back(std::move(out)).c_str();
  }
  const char* id(char prefix, size_t index) { return str(prefix + std::to_string(index + 1)); }

  const eventwire::internal::Document& doc_;
  DocumentViews& v_;
};

// The caller's actors: the ew_actor array, then each dictionary file.
ew_status read_actors(const ew_engine_options& options, std::vector<eventwire::internal::Actor>& out) {
  using eventwire::internal::Actor;
  if (options.actor_count && !options.actors) return fail(EW_E_INVALID_ARGUMENT, "actors is NULL but actor_count is not 0");
  if (options.actor_file_count && !options.actor_files)
    return fail(EW_E_INVALID_ARGUMENT, "actor_files is NULL but actor_file_count is not 0");
  for (size_t i = 0; i < options.actor_count; ++i) {
    const ew_actor& c = options.actors[i];
    const std::string where = "actors[" + std::to_string(i) + "]";
    if (!struct_size_ok(c.struct_size, offsetof(ew_actor, valid_until) + sizeof c.valid_until, "ew_actor"))
      return EW_E_INVALID_ARGUMENT;
    if (!c.name || !*c.name) return fail(EW_E_INVALID_ARGUMENT, where + ": name is NULL or empty");
    std::vector<std::string_view> header{"name", "aliases", "type", "country", "org", "sector", "role", "from", "until"};
    auto s = [](const char* p) { return std::string_view(p ? p : ""); };
    std::vector<std::string_view> cells{s(c.name),   s(c.aliases), s(c.type), s(c.country),    s(c.org),
                                        s(c.sector), s(c.role),    s(c.valid_from), s(c.valid_until)};
    auto actor = eventwire::internal::actor_from_row(header, cells, where);
    if (!actor.ok()) return fail(actor.status());
    out.push_back(*std::move(actor));
  }
  for (size_t i = 0; i < options.actor_file_count; ++i) {
    if (!options.actor_files[i]) return fail(EW_E_INVALID_ARGUMENT, "actor_files[" + std::to_string(i) + "] is NULL");
    auto actors = eventwire::internal::read_actor_dictionary(options.actor_files[i]);
    if (!actors.ok()) return fail(actors.status());
    for (Actor& a : *actors) out.push_back(std::move(a));
  }
  return EW_OK;
}

const DocumentViews& views(const ew_document* d) {
  std::call_once(d->views_once, [d] { ViewBuilder(*d->doc, d->views).build(); });
  return d->views;
}

template <class Item>
ew_status get_item(const ew_document* document, size_t index, const Item** out, const char* what,
                   const std::vector<Item> DocumentViews::*array) {
  if (!out) return fail(EW_E_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  if (!document) return fail(EW_E_INVALID_ARGUMENT, "document is NULL");
  return guarded([&] {
    const std::vector<Item>& items = views(document).*array;
    if (index >= items.size())
      return fail(EW_E_OUT_OF_RANGE, std::string(what) + " index " + std::to_string(index) + " is out of range (" +
                                         std::to_string(items.size()) + " in the document)");
    *out = &items[index];
    return EW_OK;
  });
}

}  // namespace

extern "C" {

const char* ew_status_name(ew_status status) {
  // A C caller may pass any int: read it as one (a C++ enum may not hold values past its range).
  int code;
  std::memcpy(&code, &status, sizeof code);
  switch (code) {
    case EW_OK: return "EW_OK";
    case EW_E_INVALID_ARGUMENT: return "EW_E_INVALID_ARGUMENT";
    case EW_E_INVALID_UTF8: return "EW_E_INVALID_UTF8";
    case EW_E_INPUT_TOO_LARGE: return "EW_E_INPUT_TOO_LARGE";
    case EW_E_OUT_OF_RANGE: return "EW_E_OUT_OF_RANGE";
    case EW_E_OUT_OF_MEMORY: return "EW_E_OUT_OF_MEMORY";
    case EW_E_UNSUPPORTED: return "EW_E_UNSUPPORTED";
    case EW_E_INTERNAL: return "EW_E_INTERNAL";
    case EW_E_IO: return "EW_E_IO";
    case EW_E_PARSE: return "EW_E_PARSE";
  }
  return "EW_E_UNKNOWN";
}

const char* ew_last_error_message(void) { return t_last_error.c_str(); }

const char* ew_version(void) { return EW_VERSION_STRING; }

uint32_t ew_version_number(void) { return EW_VERSION_NUMBER; }

const char* ew_data_version(void) {
  static const std::string version = std::string(EW_VERSION_STRING) + "+data." + std::string(eventwire::internal::data::digest());
  return version.c_str();
}

ew_status ew_engine_create(const ew_engine_options* options, ew_engine** out) {
  if (!out) return fail(EW_E_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  if (options && !struct_size_ok(options->struct_size, offsetof(ew_engine_options, flags) + sizeof options->flags,
                                 "ew_engine_options"))
    return EW_E_INVALID_ARGUMENT;
  return guarded([&] {
    eventwire::internal::EngineOptions o;
    if (options && options->struct_size >= offsetof(ew_engine_options, actor_file_count) + sizeof(size_t)) {
      if (auto status = read_actors(*options, o.actors); status != EW_OK) return status;
    }
    auto engine = eventwire::internal::Engine::create(o);
    if (!engine.ok()) return fail(engine.status());
    *out = new ew_engine{*std::move(engine)};
    return EW_OK;
  });
}

void ew_engine_destroy(ew_engine* engine) { delete engine; }

ew_status ew_engine_analyze(const ew_engine* engine, const char* text, size_t length,
                            const ew_analyze_options* options, ew_document** out) {
  if (!out) return fail(EW_E_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  if (!engine) return fail(EW_E_INVALID_ARGUMENT, "engine is NULL");
  if (!text && length) return fail(EW_E_INVALID_ARGUMENT, "text is NULL but length is not 0");
  static const ew_analyze_options defaults = EW_ANALYZE_OPTIONS_INIT;
  if (!options) options = &defaults;
  if (!struct_size_ok(options->struct_size, offsetof(ew_analyze_options, max_input_bytes) + sizeof(uint64_t),
                      "ew_analyze_options"))
    return EW_E_INVALID_ARGUMENT;
  if (options->outputs & ~EW_OUTPUT_ALL)
    return fail(EW_E_INVALID_ARGUMENT, "outputs has bits outside EW_OUTPUT_ALL");
  if (options->flags & ~EW_FLAG_STRICT_UTF8) return fail(EW_E_INVALID_ARGUMENT, "unknown bits in flags");
  if (options->max_input_bytes > EW_LIMIT_MAX_INPUT_BYTES)
    return fail(EW_E_INVALID_ARGUMENT, "max_input_bytes is above EW_LIMIT_MAX_INPUT_BYTES (1 GiB)");
  return guarded([&] {
    eventwire::internal::AnalyzeOptions o;
    o.outputs = options->outputs;
    o.strict_utf8 = (options->flags & EW_FLAG_STRICT_UTF8) != 0;
    o.max_input_bytes = options->max_input_bytes;
    if (options->language && *options->language) {
      o.language = eventwire::internal::lang_from_code(options->language);
      if (o.language == eventwire::internal::Lang::und)
        return fail(EW_E_UNSUPPORTED, std::string("unsupported language \"") + options->language +
                                          "\": eventwire reads en, nl and fr");
    }
    if (options->reference_date) {
      auto date = eventwire::internal::parse_reference_date(options->reference_date);
      if (!date.ok()) return fail(date.status());
      o.reference_date = *date;
    }
    if (options->document_id) o.document_id = options->document_id;
    auto doc = engine->engine->analyze(std::string_view(text ? text : "", length), o);
    if (!doc.ok()) return fail(doc.status());
    auto* d = new ew_document;
    d->doc = *std::move(doc);
    *out = d;
    return EW_OK;
  });
}

void ew_document_destroy(ew_document* document) { delete document; }

ew_status ew_document_json(const ew_document* document, const char** json, size_t* length) {
  if (!json) return fail(EW_E_INVALID_ARGUMENT, "json is NULL");
  *json = nullptr;
  if (length) *length = 0;
  if (!document) return fail(EW_E_INVALID_ARGUMENT, "document is NULL");
  return guarded([&] {
    std::call_once(document->json_once, [document] { document->json = eventwire::internal::to_json(*document->doc); });
    *json = document->json.c_str();
    if (length) *length = document->json.size();
    return EW_OK;
  });
}

ew_status ew_document_get_summary(const ew_document* document, const ew_document_summary** out) {
  if (!out) return fail(EW_E_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  if (!document) return fail(EW_E_INVALID_ARGUMENT, "document is NULL");
  return guarded([&] {
    *out = &views(document).summary;
    return EW_OK;
  });
}

ew_status ew_document_get_block(const ew_document* d, size_t i, const ew_block** out) {
  return get_item(d, i, out, "block", &DocumentViews::blocks);
}
ew_status ew_document_get_sentence(const ew_document* d, size_t i, const ew_sentence** out) {
  return get_item(d, i, out, "sentence", &DocumentViews::sentences);
}
ew_status ew_document_get_entity(const ew_document* d, size_t i, const ew_entity** out) {
  return get_item(d, i, out, "entity", &DocumentViews::entities);
}
ew_status ew_document_get_quantity(const ew_document* d, size_t i, const ew_quantity** out) {
  return get_item(d, i, out, "quantity", &DocumentViews::quantities);
}
ew_status ew_document_get_time(const ew_document* d, size_t i, const ew_time** out) {
  return get_item(d, i, out, "time", &DocumentViews::times);
}
ew_status ew_document_get_event(const ew_document* d, size_t i, const ew_event** out) {
  return get_item(d, i, out, "event", &DocumentViews::events);
}

ew_status ew_document_get_table_cell(const ew_document* document, size_t block, size_t row, size_t column,
                                     ew_span* out) {
  if (!out) return fail(EW_E_INVALID_ARGUMENT, "out is NULL");
  if (!document) return fail(EW_E_INVALID_ARGUMENT, "document is NULL");
  const auto& blocks = document->doc->blocks;
  if (block >= blocks.size()) return fail(EW_E_OUT_OF_RANGE, "block index out of range");
  const auto& rows = blocks[block].rows;
  if (row >= rows.size()) return fail(EW_E_OUT_OF_RANGE, "row index out of range (is the block a table?)");
  if (column >= rows[row].size()) return fail(EW_E_OUT_OF_RANGE, "column index out of range for this row");
  *out = c_span(rows[row][column]);
  return EW_OK;
}

}  // extern "C"
