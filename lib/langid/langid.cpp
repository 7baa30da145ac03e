#include "langid/langid.hpp"

#include <unicode/uchar.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "lexicon/data_files.hpp"
#include "text/byte_words.hpp"
#include "text/utf8.hpp"

namespace eventwire::internal {
namespace {

using namespace langid_model;

#include "langid_model.inc"

constexpr int kMaxWordChars = 64;       // longer words are scored on their first 64 characters
static_assert(kMaxWordChars + 2 <= 2 * 48, "the shape sums of a word are flushed once on the way");
// A block or sentence is judged on at most kSampleWords words, and on fewer once the answer is
// clear: kClearMargin nats from any other answer after kClearAfterWords words or more (checked
// every 4 words), or kAgreeMargin after 4 words when it is the language expected (the
// document's so far).
constexpr int kSampleWords = 32;
constexpr int kClearAfterWords = 8;
constexpr float kClearMargin = 25;
constexpr float kAgreeMargin = 8;
// Once kSettledWords words of content agree on the document's language, a later block or
// sentence is only scored when the function words among its first kTriggerWords words lean to
// another language.
constexpr int kSettledWords = 8;
constexpr int kTriggerWords = 8;
constexpr float kSentenceConfidence = 0.75f;  // a sentence leaves its block's language above this
constexpr int kMaxNameWords = 3;        // up to this many words, all capitalised: a name
constexpr float kConfidenceTemperature = 4;  // nats
constexpr float kConfidenceLetters = 12;     // confidence grows with the letters read

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t'; }

size_t non_ascii_letter_length(std::string_view s, size_t i) {
  utf8::Decoded d = utf8::decode(reinterpret_cast<const unsigned char*>(s.data()), s.size(), i);
  if (!d.valid) return 0;
  return (U_GET_GC_MASK(static_cast<UChar32>(d.code_point)) & (U_GC_L_MASK | U_GC_M_MASK)) ? d.length : 0;
}

// Byte length of the letter (or combining mark) at `i`, 0 when the character there is none.
inline size_t letter_length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return static_cast<unsigned char>((c | 0x20) - 'a') < 26 ? 1 : 0;
  return non_ascii_letter_length(s, i);
}

// Letters and marks of the Latin script (the three languages' own); any other letter is of
// another script.
bool is_latin(char32_t cp) {
  return cp < 0x250 || (cp >= 0x300 && cp < 0x370) || (cp >= 0x1E00 && cp < 0x1F00);
}

uint32_t word_hash(std::string_view word) { return langid_model::word_hash(word.data(), word.size()); }

// A word of at most 8 bytes as a number, its bytes in order from the lowest (0 for a longer word):
// the key of the function-word table, exact (no two words share one).
constexpr size_t kMaxKeyBytes = 8;
uint64_t word_key(std::string_view word) {
  return word.size() > kMaxKeyBytes ? 0 : byte_words::load(word, 0, word.size());
}

// Function-word votes: a 5-bit lane per language (kAllCodes order) of a 64-bit number.
constexpr int kVoteBits = 5;
constexpr uint64_t kVoteMask = (1u << kVoteBits) - 1;
constexpr uint64_t kVoteOnes = [] {
  uint64_t ones = 0;
  for (int l = 0; l < kAllLanguages; ++l) ones |= uint64_t{1} << (kVoteBits * l);
  return ones;
}();
static_assert(kTriggerWords < 16, "votes of a language must fit in 4 bits of its lane");

// The first slot of a key in the function-word table: the top bits of a multiplicative hash.
constexpr int kFunctionWordSlotBits = 12;
constexpr uint32_t kFunctionWordSlots = 1u << kFunctionWordSlotBits;
uint32_t function_word_slot(uint64_t key) {
  return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15u) >> (64 - kFunctionWordSlotBits));
}

