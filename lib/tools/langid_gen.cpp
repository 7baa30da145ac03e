// langid_gen: compiles the language identification model under lib/lang into C++ tables.
//
//   langid_gen OUTPUT.inc EN_NGRAMS NL_NGRAMS FR_NGRAMS WORDS LEXICON
//
// EN/NL/FR_NGRAMS are lib/lang/<lc>/langid_ngrams.tsv (`ngram<TAB>cost`), WORDS is
// lib/lang/common/langid_words.tsv (`bucket<TAB>en<TAB>nl<TAB>...`), LEXICON is
// lib/lang/common/langid_lexicon.tsv (`word<TAB>class`). All are written by
// lib/tools/langid_train.py. The n-grams go into one open-addressing hash table keyed by the
// FNV-1a hash of their code points (16-bit slot, 16-bit fingerprint), with one cost per language
// beside the fingerprint (255: the language lacks the n-gram); the buckets keep each language's
// cost above the bucket's least, since only differences between languages count; the lexicon
// becomes an open-addressing table of 16-bit entries (an 11-bit fingerprint of the word's hash
// and its class), at most 3/4 full. Malformed input stops the build with `path:line: message`.
#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "langid/model_format.hpp"
#include "tools/tool_files.hpp"

using eventwire::tools::split;

namespace {

using namespace eventwire::internal::langid_model;

int g_errors = 0;

void fail(const std::string& path, size_t line, const std::string& message) {
  std::cerr << path << ":" << line << ": " << message << "\n";
  ++g_errors;
}

bool parse_number(const std::string& s, int max, int& out) {
  if (s.empty() || s.size() > 5) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return v <= max;
}

// Rows of a TSV file after its comments and header (checked against `header`).
std::vector<std::pair<size_t, std::vector<std::string>>> read_tsv(const std::string& path,
                                                                  const std::vector<std::string>& header) {
  std::vector<std::pair<size_t, std::vector<std::string>>> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(path, 0, "cannot open");
    return rows;
  }
  std::string line;
  size_t line_no = 0;
  bool seen_header = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = split(line, '\t');
    if (!seen_header) {
      seen_header = true;
      if (cells != header) fail(path, line_no, "unexpected header");
      continue;
    }
    if (cells.size() != header.size()) {
      fail(path, line_no, "expected " + std::to_string(header.size()) + " columns");
      continue;
    }
    rows.emplace_back(line_no, std::move(cells));
  }
  return rows;
}

