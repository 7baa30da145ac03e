// Big test inputs: a piece of text repeated until it fills a size.
#pragma once

#include <string>
#include <string_view>

namespace eventwire::internal::testing {

inline std::string repeat(std::string_view piece, size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

}  // namespace eventwire::internal::testing
