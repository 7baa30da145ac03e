// How doctest prints values in failure messages.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

#include "model/types.hpp"

namespace doctest {
template <>
struct StringMaker<eventwire::internal::Lang> {
  static String convert(eventwire::internal::Lang l) { return std::string(eventwire::internal::lang_code(l)).c_str(); }
};
}  // namespace doctest