// Bit i: byte i of 64 is a lower-case ASCII letter (`letters`) or not ASCII (`other`, which may
// be part of a letter).
struct ByteClasses {
  uint64_t letters = 0, other = 0;
};
ByteClasses classify_64_bytes(const char* p) {
  ByteClasses m;
#ifdef __SSE2__
  for (int chunk = 0; chunk < 4; ++chunk) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * chunk));
    // c - 'a' < 26 (unsigned) as a signed comparison, shifted by 128
    const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'a')));
    const __m128i letter = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 + 26)));
    m.letters |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(letter))} << (16 * chunk);
    m.other |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(v))} << (16 * chunk);
  }
#else
  for (int i = 0; i < 64; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    m.letters |= uint64_t{static_cast<unsigned char>(c - 'a') < 26} << i;
    m.other |= uint64_t{c >= 0x80} << i;
  }
#endif
  return m;
}

// The class of a word in the lexicon for short texts (0: not in it).
int word_class(uint32_t h) {
  const uint16_t fp = lexicon_entry(h, 0);
  for (uint32_t slot = h & (kLexiconSlots - 1);; slot = (slot + 1) & (kLexiconSlots - 1)) {
    const uint16_t entry = kLexicon[slot];
    if (entry == 0) return 0;
    if ((entry & ~((1u << kWordClassBits) - 1)) == fp) return entry & ((1u << kWordClassBits) - 1);
  }
}

// Adds the 16 costs of a bucket row to 16-bit sums.
struct ShapeSums {
#ifdef __SSE2__
  __m128i low = _mm_setzero_si128(), high = _mm_setzero_si128();
  void add(const uint8_t* row) {
    const __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(row));
    low = _mm_add_epi16(low, _mm_unpacklo_epi8(v, _mm_setzero_si128()));
    high = _mm_add_epi16(high, _mm_unpackhi_epi8(v, _mm_setzero_si128()));
  }
  void flush(uint32_t* out) {
    alignas(16) uint16_t v[kBucketStride];
    _mm_store_si128(reinterpret_cast<__m128i*>(v), low);
    _mm_store_si128(reinterpret_cast<__m128i*>(v + 8), high);
    for (int l = 0; l < kBucketStride; ++l) out[l] += v[l];
    low = high = _mm_setzero_si128();
  }
#else
  uint16_t v[kBucketStride] = {};
  void add(const uint8_t* row) {
    for (int l = 0; l < kBucketStride; ++l) v[l] = static_cast<uint16_t>(v[l] + row[l]);
  }
  void flush(uint32_t* out) {
    for (int l = 0; l < kBucketStride; ++l) {
      out[l] += v[l];
      v[l] = 0;
    }
  }
#endif
};

size_t char_length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// Links and e-mail addresses say nothing about the language of the text around them.
bool is_link(std::string_view token) {
  return token.find("://") != std::string_view::npos || token.substr(0, 4) == "www." ||
         token.find('@') != std::string_view::npos;
}

const uint8_t* find_ngram(uint32_t h) {
  const uint16_t fp = fingerprint(h);
  for (uint32_t slot = h & (kNgramSlots - 1);; slot = (slot + 1) & (kNgramSlots - 1)) {
    const NgramSlot& entry = kNgrams[slot];
    if (entry.fingerprint == fp) return entry.costs;
    if (entry.fingerprint == 0) return nullptr;
  }
}

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

