// The layout of the compiled language identification model, shared by the build tool that
// writes it (lib/tools/langid_gen.cpp) and the detector that reads it. The training tool
// lib/tools/langid_train.py uses the same constants and hash.
#pragma once

#include <cstdint>

namespace eventwire::internal::langid_model {

// Languages of the word-shape buckets, in column order: the three analysed languages first,
// then look-alikes whose text must come out as und.
inline constexpr int kMainLanguages = 3;  // en, nl, fr (the order of Lang after und)
inline constexpr int kAllLanguages = 11;
inline constexpr const char* kAllCodes[kAllLanguages] = {"en", "nl", "fr", "af", "da", "de",
                                                         "es", "it", "no", "pt", "sv"};

inline constexpr int kNgramSlots = 1 << 16;  // open addressing, linear probing
inline constexpr int kBuckets = 1 << 13;
inline constexpr int kBucketStride = 16;     // kAllLanguages costs, padded
inline constexpr uint8_t kAbsent = 255;      // n-gram cost of a language that lacks it
inline constexpr int kMissingCost = 160;     // a character no language model has seen
inline constexpr int kCostScale = 8;         // costs are -ln p times this
inline constexpr int kMaxNgram = 4;          // character n-grams scored per language
inline constexpr int kMaxShapeGram = 5;      // n-grams of " word " hashed into buckets

// N-grams are hashed with FNV-1a, one step per character (its code point).
inline constexpr uint32_t kFnvBasis = 0x811C9DC5u;
constexpr uint32_t fnv_step(uint32_t h, uint32_t code_point) { return (h ^ code_point) * 0x01000193u; }
// The fingerprint stored for a hash (never 0, which marks an empty slot).
constexpr uint16_t fingerprint(uint32_t h) {
  return static_cast<uint16_t>((h >> 16) == 0 ? 1 : (h >> 16));
}

}  // namespace eventwire::internal::langid_model
