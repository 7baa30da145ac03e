#include "lexicon/data_files.hpp"

#include <algorithm>
#include <string>

#include "util/status.hpp"

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

absl::StatusOr<std::vector<int>> columns(const DataFile& file, std::initializer_list<std::string_view> names) {
  std::vector<int> out;
  for (std::string_view name : names) {
    int c = file.column(name);
    if (c < 0) return make_error(ErrorCode::internal, std::string(file.path) + " lacks the column " + std::string(name));
    out.push_back(c);
  }
  return out;
}

std::string_view value_of(const DataFile& file, std::string_view key) {
  for (uint32_t r = 0; r < file.rows; ++r)
    if (file.cell(r, 0) == key) return file.cell(r, 1);
  return {};
}

absl::Status row_error(const DataFile& file, uint32_t row, std::string_view message) {
  std::string text(file.path);
  text += ": row ";
  text += std::to_string(row + 1);
  text += " (\"";
  text += file.cell(row, 0);
  text += "\"): ";
  text += message;
  return make_error(ErrorCode::internal, text);
}

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
