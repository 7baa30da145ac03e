// Structure: the text cut into blocks (title, headings, paragraphs, list items, pipe tables,
// captions, bylines) with page furniture (navigation, language switchers, programme plugs,
// image credits, disclaimers) marked as boilerplate. Cues come from lib/lang/*/furniture.tsv.
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "model/document.hpp"

namespace eventwire {

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
  // The furniture kind the cues give a block's text, or paragraph when none applies.
  BlockKind furniture_kind(std::string_view text) const;
  bool is_language_switcher(std::string_view text) const;

  std::vector<Cue> cues_;
  absl::flat_hash_set<std::string> language_codes_;
};

}  // namespace eventwire
