// Token-sequence lookup for multi-word names: each phrase is stored as the chain of hashes of
// its folded tokens, so a text is matched by hashing each token once and following the chain
// from every position, without building strings. Phrases sharing a prefix share its links.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/byte_words.hpp"

namespace eventwire::internal {

class PhraseMatcher {
 public:
  // The hash of one (folded) token, and of a sequence extended by one more token. A token's
  // bytes are read a word at a time rather than one by one: a token of up to eight bytes,
  // most of them, is one word (its bytes, zero above them), and the last word of a longer one
  // overlaps the word before. Each step is one-to-one; extend() and the users' own hashing
  // mix the result further.
  static constexpr uint64_t hash_token(std::string_view folded) {
    const size_t n = folded.size();
    if (n <= 8) return hash_short(n, short_word(folded));
    uint64_t h = kTokenSeed ^ (n * kLengthFactor);
    for (size_t i = 0; i + 8 < n; i += 8) h = mix(h ^ byte_words::load(folded, i, 8));
    return mix(h ^ byte_words::load(folded, n - 8, 8));
  }
  // hash_token(text.substr(begin, n)) for a token inside a longer text: a short one is read
  // in one load when the text holds eight bytes from `begin` (those past it masked off).
  static uint64_t hash_token_at(std::string_view text, size_t begin, size_t n) {
    if (n - 1 < 8 && begin + 8 <= text.size()) return hash_short(n, byte_words::load_prefix(text.data() + begin, n));
    return hash_token(text.substr(begin, n));
  }
  static uint64_t extend(uint64_t sequence, uint64_t token) {
    uint64_t h = (sequence ^ token) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }
  static constexpr uint64_t kStart = 0x2545F4914F6CDD1Dull;

  struct Node {
    uint32_t first = 0;  // values of the phrases ending here: [first, first + count) in values()
    uint16_t count = 0;
    bool has_longer = false;  // some phrase continues past this one
    uint8_t tag = 0;          // the owner's mark of its values (see tag_nodes())
  };

  // Adds a phrase (the hashes of its tokens) with a value; one phrase may carry several.
  void add(const std::vector<uint64_t>& tokens, uint32_t value);
  // Makes the matcher ready for lookups; add() may not be called afterwards.
  void finalize();

  // The node after `sequence` (kStart extended by each token), or nullptr. Sequence hashes
  // are well mixed: an open-addressing table indexed by their high bits finds a node in a
  // probe or two, and most misses on the first empty slot.
  const Node* find(uint64_t sequence) const {
    sequence |= 1;  // 0 marks an empty slot
    for (size_t i = sequence >> shift_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == sequence) return &slot.node;
      if (slot.key == 0) return nullptr;
    }
  }
  // The node of a one-token sequence, from the token's hash. Most tokens start no phrase: a
  // bit set of first tokens, small enough to stay in cache, answers for them from the token's
  // hash itself (well mixed), before the sequence hash is computed.
  const Node* find_first(uint64_t token) const {
    if (!is_first(token)) return nullptr;
    return find(extend(kStart, token));
  }
  const uint32_t* values(const Node& n) const { return values_.data() + n.first; }
  // Marks every node with tag(values, count), what its owner wants to know of them without
  // reading them at each lookup. After finalize().
  template <class Tag>
  void tag_nodes(Tag&& tag) {
    for (Slot& slot : slots_)
      if (slot.key) slot.node.tag = tag(values_.data() + slot.node.first, slot.node.count);
  }
  size_t size() const { return phrases_; }

 private:
  struct Slot {
    uint64_t key = 0;
    Node node;
  };
  bool is_first(uint64_t token) const { return first_bits_[(token >> 6) & (kFirstBits / 64 - 1)] >> (token & 63) & 1; }
  std::vector<Slot> slots_ = std::vector<Slot>(2);  // a power of two, at most half full
  size_t mask_ = 1;
  int shift_ = 63;
  static constexpr size_t kFirstBits = 1 << 16;
  std::vector<uint64_t> first_bits_ = std::vector<uint64_t>(kFirstBits / 64);
  absl::flat_hash_map<uint64_t, Node> nodes_;  // while building
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> pending_;
  std::vector<uint32_t> values_;
  size_t phrases_ = 0;

  static constexpr uint64_t kTokenSeed = 0x9AE16A3B2F90404Full, kLengthFactor = 0xC3A5C85C97CB3127ull;
  static constexpr uint64_t hash_short(size_t n, uint64_t word) { return mix(kTokenSeed ^ (n * kLengthFactor) ^ word); }
  // The bytes of a token of at most eight bytes as a little-endian number, zero above them:
  // two overlapping loads, whose common bytes are the same.
  static constexpr uint64_t short_word(std::string_view s) {
    const size_t n = s.size();
    using byte_words::load;
    if (n >= 4) return load(s, 0, 4) | load(s, n - 4, 4) << (8 * (n - 4));
    if (n >= 2) return load(s, 0, 2) | load(s, n - 2, 2) << (8 * (n - 2));
    return n ? load(s, 0, 1) : 0;
  }
  static constexpr uint64_t mix(uint64_t h) {
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }
};

}  // namespace eventwire::internal
