// The quantities stage: every number of the text (kind number or ordinal), and the
// quantities numbers make with what stands around them:
//
//   percent    5%, 5 procent, cinq pour cent, percentage van 30
//   money      €50 million, 611 million euros, EUR 3m, 611 millions d'euros, 5 euro 50, USD115
//   count      200 peacekeepers (unit "personnel"), 135 Belgische militairen, six coalitions
//   duration   6 months (P6M), drie jaar (P3Y), a decade (P10Y), une demi-heure (PT0.5H)
//   dimension  1.6 km, 10 1/2 miles, 500.000 vaten, 7,62mm, 190 km2
//
// with approximation and bounds ("around fifty", "ruim 200", "plus de 10 000", "up to 4,000",
// "between 10 and 20", "de 10 à 20") in `approximate`, `min` and `max`. A number inside a
// larger quantity is reported as a number too (as Recognizers-Text does), so "611 million
// euros" gives the number 611000000 and the money; a number glued to a unit ("180ml") is only
// the dimension.
#pragma once

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "model/document.hpp"
#include "recognize/number/number_parser.hpp"
#include "recognize/quantity/quantity_lexicon.hpp"

namespace eventwire::internal {

class QuantityRecognizer {
 public:
  static absl::StatusOr<QuantityRecognizer> create(std::shared_ptr<const NumberParser> numbers);

  // Reads a document block by block, while each block's tokens are in doc.tokens: appends to
  // doc.quantities, in text order, what the sentences of content blocks say. Holds the
  // buffers reused from block to block.
  class Pass {
   public:
    Pass(const QuantityRecognizer& recognizer, Document& doc);
    void block(const BlockRange& range);

   private:
    const QuantityRecognizer& recognizer_;
    Document& doc_;
    std::vector<NumberMatch> numbers_;
    NumberParser::OtherTokens others_;
  };

 private:
  friend class SentenceQuantities;
  QuantityRecognizer(std::shared_ptr<const NumberParser> numbers, QuantityLexicon lexicon)
      : numbers_(std::move(numbers)), lexicon_(std::move(lexicon)) {}

  std::shared_ptr<const NumberParser> numbers_;
  QuantityLexicon lexicon_;
};

}  // namespace eventwire::internal
