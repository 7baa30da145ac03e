// eventwire — C++ interface: RAII handles and value types over the C interface (eventwire.h).
//
// Header-only, so it relies on nothing but the stable C symbols. Thread safety as in eventwire.h:
// an Engine may be shared by any number of threads (analyze() is const); a Document is a value
// owned by one thread at a time.
//
//   auto engine = eventwire::Engine::create();
//   if (!engine) { std::cerr << engine.error().message; return 1; }
//   eventwire::AnalyzeOptions options;
//   options.reference_date = "2024-02-28";
//   auto doc = engine->analyze(text, options);
//   if (doc) for (const eventwire::Event& e : doc->events()) ...
#ifndef EVENTWIRE_EVENTWIRE_HPP
#define EVENTWIRE_EVENTWIRE_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "eventwire/eventwire.h"

namespace eventwire {

struct Error {
  ew_status code = EW_OK;
  std::string message;
  std::string_view name() const { return ew_status_name(code); }
};

// A value or the error that prevented it.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// An entry of a user actor dictionary (see ew_actor in eventwire.h).
struct Actor {
  std::string name;                  // canonical name, required
  std::vector<std::string> aliases;  // other spellings
  std::string type = "PERSON";       // PERSON, ORG, GPE, LOC, FAC or NORP
  std::string country;               // ISO 3166-1 alpha-3, or empty
  std::string org;                   // organisation code, or empty
  std::string sector;                // PLOVER sector, or empty
  std::string role;
  std::string valid_from, valid_until;  // "YYYY-MM-DD", or empty for an open period
};

// What an engine is built with besides the compiled-in data.
struct EngineOptions {
  std::vector<Actor> actors;             // user actors; they win over built-in entries
  std::vector<std::string> actor_files;  // dictionary files (TSV, README.md "Actor dictionaries")
};

struct AnalyzeOptions {
  std::string language;        // "en", "nl", "fr"; empty: detect
  std::string reference_date;  // "YYYY-MM-DD"; empty: none
  std::string document_id;
  uint32_t outputs = EW_OUTPUT_ALL;
  bool strict_utf8 = false;
  uint64_t max_input_bytes = 0;  // 0: EW_DEFAULT_MAX_INPUT_BYTES
};

struct Block {
  std::string kind;
  Span span;
  std::string language;
  std::vector<std::vector<Span>> rows;  // tables only
};

struct Sentence {
  Span span;
  std::size_t block = 0;
  std::string language;
};

struct Entity {
  std::string id, type, name;
  std::optional<std::string> country, org, sector, role;
  std::vector<Span> mentions;
};

struct Quantity {
  std::string id, kind, text;
  Span span;
  double value = 0;        // NaN when only bounds are known
  std::string value_text;  // "" when there is no value
  std::optional<std::string> unit;
  bool approximate = false;
  std::optional<double> min, max;
  std::optional<std::string> subunit;  // money counted in a smaller unit ("cent")
};

struct Time {
  std::string id, kind, text;
  Span span;
  std::optional<std::string> value, start, end;
  bool anchored = false;
};

struct Argument {
  std::optional<std::string> entity;
  std::string text;
  Span span;
  std::optional<std::string> country, org;
};

struct Event {
  std::string id, type;
  std::optional<std::string> mode;
  std::string polarity, modality;
  std::optional<std::string> plover, cameo;
  std::string trigger_text;
  Span trigger;
  std::vector<Argument> actors, targets;
  std::optional<Argument> source;
  std::optional<std::string> source_cue;
  std::optional<std::string> time;
  std::optional<Argument> location;
  std::vector<std::string> quantities;
  std::size_t sentence = 0;
  Span span;
  double confidence = 0;
  std::optional<std::string> cluster;
  std::string rule;
};

namespace detail {
inline Error last_error(ew_status code) { return Error{code, ew_last_error_message()}; }
inline std::optional<std::string> opt(const char* s) {
  return s ? std::optional<std::string>(s) : std::nullopt;
}
inline Span span(ew_span s) { return {s.begin, s.end}; }
inline Argument argument(const ew_argument& a) {
  return {opt(a.entity), a.text, span(a.span), opt(a.country), opt(a.org)};
}
}  // namespace detail

class Document {
 public:
  // The whole document as JSON, schema "eventwire/1"; valid as long as the Document.
  std::string_view json() const {
    const char* json = nullptr;
    std::size_t length = 0;
    return ew_document_json(doc_.get(), &json, &length) == EW_OK ? std::string_view(json, length)
                                                                   : std::string_view();
  }
  const ew_document_summary& summary() const {
    const ew_document_summary* s = nullptr;
    ew_document_get_summary(doc_.get(), &s);
    return *s;
  }
  std::string id() const { return summary().id; }
  std::string language() const { return summary().language; }
  std::optional<std::string> reference_date() const { return detail::opt(summary().reference_date); }
  std::optional<std::string> title() const { return detail::opt(summary().title); }

