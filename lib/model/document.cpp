#include "model/document.hpp"

namespace eventwire::internal {

std::string_view block_kind_name(BlockKind k) {
  static constexpr std::string_view names[] = {"title", "heading", "paragraph", "list_item",
                                               "table", "caption", "byline",  "boilerplate"};
  return names[static_cast<int>(k)];
}

std::string_view quantity_kind_name(QuantityKind k) {
  static constexpr std::string_view names[] = {"number", "ordinal",  "percent",  "money",
                                               "count",  "duration", "dimension"};
  return names[static_cast<int>(k)];
}

std::string_view time_kind_name(TimeKind k) {
  static constexpr std::string_view names[] = {"date", "time", "datetime", "duration", "set", "range"};
  return names[static_cast<int>(k)];
}

std::string_view entity_type_name(EntityType t) {
  static constexpr std::string_view names[] = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"};
  return names[static_cast<int>(t)];
}

std::string_view mention_kind_name(MentionKind k) {
  static constexpr std::string_view names[] = {"name", "nominal", "reference"};
  return names[static_cast<int>(k)];
}

std::string_view event_type_name(EventType t) {
  static constexpr std::string_view names[] = {
      "AGREE",  "CONSULT", "SUPPORT", "CONCEDE",  "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
  return names[static_cast<int>(t)];
}

std::string_view polarity_name(Polarity p) { return p == Polarity::positive ? "positive" : "negative"; }

std::string_view modality_name(Modality m) {
  static constexpr std::string_view names[] = {"asserted", "intended", "possible"};
  return names[static_cast<int>(m)];
}

void Document::map_spans_to_original() {
  if (spans_are_original) return;
  spans_are_original = true;
  if (offsets.empty()) return;  // the text was not changed
  auto map = [this](Span& s) { s = offsets.to_original(s); };
  auto map_arg = [&](Argument& a) { map(a.span); };
  for (Block& b : blocks) {
    map(b.span);
    map(b.content);
    for (auto& row : b.rows)
      for (Span& cell : row) map(cell);
  }
  // Sentences and tokens come in text order: a cursor maps them without searching.
  OffsetMap::Cursor sentence_cursor(offsets), token_cursor(offsets);
  for (Sentence& s : sentences) s.span = sentence_cursor.to_original(s.span);
  for (Token& t : tokens) t.span = token_cursor.to_original(t.span);
  for (Quantity& q : quantities) map(q.span);
  for (TimeExpr& t : times) map(t.span);
  for (Entity& e : entities)
    for (Span& m : e.mentions) map(m);
  OffsetMap::Cursor mention_cursor(offsets);
  for (EntityMention& m : mentions) {
    m.span = mention_cursor.to_original(m.span);
    map(m.phrase);
  }
  for (Event& e : events) {
    map(e.trigger);
    map(e.span);
    for (Argument& a : e.actors) map_arg(a);
    for (Argument& a : e.targets) map_arg(a);
    if (e.source) map_arg(*e.source);
    if (e.location) map_arg(*e.location);
  }
}

}  // namespace eventwire::internal
