// A small averaged-perceptron classifier for capitalised runs of words the dictionaries do not
// know: person, organisation, location, other name (MISC) or no name. Its weights are data
// (lib/lang/<lang>/ner_runs.tsv, one row a feature), written by lib/tools/train_ner.cpp from
// the CoNLL training files; the features are computed by the entity stage itself, so that
// training and use agree.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "lexicon/data_files.hpp"

namespace eventwire::internal {

enum class RunLabel : uint8_t { none, person, org, loc, misc };
inline constexpr int kRunLabels = 5;
inline constexpr std::string_view kRunLabelNames[kRunLabels] = {"none", "per", "org", "loc", "misc"};

// The hash of a feature "prefix=value", computed without building the string.
inline uint64_t feature_hash(std::string_view prefix, std::string_view value) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : prefix) h = (h ^ c) * 1099511628211ull;
  h = (h ^ '=') * 1099511628211ull;
  for (unsigned char c : value) h = (h ^ c) * 1099511628211ull;
  return h;
}

class RunModel {
 public:
  // Reads a weight table (columns feature, then one per label, in thousandths); an empty
  // model when there is none.
  static absl::StatusOr<RunModel> load(const data::DataFile* file);

  bool empty() const { return index_.empty(); }
  // Adds the weights of a feature to `scores`.
  void add(uint64_t feature, std::array<float, kRunLabels>& scores) const {
    auto it = index_.find(feature);
    if (it == index_.end()) return;
    const float* w = &weights_[it->second];
    for (int k = 0; k < kRunLabels; ++k) scores[k] += w[k];
  }
  static RunLabel best(const std::array<float, kRunLabels>& scores) {
    int best = 0;
    for (int k = 1; k < kRunLabels; ++k)
      if (scores[k] > scores[best]) best = k;
    return static_cast<RunLabel>(best);
  }

 private:
  absl::flat_hash_map<uint64_t, uint32_t> index_;  // feature -> first weight
  std::vector<float> weights_;
};

}  // namespace eventwire::internal
