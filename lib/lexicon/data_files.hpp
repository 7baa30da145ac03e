// The language data compiled into the library (lib/lang/**, turned into tables by datagen).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace eventwire::internal::data {

enum class DataFormat : uint8_t { list, table, keyvalue };

// One data file: `rows` rows of `columns` string cells. Lists have one column holding the
// whole line (`canonical|variant|...`); key=value files have two.
struct DataFile {
  std::string_view path;  // relative to lib/lang, e.g. "en/abbreviations.txt"
  DataFormat format;
  uint32_t columns;
  uint32_t rows;
  const std::string_view* header;
  const std::string_view* cells;

  std::string_view cell(uint32_t row, uint32_t column) const { return cells[row * columns + column]; }
  // Index of the named column, or -1.
  int column(std::string_view name) const;
};

// The file at `path`, or nullptr when there is none (a language may lack a file).
const DataFile* find_file(std::string_view path);

// Every compiled data file, in path order.
std::vector<const DataFile*> all_files();

// A digest of all data, which changes whenever any data file does.
std::string_view digest();

// The indexes of the named columns of a table, or an error naming the first one missing.
absl::StatusOr<std::vector<int>> columns(const DataFile& file, std::initializer_list<std::string_view> names);

// The value of `key` in a key=value file, or "" when the key is absent.
std::string_view value_of(const DataFile& file, std::string_view key);

// An error about row `row` (0-based, data rows only) of a data file.
absl::Status row_error(const DataFile& file, uint32_t row, std::string_view message);

// Splits `text` at every `separator` (an empty text gives one empty item).
std::vector<std::string_view> split(std::string_view text, char separator);

// Splits a list entry `canonical|variant|...` into its items.
inline std::vector<std::string_view> split_synonyms(std::string_view entry) { return split(entry, '|'); }

}  // namespace eventwire::internal::data
