// Helpers shared by the build-time tools (datagen, langid_gen).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace eventwire::tools {

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

// Writes `content` to `path` only when it changes, so that dependent objects are not rebuilt
// needlessly. Returns the tool's exit status.
inline int write_if_changed(const std::string& path, const std::string& content) {
  std::ifstream old(path, std::ios::binary);
  std::stringstream previous;
  previous << old.rdbuf();
  if (old && previous.str() == content) return 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  return file ? 0 : 1;
}

}  // namespace eventwire::tools
