#include "text/offset_map.hpp"

#include <algorithm>

namespace eventwire {

void OffsetMap::add_edit(uint32_t norm_begin, uint32_t norm_end, uint32_t orig_begin, uint32_t orig_end) {
  edits_.push_back({norm_begin, norm_end, orig_begin, orig_end});
}

void OffsetMap::drop_edits_from(uint32_t norm_pos) {
  while (!edits_.empty() && edits_.back().norm_begin >= norm_pos) edits_.pop_back();
}

const OffsetMap::Edit* OffsetMap::last_edit_at_or_before(uint32_t norm_pos) const {
  auto it = std::upper_bound(edits_.begin(), edits_.end(), norm_pos,
                             [](uint32_t pos, const Edit& e) { return pos < e.norm_begin; });
  return it == edits_.begin() ? nullptr : &*(it - 1);
}

uint32_t OffsetMap::begin_to_original(uint32_t norm_pos) const {
  const Edit* e = last_edit_at_or_before(norm_pos);
  if (!e) return norm_pos;
  if (norm_pos < e->norm_end) return e->orig_begin;  // inside: take the whole piece
  return e->orig_end + (norm_pos - e->norm_end);
}

uint32_t OffsetMap::end_to_original(uint32_t norm_pos) const {
  // An end position equal to an edit's start belongs before that edit.
  const Edit* e = last_edit_at_or_before(norm_pos == 0 ? 0 : norm_pos - 1);
  if (!e) return norm_pos;
  if (norm_pos <= e->norm_end) return norm_pos == e->norm_begin ? e->orig_begin : e->orig_end;
  return e->orig_end + (norm_pos - e->norm_end);
}

}  // namespace eventwire
