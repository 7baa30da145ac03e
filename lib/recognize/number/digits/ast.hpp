// What the digits grammar reads: the parts of a number written in digits, as ranges of the
// input. Interpreting them (which separator is the decimal one, the value) is done by
// digits.hpp's evaluate(), not by the grammar.
#pragma once

#include <cstdint>

namespace eventwire::internal::digits {

struct Range {
  const char* begin = nullptr;
  const char* end = nullptr;
  bool empty() const { return begin == end; }
  uint32_t size() const { return static_cast<uint32_t>(end - begin); }
};

enum class Exponent : uint8_t { none, scientific /* 1.3e6, 1.3x10^6 */, power /* 1.1^23 */ };

struct NumberAst {
  char sign = 0;       // '+', '-' or 0
  Range integer;       // the integer digits with their group separators: "1,674,200"
  char group = 0;      // the group separator used in `integer` (0: none)
  Range decimals;      // the digits after the decimal separator
  char decimal = 0;    // the decimal separator ('.' or ','), 0 when there are no decimals
  Exponent exponent_kind = Exponent::none;
  Range exponent;      // the exponent's signs and digits: "-4", "+23", "--23"
  Range numerator;     // a fraction "4/5" (after `integer` for a mixed number "2 1/4")
  Range denominator;

  void clear_mantissa() {
    integer = decimals = exponent = numerator = denominator = Range{};
    group = decimal = 0;
    exponent_kind = Exponent::none;
  }
};

}  // namespace eventwire::internal::digits
