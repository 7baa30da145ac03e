// Numbers written in digits: the surface syntax (Boost Spirit X3, compiled in digits.cpp only)
// and its value.
//
//   1,674,200.5  1.674.200,5  1 674 200,5  12,34,567.89  .5  ,08  4/5  2 1/4  -9.23
//   1e10  12,32e+14  1.1^23  1.3x10^6
//
// Which separator is the decimal one follows the language: with `decimal == ','` (Dutch,
// French) "1.250" is 1250 and "4,800" is 4.8; with '.' (English) the reverse. The other
// convention is still read when it cannot be mistaken: "1.111,11" and "1.000.000" in
// English, "1,674,200.5" in French. Letters after the digits ("10k", "21st") are not read
// here.
#pragma once

#include <optional>

#include "recognize/number/digits/ast.hpp"

namespace eventwire::internal::digits {

// Parses a number at [first, last). On success `first` is moved past it and `out` holds its
// parts. A sign is read when the text starts with one ("-4", "- 10").
bool parse(const char*& first, const char* last, char decimal, NumberAst& out);

// The value of a parsed number (sign included); nullopt for an impossible value ("1/0").
std::optional<double> evaluate(const NumberAst& ast);

}  // namespace eventwire::internal::digits