absl::Status read_weights(LanguageDetector::Weights& w) {
  const data::DataFile* f = data::find_file("common/langid.kv");
  if (!f) return absl::InternalError("language data lacks common/langid.kv");
  auto get = [&](std::string_view key, float& out) -> absl::Status {
    for (uint32_t r = 0; r < f->rows; ++r)
      if (f->cell(r, 0) == key) {
        const std::string_view value = f->cell(r, 1);
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);  // not locale-bound
        if (error != std::errc() || end != value.data() + value.size())
          return absl::InternalError("common/langid.kv: bad " + std::string(key));
        return absl::OkStatus();
      }
    return absl::InternalError("common/langid.kv lacks " + std::string(key));
  };
  float min_words = 0, short_words = 0;
  for (auto [key, out] : {std::pair<std::string_view, float*>{"ngram_weight", &w.ngram},
                          {"chain_weight", &w.chain},
                          {"shape_weight", &w.shape},
                          {"function_word_weight", &w.function_word},
                          {"gate_shape_weight", &w.gate_shape},
                          {"gate_function_word_weight", &w.gate_function_word},
                          {"gate_margin", &w.gate_margin},
                          {"gate_margin_per_letter", &w.gate_margin_per_letter},
                          {"gate_min_words", &min_words},
                          {"short_text_scale", &w.short_text_scale},
                          {"short_text_words", &short_words}}) {
    if (absl::Status s = get(key, *out); !s.ok()) return s;
  }
  w.gate_min_words = static_cast<int>(min_words);
  w.short_text_words = static_cast<int>(short_words);
  for (int l = 0; l < kAllLanguages; ++l) {
    const std::string code = kAllCodes[l];
    if (l < kMainLanguages)
      if (absl::Status s = get("bias_" + code, w.bias[l]); !s.ok()) return s;
    if (absl::Status s = get("gate_bias_" + code, w.gate_bias[l]); !s.ok()) return s;
  }
  const data::DataFile* classes = data::find_file("common/langid_word_classes.tsv");
  if (!classes || classes->rows != kWordClasses || classes->column("class") != 0)
    return absl::InternalError("common/langid_word_classes.tsv: expected one row per word class");
  for (uint32_t r = 0; r < classes->rows; ++r) {
    if (classes->cell(r, 0) != kWordClassNames[r])
      return absl::InternalError("common/langid_word_classes.tsv: classes out of order");
    for (int l = 0; l < kMainLanguages; ++l) {
      const std::string_view value = classes->cell(r, 1 + l);
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), w.word_class[r][l]);
      if (error != std::errc() || end != value.data() + value.size())
        return absl::InternalError("common/langid_word_classes.tsv: bad weight");
    }
  }
  return absl::OkStatus();
}

}  // namespace

// What the words read so far say.
struct LanguageDetector::Evidence {
  int words = 0;
  int letters = 0;      // characters of the words, plus one per word
  int capitalised = 0;  // words written with an upper-case first letter
  int other_script = 0;  // letters of another script than Latin (Cyrillic, Arabic, Han, ...)
  std::array<int32_t, kMainLanguages> ngram{};
  std::array<int32_t, kMainLanguages> chain{};
  std::array<uint32_t, kAllLanguages> shape{};
  std::array<int32_t, kAllLanguages> function_words{};
  std::array<float, kMainLanguages> word_classes{};  // the lexicon's weights, for short texts
};

absl::StatusOr<LanguageDetector> LanguageDetector::create() {
  LanguageDetector d;
  if (absl::Status s = read_weights(d.weights_); !s.ok()) return s;
  d.function_words_.assign(kFunctionWordSlots, {});
  absl::Status status;
  auto add = [&](std::string_view word, std::string_view code) {
    int lang = -1;
    for (int l = 0; l < kAllLanguages; ++l)
      if (code == kAllCodes[l]) lang = l;
    if (lang < 0) {
      status = absl::InternalError("language identification: unknown language " + std::string(code));
      return;
    }
    const uint64_t key = word_key(word);
    if (key == 0) {
      status = absl::InternalError("language identification: function word longer than 8 bytes: " + std::string(word));
      return;
    }
    uint32_t slot = function_word_slot(key);
    while (d.function_words_[slot].key != 0 && d.function_words_[slot].key != key)
      slot = (slot + 1) & (kFunctionWordSlots - 1);
    FunctionWord& entry = d.function_words_[slot];
    if (entry.key == 0) {
      if (d.function_word_scores_.size() * 2 >= kFunctionWordSlots) {  // keep probes short
        status = absl::InternalError("language identification: too many function words");
        return;
      }
      entry = {key, 0, static_cast<uint32_t>(d.function_word_scores_.size())};
      d.function_word_scores_.push_back(score_word(word));  // used only for words of letters alone
    }
    entry.votes |= uint64_t{1} << (kVoteBits * lang);
  };
  for (Lang lang : kLanguages) {
    std::string path = std::string(lang_code(lang)) + "/stopwords.txt";
    const data::DataFile* f = data::find_file(path);
    if (!f) return absl::InternalError("language data lacks " + path);
    for (uint32_t r = 0; r < f->rows; ++r) add(f->cell(r, 0), lang_code(lang));
  }
  const data::DataFile* others = data::find_file("common/langid_function_words.tsv");
  if (!others) return absl::InternalError("language data lacks common/langid_function_words.tsv");
  const int language = others->column("language"), word = others->column("word");
  if (language < 0 || word < 0) return absl::InternalError("common/langid_function_words.tsv: bad header");
  for (uint32_t r = 0; r < others->rows; ++r) add(others->cell(r, word), others->cell(r, language));
  if (!status.ok()) return status;
  return d;
}

