// Maps positions in the normalised text back to the original input.
//
// Normalisation copies most text unchanged; where it replaces something (a typographic quote,
// an ill-formed byte, a decomposed accent) it records an edit: normalised [norm_begin, norm_end)
// came from original [orig_begin, orig_end). Outside edits the two texts run in parallel.
// A span that starts or ends inside an edit grows to cover the whole original piece, so mapped
// spans always land on character boundaries of the input.
#pragma once

#include <cstdint>
#include <vector>

#include "model/types.hpp"

namespace eventwire::internal {

class OffsetMap {
 public:
  // Edits must be added in increasing position order.
  void add_edit(uint32_t norm_begin, uint32_t norm_end, uint32_t orig_begin, uint32_t orig_end);
  // Drops the edits that start at or after `norm_pos` (normalisation rewrote that tail).
  void drop_edits_from(uint32_t norm_pos);

  uint32_t begin_to_original(uint32_t norm_pos) const;
  uint32_t end_to_original(uint32_t norm_pos) const;
  Span to_original(Span s) const;

  // Maps many spans in increasing order fast: it remembers where the last lookup ended.
  class Cursor {
   public:
    explicit Cursor(const OffsetMap& map) : map_(map) {}
    Span to_original(Span s);

   private:
    const OffsetMap& map_;
    size_t next_ = 0;  // the first edit starting after the last position looked up
  };

  bool empty() const { return edits_.empty(); }
  size_t edit_count() const { return edits_.size(); }

 private:
  struct Edit {
    uint32_t norm_begin, norm_end, orig_begin, orig_end;
  };
  // The last edit starting at or before `norm_pos`, or nullptr.
  const Edit* last_edit_at_or_before(uint32_t norm_pos) const;
  uint32_t begin_through(const Edit* e, uint32_t norm_pos) const;
  uint32_t end_through(const Edit* e, uint32_t norm_pos) const;
  std::vector<Edit> edits_;
};

}  // namespace eventwire::internal
