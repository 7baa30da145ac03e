// ASCII character classes for the X3 grammars of the recognisers. X3's own classes (x3::digit,
// x3::alpha) and no_case[] call the C library's <cctype> functions, which are undefined for the
// bytes of UTF-8 sequences (negative chars; Boost asserts on them in builds with assertions);
// these compare byte ranges, and case-free words are added in every case to their symbol tables.
#pragma once

#include <string>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace eventwire::internal::ascii_x3 {

namespace x3 = boost::spirit::x3;

inline const auto digit = x3::char_('0', '9');
inline const auto letter = x3::char_('a', 'z') | x3::char_('A', 'Z');
inline const auto alnum = digit | letter;

// Adds `word` (lower case ASCII) to `symbols` in every mix of upper and lower case letters.
template <class Symbols, class Value>
void add_any_case(Symbols& symbols, std::string_view word, Value value) {
  std::string variant(word);
  size_t letters = 0;
  for (char c : word) letters += c >= 'a' && c <= 'z';
  for (unsigned mask = 0; mask < (1u << letters); ++mask) {
    unsigned bit = 0;
    for (size_t k = 0; k < word.size(); ++k) {
      if (word[k] < 'a' || word[k] > 'z') continue;
      variant[k] = (mask >> bit++) & 1 ? static_cast<char>(word[k] - 'a' + 'A') : word[k];
    }
    symbols.add(variant, value);
  }
}

}  // namespace eventwire::internal::ascii_x3