const LanguageDetector::FunctionWord* LanguageDetector::find_function_word(uint64_t key) const {
  if (key == 0) return nullptr;
  for (uint32_t slot = function_word_slot(key);; slot = (slot + 1) & (kFunctionWordSlots - 1)) {
    const FunctionWord& entry = function_words_[slot];
    if (entry.key == key) return &entry;
    if (entry.key == 0) return nullptr;
  }
}

LanguageDetector::WordScores LanguageDetector::score_word(std::string_view word) {
  WordScores scores;
  // The word's code points, with a space before and after for the shape n-grams.
  uint32_t cp[kMaxWordChars + 2];
  int chars = 0;
  size_t length = 0;
  cp[0] = ' ';
  while (length < word.size() && chars < kMaxWordChars) {
    const unsigned char c = static_cast<unsigned char>(word[length]);
    if (c < 0x80) {
      cp[++chars] = c;
      ++length;
    } else {
      utf8::Decoded d = utf8::decode(reinterpret_cast<const unsigned char*>(word.data()), word.size(), length);
      cp[++chars] = d.code_point;
      length += d.length;
      scores.other_script += !is_latin(d.code_point);
    }
  }
  cp[chars + 1] = ' ';
  scores.chars = static_cast<uint16_t>(chars);
  scores.bytes = static_cast<uint16_t>(length);

  // Character n-grams two ways: every n-gram, each language backing off to the longest prefix
  // it knows (`ngram`); and a Markov chain, each character costing the longest known n-gram
  // that ends with it (`chain`; n-grams are visited longest first for each end).
  // (Sums in locals: the compiler cannot keep `scores` in registers across the byte stores.)
  const uint32_t* w = cp + 1;
  uint8_t ends[kMaxWordChars][kMainLanguages];
  std::memset(ends, kAbsent, static_cast<size_t>(chars) * kMainLanguages);
  int32_t ngram[kMainLanguages] = {}, chain[kMainLanguages] = {};
  for (int i = 0; i < chars; ++i) {
    uint32_t h = kFnvBasis;
    int cost[kMainLanguages] = {kMissingCost, kMissingCost, kMissingCost};
    const int longest = std::min(kMaxNgram, chars - i);
    int n = 1;
    for (; n <= longest; ++n) {
      h = fnv_step(h, w[i + n - 1]);
      const uint8_t* c = find_ngram(h);
      if (!c) break;  // nor is any longer one: the model holds the prefixes of its n-grams
      uint8_t* end = ends[i + n - 1];
      for (int l = 0; l < kMainLanguages; ++l) {
        cost[l] = c[l] == kAbsent ? cost[l] : c[l];
        end[l] = end[l] == kAbsent ? c[l] : end[l];
      }
      for (int l = 0; l < kMainLanguages; ++l) ngram[l] += cost[l];
    }
    for (int l = 0; l < kMainLanguages; ++l) ngram[l] += cost[l] * (longest - n + 1);  // the n-grams not found
  }
  for (int j = 0; j < chars; ++j)
    for (int l = 0; l < kMainLanguages; ++l) chain[l] += ends[j][l] == kAbsent ? kMissingCost : ends[j][l];
  for (int l = 0; l < kMainLanguages; ++l) {
    scores.ngram[l] = ngram[l];
    scores.chain[l] = chain[l];
  }

  // Shape: 1- to 5-grams of " word " in hashed buckets, summed in 16 bits and moved to 32 bits
  // before they could overflow.
  std::array<uint32_t, kBucketStride> shape{};
  ShapeSums sums;
  for (int start = 0; start <= chars + 1; ++start) {
    uint32_t h = fnv_step(kFnvBasis, cp[start]);
    if (start != 0 && start != chars + 1) sums.add(kBucketCosts[h & (kBuckets - 1)]);  // not a lone space
    for (int n = 2; n <= kMaxShapeGram && start + n <= chars + 2; ++n) {
      h = fnv_step(h, cp[start + n - 1]);
      sums.add(kBucketCosts[h & (kBuckets - 1)]);
    }
    if (start == 47) sums.flush(shape.data());  // 48 x 5 x 255 < 65536, and a word has at most 66 starts
  }
  sums.flush(shape.data());
  std::copy_n(shape.begin(), kAllLanguages, scores.shape.begin());
  return scores;
}

