// What must hold of every document, whatever the input: each span inside the input, begin <=
// end, on a character boundary (an ill-formed byte counts as a character of its own), and
// indexes pointing at existing items. Shared by the unit tests and the fuzz targets.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"
#include "text/utf8.hpp"

namespace eventwire::internal::checks {

// True when `pos` does not fall inside a well-formed multi-byte character of `text`.
inline bool on_boundary(std::string_view text, size_t pos) {
  if (pos == 0 || pos >= text.size()) return true;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t back = 1; back <= 3 && back <= pos; ++back) {
    utf8::Decoded ch = utf8::decode(bytes, text.size(), pos - back);
    if (ch.valid && ch.length > back) return false;
  }
  return true;
}

// "" when the span is fine, else what is wrong with it.
inline std::string span_problem(std::string_view text, Span s) {
  if (s.begin > s.end || s.end > text.size())
    return "span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ") outside the input";
  if (!on_boundary(text, s.begin) || !on_boundary(text, s.end))
    return "span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ") splits a character";
  return "";
}

// "" when the whole document is consistent, else its first problem.
inline std::string document_problem(const Document& d) {
  if (!d.spans_are_original) return "spans were not mapped onto the input";
  const std::string_view in = d.input;
  std::string p;
  auto check = [&](Span s) {
    if (p.empty()) p = span_problem(in, s);
  };
  for (const Block& b : d.blocks) {
    check(b.span);
    check(b.content);
    for (const auto& row : b.rows)
      for (Span c : row) check(c);
  }
  for (const Sentence& s : d.sentences) {
    check(s.span);
    if (s.block >= d.blocks.size()) return "sentence in a block that does not exist";
  }
  for (const Token& t : d.tokens) check(t.span);
  for (const Quantity& q : d.quantities) check(q.span);
  for (const TimeExpr& t : d.times) check(t.span);
  for (const Entity& e : d.entities)
    for (Span m : e.mentions) check(m);
  for (const Event& e : d.events) {
    check(e.trigger);
    check(e.span);
    for (const Argument& a : e.actors) check(a.span);
    for (const Argument& a : e.targets) check(a.span);
    if (e.source) check(e.source->span);
    if (e.location) check(e.location->span);
    if (e.time >= static_cast<int32_t>(d.times.size())) return "event time that does not exist";
    for (uint32_t q : e.quantities)
      if (q >= d.quantities.size()) return "event quantity that does not exist";
    if (e.sentence >= d.sentences.size()) return "event sentence that does not exist";
  }
  return p;
}

}  // namespace eventwire::internal::checks
