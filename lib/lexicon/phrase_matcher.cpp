#include "lexicon/phrase_matcher.hpp"

#include <algorithm>

namespace eventwire::internal {

void PhraseMatcher::add(const std::vector<uint64_t>& tokens, uint32_t value) {
  if (tokens.empty()) return;
  uint64_t h = kStart;
  for (size_t i = 0; i < tokens.size(); ++i) {
    h = extend(h, tokens[i]);
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
    node.count = static_cast<uint32_t>(values.size());
    values_.insert(values_.end(), values.begin(), values.end());
  }
  pending_.clear();
}

}  // namespace eventwire::internal