void LanguageDetector::add_word(std::string_view word, std::string_view elided, Evidence& e) const {
  const FunctionWord* function_word = find_function_word(word_key(word));
  WordScores fresh;
  if (!function_word) fresh = score_word(word);
  const WordScores& scores = function_word ? function_word_scores_[function_word->scores] : fresh;
  ++e.words;
  e.letters += scores.chars + 1;
  e.other_script += scores.other_script;
  for (int l = 0; l < kMainLanguages; ++l) {
    e.ngram[l] += scores.ngram[l];
    e.chain[l] += scores.chain[l];
  }
  for (int l = 0; l < kAllLanguages; ++l) e.shape[l] += scores.shape[l];

  if (e.words <= weights_.short_text_words) {
    const std::array<float, kMainLanguages>& weights = weights_.word_class[word_class(word_hash(word.substr(0, scores.bytes)))];
    for (int l = 0; l < kMainLanguages; ++l) e.word_classes[l] += weights[l];
  }
  const FunctionWord* elided_word = elided.empty() ? nullptr : find_function_word(word_key(elided));
  if (!elided_word) elided_word = function_word;
  if (elided_word)
    for (int l = 0; l < kAllLanguages; ++l) e.function_words[l] += static_cast<int>((elided_word->votes >> (kVoteBits * l)) & 1);
}

