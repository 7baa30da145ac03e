// Bytes of text read as little-endian numbers (the first byte lowest) on any machine: the
// word-at-a-time reading of the token hash, the language stage and the time stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace eventwire::internal::byte_words {

// `count` (0 to 8) bytes of `s` from `at`; also in constant expressions.
constexpr uint64_t load(std::string_view s, size_t at, size_t count) {
  uint64_t word = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (!__builtin_is_constant_evaluated()) {
    __builtin_memcpy(&word, s.data() + at, count);
    return word;
  }
#endif
  for (size_t k = 0; k < count; ++k) word |= uint64_t{static_cast<unsigned char>(s[at + k])} << (8 * k);
  return word;
}

// The first `length` (1 to 8) bytes at `p`, the others zero, in one load: eight bytes must be
// readable at `p`.
inline uint64_t load_prefix(const char* p, size_t length) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  word = __builtin_bswap64(word);
#endif
  return word & (~uint64_t{0} >> (64 - 8 * length));
}

}  // namespace eventwire::internal::byte_words
