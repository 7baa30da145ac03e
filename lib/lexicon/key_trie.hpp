// A byte trie of keys (words or phrases) with a payload each, walked directly over the text:
// it finds every key that starts at a position without cutting the text into words first, so
// phrases ("more than", "pour cent"), compounds ("tweehonderd|drie|ën|vijftig") and symbols
// ("US$", "km/h") are looked up the same way, with no string built.
//
// In the text, a run of spaces matches the single space of a key; with `hyphens_as_spaces`,
// hyphens count as spaces too ("quatre-vingt" matches the key "quatre vingt"). Keys may also
// be stored without their accents (`add_unaccented`), so that "cinquieme" finds "cinquième".
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::internal {

// A quick test of whether a word may be one of (or begin one of) a set of keys, from its first
// three bytes, or the whole word when shorter: a few instructions that reject most words of a
// text before any lookup. False positives happen; false negatives do not.
class WordFilter {
 public:
  // Adds a key (separators as single spaces, as KeyTrie stores it), or all keys of another filter.
  void add(std::string_view key);
  void add(const WordFilter& other) {
    for (size_t i = 0; i < three_bytes_.size(); ++i) three_bytes_[i] |= other.three_bytes_[i];
    for (size_t i = 0; i < short_words_.size(); ++i) short_words_[i] |= other.short_words_[i];
  }
  // The word of `length` bytes at `pos` (a token as the tokenizer cut it).
  // Hyphens count as spaces, in keys and words ("F-16s", "quatre-vingt").
  bool may_match_word(std::string_view text, size_t pos, size_t length) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data() + pos);
    size_t h;
    if (length >= 3) {
      h = gram(p[0], space(p[1]), space(p[2]));
      return (three_bytes_[h >> 6] >> (h & 63)) & 1;
    }
    h = (static_cast<size_t>(p[0]) << 8) | (length == 2 ? space(p[1]) : 0);
    return (short_words_[h >> 6] >> (h & 63)) & 1;
  }

 private:
  static unsigned char space(unsigned char c) { return c == '-' ? ' ' : c; }
  static size_t gram(unsigned char a, unsigned char b, unsigned char c) {
    return (static_cast<size_t>(a) * 961 + static_cast<size_t>(b) * 31 + c) & 0xFFFF;
  }
  std::array<uint64_t, 1024> three_bytes_{};  // first three bytes of keys, hashed
  std::array<uint64_t, 1024> short_words_{};  // first words of one or two bytes ("a", "op" of "op de")
};

class KeyTrie {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  explicit KeyTrie(bool hyphens_as_spaces = false);

  // Adds `key` (as written; fold its case first for a case-insensitive trie). A key already
  // present keeps its first payload; returns false then. With `filtered` false the key is
  // left out of may_match_word() (a key that never starts what the caller looks for, "and").
  bool insert(std::string_view key, uint32_t payload, bool filtered = true);
  // Also adds the key without accents ("cinquième" -> "cinquieme") when that differs and is
  // not a key already.
  void insert_with_unaccented(std::string_view key, uint32_t payload, bool filtered = true);

  // Lays the trie out for walking; call once after the last insert, before any match.
  void finish();

  bool empty() const { return nodes_.size() <= 1; }
  // Whether some key starts with byte `c` (a cheap first test before a walk).
  bool may_start(unsigned char c) const { return root_[c] != kNone; }
  // The quick test of WordFilter over the keys inserted with `filtered`.
  bool may_match_word(std::string_view text, size_t pos, size_t length) const {
    return filter_.may_match_word(text, pos, length);
  }
  const WordFilter& filter() const { return filter_; }

  // Calls found(end, payload) for each key that matches `text` from `pos`, shortest first;
  // `end` is one past the last byte matched. The walk stops at `limit`.
  template <class Found>
  void match(std::string_view text, size_t pos, size_t limit, Found&& found) const {
    if (pos >= limit) return;
    uint32_t node = root_[static_cast<unsigned char>(text[pos])];
    size_t i = pos + 1;
    while (node != kNone) {
      const Node& n = nodes_[node];
      if (n.payload != kNone) found(i, n.payload);
      if (i >= limit || n.edge_count == 0) return;
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (is_separator(c)) {
        size_t j = i;
        while (j < limit && is_separator(static_cast<unsigned char>(text[j]))) ++j;
        node = child(n, ' ');
        i = j;
      } else {
        node = child(n, c);
        ++i;
      }
    }
  }

  // The longest key matching at `pos` whose end passes `accept(end)`; its end, or 0.
  template <class Accept>
  size_t longest(std::string_view text, size_t pos, size_t limit, uint32_t& payload, Accept&& accept) const {
    size_t best = 0;
    match(text, pos, limit, [&](size_t end, uint32_t p) {
      if (accept(end)) {
        best = end;
        payload = p;
      }
    });
    return best;
  }

 private:
  struct Node {
    uint32_t payload = kNone;
    uint32_t first_edge = 0;
    uint32_t edge_count = 0;
  };
  struct Edge {
    unsigned char byte;
    uint32_t child;
  };

  bool is_separator(unsigned char c) const { return c == ' ' || (hyphens_as_spaces_ && c == '-'); }
  uint32_t child(const Node& n, unsigned char c) const {
    const Edge* e = edges_.data() + n.first_edge;
    for (uint32_t k = 0; k < n.edge_count; ++k)
      if (e[k].byte == c) return e[k].child;
    return kNone;
  }
  std::string normalize_key(std::string_view key) const;

  bool hyphens_as_spaces_;
  std::array<uint32_t, 256> root_;
  WordFilter filter_;
  std::vector<Node> nodes_;        // nodes_[0] is the root
  std::vector<Edge> edges_;        // each node's edges, contiguous
  std::vector<std::map<unsigned char, uint32_t>> children_;  // the same while building
};

// `text` without the accents of Latin letters ("é" -> "e", "ç" -> "c", "œ" -> "oe").
std::string remove_accents(std::string_view text);

}  // namespace eventwire::internal