LanguageGuess LanguageDetector::decide(const Evidence& e, float* clearness) const {
  if (clearness) *clearness = 0;
  if (e.words == 0 || e.letters - e.words < 2) return {};
  if (e.words <= kMaxNameWords && e.capitalised == e.words) return {};  // a name, most likely
  const int letters = e.letters - e.words;
  if (e.other_script * 3 > letters)  // mostly another script than the three languages'
    return {Lang::und, static_cast<float>(e.other_script) / static_cast<float>(letters), true};
  const Weights& w = weights_;
  float score[kMainLanguages];
  int best = 0;
  for (int l = 0; l < kMainLanguages; ++l) {
    score[l] = (-w.ngram * static_cast<float>(e.ngram[l]) - w.chain * static_cast<float>(e.chain[l]) -
                w.shape * static_cast<float>(e.shape[l])) / kCostScale +
               w.function_word * static_cast<float>(e.function_words[l]) + w.bias[l] * static_cast<float>(e.words);
    if (score[l] > score[best]) best = l;
  }
  // A short text is judged mostly on the word lists that hold its words: the n-gram scores,
  // far too sure of themselves on a word or two, are scaled down and the words' class weights
  // added. The result is a calibrated log-odds: its share needs no tempering nor discount.
  float temperature = kConfidenceTemperature;
  float letters_discount = 1.0f - std::exp(-static_cast<float>(e.letters) / kConfidenceLetters);
  if (e.words <= w.short_text_words) {
    const float top = score[best];
    for (int l = 0; l < kMainLanguages; ++l) {
      score[l] = w.short_text_scale * (score[l] - top) + e.word_classes[l];
      if (score[l] > score[best]) best = l;
    }
    temperature = 1;
    letters_discount = 1;
  }
  // Confidence: the winner's share, longer texts' scores tempered (the n-grams of a word are far
  // from independent) and discounted when there are few letters to go on.
  float rest = 0, runner_up = 1e30f;
  for (int l = 0; l < kMainLanguages; ++l)
    if (l != best) {
      if (!clearness) rest += std::exp(std::max(-80.0f, (score[l] - score[best]) / temperature));
      runner_up = std::min(runner_up, score[best] - score[l]);
    }
  const float confidence = clearness ? 0 : letters_discount / (1.0f + rest);
  float gate_distance = 1e30f;  // how far the text is from being called und (negative: it is)
  if (e.words >= w.gate_min_words) {
    auto gate = [&](int l) {
      return -w.gate_shape * static_cast<float>(e.shape[l]) / kCostScale +
             w.gate_function_word * static_cast<float>(e.function_words[l]) +
             w.gate_bias[l] * static_cast<float>(e.words);
    };
    float other = -1e30f;
    for (int l = kMainLanguages; l < kAllLanguages; ++l) other = std::max(other, gate(l));
    gate_distance = w.gate_margin + w.gate_margin_per_letter * static_cast<float>(e.letters) - (other - gate(best));
  }
  if (clearness) {
    *clearness = std::min(runner_up, std::abs(gate_distance));
    return {gate_distance < 0 ? Lang::und : static_cast<Lang>(best + 1), 0, true};
  }
  if (gate_distance < 0) return {Lang::und, sigmoid(-gate_distance / kConfidenceTemperature), true};
  return {static_cast<Lang>(best + 1), confidence * sigmoid(gate_distance / kConfidenceTemperature), true};
}

