// The number parser: numbers written in digits and in words, in English, Dutch and French.
// Reusable by any stage that needs numbers (quantities, and dates and durations: "over twee
// weken", "il y a deux ans", "the 21st").
//
//   digits    1,000.5 (en)  1.000,5  1 000,5 (nl, fr)  .5  -4/5  2 1/4  1e10  10k  1.2bn  21st  2019-2020
//   words     two hundred and fifty-three, a dozen, tweehonderddrieënvijftig, anderhalf,
//             quatre-vingt-dix-sept, soixante et onze, septante, vingt et unième
//   mixed     3,5 miljoen, 611 million, half a million, five and a half million, 3 millions et demi
//   fractions three quarters, drie kwart, un cinquième, 1 op de 3, one over twenty
//   about     une vingtaine (about 20), tientallen, hundreds of thousands (bounds, no value)
//
// Which separator is the decimal one follows the sentence's language (en "1.250" = 1.25,
// nl/fr "1.250" = 1250). The indefinite article alone ("een", "un", "a") is never a number,
// but stands for one before a scale or denominator ("een miljoen", "a half").
//
// Usage, from another stage, for the number at a token (nullopt when none starts there):
//
//   const NumberParser& numbers = ...;            // built once, shared
//   if (auto n = numbers.parse_token(doc, sentence, t)) {
//     n->span, n->value, n->ordinal, n->token_end   // tokens [t, n->token_end) hold the number
//   }
//
// All positions are byte offsets into doc.text (normalised text), as everywhere in the pipeline.
#pragma once

#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "model/document.hpp"
#include "recognize/number/number_lexicon.hpp"

namespace eventwire::internal {

struct NumberMatch {
  Span span;                       // the number as written
  double value = 0;                // NaN when only bounds are known ("tientallen")
  std::optional<double> min, max;  // a range ("2019-2020") or a magnitude ("tientallen": 20..99)
  bool ordinal = false;            // "21st", "vingt et unième", "eerste"
  bool fraction = false;           // "three quarters", "4/5", "½"
  bool words = false;              // written at least partly in words
  bool integer = true;             // no decimals, no fraction
  bool approximate = false;        // "une vingtaine", "tientallen"
  bool scaled = false;             // with a scale: "3 million", "10k"
  bool grouped = false;            // digits with group separators: "1,000"
  bool year_like = false;          // four plain digits from 1000 to 2999: maybe a year
  bool article = false;            // the indefinite article alone ("a", "een", "un"): one, but
                                   // no number by itself ("a decade", "een are", "a week ago")
  double scale = 1;                // the (last) scale applied: 1e6 for "3.5 million"
  Span ordinal_word;               // the ordinal of a mixed number: "third" of "forty two and a third"
  Span glued;                      // letters glued to the digits that are no number suffix:
                                   // "ml" of "180ml" (the number is then not one by itself)
  double money_scale = 0;          // a scale that holds next to a currency: "m" of "EUR 3m"
  uint32_t token_begin = 0;        // index of the token the number starts in
  uint32_t token_end = 0;          // index of the first token after the number

  bool has_value() const { return !std::isnan(value); }
};

class NumberParser {
 public:
  static absl::StatusOr<NumberParser> create();

  // The number that starts at byte `pos` of the sentence (where a token starts), or nullopt.
  std::optional<NumberMatch> parse(const Document& doc, const Sentence& sentence, uint32_t pos) const;
  // The number that starts at token `token` (an index into doc.tokens), or nullopt.
  std::optional<NumberMatch> parse_token(const Document& doc, const Sentence& sentence, uint32_t token) const;

  // Every number of the sentence, left to right, none overlapping another; appended to `out`.
  // Numbers inside designators ("F-16", "COVID-19"), clock times ("8:30") and web addresses
  // are skipped, and so are articles alone (parse() returns them, with `article` set).
  //
  // With `others`, the same pass also collects the tokens outside numbers a caller wants to
  // look at: those passing `others->filter` (folded text), and words ending in digits, which
  // the parser leaves alone ("USD115", "F-16"). A filter that also passes the words that
  // begin numbers (this lexicon's trie().filter()) saves a test per word.
  struct OtherTokens {
    const WordFilter* filter = nullptr;
    std::vector<uint32_t> tokens;  // indexes into doc.tokens, in order
  };
  void scan(const Document& doc, const Sentence& sentence, std::vector<NumberMatch>& out,
            OtherTokens* others = nullptr) const;

  // The language numbers of the sentence are read in (its own, else the document's, else en).
  static Lang language_of(const Document& doc, const Sentence& sentence);
  const NumberLexicon& lexicon(Lang lang) const { return lexicons_[index(lang)]; }

 private:
  friend class NumberReader;
  NumberParser(std::vector<NumberLexicon> lexicons, VulgarFractions fractions)
      : lexicons_(std::move(lexicons)), fractions_(std::move(fractions)) {}
  static size_t index(Lang lang) { return lang == Lang::nl ? 1 : lang == Lang::fr ? 2 : 0; }
  bool is_not_number(const Document& doc, const Sentence& sentence, uint32_t token, const NumberMatch& m) const;

  std::vector<NumberLexicon> lexicons_;  // en, nl, fr
  VulgarFractions fractions_;
};

// Whether byte `pos` lies in a web or e-mail address ("http://...", "www.", "a@b.org"): the
// run of non-space characters around it holds "://", starts with "www." or holds "@".
bool inside_web_address(std::string_view text, uint32_t pos);

}  // namespace eventwire::internal
