// The layout of the compiled language identification model, shared by the build tool that
// writes it (lib/tools/langid_gen.cpp) and the detector that reads it. The training tool
// lib/tools/langid_train.py uses the same constants and hash.
#pragma once

#include <cstddef>
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

// Word classes of the lexicon for short texts (lib/lang/common/langid_lexicon.tsv): which word
// lists hold the word, as ENGLISH DUTCH FRENCH with ENGLISH one of - 1 2 3 4 p (SCOWL size
// 10-20, 35-40, 50-60, 70-95, p: a proper name only), DUTCH N or -, FRENCH F or -. Class 0 ("---",
// in no list) is every word the lexicon lacks; a rare English word or a name in no other list
// ("4--", "p--") counts as in no list.
inline constexpr int kWordClasses = 22;
inline constexpr const char* kWordClassNames[kWordClasses] = {
    "---", "--F", "-N-", "-NF", "1--", "1-F", "1N-", "1NF", "2--", "2-F", "2N-",
    "2NF", "3--", "3-F", "3N-", "3NF", "4-F", "4N-", "4NF", "p-F", "pN-", "pNF"};
// A lexicon slot holds an 11-bit fingerprint of the word's hash and its class (0: empty slot);
// a word not in the lexicon meets a stored fingerprint about once in a thousand look-ups.
inline constexpr int kWordClassBits = 5;
constexpr uint16_t lexicon_entry(uint32_t word_hash, int word_class) {
  return static_cast<uint16_t>(((word_hash >> 21) << kWordClassBits) | static_cast<uint32_t>(word_class));
}
// A slot of the n-gram table: the fingerprint of the n-gram's hash (0: empty slot) and its cost
// in each main language, side by side so that a probe mostly reads one cache line.
struct NgramSlot {
  uint16_t fingerprint;
  uint8_t costs[kMainLanguages];
};
// N-grams are hashed with FNV-1a, one step per character (its code point).
inline constexpr uint32_t kFnvBasis = 0x811C9DC5u;
constexpr uint32_t fnv_step(uint32_t h, uint32_t code_point) { return (h ^ code_point) * 0x01000193u; }
// The lexicon's words are hashed with FNV-1a over their UTF-8 bytes.
inline uint32_t word_hash(const char* s, size_t n) {
  uint32_t h = kFnvBasis;
  for (size_t i = 0; i < n; ++i) h = fnv_step(h, static_cast<unsigned char>(s[i]));
  return h == 0 ? 1 : h;
}
// The fingerprint stored for a hash (never 0, which marks an empty slot).
constexpr uint16_t fingerprint(uint32_t h) {
  return static_cast<uint16_t>((h >> 16) == 0 ? 1 : (h >> 16));
}

}  // namespace eventwire::internal::langid_model
