#include "recognize/quantity/quantity_lexicon.hpp"

#include "lexicon/data_files.hpp"
#include "recognize/number/number_lexicon.hpp"
#include "text/normalize.hpp"
#include "util/check.hpp"
#include "util/status.hpp"

namespace eventwire::internal {
namespace {

struct DimensionName {
  std::string_view name;
  Dimension dimension;
};
constexpr DimensionName kDimensions[] = {
    {"percent", Dimension::percent}, {"length", Dimension::length}, {"area", Dimension::area},
    {"volume", Dimension::volume},   {"mass", Dimension::mass},     {"speed", Dimension::speed},
    {"data", Dimension::data},       {"angle", Dimension::angle},   {"power", Dimension::power},
    {"energy", Dimension::energy},   {"duration", Dimension::duration},
};

struct ApproxName {
  std::string_view name;
  uint8_t bit;
};
constexpr ApproxName kApproxKinds[] = {
    {"approx", kApprox},          {"min", kMin},          {"max", kMax},
    {"range_start", kRangeStart}, {"range_to", kRangeTo}, {"range_and", kRangeAnd},
};

const data::DataFile* require(const std::string& path, absl::Status& status) {
  const data::DataFile* f = data::find_file(path);
  if (!f && status.ok()) status = make_error(ErrorCode::internal, "language data lacks " + path);
  return f;
}

// Units of a table with columns (key, unit, dimension, factor), the key in column `key`;
// percentage words also go to `percent_words`, case-sensitive keys folded to `folded_keys` (if given).
absl::Status load_units(const data::DataFile& f, std::string_view key, bool fold, KeyTrie& trie,
                        std::vector<UnitInfo>& units, WordFilter* percent_words, WordFilter* folded_keys = nullptr) {
  auto cols = data::columns(f, {key, "unit", "dimension", "factor"});
  if (!cols.ok()) return cols.status();
  for (uint32_t r = 0; r < f.rows; ++r) {
    UnitInfo u;
    u.unit = std::string(f.cell(r, (*cols)[1]));
    std::string_view dim = f.cell(r, (*cols)[2]);
    const DimensionName* d = nullptr;
    for (const DimensionName& candidate : kDimensions)
      if (candidate.name == dim) d = &candidate;
    if (!d) return data::row_error(f, r, "unknown dimension '" + std::string(dim) + "'");
    u.dimension = d->dimension;
    if (!parse_data_number(f.cell(r, (*cols)[3]), u.factor) || u.factor <= 0)
      return data::row_error(f, r, "factor must be a positive number");
    units.push_back(std::move(u));
    uint32_t payload = static_cast<uint32_t>(units.size() - 1);
    std::string_view k = f.cell(r, (*cols)[0]);
    if (percent_words && d->dimension == Dimension::percent) percent_words->add(fold_case(k));
    if (folded_keys) folded_keys->add(fold_case(k));
    if (fold) trie.insert_with_unaccented(fold_case(k), payload);
    else trie.insert(k, payload);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<QuantityLexicon> QuantityLexicon::create() {
  QuantityLexicon lex;
  absl::Status status;

  // Shared: unit symbols and currencies.
  if (const data::DataFile* f = require("common/units.tsv", status))
    EW_RETURN_IF_ERROR(load_units(*f, "symbol", false, lex.unit_symbols_, lex.units_, nullptr, &lex.unit_symbols_folded_));
  if (const data::DataFile* f = data::find_file("common/smaller_units.tsv"))
    EW_RETURN_IF_ERROR(load_units(*f, "symbol", false, lex.smaller_unit_symbols_, lex.units_, nullptr));
  if (const data::DataFile* f = require("common/currencies.tsv", status)) {
    auto cols = data::columns(*f, {"code", "symbols", "lower_case"});
    if (!cols.ok()) return cols.status();
    for (uint32_t r = 0; r < f->rows; ++r) {
      CurrencyInfo c;
      c.code = std::string(f->cell(r, (*cols)[0]));
      if (c.code.size() != 3) return data::row_error(*f, r, "a code has three letters");
      c.lower_case = f->cell(r, (*cols)[2]) == "yes";
      lex.currencies_.push_back(c);
      uint32_t payload = static_cast<uint32_t>(lex.currencies_.size() - 1);
      lex.codes_.emplace(c.code, payload);
      lex.codes_folded_.add(fold_case(c.code));
      std::string_view symbols = f->cell(r, (*cols)[1]);
      if (symbols != "-")
        for (std::string_view s : data::split_synonyms(symbols)) lex.currency_symbols_.insert(fold_case(s), payload);
      if (c.lower_case) lex.currency_symbols_.insert(fold_case(c.code), payload);
    }
  }

  for (Lang lang : {Lang::en, Lang::nl, Lang::fr}) {
    Language& l = lex.languages_[lang == Lang::nl ? 1 : lang == Lang::fr ? 2 : 0];
    const std::string code(lang_code(lang));
    if (const data::DataFile* f = require(code + "/units.tsv", status))
      EW_RETURN_IF_ERROR(load_units(*f, "word", true, l.unit_names, lex.units_, &l.percent_words));
    if (const data::DataFile* f = require(code + "/currencies.tsv", status)) {
      auto cols = data::columns(*f, {"name", "code", "minor"});
      if (!cols.ok()) return cols.status();
      for (uint32_t r = 0; r < f->rows; ++r) {
        CurrencyInfo c;
        std::string_view iso = f->cell(r, (*cols)[1]);
        if (iso != "-") {
          if (!lex.codes_.contains(iso)) return data::row_error(*f, r, "code not in common/currencies.tsv");
          c.code = std::string(iso);
        }
        std::string_view minor = f->cell(r, (*cols)[2]);
        c.minor = minor != "-";
        if (c.minor) c.subunit = std::string(minor);
        lex.currencies_.push_back(std::move(c));
        std::string name = fold_case(f->cell(r, (*cols)[0]));
        if (name.find(' ') == std::string::npos) l.token_words.add(name);
        l.currency_names.insert_with_unaccented(name, static_cast<uint32_t>(lex.currencies_.size() - 1));
      }
    }
    if (const data::DataFile* f = require(code + "/count_nouns.tsv", status)) {
      auto cols = data::columns(*f, {"noun", "class"});
      if (!cols.ok()) return cols.status();
      for (uint32_t r = 0; r < f->rows; ++r) {
        lex.noun_classes_.emplace_back(f->cell(r, (*cols)[1]));
        l.count_nouns.insert_with_unaccented(fold_case(f->cell(r, (*cols)[0])),
                                             static_cast<uint32_t>(lex.noun_classes_.size() - 1));
      }
    }
    if (const data::DataFile* f = require(code + "/approximators.tsv", status)) {
      auto cols = data::columns(*f, {"phrase", "kind"});
      if (!cols.ok()) return cols.status();
      // A phrase may have several kinds (Dutch "tot": up to, and "10 tot 20"): one payload
      // holds them all.
      WordMap<uint32_t> seen;
      for (uint32_t r = 0; r < f->rows; ++r) {
        std::string_view kind = f->cell(r, (*cols)[1]);
        const ApproxName* k = nullptr;
        for (const ApproxName& candidate : kApproxKinds)
          if (candidate.name == kind) k = &candidate;
        if (!k) return data::row_error(*f, r, "unknown kind '" + std::string(kind) + "'");
        std::string phrase = fold_case(f->cell(r, (*cols)[0]));
        auto it = seen.find(phrase);
        if (it != seen.end()) {
          lex.approximator_kinds_[it->second] |= k->bit;
          continue;
        }
        lex.approximator_kinds_.push_back(k->bit);
        uint32_t payload = static_cast<uint32_t>(lex.approximator_kinds_.size() - 1);
        seen.emplace(phrase, payload);
        l.approximators.insert_with_unaccented(phrase, payload);
      }
    }
    l.token_words.add(l.percent_words);
    l.token_words.add("%");
    l.unit_words.add(l.unit_names.filter());
    l.unit_words.add(l.currency_names.filter());
    l.unit_words.add(lex.unit_symbols_folded_);
    l.unit_words.add(lex.currency_symbols_.filter());
    l.unit_words.add(lex.codes_folded_);
    l.unit_names.finish();
    l.currency_names.finish();
    l.count_nouns.finish();
    l.approximators.finish();
  }
  if (!status.ok()) return status;
  lex.unit_symbols_.finish();
  lex.smaller_unit_symbols_.finish();
  lex.currency_symbols_.finish();
  return lex;
}

const CurrencyInfo* QuantityLexicon::currency_code(std::string_view word) const {
  auto it = codes_.find(word);
  return it == codes_.end() ? nullptr : &currencies_[it->second];
}

}  // namespace eventwire::internal
