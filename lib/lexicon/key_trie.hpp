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
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::internal {

// A quick test of whether a word may be one of (or begin one of) a set of keys, from its
// first four bytes, or the whole word when shorter: a few instructions that reject most words
// of a text before any lookup. False positives happen; false negatives do not, except for
// words with a hyphen among their first four bytes ("F-16s"), which callers look up directly.
// With `prefixes`, a key of three bytes may also begin a longer word (Dutch compounds:
// "een" of "eenentwintig").
class WordFilter {
 public:
  explicit WordFilter(bool prefixes = false) : prefixes_(prefixes) {}

  // Where a word falls in a filter: computed once, tested against several filters.
  struct Slot {
    uint32_t word;  // the word's class: its first four bytes, or the whole word when shorter
    uint32_t head;  // a long word's first three bytes (for `prefixes`), or 0
  };
  static Slot slot(std::string_view text, size_t pos, size_t length) {
    uint32_t bytes = 0;
    if (pos + 4 <= text.size()) {
      std::memcpy(&bytes, text.data() + pos, 4);  // little-endian: the first byte lowest
    } else {
      for (size_t k = 0; k < 4 && pos + k < text.size(); ++k)
        bytes |= static_cast<uint32_t>(static_cast<unsigned char>(text[pos + k])) << (8 * k);
    }
    if (length >= 4) return {bytes, bytes & 0xFFFFFFu};
    static constexpr uint32_t kMask[4] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu};
    return {bytes & kMask[length], 0};
  }
  bool test(Slot s) const { return bit(s.word) || (prefixes_ && s.head && bit(s.head ^ kPrefixTag)); }
  // The word of `length` bytes at `pos` (a token as the tokenizer cut it).
  bool may_match_word(std::string_view text, size_t pos, size_t length) const { return test(slot(text, pos, length)); }

  // Adds a key (separators as single spaces, as KeyTrie stores it), or all keys of another
  // filter (which then also passes words by their prefix when the other does).
  void add(std::string_view key);
  void add(const WordFilter& other) {
    for (size_t i = 0; i < bits_.size(); ++i) bits_[i] |= other.bits_[i];
    prefixes_ = prefixes_ || other.prefixes_;
  }

 private:
  // Marks a three-byte key that may begin a longer word (`prefixes`), apart from the same key
  // as a whole word. The high byte of a three-byte class is zero, so the tag cannot collide.
  static constexpr uint32_t kPrefixTag = 0x80000000u;

  // The bytes of a word class (little-endian, zero-padded) hashed to 16 bits.
  static uint32_t hash(uint32_t bytes) { return (bytes * 2654435761u) >> 16; }
  bool bit(uint32_t bytes) const {
    uint32_t h = hash(bytes);
    return (bits_[h >> 6] >> (h & 63)) & 1;
  }
  void set(uint32_t bytes) {
    uint32_t h = hash(bytes);
    bits_[h >> 6] |= uint64_t{1} << (h & 63);
  }

  bool prefixes_;
  std::array<uint64_t, 1024> bits_{};
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
  // Lets the filter pass words that begin with a three-byte key (compounds); call before inserting.
  void filter_prefixes() { filter_ = WordFilter(/*prefixes=*/true); }

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
