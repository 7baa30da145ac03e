// Language identification for English, Dutch and French, per block, sentence and document.
// Text in another language (German, Afrikaans, Danish, Spanish, ...) and text with too little
// evidence (a number, a name, a link) come out as "und".
//
// The model (lib/lang/*/langid_*.tsv, built by lib/tools/langid_train.py, compiled in by
// lib/tools/langid_gen.cpp) scores each word three ways:
//   - character 1- to 4-grams with lingua's conditional probabilities for en, nl and fr, summed
//     over every n-gram and along a Markov chain;
//   - the word's shape: 1- to 5-grams of " word " hashed into buckets, with costs for en, nl, fr
//     and eight look-alike languages, counted over word lists;
//   - function words of all eleven languages;
//   - in texts of one to three words, which word lists hold the word (lib/lang/common/
//     langid_lexicon.tsv: English by commonness, Dutch, French), with weights per language.
// The best of en/nl/fr wins, unless the look-alikes explain the text clearly better (und).
// Long texts are judged on a sample: scoring stops once the answer is clear.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "langid/model_format.hpp"
#include "model/document.hpp"

namespace eventwire::internal {

struct LanguageGuess {
  Lang language = Lang::und;
  float confidence = 0;  // in [0, 1]
  bool enough_evidence = false;  // false: too little text to tell (und for that reason)
};

class LanguageDetector {
 public:
  static absl::StatusOr<LanguageDetector> create();

  // What the blocks read so far say about the document, carried from block to block.
  struct DocumentLanguages {
    // Bytes of text (and bytes times confidence) in each language (Lang order): content
    // blocks, and furniture, which counts only when there is nothing else.
    std::array<double, 4> content{}, furniture{}, confident_content{}, confident_furniture{};
    Lang expected = Lang::und;  // the language of most content so far
    int agreeing_words = 0;     // words scored in content blocks of the expected language
    float settled_confidence = 0;
  };

  // The blocks go through these one by one, in order, each while it is in cache:
  // the language of block `index` (before segmentation; a `hint` other than und wins) ...
  void detect_block(Document& doc, uint32_t index, Lang hint, DocumentLanguages& state) const;
  // ... after its segmentation, the language of its sentences: a sentence whose words point to
  // another language than its block's gets its own; the others take their block's ...
  void detect_sentences(Document& doc, const BlockRange& block, Lang hint) const;
  // ... and after the last block, the document's language, which blocks too short to tell
  // (and their sentences) take.
  void finish(Document& doc, Lang hint, const DocumentLanguages& state) const;

  // What the decision weighs (lib/lang/common/langid.kv).
  struct Weights {
    float ngram = 1, chain = 0, shape = 0, function_word = 0;
    std::array<float, langid_model::kMainLanguages> bias{};
    float gate_shape = 0, gate_function_word = 0, gate_margin = 0, gate_margin_per_letter = 0;
    int gate_min_words = 3;
    std::array<float, langid_model::kAllLanguages> gate_bias{};
    // Texts of at most `short_text_words` words: the n-gram scores times `short_text_scale`
    // plus, for each word, its class's weight (common/langid_word_classes.tsv).
    float short_text_scale = 1;
    int short_text_words = 0;
    std::array<std::array<float, langid_model::kMainLanguages>, langid_model::kWordClasses> word_class{};
  };

 private:
  struct Evidence;
  // What a word adds to the evidence, but for its word class and function-word votes.
  struct WordScores {
    std::array<int32_t, langid_model::kMainLanguages> ngram{}, chain{};
    std::array<uint32_t, langid_model::kAllLanguages> shape{};
    uint16_t chars = 0;         // code points scored (at most 64)
    uint16_t bytes = 0;         // the bytes they take
    uint16_t other_script = 0;  // letters of another script than Latin
  };
  static WordScores score_word(std::string_view word);
  void add_word(std::string_view word, std::string_view elided, Evidence& e) const;
  // Function words: open addressing on the word's bytes as a number (words of at most 8 bytes;
  // key 0: empty slot), with a vote for each of its languages (1 in a 5-bit lane per language,
  // kAllCodes order) and the word's scores, which need not be worked out again for such frequent
  // words.
  struct FunctionWord {
    uint64_t key = 0;
    uint64_t votes = 0;
    uint32_t scores = 0;  // index in function_word_scores_
  };
  const FunctionWord* find_function_word(uint64_t key) const;
  // Function words of each language among the first words of `folded`, as in FunctionWord::votes.
  uint64_t function_word_votes(std::string_view folded) const;
  // Whether those function words point to another language than `from`.
  bool leans_away(std::string_view folded, Lang from) const;
  // The verdict on the evidence; `clearness`, when given, receives how far (in nats) the
  // verdict is from changing, and the confidence, which scan does not need, may be left at 0.
  LanguageGuess decide(const Evidence& e, float* clearness = nullptr) const;
  // Scores the words of `folded` into `e`: at most `max_words`, and when that is the sample
  // size, fewer once the answer is clear (sooner when it is `expected`).
  void scan(std::string_view folded, std::string_view text, int max_words, Lang expected, Evidence& e) const;

  Weights weights_;
  std::vector<FunctionWord> function_words_;
  std::vector<WordScores> function_word_scores_;
};

}  // namespace eventwire::internal
