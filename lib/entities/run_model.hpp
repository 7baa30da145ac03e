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

#ifdef __SSE2__
#include <xmmintrin.h>
#endif

#include "absl/status/statusor.h"
#include "lexicon/data_files.hpp"
#include "lexicon/phrase_matcher.hpp"

namespace eventwire::internal {

enum class RunLabel : uint8_t { none, person, org, loc, misc };
inline constexpr int kRunLabels = 5;
inline constexpr std::string_view kRunLabelNames[kRunLabels] = {"none", "per", "org", "loc", "misc"};

// Features are "prefix=value" strings in the weight table, and hashes when the entity stage
// computes them: the value's hash is the token hash the stage already has
// (PhraseMatcher::hash_token), or for a pair of tokens "a b" the two combined, so that no
// feature string is built or hashed byte by byte while analysing.
constexpr uint64_t text_hash(std::string_view s) { return PhraseMatcher::hash_token(s); }
constexpr uint64_t combine_hashes(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 33);
}
// The hash of a value: one token, or two separated by a space (tokens have no spaces).
inline uint64_t value_hash(std::string_view value) {
  size_t space = value.find(' ');
  if (space == std::string_view::npos) return text_hash(value);
  return combine_hashes(text_hash(value.substr(0, space)), text_hash(value.substr(space + 1)));
}
inline uint64_t feature_hash(uint64_t prefix_hash, uint64_t value_hash) { return combine_hashes(prefix_hash, value_hash); }

// A feature's prefix with its hash, computed at compile time.
struct FeaturePrefix {
  std::string_view name;
  uint64_t hash;
};
constexpr FeaturePrefix feature_prefix(std::string_view name) { return {name, text_hash(name)}; }

class RunModel {
 public:
  // Reads a weight table (columns feature, then one per label, in thousandths); an empty
  // model when there is none.
  static absl::StatusOr<RunModel> load(const data::DataFile* file);

  bool empty() const { return weights_.empty(); }
  // The weights of a feature (one per label), or nullptr when the table does not have it.
  // Features are hashes already well mixed (combine_hashes): an open-addressing table indexed by their
  // high bits finds them in a probe or two.
  const float* find(uint64_t feature) const {
    if (slots_.empty() || !maybe_present(feature)) return nullptr;
    feature |= 1;  // 0 marks an empty slot
    const Slot* slots = slots_.data();
    for (size_t i = feature >> shift_;; i = (i + 1) & mask_) {
      const Slot& slot = slots[i];
      if (slot.key == feature) return &weights_[slot.first];
      if (slot.key == 0) return nullptr;
    }
  }
  // Adds a feature's weights (from find(); nullptr adds nothing) to `scores`.
  static void add(const float* w, std::array<float, kRunLabels>& scores) {
    if (!w) return;
#ifdef __SSE2__
    static_assert(kRunLabels == 5);
    _mm_storeu_ps(scores.data(), _mm_add_ps(_mm_loadu_ps(scores.data()), _mm_loadu_ps(w)));
    scores[4] += w[4];
#else
    for (int k = 0; k < kRunLabels; ++k) scores[k] += w[k];
#endif
  }
  void add(uint64_t feature, std::array<float, kRunLabels>& scores) const { add(find(feature), scores); }
  static RunLabel best(const std::array<float, kRunLabels>& scores) {
    int best = 0;
    for (int k = 1; k < kRunLabels; ++k)
      if (scores[k] > scores[best]) best = k;
    return static_cast<RunLabel>(best);
  }

 private:
  struct Slot {
    uint64_t key = 0;    // feature hash with its lowest bit set; 0: empty
    uint32_t first = 0;  // its first weight
  };
  void insert(uint64_t feature, uint32_t first);
  // Most features of a run are not in the table: a bit set indexed by their low bits (the
  // slots are found by the high ones), 16 KiB, answers for most of them without a probe.
  static constexpr size_t kPresentBits = size_t{1} << 17;
  static size_t present_bit(uint64_t feature) { return (feature >> 1) & (kPresentBits - 1); }
  bool maybe_present(uint64_t feature) const {
    const size_t bit = present_bit(feature);
    return present_[bit / 64] >> (bit % 64) & 1;
  }
  std::vector<uint64_t> present_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;           // slots_.size() - 1
  int shift_ = 64;
  std::vector<float> weights_;
};

}  // namespace eventwire::internal
