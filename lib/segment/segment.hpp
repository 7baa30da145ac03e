// Segmentation: each block's text cut into sentences and tokens (table cells are sentences of
// their own). Abbreviations, elisions and clitics come from lib/lang/<lang>/*.txt.
#pragma once

#include <array>
#include <string>

#include "absl/status/statusor.h"
#include "lexicon/word_set.hpp"
#include "model/document.hpp"

namespace eventwire::internal {

class Segmenter {
 public:
  static absl::StatusOr<Segmenter> create();

  // Cuts block `block` of `doc` (whose language must be known) into tokens, appended to
  // doc.tokens, and sentences, appended to doc.sentences; returns the block's range. With
  // `hash_tokens`, the tokens' hashes go to doc.token_hashes (for the stages that look words
  // up in phrase dictionaries).
  BlockRange segment(Document& doc, uint32_t block, bool hash_tokens) const;

  // Tokens of one stretch of text, appended to `out` (spans relative to `text`).
  void tokenize(std::string_view text, std::string_view folded, Span span, Lang lang, std::vector<Token>& out) const;

 private:
  struct LanguageData {
    WordSet abbreviations;  // with their final period, lower case
    WordSet elisions;       // "l" of "l'armée"
    WordSet clitics;        // "s" of "MoD's"
  };
  const LanguageData& data(Lang lang) const { return languages_[static_cast<int>(lang)]; }
  // Appends the sentences of one region of a block (its text, or a table cell).
  void split_sentences(Document& doc, uint32_t block, Span region, bool hash_tokens) const;

  std::array<LanguageData, 4> languages_;  // und holds the union of the three
};

}  // namespace eventwire::internal