  std::vector<Block> blocks() const {
    std::vector<Block> out;
    for (std::size_t i = 0; i < summary().block_count; ++i) {
      const ew_block* b = nullptr;
      ew_document_get_block(doc_.get(), i, &b);
      Block block{b->kind, detail::span(b->span), b->language, {}};
      for (std::size_t r = 0; r < b->row_count; ++r) {
        std::vector<Span>& row = block.rows.emplace_back();
        ew_span cell;
        for (std::size_t c = 0; ew_document_get_table_cell(doc_.get(), i, r, c, &cell) == EW_OK; ++c)
          row.push_back(detail::span(cell));
      }
      out.push_back(std::move(block));
    }
    return out;
  }

  std::vector<Sentence> sentences() const {
    std::vector<Sentence> out;
    for (std::size_t i = 0; i < summary().sentence_count; ++i) {
      const ew_sentence* s = nullptr;
      ew_document_get_sentence(doc_.get(), i, &s);
      out.push_back({detail::span(s->span), s->block, s->language});
    }
    return out;
  }

  std::vector<Entity> entities() const {
    std::vector<Entity> out;
    for (std::size_t i = 0; i < summary().entity_count; ++i) {
      const ew_entity* e = nullptr;
      ew_document_get_entity(doc_.get(), i, &e);
      Entity entity{e->id, e->type, e->name, detail::opt(e->country), detail::opt(e->org),
                    detail::opt(e->sector), detail::opt(e->role), {}};
      for (std::size_t m = 0; m < e->mention_count; ++m) entity.mentions.push_back(detail::span(e->mentions[m]));
      out.push_back(std::move(entity));
    }
    return out;
  }

  std::vector<Quantity> quantities() const {
    std::vector<Quantity> out;
    for (std::size_t i = 0; i < summary().quantity_count; ++i) {
      const ew_quantity* q = nullptr;
      ew_document_get_quantity(doc_.get(), i, &q);
      Quantity quantity{q->id, q->kind, q->text, detail::span(q->span), q->value,
                        q->value_text ? q->value_text : "", detail::opt(q->unit), q->approximate != 0,
                        std::nullopt, std::nullopt, detail::opt(q->subunit)};
      if (q->has_min) quantity.min = q->min;
      if (q->has_max) quantity.max = q->max;
      out.push_back(std::move(quantity));
    }
    return out;
  }

  std::vector<Time> times() const {
    std::vector<Time> out;
    for (std::size_t i = 0; i < summary().time_count; ++i) {
      const ew_time* t = nullptr;
      ew_document_get_time(doc_.get(), i, &t);
      out.push_back({t->id, t->kind, t->text, detail::span(t->span), detail::opt(t->value), detail::opt(t->start),
                     detail::opt(t->end), t->anchored != 0});
    }
    return out;
  }

