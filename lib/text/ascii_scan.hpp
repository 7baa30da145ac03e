// Reading ASCII text sixteen bytes at a time with SSE2 (byte by byte where there is no SSE2):
// the common case of the stages that read text byte by byte.
#pragma once

#include <cstddef>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace eventwire::internal::ascii {

// The first position at or after `i` (below `n`) whose byte is neither printable ASCII
// (0x20 to 0x7E) nor a line feed or tab, or `n`.
inline size_t skip_plain(const unsigned char* s, size_t i, size_t n) {
#ifdef __SSE2__
  const __m128i below = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), lf = _mm_set1_epi8('\n'),
                tab = _mm_set1_epi8('\t');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // As signed bytes, 0x80 and above are negative: below 0x20 too.
    const __m128i control = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, tab)),
                                             _mm_cmplt_epi8(v, below));
    const int mask = _mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(v, del)));
    if (mask) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n' || s[i] == '\t')) ++i;
  return i;
}

#ifdef __SSE2__
// The ASCII letters, capitals and digits among the sixteen bytes at `s`: a bit for each byte.
struct Classes {
  unsigned letters, upper, digits;
};
inline Classes classify16(const unsigned char* s) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  // Whether a byte is within [first, first + count): shifted so that the range starts at the
  // smallest signed byte, one signed comparison tells.
  const auto in_range = [v](int first, int count) {
    const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - first)));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + count)))));
  };
  const unsigned upper = in_range('A', 26);
  return {upper | in_range('a', 26), upper, in_range('0', 10)};
}
#endif

}  // namespace eventwire::internal::ascii
