// Language identification for English, Dutch and French, per block, sentence and document.
// Texts without enough evidence for one of the three come out as "und".
#pragma once

#include <array>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "model/document.hpp"

namespace eventwire::internal {

struct LanguageGuess {
  Lang language = Lang::und;
  float confidence = 0;  // in [0, 1]
};

class LanguageDetector {
 public:
  static absl::StatusOr<LanguageDetector> create();

  // The language of a stretch of lower-cased text.
  LanguageGuess detect(std::string_view folded) const;

  // Sets the language of every block and of the document (sentences take their block's).
  // A `hint` other than und wins everywhere.
  void detect(Document& doc, Lang hint) const;

 private:
  // For each function word, the evidence it gives each language: 1 for a word of one
  // language's list, 1/n for a word in n lists.
  absl::flat_hash_map<std::string_view, std::array<float, 4>> function_words_;
};

}  // namespace eventwire::internal
