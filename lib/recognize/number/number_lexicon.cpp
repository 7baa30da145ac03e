#include "recognize/number/number_lexicon.hpp"

#include <charconv>

#include "lexicon/data_files.hpp"
#include "text/normalize.hpp"
#include "util/check.hpp"
#include "util/status.hpp"

namespace eventwire::internal {
namespace {

struct KindName {
  std::string_view name;
  NumberWordKind kind;
};
constexpr KindName kKinds[] = {
    {"unit", NumberWordKind::unit},         {"teen", NumberWordKind::teen},
    {"tens", NumberWordKind::tens},         {"hundred", NumberWordKind::hundred},
    {"scale", NumberWordKind::scale},       {"ordinal", NumberWordKind::ordinal},
    {"fraction", NumberWordKind::fraction}, {"value", NumberWordKind::value},
    {"multiplier", NumberWordKind::multiplier}, {"magnitude", NumberWordKind::magnitude},
    {"approx", NumberWordKind::approx},     {"joiner", NumberWordKind::joiner},
    {"point", NumberWordKind::point},       {"minus", NumberWordKind::minus},
    {"article", NumberWordKind::article},   {"over", NumberWordKind::over},
    {"of", NumberWordKind::of},
};

struct FormName {
  std::string_view name;
  uint8_t bits;
};
constexpr FormName kForms[] = {
    {"-", 0},
    {"plural", kFormPlural},
    {"inner", kFormInner},
    {"article", kFormArticle},
    {"after_one", kFormAfterOne},
    {"final", kFormFinal},
    {"after_words", kFormAfterWords},
    {"proper", kFormProper},
};

// The cardinal kind an ordinal's value belongs to: "fifth" is a unit, "hundredth" a hundred.
NumberWordKind base_kind(double v) {
  if (v < 10) return NumberWordKind::unit;
  if (v < 20) return NumberWordKind::teen;
  if (v < 100) return NumberWordKind::tens;
  if (v == 100) return NumberWordKind::hundred;
  return NumberWordKind::scale;
}

bool parse_flag(std::string_view v) { return v == "true" || v == "yes"; }

absl::Status load_words(Lang lang, KeyTrie& trie, std::vector<NumberWord>& words, WordFilter& articles) {
  std::string path = std::string(lang_code(lang)) + "/numbers.tsv";
  const data::DataFile* f = data::find_file(path);
  if (!f) return make_error(ErrorCode::internal, "language data lacks " + path);
  auto cols = data::columns(*f, {"word", "value", "kind", "form"});
  if (!cols.ok()) return cols.status();
  for (uint32_t r = 0; r < f->rows; ++r) {
    NumberWord w;
    std::string_view kind = f->cell(r, (*cols)[2]), form = f->cell(r, (*cols)[3]);
    const KindName* k = nullptr;
    for (const KindName& candidate : kKinds)
      if (candidate.name == kind) k = &candidate;
    if (!k) return data::row_error(*f, r, "unknown kind '" + std::string(kind) + "'");
    w.kind = k->kind;
    for (std::string_view one : data::split_synonyms(form)) {  // "final|proper"
      const FormName* fm = nullptr;
      for (const FormName& candidate : kForms)
        if (candidate.name == one) fm = &candidate;
      if (!fm) return data::row_error(*f, r, "unknown form '" + std::string(one) + "'");
      w.form |= fm->bits;
    }
    if (!parse_data_number(f->cell(r, (*cols)[1]), w.value)) return data::row_error(*f, r, "value is not a number");
    w.base = w.kind == NumberWordKind::ordinal ? base_kind(w.value) : w.kind;
    words.push_back(w);
    // Only words that may begin a number pass the trie's quick filter.
    const bool starts = !(w.form & kFormInner) && w.kind != NumberWordKind::joiner && w.kind != NumberWordKind::over &&
                        w.kind != NumberWordKind::of && w.kind != NumberWordKind::point;
    std::string key = fold_case(f->cell(r, (*cols)[0]));
    if (w.kind == NumberWordKind::article || (w.form & kFormArticle)) articles.add(key);
    trie.insert_with_unaccented(key, static_cast<uint32_t>(words.size() - 1), starts);
  }
  trie.finish();
  return absl::OkStatus();
}

}  // namespace

bool parse_data_number(std::string_view cell, double& out) {
  auto r = std::from_chars(cell.data(), cell.data() + cell.size(), out);
  return r.ec == std::errc() && r.ptr == cell.data() + cell.size();
}

absl::StatusOr<NumberLexicon> NumberLexicon::create(Lang lang) {
  NumberLexicon lex;
  const std::string code(lang_code(lang));

  const data::DataFile* culture = data::find_file(code + "/culture.kv");
  if (!culture) return make_error(ErrorCode::internal, "language data lacks " + code + "/culture.kv");
  NumberCulture& c = lex.culture_;
  std::string_view decimal = data::value_of(*culture, "decimal");
  if (decimal != "." && decimal != ",") return make_error(ErrorCode::internal, code + "/culture.kv: decimal must be . or ,");
  c.decimal = decimal[0];
  c.compounds = parse_flag(data::value_of(*culture, "compounds"));
  c.tens_then_unit = parse_flag(data::value_of(*culture, "tens_then_unit"));
  c.unit_and_tens = parse_flag(data::value_of(*culture, "unit_and_tens"));
  c.hyphenated_ordinals = parse_flag(data::value_of(*culture, "hyphenated_ordinals"));
  std::string_view teens = data::value_of(*culture, "teen_after_tens");
  if (!teens.empty())
    for (std::string_view t : data::split_synonyms(teens)) {
      double v = 0;
      if (!parse_data_number(t, v) || v < 20 || v > 90)
        return make_error(ErrorCode::internal, code + "/culture.kv: teen_after_tens lists tens (20..90)");
      c.teen_after_tens |= static_cast<uint16_t>(1u << static_cast<int>(v / 10));
    }
  c.participle_prefix = std::string(data::value_of(*culture, "participle_prefix"));
  std::string_view endings = data::value_of(*culture, "plural_endings");
  if (!endings.empty())
    for (std::string_view e : data::split_synonyms(endings)) c.plural_endings.emplace_back(e);

  if (c.compounds) lex.trie_.filter_prefixes();
  EW_RETURN_IF_ERROR(load_words(lang, lex.trie_, lex.words_, lex.articles_));

  if (const data::DataFile* f = data::find_file(code + "/stopwords.txt"))
    for (uint32_t r = 0; r < f->rows; ++r) lex.stopwords_.insert(f->cell(r, 0));
  if (const data::DataFile* f = data::find_file(code + "/not_numbers.txt"))
    for (uint32_t r = 0; r < f->rows; ++r) lex.not_numbers_.insert(fold_case(f->cell(r, 0)), r);
  lex.not_numbers_.finish();

  const data::DataFile* suffixes = data::find_file(code + "/number_suffixes.tsv");
  if (suffixes) {
    auto cols = data::columns(*suffixes, {"suffix", "value", "kind", "spaced"});
    if (!cols.ok()) return cols.status();
    for (uint32_t r = 0; r < suffixes->rows; ++r) {
      NumberSuffix s;
      std::string_view kind = suffixes->cell(r, (*cols)[2]);
      if (kind == "scale") s.kind = SuffixKind::scale;
      else if (kind == "money_scale") s.kind = SuffixKind::money_scale;
      else if (kind == "ordinal") s.kind = SuffixKind::ordinal;
      else return data::row_error(*suffixes, r, "unknown kind '" + std::string(kind) + "'");
      if (!parse_data_number(suffixes->cell(r, (*cols)[1]), s.value))
        return data::row_error(*suffixes, r, "value is not a number");
      s.spaced = parse_flag(suffixes->cell(r, (*cols)[3]));
      lex.suffixes_.emplace(suffixes->cell(r, (*cols)[0]), s);
    }
  }
  return lex;
}

const NumberSuffix* NumberLexicon::suffix(std::string_view letters) const {
  auto it = suffixes_.find(letters);
  return it == suffixes_.end() ? nullptr : &it->second;
}

absl::StatusOr<VulgarFractions> VulgarFractions::create() {
  VulgarFractions v;
  const data::DataFile* f = data::find_file("common/vulgar_fractions.tsv");
  if (!f) return make_error(ErrorCode::internal, "language data lacks common/vulgar_fractions.tsv");
  auto cols = data::columns(*f, {"character", "numerator", "denominator"});
  if (!cols.ok()) return cols.status();
  for (uint32_t r = 0; r < f->rows; ++r) {
    double num = 0, den = 0;
    if (!parse_data_number(f->cell(r, (*cols)[1]), num) || !parse_data_number(f->cell(r, (*cols)[2]), den) || den == 0)
      return data::row_error(*f, r, "numerator and denominator must be numbers, the denominator not 0");
    v.values_.push_back(num / den);
    v.trie_.insert(f->cell(r, (*cols)[0]), static_cast<uint32_t>(v.values_.size() - 1));
  }
  v.trie_.finish();
  return v;
}

double VulgarFractions::match(std::string_view text, size_t pos, size_t& length) const {
  uint32_t payload = KeyTrie::kNone;
  size_t end = trie_.longest(text, pos, text.size(), payload, [](size_t) { return true; });
  length = end ? end - pos : 0;
  return end ? values_[payload] : 0;
}

}  // namespace eventwire::internal
