#include "model/json_writer.hpp"

#include <charconv>
#include <cstdio>
#include <cmath>

#include "text/utf8.hpp"
#include "util/check.hpp"

namespace eventwire::internal {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    unsigned char c = p[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      utf8::Decoded d = utf8::decode(p, s.size(), i);
      if (d.valid) {
        i += d.length;
        continue;
      }
      out.append(s.data() + run, i - run);
      out += "\xEF\xBF\xBD";
      i += d.length;
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    ++i;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json_number(std::string& out, double v) {
  char buf[32];
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  std::to_chars_result r;
  if (std::fabs(v) < 9007199254740992.0 && v == std::floor(v))
    r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
  else
    r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

namespace {

class Writer {
 public:
  explicit Writer(const Document& doc) : doc_(doc) { out_.reserve(4096 + doc.input.size() * 2); }

  std::string take() { return std::move(out_); }

  void document() {
    out_ += "{\"schema\":\"eventwire/1\",\"id\":";
    str(doc_.id);
    out_ += ",\"language\":";
    str(lang_code(doc_.language));
    out_ += ",\"language_confidence\":";
    num(std::round(doc_.language_confidence * 1000) / 1000);
    out_ += ",\"reference_date\":";
    if (doc_.reference_date) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(doc_.reference_date->year() % 10000),
                    doc_.reference_date->month(), doc_.reference_date->day());
      str(buf);
    } else {
      out_ += "null";
    }
    out_ += ",\"title\":";
    if (doc_.title_block >= 0) text(doc_.blocks[doc_.title_block].content);
    else out_ += "null";
    blocks();
    sentences();
    entities();
    quantities();
    times();
    events();
    out_ += "}";
  }

 private:
  void str(std::string_view s) { append_json_string(out_, s); }
  void num(double v) { append_json_number(out_, v); }
  void text(Span s) { str(slice(doc_.input, s)); }
  void opt_str(const std::string& s) {
    if (s.empty()) out_ += "null";
    else str(s);
  }
  void span(Span s) {
    out_ += '[';
    num(s.begin);
    out_ += ',';
    num(s.end);
    out_ += ']';
  }
  void id(char prefix, size_t index) {
    out_ += '"';
    out_ += prefix;
    num(static_cast<double>(index + 1));
    out_ += '"';
  }
  void sep(size_t i) {
    if (i) out_ += ',';
  }

  void blocks() {
    out_ += ",\"blocks\":[";
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      sep(i);
      out_ += "{\"kind\":";
      str(block_kind_name(b.kind));
      out_ += ",\"span\":";
      span(b.span);
      out_ += ",\"language\":";
      str(lang_code(b.language));
      if (b.kind == BlockKind::table) {
        out_ += ",\"rows\":[";
        for (size_t r = 0; r < b.rows.size(); ++r) {
          sep(r);
          out_ += '[';
          for (size_t c = 0; c < b.rows[r].size(); ++c) {
            sep(c);
            text(b.rows[r][c]);
          }
          out_ += ']';
        }
        out_ += ']';
      }
      out_ += '}';
    }
    out_ += ']';
  }

  void sentences() {
    out_ += ",\"sentences\":[";
    for (size_t i = 0; i < doc_.sentences.size(); ++i) {
      const Sentence& s = doc_.sentences[i];
      sep(i);
      out_ += "{\"span\":";
      span(s.span);
      out_ += ",\"block\":";
      num(s.block);
      out_ += ",\"language\":";
      str(lang_code(s.language));
      out_ += '}';
    }
    out_ += ']';
  }

  void entities() {
    out_ += ",\"entities\":[";
    for (size_t i = 0; i < doc_.entities.size(); ++i) {
      const Entity& e = doc_.entities[i];
      sep(i);
      out_ += "{\"id\":";
      id('E', i);
      out_ += ",\"type\":";
      str(entity_type_name(e.type));
      out_ += ",\"name\":";
      str(e.name);
      out_ += ",\"country\":";
      opt_str(e.country);
      out_ += ",\"org\":";
      opt_str(e.org);
      out_ += ",\"sector\":";
      opt_str(e.sector);
      out_ += ",\"role\":";
      opt_str(e.role);
      out_ += ",\"mentions\":[";
      for (size_t m = 0; m < e.mentions.size(); ++m) {
        sep(m);
        span(e.mentions[m]);
      }
      out_ += "]}";
    }
    out_ += ']';
  }

  void quantities() {
    out_ += ",\"quantities\":[";
    for (size_t i = 0; i < doc_.quantities.size(); ++i) {
      const Quantity& q = doc_.quantities[i];
      sep(i);
      out_ += "{\"id\":";
      id('Q', i);
      out_ += ",\"kind\":";
      str(quantity_kind_name(q.kind));
      out_ += ",\"text\":";
      text(q.span);
      out_ += ",\"span\":";
      span(q.span);
      out_ += ",\"value\":";
      if (q.value_text.empty()) num(q.value);
      else str(q.value_text);
      out_ += ",\"unit\":";
      opt_str(q.unit);
      if (!q.subunit.empty()) {
        out_ += ",\"subunit\":";
        str(q.subunit);
      }
      out_ += ",\"approximate\":";
      out_ += q.approximate ? "true" : "false";
      out_ += ",\"min\":";
      if (q.min) num(*q.min);
      else out_ += "null";
      out_ += ",\"max\":";
      if (q.max) num(*q.max);
      else out_ += "null";
      out_ += '}';
    }
    out_ += ']';
  }

  void times() {
    out_ += ",\"times\":[";
    for (size_t i = 0; i < doc_.times.size(); ++i) {
      const TimeExpr& t = doc_.times[i];
      sep(i);
      out_ += "{\"id\":";
      id('T', i);
      out_ += ",\"kind\":";
      str(time_kind_name(t.kind));
      out_ += ",\"text\":";
      text(t.span);
      out_ += ",\"span\":";
      span(t.span);
      out_ += ",\"value\":";
      opt_str(t.value);
      out_ += ",\"start\":";
      opt_str(t.start);
      out_ += ",\"end\":";
      opt_str(t.end);
      out_ += ",\"mod\":";
      opt_str(t.mod);
      out_ += ",\"anchored\":";
      out_ += t.anchored ? "true" : "false";
      out_ += '}';
    }
    out_ += ']';
  }

  void argument(const Argument& a) {
    out_ += "{\"entity\":";
    if (a.entity >= 0) id('E', static_cast<size_t>(a.entity));
    else out_ += "null";
    out_ += ",\"text\":";
    text(a.span);
    out_ += ",\"span\":";
    span(a.span);
    out_ += ",\"country\":";
    opt_str(a.country);
    out_ += ",\"org\":";
    opt_str(a.org);
  }

  void arguments(const char* name, const std::vector<Argument>& args) {
    out_ += ",\"";
    out_ += name;
    out_ += "\":[";
    for (size_t i = 0; i < args.size(); ++i) {
      sep(i);
      argument(args[i]);
      out_ += '}';
    }
    out_ += ']';
  }

  void events() {
    out_ += ",\"events\":[";
    for (size_t i = 0; i < doc_.events.size(); ++i) {
      const Event& e = doc_.events[i];
      sep(i);
      out_ += "{\"id\":";
      id('V', i);
      out_ += ",\"type\":";
      str(event_type_name(e.type));
      out_ += ",\"mode\":";
      opt_str(e.mode);
      out_ += ",\"polarity\":";
      str(polarity_name(e.polarity));
      out_ += ",\"modality\":";
      str(modality_name(e.modality));
      out_ += ",\"plover\":";
      opt_str(e.plover);
      out_ += ",\"cameo\":";
      opt_str(e.cameo);
      out_ += ",\"trigger\":{\"text\":";
      text(e.trigger);
      out_ += ",\"span\":";
      span(e.trigger);
      out_ += '}';
      arguments("actors", e.actors);
      arguments("targets", e.targets);
      out_ += ",\"source\":";
      if (e.source) {
        argument(*e.source);
        out_ += ",\"cue\":";
        opt_str(e.source_cue);
        out_ += '}';
      } else {
        out_ += "null";
      }
      out_ += ",\"time\":";
      if (e.time >= 0) id('T', static_cast<size_t>(e.time));
      else out_ += "null";
      out_ += ",\"location\":";
      if (e.location) {
        argument(*e.location);
        out_ += '}';
      } else {
        out_ += "null";
      }
      out_ += ",\"quantities\":[";
      for (size_t q = 0; q < e.quantities.size(); ++q) {
        sep(q);
        id('Q', e.quantities[q]);
      }
      out_ += "],\"sentence\":";
      num(e.sentence);
      out_ += ",\"span\":";
      span(e.span);
      out_ += ",\"confidence\":";
      num(std::round(e.confidence * 1000) / 1000);
      out_ += ",\"cluster\":";
      if (e.cluster >= 0) id('C', static_cast<size_t>(e.cluster));
      else out_ += "null";
      out_ += ",\"rule\":";
      str(e.rule);
      out_ += '}';
    }
    out_ += ']';
  }

  const Document& doc_;
  std::string out_;
};

}  // namespace

std::string to_json(const Document& doc) {
  EW_DCHECK(doc.spans_are_original);
  Writer w(doc);
  w.document();
  return w.take();
}

}  // namespace eventwire::internal
