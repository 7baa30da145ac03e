// Character classes the recognisers test at the edges of numbers and words. ASCII is decided
// inline; other characters are decoded and classified by ICU (letters of any script and digits
// are word characters; symbols such as "€", "½", "²" are not).
#pragma once

#include <cstddef>
#include <string_view>

namespace eventwire::internal {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_ascii_upper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }

// The same for a character outside ASCII.
bool is_non_ascii_letter_at(std::string_view text, size_t i);
bool is_non_ascii_word_char_before(std::string_view text, size_t e);

// Whether the character starting at byte i is a letter (or, for is_word_char_at, a digit too).
inline bool is_letter_at(std::string_view text, size_t i) {
  const char c = text[i];
  return static_cast<unsigned char>(c) < 0x80 ? is_ascii_letter(c) : is_non_ascii_letter_at(text, i);
}
inline bool is_word_char_at(std::string_view text, size_t i) { return is_digit(text[i]) || is_letter_at(text, i); }
// Whether the character that ends just before byte e is a letter or a digit.
inline bool is_word_char_before(std::string_view text, size_t e) {
  if (e == 0) return false;
  const char c = text[e - 1];
  if (static_cast<unsigned char>(c) < 0x80) return is_digit(c) || is_ascii_letter(c);
  return is_non_ascii_word_char_before(text, e);
}

// Where the run of letters that goes on at j ends (at `limit` at the latest).
size_t letters_end(std::string_view text, size_t j, size_t limit);
// The byte length of the run of letters starting at i (stopping at `limit`): ASCII letters
// inline, the rest of the run by a call when another character follows.
inline size_t letters_length(std::string_view text, size_t i, size_t limit) {
  size_t j = i;
  while (j < limit && is_ascii_letter(text[j])) ++j;
  if (j < limit && static_cast<unsigned char>(text[j]) >= 0x80) j = letters_end(text, j, limit);
  return j - i;
}

}  // namespace eventwire::internal
