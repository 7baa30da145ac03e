// What the events stage asks of the entities: which entity a stretch of text or a token
// names, and what that entity stands for. Positions are those of doc.text before
// map_spans_to_original() runs (as every stage sees them).
#pragma once

#include <cstdint>
#include <string_view>

#include "model/document.hpp"

namespace eventwire::internal {

// The mention covering token `token`, or nullptr.
const EntityMention* mention_at_token(const Document& doc, uint32_t token);

// The first mention overlapping `span` (its name or its phrase with title and modifiers), or
// nullptr.
const EntityMention* mention_overlapping(const Document& doc, Span span);

// Index of the entity a mention covering `token` belongs to, or -1.
int32_t entity_at_token(const Document& doc, uint32_t token);

// What an actor stands for: the entity's country, organisation and sector ("" when unknown).
struct ActorCode {
  std::string_view country, org, sector;
  bool empty() const { return country.empty() && org.empty(); }
};
ActorCode actor_code(const Document& doc, int32_t entity);

}  // namespace eventwire::internal
