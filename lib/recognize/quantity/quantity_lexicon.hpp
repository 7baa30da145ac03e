// What stands around numbers in a quantity: units (lib/lang/common/units.tsv symbols,
// lib/lang/<lang>/units.tsv names), currencies (common/currencies.tsv, <lang>/currencies.tsv),
// counted nouns (<lang>/count_nouns.tsv) and approximators (<lang>/approximators.tsv).
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

enum class Dimension : uint8_t { percent, length, area, volume, mass, speed, data, angle, power, energy, duration };

struct UnitInfo {
  std::string unit;  // what the quantity reports: "km", "%", or the ISO 8601 designator of a duration
  Dimension dimension = Dimension::length;
  double factor = 1;  // size in the dimension's base unit; for durations, how many designators
};

struct CurrencyInfo {
  std::string code;    // ISO 4217, empty when unknown ("francs")
  bool minor = false;       // a smaller unit: "cents", "pence"
  bool lower_case = false;  // the code is also recognised in lower case ("usd 20")
  std::string subunit;      // minor units: the unit's name ("cent")
};

// Approximator kinds (bits of a payload).
enum ApproxKind : uint8_t {
  kApprox = 1 << 0,      // about 20
  kMin = 1 << 1,         // more than 20
  kMax = 1 << 2,         // up to 20
  kRangeStart = 1 << 3,  // between (10 and 20), from (10 to 20)
  kRangeTo = 1 << 4,     // (10) to (20)
  kRangeAnd = 1 << 5,    // (between 10) and (20)
};

class QuantityLexicon {
 public:
  static absl::StatusOr<QuantityLexicon> create();

  // Per language (en, nl, fr), looked up in folded text.
  const KeyTrie& unit_names(Lang lang) const { return of(lang).unit_names; }
  const KeyTrie& currency_names(Lang lang) const { return of(lang).currency_names; }
  const KeyTrie& count_nouns(Lang lang) const { return of(lang).count_nouns; }
  const KeyTrie& approximators(Lang lang) const { return of(lang).approximators; }
  // The quick test for words that may make a quantity without a number before them: one-word
  // currency names ("the dollar"), percentage words ("a small percent", "%"), and, added by
  // add_token_words(), the articles that count one of a unit ("a decade") and the words that
  // begin numbers (so that the number parser's scan tests a word once); and for percentage
  // words alone.
  const WordFilter& token_words(Lang lang) const { return of(lang).token_words; }
  const WordFilter& percent_words(Lang lang) const { return of(lang).percent_words; }
  // The quick test for the words a unit or currency may begin with, in any case ("km",
  // "dollars", "EUR", "de" of "millions de dollars").
  const WordFilter& unit_words(Lang lang) const { return of(lang).unit_words; }
  void add_token_words(Lang lang, const WordFilter& words) { languages_[index(lang)].token_words.add(words); }
  void add_unit_words(Lang lang, const WordFilter& words) { languages_[index(lang)].unit_words.add(words); }

  // Shared by all languages: unit symbols (case as written), currency symbols (folded) and
  // currency codes (upper case, as written).
  const KeyTrie& unit_symbols() const { return unit_symbols_; }
  // Symbols that are units only after a larger unit ("in" of "6 ft 3 in").
  const KeyTrie& smaller_unit_symbols() const { return smaller_unit_symbols_; }
  const KeyTrie& currency_symbols() const { return currency_symbols_; }
  // The currency whose upper-case ISO code is `word` ("EUR"), or nullptr.
  const CurrencyInfo* currency_code(std::string_view word) const;

  const UnitInfo& unit(uint32_t payload) const { return units_[payload]; }
  const CurrencyInfo& currency(uint32_t payload) const { return currencies_[payload]; }
  const std::string& noun_class(uint32_t payload) const { return noun_classes_[payload]; }
  uint8_t approximator(uint32_t payload) const { return approximator_kinds_[payload]; }

 private:
  struct Language {
    Language() : unit_names(true), currency_names(true), count_nouns(true), approximators(true) {}
    KeyTrie unit_names, currency_names, count_nouns, approximators;
    WordFilter token_words, percent_words, unit_words;
  };
  static size_t index(Lang lang) { return lang == Lang::nl ? 1 : lang == Lang::fr ? 2 : 0; }
  const Language& of(Lang lang) const { return languages_[index(lang)]; }

  std::array<Language, 3> languages_;
  KeyTrie unit_symbols_{false}, smaller_unit_symbols_{false}, currency_symbols_{false};
  WordMap<uint32_t> codes_;  // upper-case code -> index into currencies_
  WordFilter codes_folded_, unit_symbols_folded_;  // the same, in lower case, for unit_words
  std::vector<UnitInfo> units_;
  std::vector<CurrencyInfo> currencies_;
  std::vector<std::string> noun_classes_;
  std::vector<uint8_t> approximator_kinds_;
};

}  // namespace eventwire::internal
