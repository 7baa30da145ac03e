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
#include "lexicon/word_set.hpp"
#include "text/utf8.hpp"

namespace eventwire::internal {
namespace {

using namespace langid_model;

#include "langid_model.inc"

constexpr int kMaxWordChars = 64;       // longer words are scored on their first 64 characters
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
    const uint16_t f = kNgramFingerprints[slot];
    if (f == fp) return kNgramCosts[slot];
    if (f == 0) return nullptr;
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
  std::array<uint32_t, kBucketStride> shape{};
  std::array<int32_t, kAllLanguages> function_words{};
  std::array<float, kMainLanguages> word_classes{};  // the lexicon's weights, for short texts
};

absl::StatusOr<LanguageDetector> LanguageDetector::create() {
  LanguageDetector d;
  if (absl::Status s = read_weights(d.weights_); !s.ok()) return s;
  d.function_word_hashes_.assign(kFunctionWordSlots, 0);
  d.function_word_bits_.assign(kFunctionWordSlots, 0);
  WordMap<uint32_t> seen;  // hash of each word, to refuse two words with one hash
  absl::Status status;
  auto add = [&](std::string_view word, std::string_view code) {
    int lang = -1;
    for (int l = 0; l < kAllLanguages; ++l)
      if (code == kAllCodes[l]) lang = l;
    if (lang < 0) {
      status = absl::InternalError("language identification: unknown language " + std::string(code));
      return;
    }
    const uint32_t h = word_hash(word);
    auto [it, fresh] = seen.emplace(word, h);
    uint32_t slot = h & (kFunctionWordSlots - 1);
    while (d.function_word_hashes_[slot] != 0 && d.function_word_hashes_[slot] != h)
      slot = (slot + 1) & (kFunctionWordSlots - 1);
    if (fresh && d.function_word_hashes_[slot] == h)
      status = absl::InternalError("language identification: two function words share a hash");
    d.function_word_hashes_[slot] = h;
    d.function_word_bits_[slot] |= static_cast<uint16_t>(1u << lang);
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
  if (seen.size() * 2 > kFunctionWordSlots) return absl::InternalError("language identification: too many function words");
  if (!status.ok()) return status;
  return d;
}

uint16_t LanguageDetector::function_word_languages(std::string_view word) const {
  return function_word_languages_of_hash(word_hash(word));
}

uint16_t LanguageDetector::function_word_languages_of_hash(uint32_t h) const {
  for (uint32_t slot = h & (kFunctionWordSlots - 1);; slot = (slot + 1) & (kFunctionWordSlots - 1)) {
    const uint32_t f = function_word_hashes_[slot];
    if (f == h) return function_word_bits_[slot];
    if (f == 0) return 0;
  }
}

void LanguageDetector::add_word(std::string_view word, std::string_view elided, Evidence& e) const {
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
      e.other_script += !is_latin(d.code_point);
    }
  }
  cp[chars + 1] = ' ';
  word = word.substr(0, length);
  ++e.words;
  e.letters += chars + 1;

  // Character n-grams two ways: every n-gram, each language backing off to the longest prefix
  // it knows (`ngram`); and a Markov chain, each character costing the longest known n-gram
  // that ends with it (`chain`; n-grams are visited longest first for each end).
  // (Sums in locals: the compiler cannot keep `e` in registers across the byte stores.)
  const uint32_t* w = cp + 1;
  uint8_t ends[kMaxWordChars][kMainLanguages];
  std::memset(ends, kAbsent, static_cast<size_t>(chars) * kMainLanguages);
  int32_t ngram[kMainLanguages] = {}, chain[kMainLanguages] = {};
  for (int i = 0; i < chars; ++i) {
    uint32_t h = kFnvBasis;
    int cost[kMainLanguages] = {kMissingCost, kMissingCost, kMissingCost};
    for (int n = 1; n <= kMaxNgram && i + n <= chars; ++n) {
      h = fnv_step(h, w[i + n - 1]);
      if (const uint8_t* c = find_ngram(h)) {
        uint8_t* end = ends[i + n - 1];
        for (int l = 0; l < kMainLanguages; ++l) {
          cost[l] = c[l] == kAbsent ? cost[l] : c[l];
          end[l] = end[l] == kAbsent ? c[l] : end[l];
        }
      }
      for (int l = 0; l < kMainLanguages; ++l) ngram[l] += cost[l];
    }
  }
  for (int j = 0; j < chars; ++j)
    for (int l = 0; l < kMainLanguages; ++l) chain[l] += ends[j][l] == kAbsent ? kMissingCost : ends[j][l];
  for (int l = 0; l < kMainLanguages; ++l) {
    e.ngram[l] += ngram[l];
    e.chain[l] += chain[l];
  }

