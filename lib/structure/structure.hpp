// Structure: the text cut into blocks (title, headings, paragraphs, list items, pipe tables,
// captions, bylines) with page furniture (navigation, language switchers, programme plugs,
// image credits, disclaimers) marked as boilerplate. Cues come from lib/lang/*/furniture.tsv.
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "model/document.hpp"
#include "util/multi_literal_search.hpp"

namespace eventwire::internal {

class StructureDetector {
 public:
  static absl::StatusOr<StructureDetector> create();

  // Fills doc.blocks and doc.title_block from doc.text.
  void detect(Document& doc) const;

 private:
  enum class Match : uint8_t { prefix, contains, line };
  struct Cue {
    BlockKind kind;
    Match match;
    std::string text;
    uint32_t max_words;
  };
  // The furniture kind the cues give a block's text (of `words` words), or paragraph.
  BlockKind furniture_kind(std::string_view text, uint32_t words) const;
  bool is_language_switcher(std::string_view text) const;

  std::vector<Cue> cues_;  // in data file order: the first that matches wins
  // Prefix and whole-line cues by their first byte, so that a block meets only its candidates;
  // "contains" cues all found in one search.
  std::vector<uint16_t> cues_by_first_byte_[256];
  std::vector<uint16_t> contains_cues_;      // search pattern i is cue contains_cues_[i]
  MultiLiteralSearch contains_search_;
  uint32_t contains_max_words_ = 0;          // longest block a "contains" cue applies to
  absl::flat_hash_set<std::string> language_codes_;
};

}  // namespace eventwire::internal
