// Sets and maps keyed by words, looked up with std::string_view without building a string.
#pragma once

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "lexicon/phrase_matcher.hpp"

namespace eventwire::internal {

// Hashing and equality that accept std::string and std::string_view alike. Words are short:
// the token hash reads them a word at a time, well mixed in its high and low bits alike.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return PhraseMatcher::hash_token(s); }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

class WordSet {
 public:
  void insert(std::string_view w) { set_.emplace(w); }
  bool contains(std::string_view w) const { return set_.find(w) != set_.end(); }
  size_t size() const { return set_.size(); }

 private:
  absl::flat_hash_set<std::string, WordHash, WordEq> set_;
};

template <class Value>
using WordMap = absl::flat_hash_map<std::string, Value, WordHash, WordEq>;

}  // namespace eventwire::internal
