#include "lexicon/phrase_matcher.hpp"

#include <algorithm>

namespace eventwire::internal {

void PhraseMatcher::add(const std::vector<uint64_t>& tokens, uint32_t value) {
  if (tokens.empty()) return;
  uint64_t h = kStart;
  for (size_t i = 0; i < tokens.size(); ++i) {
    h = extend(h, tokens[i]);
    if (i == 0) first_bits_[(tokens[0] >> 6) & (kFirstBits / 64 - 1)] |= uint64_t{1} << (tokens[0] & 63);
    Node& node = nodes_[h];
    if (i + 1 < tokens.size()) node.has_longer = true;
  }
  auto& values = pending_[h];
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(value);
    ++phrases_;
  }
}

void PhraseMatcher::finalize() {
  for (auto& [hash, values] : pending_) {
    Node& node = nodes_[hash];
    node.first = static_cast<uint32_t>(values_.size());
    node.count = static_cast<uint16_t>(std::min<size_t>(values.size(), UINT16_MAX));
    values_.insert(values_.end(), values.begin(), values.end());
  }
  pending_.clear();
  size_t capacity = 16;
  int bits = 4;
  while (capacity < 2 * nodes_.size()) capacity *= 2, ++bits;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  shift_ = 64 - bits;
  for (const auto& [hash, node] : nodes_) {
    uint64_t key = hash | 1;
    size_t i = key >> shift_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = {key, node};
  }
  nodes_.clear();
}

}  // namespace eventwire::internal
