// datagen: compiles the language data under lib/lang into C++ tables, and refuses bad data.
//
//   datagen OUTPUT.inc ROOT FILE...
//
// Each FILE (a path below ROOT) becomes one table of string cells:
//   *.txt  one entry a line (synonyms as `canonical|variant|...`)   -> 1 column
//   *.tsv  a header row naming the columns, then rows               -> N columns
//   *.kv   `key=value` lines                                       -> 2 columns
// Lines starting with '#' and blank lines are skipped. Validation failures (invalid UTF-8,
// text not in NFC, wrong column count, duplicates, stray whitespace) stop the build with
// `path:line: message`.
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tools/tool_files.hpp"

using eventwire::tools::split;

namespace {

struct Table {
  std::string path;
  std::string format;  // list | table | keyvalue
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

int g_errors = 0;

void fail(const std::string& path, size_t line, const std::string& message) {
  std::cerr << path << ":" << line << ": " << message << "\n";
  ++g_errors;
}

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> utf16(s.size() + 1);
  int32_t length = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, s.data(),
                static_cast<int32_t>(s.size()), &status);
  if (U_FAILURE(status)) return false;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return false;
  UBool ok = unorm2_isNormalized(nfc, utf16.data(), length, &status);
  return U_SUCCESS(status) && ok;
}

bool is_valid_utf8(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status);
}

bool has_stray_space(const std::string& cell) {
  return !cell.empty() && (cell.front() == ' ' || cell.back() == ' ');
}

std::string format_of(const std::string& path) {
  auto ends_with = [&](const char* ext) {
    std::string e(ext);
    return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends_with(".txt")) return "list";
  if (ends_with(".tsv")) return "table";
  if (ends_with(".kv")) return "keyvalue";
  return "";
}

bool read_table(const std::string& root, const std::string& path, Table& table) {
  std::ifstream in(root + "/" + path, std::ios::binary);
  if (!in) {
    fail(path, 0, "cannot open");
    return false;
  }
  table.path = path;
  table.format = format_of(path);
  if (table.format.empty()) {
    fail(path, 0, "unknown data file type (expected .txt, .tsv or .kv)");
    return false;
  }
  std::set<std::string> seen_keys;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!is_valid_utf8(line)) {
      fail(path, line_no, "invalid UTF-8");
      continue;
    }
    if (!is_nfc(line)) fail(path, line_no, "text is not in Unicode NFC");
    std::vector<std::string> cells;
    if (table.format == "list") {
      if (line.find('\t') != std::string::npos) fail(path, line_no, "tab in a list file");
      cells.push_back(line);
      for (const std::string& item : split(line, '|')) {
        if (item.empty() || has_stray_space(item)) fail(path, line_no, "empty item or stray space");
        if (!seen_keys.insert(item).second) fail(path, line_no, "duplicate entry '" + item + "'");
      }
    } else if (table.format == "keyvalue") {
      size_t eq = line.find('=');
      if (eq == std::string::npos) {
        fail(path, line_no, "expected key=value");
        continue;
      }
      cells = {line.substr(0, eq), line.substr(eq + 1)};
      if (!seen_keys.insert(cells[0]).second) fail(path, line_no, "duplicate key '" + cells[0] + "'");
    } else {
      cells = split(line, '\t');
      if (table.header.empty()) {
        table.header = cells;
        continue;
      }
      if (cells.size() != table.header.size()) {
        fail(path, line_no, "expected " + std::to_string(table.header.size()) + " columns, found " +
                                std::to_string(cells.size()));
        continue;
      }
      if (!seen_keys.insert(line).second) fail(path, line_no, "duplicate row");
    }
    for (const std::string& cell : cells)
      if (has_stray_space(cell)) fail(path, line_no, "leading or trailing space in '" + cell + "'");
    table.rows.push_back(std::move(cells));
  }
  if (table.format == "table" && table.header.empty()) fail(path, line_no, "missing header row");
  if (table.format == "list") table.header = {"entry"};
  if (table.format == "keyvalue") table.header = {"key", "value"};
  return true;
}

// Octal escapes keep the generated source ASCII and are never greedy (unlike \x).
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

uint64_t fnv1a(uint64_t h, const std::string& s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: datagen OUTPUT.inc ROOT FILE...\n";
    return 2;
  }
  const std::string output = argv[1], root = argv[2];
  std::vector<Table> tables;
  for (int i = 3; i < argc; ++i) {
    Table t;
    if (read_table(root, argv[i], t)) tables.push_back(std::move(t));
  }
  if (g_errors) {
    std::cerr << "datagen: " << g_errors << " error(s) in the language data\n";
    return 1;
  }
  std::ostringstream out;
  out << "// Generated by datagen from lib/lang. Do not edit.\n";
  // "..."sv literals carry their length, so compilers need not count
  // characters in constant evaluation (clang's step limit stops at large tables).
  out << "using namespace std::string_view_literals;\n";
  uint64_t digest = 1469598103934665603ULL;
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = tables[i];
    digest = fnv1a(digest, t.path);
    out << "constexpr std::string_view kHeader" << i << "[] = {";
    for (const auto& h : t.header) out << literal(h) << "sv,";
    out << "};\n";
    out << "constexpr std::string_view kCells" << i << "[] = {";
    for (const auto& row : t.rows) {
      out << "\n ";
      for (const auto& cell : row) {
        digest = fnv1a(fnv1a(digest, cell), "\t");
        out << literal(cell) << "sv,";
      }
    }
    if (t.rows.empty()) out << "\"\"sv";  // arrays may not be empty
    out << "};\n";
  }
  out << "constexpr DataFile kDataFiles[] = {\n";
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = tables[i];
    out << "  {" << literal(t.path) << ", DataFormat::" << t.format << ", " << t.header.size() << ", "
        << t.rows.size() << ", kHeader" << i << ", kCells" << i << "},\n";
  }
  out << "};\n";
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
  out << "constexpr std::string_view kDataDigest = \"" << hex << "\";\n";

  return eventwire::tools::write_if_changed(output, out.str());
}