  std::vector<Event> events() const {
    std::vector<Event> out;
    for (std::size_t i = 0; i < summary().event_count; ++i) {
      const ew_event* e = nullptr;
      ew_document_get_event(doc_.get(), i, &e);
      Event event;
      event.id = e->id;
      event.type = e->type;
      event.mode = detail::opt(e->mode);
      event.polarity = e->polarity;
      event.modality = e->modality;
      event.plover = detail::opt(e->plover);
      event.cameo = detail::opt(e->cameo);
      event.trigger_text = e->trigger_text;
      event.trigger = detail::span(e->trigger);
      for (std::size_t a = 0; a < e->actor_count; ++a) event.actors.push_back(detail::argument(e->actors[a]));
      for (std::size_t a = 0; a < e->target_count; ++a) event.targets.push_back(detail::argument(e->targets[a]));
      if (e->source) event.source = detail::argument(*e->source);
      event.source_cue = detail::opt(e->source_cue);
      event.time = detail::opt(e->time);
      if (e->location) event.location = detail::argument(*e->location);
      for (std::size_t q = 0; q < e->quantity_count; ++q) event.quantities.emplace_back(e->quantities[q]);
      event.sentence = e->sentence;
      event.span = detail::span(e->span);
      event.confidence = e->confidence;
      event.cluster = detail::opt(e->cluster);
      event.rule = e->rule;
      out.push_back(std::move(event));
    }
    return out;
  }

  // The original text of a span.
  std::string_view text(Span s) const {
    const ew_document_summary& sum = summary();
    if (s.begin > s.end || s.end > sum.input_length) return {};
    return std::string_view(sum.input + s.begin, s.end - s.begin);
  }

  const ew_document* handle() const { return doc_.get(); }

 private:
  friend class Engine;
  explicit Document(ew_document* doc) : doc_(doc, &ew_document_destroy) {}
  std::unique_ptr<ew_document, decltype(&ew_document_destroy)> doc_{nullptr, &ew_document_destroy};
};

class Engine {
 public:
  static Result<Engine> create(const EngineOptions& options = {}) {
    std::vector<std::string> aliases;
    aliases.reserve(options.actors.size());
    std::vector<ew_actor> actors;
    auto opt = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
    for (const Actor& a : options.actors) {
      std::string joined;
      for (const std::string& alias : a.aliases) joined += (joined.empty() ? "" : "|") + alias;
      aliases.push_back(std::move(joined));
      ew_actor c = EW_ACTOR_INIT;
      c.name = a.name.c_str();
      c.aliases = opt(aliases.back());
      c.type = opt(a.type);
      c.country = opt(a.country);
      c.org = opt(a.org);
      c.sector = opt(a.sector);
      c.role = opt(a.role);
      c.valid_from = opt(a.valid_from);
      c.valid_until = opt(a.valid_until);
      actors.push_back(c);
    }
    std::vector<const char*> files;
    for (const std::string& f : options.actor_files) files.push_back(f.c_str());
    ew_engine_options o = EW_ENGINE_OPTIONS_INIT;
    o.actors = actors.data();
    o.actor_count = actors.size();
    o.actor_files = files.data();
    o.actor_file_count = files.size();
    ew_engine* engine = nullptr;
    ew_status status = ew_engine_create(&o, &engine);
    if (status != EW_OK) return detail::last_error(status);
    return Engine(engine);
  }

  // Safe to call from many threads at once on the same Engine.
  Result<Document> analyze(std::string_view text, const AnalyzeOptions& options = {}) const {
    ew_analyze_options o = EW_ANALYZE_OPTIONS_INIT;
    o.outputs = options.outputs;
    o.flags = options.strict_utf8 ? EW_FLAG_STRICT_UTF8 : 0u;
    o.language = options.language.empty() ? nullptr : options.language.c_str();
    o.reference_date = options.reference_date.empty() ? nullptr : options.reference_date.c_str();
    o.document_id = options.document_id.empty() ? nullptr : options.document_id.c_str();
    o.max_input_bytes = options.max_input_bytes;
    ew_document* doc = nullptr;
    ew_status status = ew_engine_analyze(engine_.get(), text.data(), text.size(), &o, &doc);
    if (status != EW_OK) return detail::last_error(status);
    return Document(doc);
  }

  const ew_engine* handle() const { return engine_.get(); }

 private:
  explicit Engine(ew_engine* engine) : engine_(engine, &ew_engine_destroy) {}
  std::unique_ptr<ew_engine, decltype(&ew_engine_destroy)> engine_{nullptr, &ew_engine_destroy};
};

inline std::string_view version() { return ew_version(); }

}  // namespace eventwire

#endif  // EVENTWIRE_EVENTWIRE_HPP
