// The tokens of the block the pipeline is working on.
//
// Tokens are scratch: the pipeline segments one block at a time and runs every later stage on
// it while it is in cache; the stages turn tokens into quantities, times, entities and events,
// and the tokens are dropped when the block is done (AnalyzeOptions::keep_tokens keeps them in
// Document::tokens, for tests). Token spans are positions in the normalised text.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "model/document.hpp"

namespace eventwire::internal {

struct BlockTokens {
  uint32_t block = 0;
  uint32_t first_sentence = 0;  // the block's sentences are doc.sentences[first_sentence, + sentence_count())
  std::vector<Token> tokens;
  std::vector<uint32_t> sentence_starts{0};  // sentence k has tokens [sentence_starts[k], sentence_starts[k + 1])

  uint32_t sentence_count() const { return static_cast<uint32_t>(sentence_starts.size() - 1); }
  // The tokens of the block's k-th sentence.
  absl::Span<const Token> sentence(uint32_t k) const {
    return absl::MakeConstSpan(tokens.data() + sentence_starts[k], sentence_starts[k + 1] - sentence_starts[k]);
  }
  void reset(uint32_t b, uint32_t first) {
    block = b;
    first_sentence = first;
    tokens.clear();
    sentence_starts.assign(1, 0);
  }
};

}  // namespace eventwire::internal
