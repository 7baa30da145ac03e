#include "lexicon/data_files.hpp"

#include <algorithm>

namespace eventwire::internal::data {
namespace {
#include "eventwire_data.inc"
}  // namespace

int DataFile::column(std::string_view name) const {
  for (uint32_t c = 0; c < columns; ++c)
    if (header[c] == name) return static_cast<int>(c);
  return -1;
}

const DataFile* find_file(std::string_view path) {
  for (const DataFile& f : kDataFiles)
    if (f.path == path) return &f;
  return nullptr;
}

std::vector<const DataFile*> all_files() {
  std::vector<const DataFile*> out;
  for (const DataFile& f : kDataFiles) out.push_back(&f);
  std::sort(out.begin(), out.end(), [](const DataFile* a, const DataFile* b) { return a->path < b->path; });
  return out;
}

std::string_view digest() { return kDataDigest; }

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t at = text.find(separator, start);
    out.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

}  // namespace eventwire::internal::data
