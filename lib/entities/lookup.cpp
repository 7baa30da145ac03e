#include "entities/lookup.hpp"

#include <algorithm>

namespace eventwire::internal {

const EntityMention* mention_at_token(const Document& doc, uint32_t token) {
  // Mentions are sorted by position and do not nest: the candidate is the last one starting
  // at or before the token.
  auto it = std::upper_bound(doc.mentions.begin(), doc.mentions.end(), token,
                             [](uint32_t t, const EntityMention& m) { return t < m.token_begin; });
  while (it != doc.mentions.begin()) {
    --it;
    if (it->token_begin <= token && token < it->token_end) return &*it;
    if (it->token_end <= token && it->token_begin + 64 < token) break;
  }
  return nullptr;
}

const EntityMention* mention_overlapping(const Document& doc, Span span) {
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), span.begin,
                             [](const EntityMention& m, uint32_t b) { return m.span.end <= b; });
  for (; it != doc.mentions.end() && it->phrase.begin < span.end; ++it)
    if (it->span.overlaps(span) || it->phrase.overlaps(span)) return &*it;
  return nullptr;
}

int32_t entity_at_token(const Document& doc, uint32_t token) {
  const EntityMention* m = mention_at_token(doc, token);
  return m ? static_cast<int32_t>(m->entity) : -1;
}

ActorCode actor_code(const Document& doc, int32_t entity) {
  if (entity < 0 || static_cast<size_t>(entity) >= doc.entities.size()) return {};
  const Entity& e = doc.entities[entity];
  return {e.country, e.org, e.sector};
}

}  // namespace eventwire::internal
