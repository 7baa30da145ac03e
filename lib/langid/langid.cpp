#include "langid/langid.hpp"

#include "lexicon/data_files.hpp"

namespace eventwire::internal {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'';
}

}  // namespace

absl::StatusOr<LanguageDetector> LanguageDetector::create() {
  LanguageDetector d;
  for (Lang lang : kLanguages) {
    std::string path = std::string(lang_code(lang)) + "/stopwords.txt";
    const data::DataFile* f = data::find_file(path);
    if (!f) return absl::InternalError("language data lacks " + path);
    for (uint32_t r = 0; r < f->rows; ++r) d.function_words_[f->cell(r, 0)][static_cast<int>(lang)] = 1;
  }
  for (auto& [word, weights] : d.function_words_) {
    float lists = weights[1] + weights[2] + weights[3];
    for (float& w : weights) w /= lists;
  }
  return d;
}

LanguageGuess LanguageDetector::detect(std::string_view folded) const {
  std::array<float, 4> score{};
  const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
  for (size_t i = 0; i < folded.size();) {
    if (!is_word_byte(p[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && is_word_byte(p[j])) ++j;
    auto it = function_words_.find(folded.substr(i, j - i));
    if (it != function_words_.end())
      for (int l = 1; l < 4; ++l) score[l] += it->second[l];
    i = j;
  }
  float total = 0, best = 0;
  Lang best_lang = Lang::und;
  for (Lang l : kLanguages) {
    total += score[static_cast<int>(l)];
    if (score[static_cast<int>(l)] > best) {
      best = score[static_cast<int>(l)];
      best_lang = l;
    }
  }
  if (best < 1.0f) return {};
  // Confidence: the winner's share of the evidence, discounted when there is little of it.
  float share = best / total;
  float amount = best / (best + 1.0f);
  return {best_lang, share * amount};
}

void LanguageDetector::detect(Document& doc, Lang hint) const {
  std::array<double, 4> weight{};
  for (Block& block : doc.blocks) {
    if (hint != Lang::und) {
      block.language = hint;
      block.language_confidence = 1;
      continue;
    }
    LanguageGuess g = detect(slice(doc.folded, block.content));
    block.language = g.language;
    block.language_confidence = g.confidence;
    if (!block.is_furniture()) weight[static_cast<int>(g.language)] += block.content.size() * g.confidence;
  }
  if (hint != Lang::und) {
    doc.language = hint;
    doc.language_confidence = 1;
  } else {
    double total = weight[1] + weight[2] + weight[3];
    int best = 0;
    for (int l = 1; l < 4; ++l)
      if (weight[l] > weight[best]) best = l;
    doc.language = static_cast<Lang>(best);
    doc.language_confidence = total > 0 ? static_cast<float>(weight[best] / total) : 0;
    if (best == 0) doc.language_confidence = 0;
  }
  // Blocks too short to tell take the document's language.
  for (Block& block : doc.blocks)
    if (block.language == Lang::und && !block.is_furniture()) block.language = doc.language;
}

}  // namespace eventwire::internal
