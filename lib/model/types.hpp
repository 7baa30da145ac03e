// Small value types shared by every pipeline stage.
#pragma once

#include <cstdint>
#include <string_view>

namespace eventwire::internal {

// A byte range [begin, end). Inside the pipeline spans refer to the normalised text; the
// last step maps them onto the original input (see text/offset_map.hpp).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  bool contains(Span o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
};

inline std::string_view slice(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

enum class Lang : uint8_t { und = 0, en, nl, fr };
inline constexpr Lang kLanguages[] = {Lang::en, Lang::nl, Lang::fr};

inline std::string_view lang_code(Lang l) {
  switch (l) {
    case Lang::en: return "en";
    case Lang::nl: return "nl";
    case Lang::fr: return "fr";
    default: return "und";
  }
}

// "en"/"nl"/"fr" (any case) to a language; anything else is und.
inline Lang lang_from_code(std::string_view code) {
  if (code.size() != 2) return Lang::und;
  char a = static_cast<char>(code[0] | 0x20), b = static_cast<char>(code[1] | 0x20);
  if (a == 'e' && b == 'n') return Lang::en;
  if (a == 'n' && b == 'l') return Lang::nl;
  if (a == 'f' && b == 'r') return Lang::fr;
  return Lang::und;
}

}  // namespace eventwire::internal
