// What a language's numbers are made of, from lib/lang/<lang>/numbers.tsv (number words),
// number_suffixes.tsv (letters after digits) and culture.kv (separators, compounding), plus
// lib/lang/common/vulgar_fractions.tsv. Built once; read-only afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lexicon/key_trie.hpp"
#include "lexicon/word_set.hpp"
#include "model/types.hpp"

namespace eventwire::internal {

// The `kind` column of numbers.tsv.
enum class NumberWordKind : uint8_t {
  unit,        // 0-9
  teen,        // 10-19
  tens,        // 20, 30, ... 90 (and French "quatre-vingt")
  hundred,     // multiplies what precedes by 100
  scale,       // thousand, million, ...: closes a group of three digits
  ordinal,     // first, vijfde, cinquième: an ordinal, or a denominator ("three fifths")
  fraction,    // half, kwart, tiers: a denominator that is not an ordinal
  value,       // a whole number by itself: "anderhalf" (1.5)
  multiplier,  // dozen, douzaine: multiplies what precedes
  magnitude,   // tens, hundreds, tientallen: an order of magnitude, not a value
  approx,      // vingtaine, centaine: about that many
  joiner,      // and, en, et
  point,       // point, komma, virgule: decimals follow in words
  minus,       // minus, negative, moins
  article,     // a, an: stands for one before a scale or denominator ("a million", "a half")
  over,        // over, op de, sur: a fraction "1 over 3"
  of,          // of, van, de: "two thirds of a million"
};

// The `form` column of numbers.tsv (bits).
enum NumberWordForm : uint8_t {
  kFormPlural = 1 << 0,      // "fifths", "douzaines": a denominator, or a magnitude when alone
  kFormInner = 1 << 1,       // only inside a number ("eende" in "honderdeende", "ën")
  kFormArticle = 1 << 2,     // also the indefinite article (een, un, une): not a number alone
  kFormAfterOne = 1 << 3,    // over-words that need a numerator of one ("1 in 20")
  kFormFinal = 1 << 4,       // over-words that must end the phrase ("1 over 3", not "2000 over 3 years")
  kFormAfterWords = 1 << 5,  // a hundred only after a unit in words (French "cents": "deux cents"), or
                             // after a digit inside a longer number ("4 mille 3 cents", "3 cents et 21")
  kFormProper = 1 << 6,      // over-words read "out of": the numerator is no larger ("trois sur quatre",
                             // not "douze sur dix")
};

struct NumberWord {
  NumberWordKind kind = NumberWordKind::unit;
  NumberWordKind base = NumberWordKind::unit;  // ordinals: the cardinal kind of their value
  uint8_t form = 0;
  double value = 0;
};

enum class SuffixKind : uint8_t { scale, money_scale, ordinal };

struct NumberSuffix {
  SuffixKind kind = SuffixKind::scale;
  double value = 0;
  bool spaced = false;  // may stand after a space ("2,33 k")
};

struct NumberCulture {
  char decimal = '.';           // the decimal separator; the group separator is the other one
  bool compounds = false;       // number words are written as one word ("eenentwintig")
  bool tens_then_unit = true;   // "twenty-one" (en, fr), not Dutch
  bool unit_and_tens = false;   // "een-en-twintig" (nl)
  uint16_t teen_after_tens = 0; // bit t/10: a teen may follow tens t ("soixante-dix")
  bool hyphenated_ordinals = false;  // a compound ordinal is hyphenated: "cent trente-cinquièmes" is
                                     // 100/35, "cent trente cinquièmes" 130/5 (fr)
  std::vector<std::string> plural_endings;  // endings that mark a plural noun ("s")
  std::string participle_prefix;            // "ge": "genomen" may be a participle, not a plural
};

class NumberLexicon {
 public:
  // The data of one language.
  static absl::StatusOr<NumberLexicon> create(Lang lang);

  const NumberCulture& culture() const { return culture_; }
  // Number words, looked up in folded text; payloads index words().
  const KeyTrie& trie() const { return trie_; }
  const NumberWord& word(uint32_t payload) const { return words_[payload]; }
  // Letters after digits, case as written; nullptr if unknown.
  const NumberSuffix* suffix(std::string_view letters) const;
  // Phrases ending in a number word that is no number ("this one"), in folded text.
  const KeyTrie& not_numbers() const { return not_numbers_; }
  // The quick test for the indefinite articles ("a", "een", "un").
  const WordFilter& articles() const { return articles_; }
  // The language's function words (<lang>/stopwords.txt).
  const WordSet& stopwords() const { return stopwords_; }

 private:
  NumberLexicon() : trie_(/*hyphens_as_spaces=*/true) {}

  NumberCulture culture_;
  KeyTrie trie_;
  KeyTrie not_numbers_;
  WordFilter articles_;
  WordSet stopwords_;
  std::vector<NumberWord> words_;
  WordMap<NumberSuffix> suffixes_;
};

// Single-character fractions ("½") of lib/lang/common/vulgar_fractions.tsv.
class VulgarFractions {
 public:
  static absl::StatusOr<VulgarFractions> create();
  // The fraction written at `pos` (its value and byte length), or a length of 0.
  double match(std::string_view text, size_t pos, size_t& length) const;

 private:
  KeyTrie trie_;
  std::vector<double> values_;
};

// Parses a number cell of the language data ("1000000", "0.5"); false if it is not one.
bool parse_data_number(std::string_view cell, double& out);

}  // namespace eventwire::internal
