#include "text/utf8.hpp"

namespace eventwire::internal::utf8 {

void append_repaired(std::string& out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, run = 0;  // [run, i) is valid text not yet copied
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    Decoded d = decode(p, s.size(), i);
    if (d.valid) {
      i += d.length;
      continue;
    }
    out.append(s.data() + run, i - run);
    append(out, kReplacement);
    i += d.length;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace eventwire::internal::utf8
