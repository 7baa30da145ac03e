#include "recognize/text_class.hpp"

#include <unicode/uchar.h>

#include "text/utf8.hpp"

namespace eventwire::internal {
namespace {

bool is_letter_code_point(std::string_view text, size_t i, uint32_t* length) {
  utf8::Decoded d = utf8::decode(reinterpret_cast<const unsigned char*>(text.data()), text.size(), i);
  if (length) *length = d.length;
  if (!d.valid) return false;
  UChar32 cp = static_cast<UChar32>(d.code_point);
  return u_isalpha(cp) || u_getCombiningClass(cp) != 0;
}

}  // namespace

bool is_non_ascii_letter_at(std::string_view text, size_t i) { return is_letter_code_point(text, i, nullptr); }

bool is_non_ascii_word_char_before(std::string_view text, size_t e) {
  size_t b = e - 1;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  return is_letter_code_point(text, b, nullptr);
}

size_t letters_end(std::string_view text, size_t j, size_t limit) {
  while (j < limit) {
    unsigned char c = static_cast<unsigned char>(text[j]);
    if (c < 0x80) {
      if (!is_ascii_letter(static_cast<char>(c))) break;
      ++j;
      continue;
    }
    uint32_t length = 1;
    if (!is_letter_code_point(text, j, &length)) break;
    j += length;
  }
  return j;
}

}  // namespace eventwire::internal
