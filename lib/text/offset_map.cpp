#include "text/offset_map.hpp"

#include <algorithm>

namespace eventwire::internal {

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
  return begin_through(last_edit_at_or_before(norm_pos), norm_pos);
}

uint32_t OffsetMap::end_to_original(uint32_t norm_pos) const {
  // An end position equal to an edit's start belongs before that edit.
  return end_through(last_edit_at_or_before(norm_pos == 0 ? 0 : norm_pos - 1), norm_pos);
}

uint32_t OffsetMap::begin_through(const Edit* e, uint32_t norm_pos) const {
  if (!e) return norm_pos;
  if (norm_pos < e->norm_end) return e->orig_begin;  // inside: take the whole piece
  return e->orig_end + (norm_pos - e->norm_end);
}

uint32_t OffsetMap::end_through(const Edit* e, uint32_t norm_pos) const {
  if (!e) return norm_pos;
  if (norm_pos <= e->norm_end) return norm_pos == e->norm_begin ? e->orig_begin : e->orig_end;
  return e->orig_end + (norm_pos - e->norm_end);
}

Span OffsetMap::to_original(Span s) const {
  uint32_t begin = begin_to_original(s.begin);
  // An empty span stays empty: at a dropped character its two ends would otherwise cross.
  return {begin, s.empty() ? begin : end_to_original(s.end)};
}

Span OffsetMap::Cursor::to_original(Span s) {
  const auto& edits = map_.edits_;
  // The common case: no edit between the last one passed and the span's end, so the span is
  // only shifted by what the edits before it changed.
  if ((next_ == edits.size() || edits[next_].norm_begin >= std::max(s.end, s.begin + 1)) &&
      (next_ == 0 || (edits[next_ - 1].norm_end <= s.begin && edits[next_ - 1].norm_begin < s.begin))) {
    if (next_ == 0) return s;
    const Edit& e = edits[next_ - 1];
    return {e.orig_end + (s.begin - e.norm_end), e.orig_end + (s.end - e.norm_end)};
  }
  // Move to the first edit starting after s.begin; a step back is rare (spans nest).
  auto seek = [&](uint32_t pos) -> const Edit* {
    while (next_ > 0 && edits[next_ - 1].norm_begin > pos) --next_;
    while (next_ < edits.size() && edits[next_].norm_begin <= pos) ++next_;
    return next_ == 0 ? nullptr : &edits[next_ - 1];
  };
  uint32_t begin = map_.begin_through(seek(s.begin), s.begin);
  if (s.empty()) return {begin, begin};
  uint32_t end = map_.end_through(seek(s.end - 1), s.end);
  return {begin, end};
}

}  // namespace eventwire::internal