void LanguageDetector::scan(std::string_view folded, std::string_view text, int max_words, Lang expected,
                            Evidence& e) const {
  const size_t n = folded.size();
  for (size_t i = 0; i < n && e.words < max_words;) {
    if (is_space(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    bool may_be_link = false;  // only a token with ':' or '@' in it, or one starting "www.", is one
    for (; end < n && !is_space(static_cast<unsigned char>(folded[end])); ++end)
      may_be_link |= folded[end] == ':' || folded[end] == '@';
    if (!((may_be_link || folded[i] == 'w') && is_link(folded.substr(i, end - i)))) {
      for (size_t k = i; k < end && e.words < max_words;) {
        size_t len = letter_length(folded, k);
        if (!len) {
          k += char_length(folded, k);
          continue;
        }
        const size_t start = k;
        do k += len;
        while (k < end && (len = letter_length(folded, k)));
        // "'n" (Afrikaans), "'t" (Dutch): an apostrophe that opens the word belongs to it.
        std::string_view elided;
        if (start > i && folded[start - 1] == '\'' && (start - 1 == i || !letter_length(folded, start - 2)))
          elided = folded.substr(start - 1, k - start + 1);
        if (text[start] != folded[start]) ++e.capitalised;  // folding changed it: upper case
        add_word(folded.substr(start, k - start), elided, e);
        if (max_words == kSampleWords && e.words % 4 == 0) {
          float clearness = 0;
          const Lang verdict = decide(e, &clearness).language;
          if ((e.words >= kClearAfterWords && clearness >= kClearMargin) ||
              (expected != Lang::und && verdict == expected && clearness >= kAgreeMargin))
            return;
        }
      }
    }
    i = end;
  }
}

uint64_t LanguageDetector::function_word_votes(std::string_view folded) const {
  uint64_t votes = 0;
  int words = 0;
  // Counts a word's votes; true once kTriggerWords words are read.
  const FunctionWord* table = function_words_.data();
  auto vote = [&](uint64_t key) {
    // The word's slot, or the empty one (no votes) that ends its probe, also for key 0.
    for (uint32_t slot = function_word_slot(key);; slot = (slot + 1) & (kFunctionWordSlots - 1))
      if (table[slot].key == key || table[slot].key == 0) {
        votes += table[slot].votes;
        break;
      }
    return ++words == kTriggerWords;
  };
  const char* p = folded.data();
  const size_t n = folded.size();
  // The words of bytes [from, to) that hold non-ASCII bytes, read a character at a time: a word
  // is a run of letters (lower case, as folded text is) and marks. Returns where reading stopped,
  // or npos once kTriggerWords words are read.
  auto read_slowly = [&](size_t from, size_t to) -> size_t {
    size_t k = from, start = from;
    bool in_word = false;
    while (k < to) {
      const unsigned char c = static_cast<unsigned char>(p[k]);
      const size_t len = c < 0x80 ? static_cast<unsigned char>(c - 'a') < 26 : non_ascii_letter_length(folded, k);
      if (len) {
        if (!in_word) start = k;
        in_word = true;
        k += len;
        continue;
      }
      if (in_word && vote(word_key(folded.substr(start, k - start)))) return std::string_view::npos;
      in_word = false;
      k += char_length(folded, k);
    }
    if (in_word && vote(word_key(folded.substr(start, k - start)))) return std::string_view::npos;
    return k;
  };
  // 64 bytes at a time: a bit mask of the bytes that may be part of a word, and its runs. A window
  // starts where no run goes on from before it.
  for (size_t base = 0; base < n;) {
    ByteClasses m;
    if (base + 64 <= n) {
      m = classify_64_bytes(p + base);
    } else {
      char tail[64] = {};  // past the end: no letters
      std::memcpy(tail, p + base, n - base);
      m = classify_64_bytes(tail);
    }
    const uint64_t in_word = m.letters | m.other;
    uint64_t starts = in_word & ~(in_word << 1), lasts = in_word & ~(in_word >> 1);
    size_t next = base + 64;
    if ((in_word >> 63) && next < n) {  // the last run may go on in the next 64 bytes
      if (~in_word == 0) {  // a run of 64 bytes or more: no function word
        size_t end = next;
        while (end < n && (static_cast<unsigned char>(p[end] - 'a') < 26 || static_cast<unsigned char>(p[end]) >= 0x80)) ++end;
        next = read_slowly(base, end);
        if (next == std::string_view::npos) return votes;
        base = next;
        continue;
      }
      const int start = 64 - __builtin_clzll(~in_word);
      next = base + static_cast<size_t>(start);  // the next window starts with it
      starts &= ~(uint64_t{1} << start);
      lasts &= ~(uint64_t{1} << 63);
    }
    for (; starts; starts &= starts - 1, lasts &= lasts - 1) {
      const int start = __builtin_ctzll(starts), last = __builtin_ctzll(lasts);
      const size_t word = base + static_cast<size_t>(start), bytes = static_cast<size_t>(last - start + 1);
      if (m.other && (m.other >> start) & (~uint64_t{0} >> (63 - (last - start)))) {  // letters and marks of any script
        const size_t stop = read_slowly(word, word + bytes);
        if (stop == std::string_view::npos) return votes;
        if (stop > word + bytes) {  // a broken character took bytes after the run
          next = stop;
          break;
        }
        continue;
      }
      const uint64_t key = bytes > kMaxKeyBytes ? 0
                           : word + kMaxKeyBytes <= n ? byte_words::load_prefix(p + word, bytes)
                                                      : word_key(folded.substr(word, bytes));
      if (vote(key)) return votes;
    }
    base = next;
  }
  return votes;
}

bool LanguageDetector::leans_away(std::string_view folded, Lang from) const {
  const uint64_t votes = function_word_votes(folded);
  // Some other language has at least two votes and more than `from`: a lane of at least `least`
  // votes carries into its top bit when 16 - `least` is added (lanes hold at most 8 votes).
  int least = 2;
  if (from != Lang::und) least = std::max(least, static_cast<int>((votes >> (kVoteBits * (static_cast<int>(from) - 1))) & kVoteMask) + 1);
  return ((votes + static_cast<uint64_t>(16 - least) * kVoteOnes) & (kVoteOnes << 4)) != 0;
}

void LanguageDetector::detect_block(Document& doc, uint32_t index, Lang hint, DocumentLanguages& state) const {
  Block& block = doc.blocks[index];
  if (hint != Lang::und) {
    block.language = hint;
    block.language_confidence = 1;
    return;
  }
  const std::string_view folded = slice(doc.folded, block.content);
  LanguageGuess g;
  int scored_words = 0;
  if (state.agreeing_words >= kSettledWords && !leans_away(folded, state.expected)) {
    // The document's language is settled and nothing in this block's first words says
    // otherwise: it is taken without scoring.
    g = {state.expected, state.settled_confidence, true};
  } else {
    Evidence e;
    scan(folded, slice(doc.text, block.content), kSampleWords, state.expected, e);
    g = decide(e);
    scored_words = e.words;
    if (!block.is_furniture() && g.language == state.expected && state.expected != Lang::und) {
      state.agreeing_words += e.words;
      state.settled_confidence = std::max(state.settled_confidence, g.confidence);
    }
  }
  block.language = g.language;
  block.language_confidence = g.confidence;  // stays 0 without enough evidence
  if (!g.enough_evidence) return;
  const int l = static_cast<int>(g.language);
  auto& bytes = block.is_furniture() ? state.furniture : state.content;
  auto& confident = block.is_furniture() ? state.confident_furniture : state.confident_content;
  bytes[l] += block.content.size();
  confident[l] += block.content.size() * g.confidence;
  const Lang expected = state.expected;
  if (!block.is_furniture() && g.language != Lang::und && g.language != expected &&
      (expected == Lang::und || bytes[l] > bytes[static_cast<int>(expected)])) {
    state.expected = g.language;
    state.agreeing_words = scored_words;
    state.settled_confidence = g.confidence;
  }
}

void LanguageDetector::finish(Document& doc, Lang hint, const DocumentLanguages& state) const {
  if (hint != Lang::und) {
    doc.language = hint;
    doc.language_confidence = 1;
    return;
  }
  double total = 0;
  for (double b : state.content) total += b;
  const auto& bytes = total > 0 ? state.content : state.furniture;
  const auto& confident = total > 0 ? state.confident_content : state.confident_furniture;
  if (total == 0)
    for (double b : state.furniture) total += b;
  int best = 0;
  for (int l = 1; l < 4; ++l)
    if (bytes[l] > bytes[best]) best = l;
  doc.language = static_cast<Lang>(best);
  doc.language_confidence = total > 0 && bytes[best] > 0 ? static_cast<float>(confident[best] / total) : 0;
  // Blocks too short to tell, and their sentences, take the document's language.
  auto too_short = [](const Block& b) {
    return b.language == Lang::und && b.language_confidence == 0 && !b.is_furniture();
  };
  for (Sentence& s : doc.sentences)
    if (too_short(doc.blocks[s.block])) s.language = doc.language;
  for (Block& block : doc.blocks)
    if (too_short(block)) block.language = doc.language;
}

void LanguageDetector::detect_sentences(Document& doc, const BlockRange& range, Lang hint) const {
  const Block& block = doc.blocks[range.block];
  for (uint32_t i = range.first_sentence; i < range.end_sentence; ++i) {
    Sentence& s = doc.sentences[i];
    s.language = hint != Lang::und ? hint : block.language;
    if (hint != Lang::und) continue;
    // The first sentence of a block is what the block was judged on; tables keep theirs.
    if (i == range.first_sentence || block.is_furniture() || block.kind == BlockKind::table) continue;
    // Only a sentence whose function words lean to another language is scored.
    const std::string_view folded = slice(doc.folded, s.span);
    if (!leans_away(folded, block.language)) continue;
    Evidence e;
    scan(folded, slice(doc.text, s.span), kSampleWords, block.language, e);  // stops soon if it agrees
    LanguageGuess g = decide(e);
    if (g.enough_evidence && g.language != block.language && g.confidence >= kSentenceConfidence)
      s.language = g.language;
  }
}

}  // namespace eventwire::internal