// The code points of a UTF-8 string (the model files are checked UTF-8 by the trainer).
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: langid_gen OUTPUT.inc EN_NGRAMS NL_NGRAMS FR_NGRAMS WORDS LEXICON\n";
    return 2;
  }
  const std::string output = argv[1];

  // n-gram -> cost in each main language
  std::map<std::string, std::array<uint8_t, kMainLanguages>> ngrams;
  for (int lang = 0; lang < kMainLanguages; ++lang) {
    const std::string path = argv[2 + lang];
    for (auto& [line_no, cells] : read_tsv(path, {"ngram", "cost"})) {
      int cost = 0;
      if (!parse_number(cells[1], kAbsent - 1, cost)) {
        fail(path, line_no, "cost must be 0.." + std::to_string(kAbsent - 1));
        continue;
      }
      if (cells[0].empty() || cells[0].size() > 16) {
        fail(path, line_no, "bad n-gram");
        continue;
      }
      auto it = ngrams.try_emplace(cells[0]).first;
      if (it->second[0] == 0 && it->second[1] == 0 && it->second[2] == 0) it->second.fill(kAbsent);
      if (it->second[lang] != kAbsent) fail(path, line_no, "duplicate n-gram");
      it->second[lang] = static_cast<uint8_t>(cost);
    }
  }
  if (ngrams.size() * 10 > kNgramSlots * 7) fail(argv[2], 0, "too many n-grams for the table");
  // The detector stops looking for longer n-grams at the first one the model lacks.
  for (const auto& [gram, cost] : ngrams) {
    size_t last = gram.size() - 1;  // the start of the last character
    while (last > 0 && (static_cast<unsigned char>(gram[last]) & 0xC0) == 0x80) --last;
    if (last > 0 && !ngrams.count(gram.substr(0, last))) fail(argv[2], 0, "the prefix of n-gram '" + gram + "' is missing");
  }

  std::vector<uint16_t> fingerprints(kNgramSlots, 0);
  std::vector<std::array<uint8_t, kMainLanguages>> costs(kNgramSlots);
  std::vector<uint32_t> hashes(kNgramSlots, 0);
  for (const auto& [gram, cost] : ngrams) {
    uint32_t h = kFnvBasis;
    for (char32_t cp : code_points(gram)) h = fnv_step(h, cp);
    uint32_t slot = h & (kNgramSlots - 1);
    while (fingerprints[slot] != 0) {
      if (hashes[slot] == h) fail(argv[2], 0, "two n-grams share a hash: '" + gram + "'");
      slot = (slot + 1) & (kNgramSlots - 1);
    }
    fingerprints[slot] = fingerprint(h);
    hashes[slot] = h;
    costs[slot] = cost;
  }

  std::vector<std::string> header = {"bucket"};
  for (const char* code : kAllCodes) header.push_back(code);
  auto bucket_rows = read_tsv(argv[5], header);
  std::vector<std::array<uint8_t, kBucketStride>> buckets(kBuckets);
  std::vector<bool> seen(kBuckets, false);
  for (auto& [line_no, cells] : bucket_rows) {
    int b = 0;
    if (!parse_number(cells[0], kBuckets - 1, b) || seen[b]) {
      fail(argv[5], line_no, "bad or repeated bucket number");
      continue;
    }
    seen[b] = true;
    int cost[kAllLanguages] = {}, least = 255;
    for (int l = 0; l < kAllLanguages; ++l) {
      if (!parse_number(cells[1 + l], 255, cost[l])) fail(argv[5], line_no, "cost must be 0..255");
      least = std::min(least, cost[l]);
    }
    // Only differences between languages count: store each cost above the bucket's least.
    buckets[b].fill(0);
    for (int l = 0; l < kAllLanguages; ++l) buckets[b][l] = static_cast<uint8_t>(cost[l] - least);
  }
  if (bucket_rows.size() != static_cast<size_t>(kBuckets)) fail(argv[5], 0, "expected one row per bucket");
  const std::string lexicon_path = argv[6];
  auto lexicon_rows = read_tsv(lexicon_path, {"word", "class"});
  uint32_t lexicon_slots = 1024;
  while (lexicon_slots * 3 < lexicon_rows.size() * 4) lexicon_slots *= 2;
  std::vector<uint16_t> lexicon(lexicon_slots, 0);
  std::map<std::string, size_t> seen_words;
  for (auto& [line_no, cells] : lexicon_rows) {
    int word_class = 0;
    while (word_class < kWordClasses && cells[1] != kWordClassNames[word_class]) ++word_class;
    if (word_class == 0 || word_class == kWordClasses) {
      fail(lexicon_path, line_no, "unknown or empty word class '" + cells[1] + "'");
      continue;
    }
    if (cells[0].empty() || !seen_words.emplace(cells[0], line_no).second) {
      fail(lexicon_path, line_no, "empty or repeated word");
      continue;
    }
    const uint32_t h = word_hash(cells[0].data(), cells[0].size());
    uint32_t slot = h & (lexicon_slots - 1);
    while (lexicon[slot] != 0) slot = (slot + 1) & (lexicon_slots - 1);
    lexicon[slot] = lexicon_entry(h, word_class);
  }
  if (g_errors) {
    std::cerr << "langid_gen: " << g_errors << " error(s) in the language identification model\n";
    return 1;
  }

  std::ostringstream out;
  out << "// Generated by langid_gen from lib/lang/*/langid_ngrams.tsv and common/langid_{words,lexicon}.tsv.\n";
  out << "// " << ngrams.size() << " n-grams in " << kNgramSlots << " slots.\n";
  out << "alignas(64) constexpr NgramSlot kNgrams[" << kNgramSlots << "] = {";
  for (int s = 0; s < kNgramSlots; ++s) {
    out << (s % 8 ? "" : "\n") << "{" << fingerprints[s] << ",{";
    for (int l = 0; l < kMainLanguages; ++l) out << int(fingerprints[s] ? costs[s][l] : kAbsent) << ",";
    out << "}},";
  }
  out << "};\n";
  out << "alignas(64) constexpr uint8_t kBucketCosts[" << kBuckets << "][" << kBucketStride << "] = {";
  for (int b = 0; b < kBuckets; ++b) {
    out << (b % 4 ? "" : "\n") << "{";
    for (int l = 0; l < kBucketStride; ++l) out << int(buckets[b][l]) << ",";
    out << "},";
  }
  out << "};\n";

  out << "// " << lexicon_rows.size() << " words of the lexicon in " << lexicon_slots << " slots.\n";
  out << "constexpr uint32_t kLexiconSlots = " << lexicon_slots << ";\n";
  out << "alignas(64) constexpr uint16_t kLexicon[" << lexicon_slots << "] = {";
  for (uint32_t s = 0; s < lexicon_slots; ++s) out << (s % 16 ? "" : "\n") << lexicon[s] << ",";
  out << "};\n";

  return eventwire::tools::write_if_changed(output, out.str());
}