  // Shape: 1- to 5-grams of " word " in hashed buckets, summed in 16 bits and moved to 32 bits
  // before they could overflow.
  ShapeSums sums;
  for (int start = 0; start <= chars + 1; ++start) {
    uint32_t h = fnv_step(kFnvBasis, cp[start]);
    if (start != 0 && start != chars + 1) sums.add(kBucketCosts[h & (kBuckets - 1)]);  // not a lone space
    for (int n = 2; n <= kMaxShapeGram && start + n <= chars + 2; ++n) {
      h = fnv_step(h, cp[start + n - 1]);
      sums.add(kBucketCosts[h & (kBuckets - 1)]);
    }
    if (start % 48 == 47) sums.flush(e.shape.data());  // 48 x 5 x 255 < 65536
  }
  sums.flush(e.shape.data());

  const uint32_t h = word_hash(word);
  if (e.words <= weights_.short_text_words) {
    const std::array<float, kMainLanguages>& weights = weights_.word_class[word_class(h)];
    for (int l = 0; l < kMainLanguages; ++l) e.word_classes[l] += weights[l];
  }
  uint16_t bits = elided.empty() ? 0 : function_word_languages(elided);
  if (!bits) bits = function_word_languages_of_hash(h);
  for (; bits; bits &= bits - 1) ++e.function_words[__builtin_ctz(bits)];
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
      rest += std::exp(std::max(-80.0f, (score[l] - score[best]) / temperature));
      runner_up = std::min(runner_up, score[best] - score[l]);
    }
  const float confidence = letters_discount / (1.0f + rest);
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
  if (clearness) *clearness = std::min(runner_up, std::abs(gate_distance));
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
    while (end < n && !is_space(static_cast<unsigned char>(folded[end]))) ++end;
    if (!is_link(folded.substr(i, end - i))) {
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

std::array<int, kAllLanguages> LanguageDetector::function_word_votes(std::string_view folded) const {
  std::array<int, kAllLanguages> votes{};
  int words = 0;
  uint32_t h = kFnvBasis;  // of the word being read, hashed as it goes
  bool in_word = false;
  auto end_word = [&] {
    for (unsigned bits = function_word_languages_of_hash(h == 0 ? 1 : h); bits; bits &= bits - 1)
      ++votes[__builtin_ctz(bits)];
    h = kFnvBasis;
    in_word = false;
    return ++words == kTriggerWords;
  };
  const size_t n = folded.size();
  for (size_t k = 0; k < n;) {
    const unsigned char c = static_cast<unsigned char>(folded[k]);
    if (static_cast<unsigned char>(c - 'a') < 26) {  // the common case: folded text is lower case
      unsigned char next = c;
      do {
        h = fnv_step(h, next);
        ++k;
      } while (k < n && static_cast<unsigned char>((next = static_cast<unsigned char>(folded[k])) - 'a') < 26);
      in_word = true;
      continue;
    }
    if (const size_t len = c < 0x80 ? 0 : non_ascii_letter_length(folded, k)) {
      for (size_t b = k; b < k + len; ++b) h = fnv_step(h, static_cast<unsigned char>(folded[b]));
      k += len;
      in_word = true;
      continue;
    }
    if (in_word && end_word()) return votes;
    k += char_length(folded, k);
  }
  if (in_word) end_word();
  return votes;
}

bool LanguageDetector::leans_away(std::string_view folded, Lang from) const {
  const std::array<int, kAllLanguages> votes = function_word_votes(folded);
  const int own = from == Lang::und ? -1 : static_cast<int>(from) - 1;
  for (int l = 0; l < kAllLanguages; ++l)
    if (l != own && votes[l] >= 2 && (own < 0 || votes[l] > votes[own])) return true;
  return false;
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
