#include "entities/entities.hpp"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <iterator>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "lexicon/data_files.hpp"
#include "segment/segment.hpp"
#include "text/normalize.hpp"
#include "util/status.hpp"

namespace eventwire::internal {

namespace {

constexpr uint8_t kAllLangs = 0x0F;

// The kinds of lib/lang/<lang>/entity_cues.tsv, in the order of EntityRecognizer::Cue.
constexpr std::string_view kCueNames[] = {"speech",      "honorific",   "org_suffix", "org_prefix", "loc_prefix",
                                          "our_country", "the_country", "of",         "article"};
// The run classifier's feature prefixes (see EntityPass::run_features).
constexpr FeaturePrefix kBias = feature_prefix("b"), kWord = feature_prefix("w"), kFirst = feature_prefix("f"),
                        kLast = feature_prefix("l"), kSuffix = feature_prefix("s3"), kShape = feature_prefix("sh"),
                        kPrev = feature_prefix("p1"), kPrev2 = feature_prefix("p2"), kNext = feature_prefix("n1"),
                        kNext2 = feature_prefix("n2"), kPrevShape = feature_prefix("ps"),
                        kNextShape = feature_prefix("ns"), kStart = feature_prefix("st"), kCaps = feature_prefix("caps"),
                        kRule = feature_prefix("rule"), kItemBefore = feature_prefix("gp"),
                        kItemAfter = feature_prefix("gn"), kLength = feature_prefix("len"),
                        kPrevFirst = feature_prefix("p1f"), kLastNext = feature_prefix("ln1");
// The prefixes of the features with few values, by EntityRecognizer::FixedFeature.
constexpr const FeaturePrefix* kFixedPrefixes[] = {&kBias, &kStart, &kCaps, &kRule, &kItemBefore,
                                                   &kItemAfter, &kLength, &kPrevShape, &kNextShape};
// What the dictionaries say of a run's neighbour (features gp and gn), by index: nothing, an
// actor of each EntityType, a title, an institution, a common word, another name word, a cue
// of each EntityRecognizer::Cue.
constexpr std::string_view kItemKinds[] = {"-", "", "", "", "", "", "", "title", "institution", "common", "name"};
constexpr uint32_t kItemActor = 1, kItemTitle = 7, kItemInstitution = 8, kItemCommon = 9, kItemName = 10,
                   kItemCue = 11, kItemKindCount = 20;
static_assert(kItemKindCount == kItemCue + std::size(kCueNames));
constexpr std::string_view kZeroOne[] = {"0", "1"};
constexpr std::string_view kDigits = "012345";

// The tag (PhraseMatcher::Node::tag) of a node with an entry other than function words and
// particles: one best_entry() may choose.
constexpr uint8_t kNodeNames = 1;

uint8_t lang_bit(Lang l) { return static_cast<uint8_t>(1u << static_cast<int>(l)); }
// A language's entries also apply to sentences whose language is unknown.
uint8_t lang_mask(Lang l) { return static_cast<uint8_t>(lang_bit(l) | lang_bit(Lang::und)); }

std::optional<TitleKind> title_kind_from_name(std::string_view s) {
  static constexpr std::string_view names[] = {"head", "minister", "official", "military",
                                               "legislator", "judge", "party", "other"};
  for (size_t i = 0; i < std::size(names); ++i)
    if (names[i] == s) return static_cast<TitleKind>(i);
  return std::nullopt;
}

// The text of value `i` of a feature with few values; false past the last value.
bool fixed_value(EntityRecognizer::FixedFeature f, uint32_t i, std::string& out) {
  using F = EntityRecognizer::FixedFeature;
  out.clear();
  switch (f) {
    case F::bias: return i == 0;
    case F::opens:
    case F::caps:
      if (i >= 2) return false;
      out = kZeroOne[i];
      return true;
    case F::rule:
      if (i > static_cast<uint32_t>(EntityType::norp)) return false;
      out = entity_type_name(static_cast<EntityType>(i));
      return true;
    case F::item_before:
    case F::item_after:
      if (i >= kItemKindCount) return false;
      if (i >= kItemCue) out = kCueNames[i - kItemCue];
      else if (i >= kItemActor && i < kItemTitle) out = entity_type_name(static_cast<EntityType>(i - kItemActor));
      else out = kItemKinds[i];
      return true;
    case F::length:
      if (i >= kDigits.size()) return false;
      out = kDigits.substr(i, 1);
      return true;
    case F::prev_shape:
    case F::next_shape:
      if (i >= 128) return false;
      out = std::string(1, static_cast<char>(i));
      return true;
  }
  return false;
}

// A key under which spelling variants of a name meet: "Zelenskyy", "Zelensky", "Zelenski"
// and "Selenskyj" all become "selensky". Written into `out` (a buffer reused between calls).
void spelling_key(std::string_view folded, std::string& out) {
  out.resize(folded.size());  // the key is no longer than the name: written in place
  char* key = out.data();
  size_t n = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == 'j' || c == 'i') c = (i + 1 == folded.size() || c == 'j') ? 'y' : c;
    if (c == 'z') c = 's';
    if (c == 'w') c = 'v';
    if (c == 'k' && i + 1 < folded.size() && folded[i + 1] == 'h') continue;
    if (n > 0 && key[n - 1] == c) continue;
    key[n++] = c;
  }
  out.resize(n);
}

// The first letter of spelling_key(folded), from the first two bytes (of two or more).
char spelling_initial(std::string_view folded) {
  const char c = folded[0];
  if (c == 'k' && folded[1] == 'h') return 'h';
  return c == 'j' ? 'y' : c == 'z' ? 's' : c == 'w' ? 'v' : c;
}

// Whether the Levenshtein distance of a and b is at most one: one character replaced,
// inserted or removed.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // a is the longer
  if (a.size() > b.size() + 1) return false;
  size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i + 1) == b.substr(i);
}

}  // namespace

EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

void EntityRecognizer::add_phrase(std::string_view text, uint8_t langs, EntryKind kind, uint32_t ref,
                                  bool case_sensitive, bool user) {
  std::string folded = fold_case(text);
  std::vector<Token> tokens;
  segmenter_->tokenize(text, folded, Span{0, static_cast<uint32_t>(text.size())}, Lang::und, tokens);
  if (tokens.empty()) return;
  std::vector<uint64_t> hashes;
  Entry e{kind, langs, static_cast<uint8_t>(std::min<size_t>(tokens.size(), 255)), user, 0, ref};
  for (size_t i = 0; i < tokens.size(); ++i) {
    hashes.push_back(PhraseMatcher::hash_token(slice(folded, tokens[i].span)));
    if (case_sensitive && i < 16) {
      uint32_t need = tokens[i].is(kTokAllUpper) ? 2 : tokens[i].is(kTokUpperInitial) ? 1 : 0;
      e.case_mask |= need << (2 * i);
    }
  }
  entries_.push_back(e);
  matcher_.add(hashes, static_cast<uint32_t>(entries_.size() - 1));
}

uint32_t EntityRecognizer::add_group(ActorGroup group) {
  groups_.push_back(std::move(group));
  return static_cast<uint32_t>(groups_.size() - 1);
}

absl::StatusOr<EntityRecognizer> EntityRecognizer::create(const Segmenter& segmenter,
                                                          const std::vector<Actor>& user_actors) {
  EntityRecognizer r;
  r.segmenter_ = &segmenter;
  if (auto status = r.load(user_actors); !status.ok()) return status;
  r.matcher_.finalize();
  // Nodes whose phrases are all function words or name particles name nothing alone.
  r.matcher_.tag_nodes([&](const uint32_t* values, uint16_t count) -> uint8_t {
    for (uint16_t k = 0; k < count; ++k)
      if (r.entries_[values[k]].kind != EntryKind::particle && r.entries_[values[k]].kind != EntryKind::stopword)
        return kNodeNames;
    return 0;
  });
  std::string value;
  for (int lang = 0; lang < 4; ++lang) {
    if (r.run_models_[lang].empty()) continue;
    for (int f = 0; f < kFixedFeatures; ++f) {
      const auto feature = static_cast<FixedFeature>(f);
      std::vector<const float*>& weights = r.fixed_weights_[lang][f];
      for (uint32_t i = 0; fixed_value(feature, i, value); ++i)
        weights.push_back(r.run_models_[lang].find(feature_hash(kFixedPrefixes[f]->hash, text_hash(value))));
    }
  }
  r.segmenter_ = nullptr;
  return r;
}

absl::Status EntityRecognizer::load(const std::vector<Actor>& user_actors) {
  auto column = [](const data::DataFile& f, std::string_view name) -> absl::StatusOr<int> {
    int c = f.column(name);
    if (c < 0) return make_error(ErrorCode::internal, std::string(f.path) + " lacks column " + std::string(name));
    return c;
  };
#define EW_COLUMN(var, file, name)    \
  auto var##_or = column(file, name); \
  if (!var##_or.ok()) return var##_or.status(); \
  const int var = *var##_or

  // The caller's actors first: on the same phrase they win over built-in entries.
  auto add_actors = [&](const std::vector<Actor>& actors, bool user) {
    absl::flat_hash_map<std::string, uint32_t> by_name;
    for (const Actor& a : actors) {
      auto [it, fresh] = by_name.try_emplace(a.name, 0);
      if (fresh) {
        ActorGroup g;
        g.key = (user ? "user:" : "actor:") + a.name;
        it->second = add_group(std::move(g));
      }
      groups_[it->second].rows.push_back(a);
    }
    for (const auto& [name, group] : by_name) {
      const ActorGroup& g = groups_[group];
      std::vector<std::string_view> names{name};
      for (const Actor& a : g.rows)
        for (const std::string& alias : a.aliases) names.push_back(alias);
      for (std::string_view n : names) add_phrase(n, kAllLangs, EntryKind::actor, group, true, user);
      const Actor& first = g.rows.front();
      if (first.type == EntityType::person) {
        size_t space = name.rfind(' ');
        if (space != std::string::npos) person_surnames_.try_emplace(fold_case(name.substr(space + 1)), group);
      }
    }
  };
  add_actors(user_actors, true);

  // Countries: ISO names in three languages, plus each language's short forms and adjectives.
  const data::DataFile* iso = data::find_file("common/countries.tsv");
  if (!iso) return make_error(ErrorCode::internal, "missing common/countries.tsv");
  EW_COLUMN(iso_code, *iso, "code");
  absl::flat_hash_map<std::string, std::string> english_name, english_adjective;
  if (const data::DataFile* en = data::find_file("en/countries.tsv")) {
    EW_COLUMN(c, *en, "code");
    EW_COLUMN(n, *en, "names");
    EW_COLUMN(a, *en, "adjectives");
    for (uint32_t r = 0; r < en->rows; ++r) {
      std::string code(en->cell(r, c));
      if (!en->cell(r, n).empty()) english_name[code] = std::string(data::split_synonyms(en->cell(r, n))[0]);
      if (!en->cell(r, a).empty()) english_adjective[code] = std::string(data::split_synonyms(en->cell(r, a))[0]);
    }
  }
  // One group per country for its names (GPE) and one for its adjectives and peoples (NORP),
  // named in English.
  auto code_group = [&](absl::flat_hash_map<std::string, uint32_t>& groups,
                        const absl::flat_hash_map<std::string, std::string>& english, EntityType type,
                        const std::string& code, std::string_view fallback_name) {
    auto [it, fresh] = groups.try_emplace(code, 0);
    if (fresh) {
      ActorGroup g;
      Actor a;
      auto name = english.find(code);
      a.name = name != english.end() ? name->second : std::string(fallback_name);
      a.type = type;
      a.country = code;
      g.rows.push_back(std::move(a));
      g.country = type == EntityType::gpe;
      g.key = std::string(entity_type_name(type)) + ":" + code;
      it->second = add_group(std::move(g));
    }
    return it->second;
  };
  auto country_group = [&](const std::string& code, std::string_view name) {
    return code_group(country_groups_, english_name, EntityType::gpe, code, name);
  };
  auto norp_group = [&](const std::string& code, std::string_view name) {
    return code_group(norp_groups_, english_adjective, EntityType::norp, code, name);
  };
  for (uint32_t r = 0; r < iso->rows; ++r) {
    std::string code(iso->cell(r, iso_code));
    for (std::string_view lang : {"en", "nl", "fr"}) {
      EW_COLUMN(names, *iso, lang);
      if (iso->cell(r, names).empty()) continue;
      for (std::string_view n : data::split_synonyms(iso->cell(r, names)))
        add_phrase(n, kAllLangs, EntryKind::actor, country_group(code, n), true);
    }
  }
  for (Lang lang : kLanguages) {
    std::string code_dir(lang_code(lang));
    if (const data::DataFile* f = data::find_file(code_dir + "/countries.tsv")) {
      EW_COLUMN(c, *f, "code");
      EW_COLUMN(n, *f, "names");
      EW_COLUMN(a, *f, "adjectives");
      EW_COLUMN(p, *f, "people");
      for (uint32_t r = 0; r < f->rows; ++r) {
        std::string code(f->cell(r, c));
        if (!f->cell(r, n).empty())
          for (std::string_view name : data::split_synonyms(f->cell(r, n)))
            add_phrase(name, kAllLangs, EntryKind::actor, country_group(code, name), true);
        for (int col : {a, p}) {
          if (f->cell(r, col).empty()) continue;
          for (std::string_view adj : data::split_synonyms(f->cell(r, col)))
            add_phrase(adj, lang_mask(lang), EntryKind::actor, norp_group(code, adj), true);
        }
      }
    }
    if (const data::DataFile* f = data::find_file(code_dir + "/titles.tsv")) {
      EW_COLUMN(forms, *f, "forms");
      EW_COLUMN(role, *f, "role");
      EW_COLUMN(kind, *f, "kind");
      EW_COLUMN(sector, *f, "sector");
      EW_COLUMN(org, *f, "org");
      for (uint32_t r = 0; r < f->rows; ++r) {
        auto k = title_kind_from_name(f->cell(r, kind));
        if (!k) return make_error(ErrorCode::internal, std::string(f->path) + ": unknown title kind");
        titles_.push_back({std::string(f->cell(r, role)), *k, std::string(f->cell(r, sector)),
                           std::string(f->cell(r, org))});
        for (std::string_view form : data::split_synonyms(f->cell(r, forms)))
          add_phrase(form, lang_mask(lang), EntryKind::title, static_cast<uint32_t>(titles_.size() - 1), false);
      }
    }
    if (const data::DataFile* f = data::find_file(code_dir + "/institutions.tsv")) {
      EW_COLUMN(forms, *f, "forms");
      EW_COLUMN(name, *f, "name");
      EW_COLUMN(sector, *f, "sector");
      EW_COLUMN(alone, *f, "alone");
      for (uint32_t r = 0; r < f->rows; ++r) {
        bool is_alone = f->cell(r, alone) == "yes";
        institutions_.push_back({std::string(f->cell(r, name)), std::string(f->cell(r, sector)), is_alone});
        for (std::string_view form : data::split_synonyms(f->cell(r, forms)))
          add_phrase(form, lang_mask(lang), EntryKind::institution, static_cast<uint32_t>(institutions_.size() - 1),
                     is_alone);
      }
    }
    if (const data::DataFile* f = data::find_file(code_dir + "/entity_cues.tsv")) {
      EW_COLUMN(cue_column, *f, "cue");
      EW_COLUMN(kind, *f, "kind");
      for (uint32_t r = 0; r < f->rows; ++r) {
        auto it = std::find(std::begin(kCueNames), std::end(kCueNames), f->cell(r, kind));
        if (it == std::end(kCueNames)) return make_error(ErrorCode::internal, std::string(f->path) + ": unknown cue kind");
        auto cue = static_cast<Cue>(it - std::begin(kCueNames));
        bool case_sensitive = cue == Cue::honorific || cue == Cue::org_suffix || cue == Cue::org_prefix;
        for (std::string_view form : data::split_synonyms(f->cell(r, cue_column)))
          add_phrase(form, lang_mask(lang), EntryKind::cue, static_cast<uint32_t>(cue), case_sensitive);
      }
    }
    if (const data::DataFile* f = data::find_file(code_dir + "/common_words.tsv")) {
      EW_COLUMN(word, *f, "word");
      for (uint32_t r = 0; r < f->rows; ++r)
        for (std::string_view form : data::split_synonyms(f->cell(r, word)))
          add_phrase(form, lang_mask(lang), EntryKind::common, 0, false);
    }
    auto model = RunModel::load(data::find_file(code_dir + "/ner_runs.tsv"));
    if (!model.ok()) return model.status();
    run_models_[static_cast<int>(lang)] = *std::move(model);
    if (const data::DataFile* f = data::find_file(code_dir + "/stopwords.txt"))
      for (uint32_t r = 0; r < f->rows; ++r) add_phrase(f->cell(r, 0), lang_mask(lang), EntryKind::stopword, 0, false);
  }

  if (const data::DataFile* f = data::find_file("common/places.tsv")) {
    EW_COLUMN(names, *f, "names");
    EW_COLUMN(type, *f, "type");
    EW_COLUMN(country, *f, "country");
    for (uint32_t r = 0; r < f->rows; ++r) {
      auto forms = data::split_synonyms(f->cell(r, names));
      Actor a;
      a.name = std::string(forms[0]);
      auto t = entity_type_from_name(f->cell(r, type));
      if (!t) return make_error(ErrorCode::internal, "common/places.tsv: unknown type");
      a.type = *t;
      a.country = std::string(f->cell(r, country));
      ActorGroup g;
      g.key = "place:" + a.name;
      g.rows.push_back(std::move(a));
      uint32_t group = add_group(std::move(g));
      for (std::string_view form : forms) add_phrase(form, kAllLangs, EntryKind::actor, group, true);
    }
  }
  if (const data::DataFile* f = data::find_file("common/organisations.tsv")) {
    EW_COLUMN(name, *f, "name");
    EW_COLUMN(names, *f, "names");
    EW_COLUMN(org, *f, "org");
    EW_COLUMN(country, *f, "country");
    EW_COLUMN(sector, *f, "sector");
    for (uint32_t r = 0; r < f->rows; ++r) {
      Actor a;
      a.name = std::string(f->cell(r, name));
      a.type = EntityType::org;
      a.org = std::string(f->cell(r, org));
      a.country = std::string(f->cell(r, country));
      a.sector = std::string(f->cell(r, sector));
      ActorGroup g;
      g.key = "org:" + a.name;
      g.rows.push_back(std::move(a));
      uint32_t group = add_group(std::move(g));
      add_phrase(f->cell(r, name), kAllLangs, EntryKind::actor, group, true);
      for (std::string_view form : data::split_synonyms(f->cell(r, names)))
        add_phrase(form, kAllLangs, EntryKind::actor, group, true);
    }
  }
  if (const data::DataFile* f = data::find_file("common/actors.tsv")) {
    std::vector<std::string_view> header(f->header, f->header + f->columns);
    std::vector<Actor> actors;
    for (uint32_t r = 0; r < f->rows; ++r) {
      std::vector<std::string_view> cells(f->cells + r * f->columns, f->cells + (r + 1) * f->columns);
      auto actor = actor_from_row(header, cells, "common/actors.tsv");
      if (!actor.ok()) return actor.status();
      actors.push_back(*std::move(actor));
    }
    add_actors(actors, false);
  }
  if (const data::DataFile* f = data::find_file("common/given_names.txt"))
    for (uint32_t r = 0; r < f->rows; ++r) add_phrase(f->cell(r, 0), kAllLangs, EntryKind::given_name, 0, true);
  if (const data::DataFile* f = data::find_file("common/name_particles.txt"))
    for (uint32_t r = 0; r < f->rows; ++r) add_phrase(f->cell(r, 0), kAllLangs, EntryKind::particle, 0, true);
#undef EW_COLUMN
  return absl::OkStatus();
}

// ---- one document --------------------------------------------------------------------------

// The work on one document: candidates found sentence by sentence, then merged into entities.
class EntityPass {
 public:
  using R = EntityRecognizer;
  EntityPass(const R& r, Document& doc, RunObserver* observer) : r_(r), doc_(doc), observer_(observer) {
    // Room for what news text most often holds (a mention every hundred bytes or so, an
    // entity every few hundred), so the records are not moved as they grow.
    const size_t bytes = doc_.text.size();
    doc_.mentions.reserve(doc_.mentions.size() + 16 + bytes / 64);
    doc_.entities.reserve(doc_.entities.size() + 8 + bytes / 256);
    roles_.reserve(doc_.entities.capacity());
    name_hashes_.reserve(doc_.entities.capacity());
    out_.reserve(32);
    names_.reserve(32);
    items_.reserve(64);
    item_of_.reserve(128);
    unknown_.reserve(16);
    persons_.reserve(16);
    cands_.reserve(64);
    first_.reserve(16 + bytes / 4);  // a token every four bytes or so, as the segmenter expects
    mention_counts_.reserve(doc_.entities.capacity());
    by_key_.reserve(16);
    by_group_.reserve(16);
    person_names_.reserve(16);
  }

  // The sentences of one block: their names and mentions, resolved against what earlier
  // blocks named (blocks come in text order, each while its tokens are there).
  void block(const BlockRange& range) {
    if (range.first_sentence == range.end_sentence) return;
    block_ = range;
    // The dictionary node of each token alone (most often none): every single-token test
    // below reads it rather than looking the token up again.
    const uint32_t first = doc_.sentences[range.first_sentence].token_begin;
    const uint32_t last = doc_.sentences[range.end_sentence - 1].token_end;
    first_.resize(doc_.tokens.size());
    for (uint32_t t = first; t < last; ++t) first_[t] = r_.matcher_.find_first(doc_.token_hashes[t]);
    if (doc_.blocks[range.block].kind != BlockKind::boilerplate)
      for (uint32_t s = range.first_sentence; s < range.end_sentence; ++s) scan_sentence(doc_.sentences[s]);
    build_entities();
  }

 private:
  enum class CandKind : uint8_t { actor, name, title, institution, our_country, the_country };
  struct Cand {
    CandKind kind;
    Span span;
    uint32_t tb, te;  // tokens
    EntityType type = EntityType::person;
    uint32_t ref = 0;  // actor group, title, institution
    // Context: what titles, adjectives and "of Belgium" say about it.
    std::string_view country, org, sector, role;
    TitleKind title_kind = TitleKind::other;
    bool has_title = false;
    bool drop = false;
    bool weak = false;         // kept only when a title binds it
    bool model_typed = false;  // typed by the run classifier
    Span phrase;
    int32_t entity = -1;
  };
  struct Run {
    uint32_t tb, te;
    bool caps;        // in a headline in capitals
    bool org_head;    // an organisation's head noun and its adjectives
    bool title_case;  // in a table cell or a heading in title case: a name only if cued
  };
  struct Item {  // a dictionary match
    uint32_t tb, te;
    const R::Entry* entry;
  };

  const R::Entry* best_entry(const PhraseMatcher::Node& node, uint32_t tb, Lang lang, bool sentence_caps) const {
    const R::Entry* best = nullptr;
    int best_rank = 99;
    const uint32_t* values = r_.matcher_.values(node);
    for (uint32_t k = 0; k < node.count; ++k) {
      const R::Entry& e = r_.entries_[values[k]];
      if (e.kind == R::EntryKind::particle || e.kind == R::EntryKind::stopword) continue;
      // Names, adjectives, titles and institutions of another language still count (a Dutch
      // sentence quoting an English title, a sentence whose language was misjudged), after
      // the language's own.
      const bool own = (e.langs & lang_bit(lang)) != 0;
      if (!own && e.kind != R::EntryKind::title && e.kind != R::EntryKind::institution && e.kind != R::EntryKind::actor)
        continue;
      bool ok = true;
      for (uint32_t i = 0; i < e.tokens && i < 16 && ok; ++i) {
        uint32_t need = (e.case_mask >> (2 * i)) & 3;
        const Token& t = doc_.tokens[tb + i];
        if (need == 1) ok = t.is(kTokUpperInitial);
        else if (need == 2) ok = t.is(kTokAllUpper) && !(sentence_caps && t.span.size() <= 2);
      }
      if (!ok) continue;
      int rank = (e.kind == R::EntryKind::actor ? (e.user ? 0 : 1) : static_cast<int>(e.kind) + 2) + (own ? 0 : 10);
      if (rank < best_rank) {
        best_rank = rank;
        best = &e;
      }
    }
    return best;
  }

  // Longest dictionary match at token i (within [i, end)).
  bool match_at(uint32_t i, uint32_t end, Lang lang, bool caps, Item& out) const {
    const PhraseMatcher::Node* node = first_[i];
    if (!node) return false;
    bool found = false;
    uint64_t h = 0;  // the sequence hash, needed only once a longer phrase is looked for
    for (uint32_t j = i;;) {
      if (node->tag & kNodeNames)
        if (const R::Entry* e = best_entry(*node, i, lang, caps)) {
          out = {i, j + 1, e};
          found = true;
        }
      if (!node->has_longer || ++j >= end) break;
      if (j == i + 1) h = PhraseMatcher::extend(PhraseMatcher::kStart, doc_.token_hashes[i]);
      h = PhraseMatcher::extend(h, doc_.token_hashes[j]);
      node = r_.matcher_.find(h);
      if (!node) break;
    }
    return found;
  }

  Span token_span(uint32_t tb, uint32_t te) const { return {doc_.tokens[tb].span.begin, doc_.tokens[te - 1].span.end}; }
  std::string_view folded(uint32_t t) const { return slice(doc_.folded, doc_.tokens[t].span); }
  std::string_view text(uint32_t t) const { return slice(doc_.text, doc_.tokens[t].span); }
  bool is_cap(uint32_t t) const { return doc_.tokens[t].is(kTokUpperInitial); }

  const Actor& row(uint32_t group) const {
    const auto& rows = r_.groups_[group].rows;
    if (doc_.reference_date) {
      for (const Actor& a : rows)
        if ((a.from || a.until) && a.holds_on(*doc_.reference_date)) return a;
    }
    for (const Actor& a : rows)
      if (!a.from && !a.until) return a;
    return rows.front();
  }

  void scan_sentence(const Sentence& s) {
    const uint32_t sb = s.token_begin, se = s.token_end;
    if (sb == se) return;
    // A headline in capitals: two-letter acronyms are not trusted there.
    uint32_t words = 0, caps = 0;
    for (uint32_t t = sb; t < se; ++t)
      if (doc_.tokens[t].is(kTokWord)) {
        ++words;
        caps += doc_.tokens[t].is(kTokAllUpper);
      }
    const bool sentence_caps = words >= 3 && caps * 4 >= words * 3;
    // Table cells, and headings in title case ("Analyzing Belgium's Strategic Role"): every
    // word may be capitalised there, so capitals say nothing of names.
    const BlockKind block = doc_.blocks[s.block].kind;
    bool title_case = block == BlockKind::table;
    if ((block == BlockKind::heading || block == BlockKind::title) && words >= 4) {
      uint32_t capitalised = 0, small = 0;  // capitalised words; lower-case function words
      for (uint32_t t = sb; t < se; ++t) {
        if (!doc_.tokens[t].is(kTokWord)) continue;
        if (is_cap(t)) ++capitalised;
        else small += is_stopword(t, s.language);
      }
      title_case = small > 0 && capitalised + small == words;
    }
    const Lang lang = s.language;

    items_.clear();
    for (uint32_t i = sb; i < se;) {
      Item item;
      if (match_at(i, se, lang, sentence_caps, item)) {
        // Company suffixes ("Holdings", "Bank") end names rather than break them; "of" and
        // articles are read where titles are bound ("De" of "De Wever" stays in the name).
        const bool inner_cue = item.entry->kind == R::EntryKind::cue &&
                               (item.entry->ref == static_cast<uint32_t>(R::Cue::org_suffix) ||
                                item.entry->ref == static_cast<uint32_t>(R::Cue::of) ||
                                item.entry->ref == static_cast<uint32_t>(R::Cue::article));
        // An institution word ending a longer name ("Central Jakarta District Court") leaves the
        // name whole; after a country ("Kenya Anti-Corruption Commission") it binds to it.
        const bool inside_name = item.entry->kind == R::EntryKind::institution && is_cap(i) && i > sb &&
                                 is_cap(i - 1) && doc_.tokens[i - 1].is(kTokWord) &&
                                 (items_.empty() || items_.back().te != i);
        if (!inner_cue && !inside_name) items_.push_back(item);
        i = item.te;
        continue;
      }
      if (doc_.tokens[i].is(kTokHyphenated) && is_cap(i)) hyphen_parts(i);
      ++i;
    }

    sentence_begin_ = sb;
    item_of_.assign(se - sb, -1);
    for (size_t k = 0; k < items_.size(); ++k)
      for (uint32_t t = items_[k].tb; t < items_[k].te; ++t) item_of_[t - sb] = static_cast<int32_t>(k);

    // Capitalised words the dictionaries do not know, and their cues.
    size_t k = 0;  // next item
    for (uint32_t i = sb; i < se;) {
      if (!doc_.tokens[i].is(kTokUpperInitial)) {  // most words: no name starts there
        ++i;
        continue;
      }
      while (k < items_.size() && items_[k].te <= i) ++k;
      if (k < items_.size() && items_[k].tb <= i) {
        i = items_[k].te;
        continue;
      }
      if (!starts_name(i, sb, lang)) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      for (;;) {
        while (j < se && (k >= items_.size() || items_[k].tb > j) && is_cap(j) && doc_.tokens[j].is(kTokWord) &&
               !part_token(j))
          ++j;
        // particles inside names: "von der Leyen", "Lula da Silva"
        uint32_t p = j;
        while (p < se && is_particle(p) && (k >= items_.size() || items_[k].tb > p)) ++p;
        if (p > j && p < se && is_cap(p) && doc_.tokens[p].is(kTokWord) && (k >= items_.size() || items_[k].tb > p)) {
          j = p;
          continue;
        }
        break;
      }
      // A lone function word ("He", "La"), a lone letter, or words of a headline in capitals:
      // nothing says they are names.
      bool lone_common = j == i + 1 && (is_stopword(i, lang) ||
                                        doc_.tokens[i].span.size() == 1 || doc_.tokens[i].is(kTokAbbreviation));
      bool org_head = false;
      if (j == i + 1 && lang == Lang::fr && is_org_word(i)) {
        // French names organisations by a head noun and adjectives: "Conseil fédéral",
        // "Banque nationale"; the noun alone names nothing.
        uint32_t e = j;
        while (e < se && e < j + 2 && doc_.tokens[e].is(kTokWord) && !is_cap(e) &&
               doc_.text[doc_.tokens[e].span.end - 1] != '\'' &&
               !is_stopword(e, lang) && !item_at(e))
          ++e;
        lone_common |= e == j;
        org_head = e > j;
        j = e;
      }
      if (!lone_common) unknown_.push_back({i, j, sentence_caps, org_head, title_case});
      i = j;
    }
    emit_sentence(sb, se, lang);
  }

  bool is_particle(uint32_t t) const { return !is_cap(t) && has_entry(t, R::EntryKind::particle); }

  // Whether token t alone has a dictionary entry of that kind (and language, when given).
  bool has_entry(uint32_t t, R::EntryKind kind, uint8_t langs = kAllLangs, uint32_t ref = ~0u) const {
    const PhraseMatcher::Node* node = t < first_.size() ? first_[t] : nullptr;
    if (!node) return false;
    const uint32_t* values = r_.matcher_.values(*node);
    for (uint32_t k = 0; k < node->count; ++k) {
      const R::Entry& e = r_.entries_[values[k]];
      if (e.kind == kind && (e.langs & langs) && (ref == ~0u || e.ref == ref)) return true;
    }
    return false;
  }
  bool is_stopword(uint32_t t, Lang lang) const { return has_entry(t, R::EntryKind::stopword, lang_bit(lang)); }

  // Whether a capitalised word at t may start a name: not a function word opening a sentence.
  bool starts_name(uint32_t t, uint32_t sb, Lang lang) const {
    const Token& tok = doc_.tokens[t];
    if (!tok.is(kTokWord) || !tok.is(kTokUpperInitial) || part_token(t)) return false;
    if (doc_.text[tok.span.end - 1] == '\'') return false;  // an elided article: "L'"
    if (opens_clause(t, sb) && is_stopword(t, lang)) return false;
    return true;
  }

  // Whether a word is the first of its sentence or of a quotation, where any word is capitalised.
  bool opens_clause(uint32_t t, uint32_t sb) const {
    if (t == sb) return true;
    const Token& prev = doc_.tokens[t - 1];
    if (!prev.is(kTokPunct)) return false;
    char c = doc_.text[prev.span.begin];
    return c == '"' || c == '\'' || c == ':' || c == '(' || c == '-' || c == '*' || c == '.';
  }

  // A company or institution word ("Bank", "Conseil"): its own token is a cue of that kind.
  bool is_org_word(uint32_t t) const { return has_cue(t, R::Cue::org_suffix); }

  // Whether token t of the current sentence is a hyphenated word with names among its parts.
  bool part_token(uint32_t t) const {
    for (const Cand& c : part_cands_)  // most often none
      if (c.tb == t) return true;
    return false;
  }

  // "NAVO-verband", "Belgium-Ukraine": the parts of a hyphenated word that are names.
  void hyphen_parts(uint32_t t) {
    const Span span = doc_.tokens[t].span;
    uint32_t start = span.begin;
    for (uint32_t p = span.begin; p <= span.end; ++p) {
      if (p < span.end && doc_.text[p] != '-') continue;
      if (p > start) {
        uint64_t h = PhraseMatcher::extend(PhraseMatcher::kStart,
                                           PhraseMatcher::hash_token(std::string_view(doc_.folded).substr(start, p - start)));
        if (const PhraseMatcher::Node* node = r_.matcher_.find(h)) {
          const uint32_t* values = r_.matcher_.values(*node);
          for (uint32_t k = 0; k < node->count; ++k) {
            const R::Entry& e = r_.entries_[values[k]];
            char first = doc_.text[start];
            if (e.kind != R::EntryKind::actor || first < 'A' || first > 'Z') continue;
            Cand c{};
            c.kind = CandKind::actor;
            c.span = {start, p};
            c.phrase = c.span;
            c.tb = t;
            c.te = t + 1;
            c.ref = e.ref;
            c.type = r_.groups_[e.ref].rows.front().type;
            part_cands_.push_back(c);
            break;
          }
        }
      }
      start = p + 1;
    }
  }

  // Items by token of the current sentence (item_of_[t - sentence_begin_]: index or -1).
  const Item* item_at(uint32_t t) const {
    if (t < sentence_begin_ || t - sentence_begin_ >= item_of_.size()) return nullptr;
    int32_t k = item_of_[t - sentence_begin_];
    return k < 0 ? nullptr : &items_[k];
  }
  bool is_cue(uint32_t tb, uint32_t te, R::Cue cue) const {
    const Item* it = item_at(tb);
    return it && it->tb == tb && it->te == te && it->entry->kind == R::EntryKind::cue &&
           it->entry->ref == static_cast<uint32_t>(cue);
  }
  const Item* item_starting(uint32_t t) const {
    const Item* it = item_at(t);
    return it && it->tb == t ? it : nullptr;
  }
  const Item* item_ending(uint32_t t) const {  // the item whose last token is t - 1
    if (t == 0) return nullptr;
    const Item* it = item_at(t - 1);
    return it && it->te == t ? it : nullptr;
  }
  bool is_token(uint32_t t, std::string_view s) const { return t < doc_.tokens.size() && folded(t) == s; }
  // Whether token t alone is a cue of that kind (in any language).
  bool has_cue(uint32_t t, R::Cue cue) const {
    return has_entry(t, R::EntryKind::cue, kAllLangs, static_cast<uint32_t>(cue));
  }

  // Turns the sentence's dictionary items and unknown capitalised runs into candidates,
  // binding titles to the names they qualify.
  void emit_sentence(uint32_t sb, uint32_t se, Lang lang) {
    // Dictionary items first; given names that absorb the unknown runs after them
    // (given_names_) leave those runs out.
    std::vector<Cand>& out = out_;
    out.clear();
    given_names_.clear();
    for (const Item& it : items_) {
      Cand& c = out.emplace_back();
      c.tb = it.tb;
      c.te = it.te;
      c.span = token_span(it.tb, it.te);
      c.phrase = c.span;
      c.ref = it.entry->ref;
      switch (it.entry->kind) {
        case R::EntryKind::actor:
          c.kind = CandKind::actor;
          c.type = r_.groups_[c.ref].rows.front().type;
          break;
        case R::EntryKind::title:
          c.kind = CandKind::title;
          break;
        case R::EntryKind::institution:
          c.kind = CandKind::institution;
          c.type = EntityType::org;
          break;
        case R::EntryKind::cue:
          if (it.entry->ref == static_cast<uint32_t>(R::Cue::our_country)) c.kind = CandKind::our_country;
          else if (it.entry->ref == static_cast<uint32_t>(R::Cue::the_country)) c.kind = CandKind::the_country;
          else {
            out.pop_back();
            continue;
          }
          c.type = EntityType::gpe;
          break;
        case R::EntryKind::given_name: {
          // A given name alone: a person when a capitalised word follows it.
          c.kind = CandKind::name;
          c.type = EntityType::person;
          uint32_t te = it.te;
          while (te < se && is_cap(te) && doc_.tokens[te].is(kTokWord) && !item_at(te)) ++te;
          if (te == it.te) {
            out.pop_back();
            continue;
          }
          c.te = te;
          c.span = token_span(c.tb, te);
          c.phrase = c.span;
          given_names_.push_back({c.tb, te});  // it absorbed unknown runs after it
          break;
        }
        default:
          out.pop_back();
          continue;
      }
    }
    // Name-like runs: classify by their cues.
    std::vector<Cand>& names = names_;
    names.clear();
    const RunModel& model = r_.run_models_[static_cast<int>(lang)];
    const auto& fixed = r_.fixed_weights_[static_cast<int>(lang)];
    for (const Run& run : unknown_) {
      bool absorbed = false;
      for (const auto& [tb, te] : given_names_) absorbed |= run.tb >= tb && run.te <= te;
      if (absorbed && !observer_) continue;
      Cand& c = names.emplace_back();
      c.kind = CandKind::name;
      c.tb = run.tb;
      c.te = run.te;
      c.span = token_span(run.tb, run.te);
      c.phrase = c.span;
      bool cued = true;
      c.type = run.org_head ? EntityType::org : guess_type(run.tb, run.te, sb, se, lang, &cued);
      // Without a classifier, a lone capitalised word with no cue is left out.
      c.weak = run.caps || (model.empty() && !cued && run.te - run.tb == 1);
      if (observer_) {
        feature_strings_.clear();
        auto add = [&](const FeaturePrefix& p, uint64_t, std::string_view value, std::string_view second) {
          std::string f = std::string(p.name) + "=" + std::string(value);
          if (!second.empty()) f += " " + std::string(second);
          feature_strings_.push_back(std::move(f));
        };
        std::string value;
        run_features<true>(run, sb, se, c.type, add, [&](R::FixedFeature f, uint32_t i) {
          fixed_value(f, i, value);
          add(*kFixedPrefixes[static_cast<int>(f)], 0, value, {});
        });
        observer_->on_run(doc_, c.span, feature_strings_);
      }
      if (!model.empty()) {
        std::array<float, kRunLabels> scores{};
        run_features<false>(
            run, sb, se, c.type,
            [&](const FeaturePrefix& p, uint64_t value, std::string_view, std::string_view) {
              model.add(feature_hash(p.hash, value), scores);
            },
            [&](R::FixedFeature f, uint32_t i) { RunModel::add(fixed[static_cast<int>(f)][i], scores); });
        c.model_typed = true;
        switch (RunModel::best(scores)) {
          case RunLabel::person: c.type = EntityType::person, c.weak = false; break;
          case RunLabel::org: c.type = EntityType::org, c.weak = false; break;
          case RunLabel::loc: c.type = EntityType::gpe, c.weak = false; break;
          default: c.weak = true;
        }
      }
      // A name ending in an institution word is an organisation: "Thames Valley Police".
      if (!run.title_case && has_entry(run.te - 1, R::EntryKind::institution, lang_bit(lang)))
        c.type = EntityType::org, c.weak = false;
      c.weak |= run.title_case && !cued;
      if (absorbed) names.pop_back();
    }
    unknown_.clear();

    // The sentence's candidates in text order, after the block's earlier ones: items, names and
    // the parts of hyphenated words are each in text order, and no two start at the same place
    // (they cover different tokens), so merging the three sorts them.
    const size_t first = cands_.size();
    auto by_position = [](const Cand& a, const Cand& b) { return a.span.begin < b.span.begin; };
    if (part_cands_.empty()) {
      std::merge(out.begin(), out.end(), names.begin(), names.end(), std::back_inserter(cands_), by_position);
    } else {
      names_and_items_.clear();
      std::merge(out.begin(), out.end(), names.begin(), names.end(), std::back_inserter(names_and_items_), by_position);
      std::merge(names_and_items_.begin(), names_and_items_.end(), part_cands_.begin(), part_cands_.end(),
                 std::back_inserter(cands_), by_position);
      part_cands_.clear();
    }
    const absl::Span<Cand> sentence = absl::MakeSpan(cands_).subspan(first);
    bind_titles(sentence, lang);
    bind_institutions(sentence, lang);
    cands_.erase(std::remove_if(cands_.begin() + static_cast<std::ptrdiff_t>(first), cands_.end(),
                                [](const Cand& c) { return c.drop || (c.kind == CandKind::title && c.has_title); }),
                 cands_.end());
  }

  // One character for a token's shape: X capitals, C capitalised, x lower case, d digits,
  // the character itself for ASCII punctuation, p otherwise; - for a hyphenated word.
  char shape(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.is(kTokNumber)) return 'd';
    if (tok.is(kTokWord)) {
      if (tok.is(kTokHyphenated)) return tok.is(kTokUpperInitial) ? '=' : '-';
      return tok.is(kTokAllUpper) ? 'X' : tok.is(kTokUpperInitial) ? 'C' : 'x';
    }
    unsigned char c = static_cast<unsigned char>(doc_.text[tok.span.begin]);
    return c < 0x80 ? static_cast<char>(c) : 'p';
  }

  // What the dictionaries say of the item ending at token t (its last token is t - 1) or
  // starting at t, the run classifier's view of the neighbours: an index into the values of
  // features gp and gn (see kItemKinds).
  uint32_t item_kind(const Item* it) const {
    if (!it) return 0;
    switch (it->entry->kind) {
      case R::EntryKind::actor: return kItemActor + static_cast<uint32_t>(r_.groups_[it->entry->ref].rows.front().type);
      case R::EntryKind::title: return kItemTitle;
      case R::EntryKind::institution: return kItemInstitution;
      case R::EntryKind::cue: return kItemCue + it->entry->ref;
      case R::EntryKind::common: return kItemCommon;
      default: return kItemName;
    }
  }

  // The features of a capitalised run for the run classifier, given to
  // add(prefix, value hash, value[, second token of a pair]), or for those with few values
  // to fixed(feature, index of the value) (see fixed_value()); the words of the values are
  // left empty unless `with_words` (the classifier reads the hashes only).
  template <bool with_words, class Add, class Fixed>
  void run_features(const Run& run, uint32_t sb, uint32_t se, EntityType rule, Add&& add, Fixed&& fixed) const {
    using F = R::FixedFeature;
    static constexpr std::string_view kBegin = "<s>", kEnd = "</s>";
    static constexpr uint64_t kBeginHash = text_hash(kBegin), kEndHash = text_hash(kEnd);
    const uint32_t tb = run.tb, te = run.te;
    auto text = [&](const FeaturePrefix& p, std::string_view v) { add(p, text_hash(v), v, std::string_view()); };
    // a token, or the sentence boundary when t is outside [sb, se)
    auto word = [&](uint32_t t) { return with_words ? folded(t) : std::string_view(); };
    auto token = [&](const FeaturePrefix& p, uint32_t t, bool inside, std::string_view boundary) {
      if (inside) add(p, doc_.token_hashes[t], word(t), std::string_view());
      else add(p, boundary == kBegin ? kBeginHash : kEndHash, boundary, std::string_view());
    };
    auto pair = [&](const FeaturePrefix& p, uint32_t a, bool a_inside, uint32_t b, bool b_inside) {
      uint64_t ha = a_inside ? doc_.token_hashes[a] : kBeginHash, hb = b_inside ? doc_.token_hashes[b] : kEndHash;
      add(p, combine_hashes(ha, hb), a_inside ? word(a) : kBegin, b_inside ? word(b) : kEnd);
    };
    fixed(F::bias, 0);
    for (uint32_t t = tb; t < te; ++t) token(kWord, t, true, {});
    token(kFirst, tb, true, {});
    token(kLast, te - 1, true, {});
    std::string_view last = folded(te - 1);
    size_t cut = last.size(), chars = 0;
    while (cut > 0 && chars < 3) {
      --cut;
      if ((static_cast<unsigned char>(last[cut]) & 0xC0) != 0x80) ++chars;
    }
    text(kSuffix, last.substr(cut));
    char shapes[5];
    uint32_t n = std::min<uint32_t>(te - tb, 4);
    for (uint32_t k = 0; k < n; ++k) shapes[k] = shape(tb + k);
    text(kShape, std::string_view(shapes, n));
    token(kPrev, tb - 1, tb > sb, kBegin);
    token(kPrev2, tb - 2, tb > sb + 1, kBegin);
    token(kNext, te, te < se, kEnd);
    token(kNext2, te + 1, te + 1 < se, kEnd);
    fixed(F::prev_shape, static_cast<unsigned char>(tb > sb ? shape(tb - 1) : '^'));
    fixed(F::next_shape, static_cast<unsigned char>(te < se ? shape(te) : '$'));
    fixed(F::opens, opens_clause(tb, sb));
    fixed(F::caps, run.caps);
    fixed(F::rule, static_cast<uint32_t>(rule));
    fixed(F::item_before, item_kind(item_ending(tb)));
    fixed(F::item_after, item_kind(item_starting(te)));
    fixed(F::length, std::min<uint32_t>(te - tb, 5));
    // pairs: the word before with the first word, the last word with the word after
    pair(kPrevFirst, tb - 1, tb > sb, tb, true);
    pair(kLastNext, te - 1, true, te, te < se);
  }

  // Rules for a capitalised run the dictionaries do not know.
  // `cued` (when given) tells whether a cue decided, rather than the default.
  EntityType guess_type(uint32_t tb, uint32_t te, uint32_t sb, uint32_t se, Lang lang, bool* cued = nullptr) const {
    if (tb > sb && is_cue(tb - 1, tb, R::Cue::honorific)) return EntityType::person;
    const Item* before = item_ending(tb);
    if (before && before->entry->kind == R::EntryKind::cue) {
      auto cue = static_cast<R::Cue>(before->entry->ref);
      if (cue == R::Cue::honorific || cue == R::Cue::speech) return EntityType::person;
      if (cue == R::Cue::org_prefix) return EntityType::org;
      if (cue == R::Cue::loc_prefix && te - tb == 1) return EntityType::gpe;
    }
    const Item* after = item_starting(te);
    if (after && after->entry->kind == R::EntryKind::cue) {
      auto cue = static_cast<R::Cue>(after->entry->ref);
      if (cue == R::Cue::speech) return EntityType::person;
      if (cue == R::Cue::org_suffix) return EntityType::org;
    }
    if (has_entry(te - 1, R::EntryKind::cue) && te - tb > 1) return EntityType::org;  // "... Bank"
    // An acronym is most often an organisation; other names most often people.
    if (cued) *cued = false;
    if (te - tb == 1 && doc_.tokens[tb].is(kTokAllUpper)) return EntityType::org;
    return EntityType::person;
  }

  // "Ukrainian President Volodymyr Zelensky", "NATO Secretary General Jens Stoltenberg",
  // "Minister of Defense of Belgium Ludivine Dedonder", "Ludivine Dedonder, Belgian Minister
  // of Defense", "le président ukrainien", "premier De Wever", "his Ukrainian counterpart,
  // Rustem Umjerov", "Belgium's newly appointed Minister of Defence, Theo Francken".
  void bind_titles(absl::Span<Cand> out, Lang lang) {
    for (size_t i = 0; i < out.size(); ++i) {
      Cand& t = out[i];
      if (t.kind != CandKind::title) continue;
      const R::Title& title = r_.titles_[t.ref];
      t.role = title.role;
      t.sector = title.sector;
      t.org = title.org;
      t.title_kind = title.kind;
      Span phrase = t.span;
      // modifiers before: adjective, organisation, "Belgium's"
      size_t m = i;
      while (m > 0) {
        const Cand& p = out[m - 1];
        uint32_t gap_end = t.tb;
        if (m < i) gap_end = out[m].tb;
        bool adjacent = p.te == gap_end;
        // "Belgium's newly appointed Minister": allow "'s" and up to three lower-case words
        if (!adjacent && p.kind == CandKind::actor && is_token(p.te, "'") && is_token(p.te + 1, "s")) {
          uint32_t g = p.te + 2, lower = 0;
          while (g < gap_end && !is_cap(g) && doc_.tokens[g].is(kTokWord) && lower < 3) ++g, ++lower;
          adjacent = g == gap_end;
        }
        if (!adjacent && p.kind == CandKind::actor && p.te + 1 == gap_end && is_token(p.te, "'s")) adjacent = true;
        if (!adjacent || p.kind != CandKind::actor) break;
        const Actor& a = row(p.ref);
        if (a.type != EntityType::norp && a.type != EntityType::org && !r_.groups_[p.ref].country) break;
        take_modifier(t, p.ref);
        phrase.begin = p.span.begin;
        --m;
      }
      // modifiers after: French adjective ("président ukrainien"), "of Belgium", "van België"
      size_t n = i + 1;
      uint32_t next = t.te;
      for (int round = 0; round < 2 && n < out.size(); ++round) {
        const Cand& q = out[n];
        uint32_t gap = next;
        bool of = false;
        while (gap < q.tb && gap < next + 3 &&
               (has_cue(gap, R::Cue::of) || has_cue(gap, R::Cue::article))) {
          ++gap;
          of = true;
        }
        if (gap != q.tb || q.kind != CandKind::actor) break;
        const Actor& a = row(q.ref);
        const bool french_adjective = a.type == EntityType::norp && !of && lang == Lang::fr;
        const bool of_named = of && (r_.groups_[q.ref].country || a.type == EntityType::org);
        if (!french_adjective && !of_named) break;
        take_modifier(t, q.ref);
        phrase.end = q.span.end;
        next = q.te;
        ++n;
      }
      t.phrase = phrase;
      // the person: right after (maybe after a comma), or before with a comma
      Cand* person = nullptr;
      if (n < out.size()) {
        Cand& q = out[n];
        uint32_t gap = next;
        if (is_token(gap, ",")) ++gap;
        if (q.tb == gap && is_person_like(q)) person = &q;
      }
      if (!person && m > 0) {
        Cand& p = out[m - 1];
        uint32_t first = out[m].tb;
        if (m == i) first = t.tb;
        // "Dedonder, Belgian Minister", "Dedonder, the Minister of Defence", "X, minister van Defensie"
        uint32_t g = first;
        while (g > p.te && has_cue(g - 1, R::Cue::article))
          --g;
        if (g == p.te + 1 && is_token(p.te, ",") && is_person_like(p)) person = &p;
      }
      if (person) {
        t.has_title = true;
        if (person->kind == CandKind::name) person->type = EntityType::person;
        person->has_title = true;
        person->role = t.role;
        person->title_kind = t.title_kind;
        person->sector = t.sector;
        person->org = t.org;
        person->country = t.country;
        person->phrase = {std::min(person->span.begin, t.phrase.begin), std::max(person->span.end, t.phrase.end)};
      }
    }
  }

  // What a title's modifier says: the country of an adjective or a country's name, the
  // organisation (with its sector and country) of an organisation's name.
  void take_modifier(Cand& t, uint32_t group) const {
    const Actor& a = row(group);
    if (a.type == EntityType::org) {
      if (!a.org.empty() && t.org.empty()) {
        t.org = a.org;
        t.sector = a.sector;
      }
    }
    if (!a.country.empty() && t.country.empty()) t.country = a.country;
  }

  bool is_person_like(const Cand& c) const {
    if (c.kind == CandKind::name) return true;
    return c.kind == CandKind::actor && r_.groups_[c.ref].rows.front().type == EntityType::person;
  }

  // "the Belgian army", "Ukraine's defence ministry", "l'armée belge", "het Belgische leger",
  // "the Armed Forces of Ukraine", "Defensie".
  void bind_institutions(absl::Span<Cand> out, Lang lang) {
    for (size_t i = 0; i < out.size(); ++i) {
      Cand& c = out[i];
      if (c.kind != CandKind::institution) continue;
      const R::Institution& inst = r_.institutions_[c.ref];
      c.sector = inst.sector;
      auto country_of = [&](const Cand& q) -> std::string_view {
        if (q.kind != CandKind::actor) return {};
        const Actor& a = row(q.ref);
        if (a.type == EntityType::norp || r_.groups_[q.ref].country) return a.country;
        return {};
      };
      if (i > 0) {
        const Cand& p = out[i - 1];
        bool adjacent = p.te == c.tb || (p.te + 1 == c.tb && is_token(p.te, "'s")) ||
                        (p.te + 2 == c.tb && is_token(p.te, "'") && is_token(p.te + 1, "s"));
        if (adjacent && !country_of(p).empty()) {
          c.country = country_of(p);
          c.span = {p.span.begin, c.span.end};
        }
      }
      if (c.country.empty() && i + 1 < out.size()) {
        const Cand& q = out[i + 1];
        bool adjacent = q.tb == c.te && lang == Lang::fr;
        bool of = q.tb == c.te + 1 && has_cue(c.te, R::Cue::of);
        if ((adjacent || of) && !country_of(q).empty()) {
          c.country = country_of(q);
          c.span = {c.span.begin, q.span.end};
        }
      }
      c.phrase = c.span;
      if (c.country.empty() && !inst.alone) {
        // "the army" of no country named is no one; "the Supreme Court", capitalised words, is a
        // name (one capitalised word, "le Parlement", says no more than "the parliament").
        bool capitalised = c.te - c.tb >= 2;
        for (uint32_t t = c.tb; t < c.te && capitalised; ++t) capitalised = !doc_.tokens[t].is(kTokWord) || is_cap(t);
        if (capitalised) c.kind = CandKind::name;
        else c.drop = true;
      }
    }
  }

  // ---- entities --------------------------------------------------------------------------

  struct PersonInfo {
    int32_t entity;
    std::string surname;  // folded
    std::string key;      // spelling key of the surname
    uint32_t last_mention;
  };

  int32_t entity_for(std::string_view key, EntityType type, std::string_view name) {
    auto [it, fresh] = by_key_.try_emplace(PhraseMatcher::hash_token(key), static_cast<int32_t>(doc_.entities.size()));
    if (fresh) {
      Entity& e = doc_.entities.emplace_back();
      e.type = type;
      e.name = std::string(name);
      roles_.push_back(TitleKind::other);
      name_hashes_.push_back(0);
    }
    return it->second;
  }

  int32_t entity_for_group(uint32_t group, EntityType type, std::string_view name) {
    auto it = by_group_.find(group);
    if (it != by_group_.end()) return it->second;
    int32_t e = entity_for(r_.groups_[group].key, type, name);
    by_group_.emplace(group, e);
    return e;
  }

  void fill(Entity& e, std::string_view country, std::string_view org, std::string_view sector, std::string_view role) {
    if (e.country.empty() && !country.empty()) e.country = std::string(country);
    if (e.org.empty() && !org.empty()) e.org = std::string(org);
    if (e.sector.empty() && !sector.empty()) e.sector = std::string(sector);
    if (e.role.empty() && !role.empty()) e.role = std::string(role);
  }

  void add_mention(int32_t entity, const Cand& c, MentionKind kind) {
    EntityMention m;
    m.span = c.span;
    m.phrase = c.phrase;
    m.token_begin = c.tb;
    m.token_end = c.te;
    m.entity = static_cast<uint32_t>(entity);
    m.kind = kind;
    doc_.mentions.push_back(m);
  }

  // The folded surname of a person named by tokens [tb, te): the words after the given name.
  std::string_view surname_of(uint32_t tb, uint32_t te) const {
    uint32_t start = te - 1;
    // "Bart De Wever" -> "de wever": particles belong to the surname, capitalised or not
    while (start > tb + 1 && has_entry(start - 1, R::EntryKind::particle)) --start;
    return slice(doc_.folded, token_span(start, te));
  }

  // PhraseMatcher::hash_token of a candidate's folded text: its token's hash when it is one token.
  uint64_t folded_hash(const Cand& c) const {
    if (c.te - c.tb == 1 && c.span == doc_.tokens[c.tb].span) return doc_.token_hashes[c.tb];
    return PhraseMatcher::hash_token(slice(doc_.folded, c.span));
  }

  int32_t find_person(const Cand& c) {
    if (persons_.empty()) return -1;
    std::string_view full = slice(doc_.folded, c.span);
    auto it = person_names_.find(folded_hash(c));
    if (it != person_names_.end()) return it->second;
    if (c.te - c.tb > 1 || full.size() < 5) return -1;
    // spelling variants of a surname: "Zelenskyy" for "Zelensky", "Umjerov" for "Umerov";
    // only a key with the same first letter can match, and most often no person's key has it
    std::string& key = key_scratch_;
    if (!key_initials_.test(static_cast<unsigned char>(spelling_initial(full)))) return -1;
    spelling_key(full, key);
    int32_t best = -1;
    for (const PersonInfo& p : persons_)
      if (p.key == key || (p.key.size() + 1 >= key.size() && key.size() + 1 >= p.key.size() && p.key[0] == key[0] &&
                           within_one_edit(key, p.key)))
        best = p.entity;
    return best;
  }

  void register_person(int32_t entity, uint32_t tb, uint32_t te, uint32_t at) {
    for (PersonInfo& p : persons_)
      if (p.entity == entity) {
        p.last_mention = at;
        if (te - tb > 1 || p.surname == slice(doc_.folded, token_span(tb, te))) return;
      }
    const std::string_view surname = surname_of(tb, te);
    for (const PersonInfo& p : persons_)
      if (p.entity == entity && p.surname == surname) return;
    PersonInfo& p = persons_.emplace_back();
    p.entity = entity;
    p.surname = std::string(surname);
    spelling_key(surname, p.key);
    if (!p.key.empty()) key_initials_.set(static_cast<unsigned char>(p.key[0]));
    p.last_mention = at;
    uint64_t& name_hash = name_hashes_[entity];
    if (name_hash == 0) {
      fold_case(doc_.entities[entity].name, folded_scratch_);
      name_hash = PhraseMatcher::hash_token(folded_scratch_);
    }
    person_names_.insert_or_assign(name_hash, entity);  // the folded full name
    person_names_.insert_or_assign(PhraseMatcher::hash_token(p.surname), entity);
  }

  void build_entities() {
    // Most often in text order already, no two at the same place: sorting would not move them.
    bool in_order = true;
    for (size_t i = 1; i < cands_.size() && in_order; ++i) in_order = cands_[i - 1].span.begin < cands_[i].span.begin;
    if (!in_order)
      std::sort(cands_.begin(), cands_.end(), [](const Cand& a, const Cand& b) { return a.span.begin < b.span.begin; });
    // The country in focus: the most named one so far.
    for (const Cand& c : cands_)
      if (c.kind == CandKind::actor && r_.groups_[c.ref].country) {
        uint32_t n = ++country_counts_[row(c.ref).country];
        if (n > focus_count_) focus_count_ = n, focus_ = row(c.ref).country;
      }
    const std::string_view focus = focus_;
    const size_t first_mention = doc_.mentions.size();

    for (size_t i = 0; i < cands_.size(); ++i) {
      Cand& c = cands_[i];
      switch (c.kind) {
        case CandKind::actor: {
          const R::ActorGroup& g = r_.groups_[c.ref];
          const Actor& a = row(c.ref);
          int32_t e = entity_for_group(c.ref, a.type, a.name);
          // What the text says ("NATO Secretary General") comes before the dictionary.
          Entity& ent = doc_.entities[e];
          fill(ent, c.country, c.org, c.sector, c.role);
          fill(ent, c.org.empty() ? a.country : std::string_view(), c.country.empty() ? a.org : std::string_view(),
               a.sector, a.role);
          if (c.has_title) roles_[e] = c.title_kind;
          add_mention(e, c, MentionKind::name);
          if (a.type == EntityType::person) register_person(e, c.tb, c.te, c.span.begin);
          if (g.country) country_mentions_.push_back({c.span.begin, e});
          break;
        }
        case CandKind::name: {
          std::string_view name = slice(doc_.text, c.span);
          int32_t e = -1;
          if (c.type == EntityType::person || c.te - c.tb == 1 || c.weak) {
            e = find_person(c);
            if (e < 0 && c.has_title && c.te - c.tb <= 2) {
              // "premier De Wever": a dictionary person with that surname and role
              auto it = r_.person_surnames_.find(fold_case(name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1)));
              if (it != r_.person_surnames_.end()) {
                const Actor& a = row(it->second);
                if (a.role == c.role || c.role.empty()) {
                  e = entity_for_group(it->second, EntityType::person, a.name);
                  fill(doc_.entities[e], a.country, a.org, a.sector, a.role);
                }
              }
            }
          }
          // A run nothing says is a name: kept only as a later mention of a known person.
          if (e < 0 && c.weak && !c.has_title) break;
          if (e < 0) {
            if (!c.model_typed && c.type == EntityType::org && c.te - c.tb == 1 && !doc_.tokens[c.tb].is(kTokAllUpper) &&
                !c.has_title &&
                opens_clause(c.tb, sentence_start(c.tb)))
              break;  // a capitalised word opening a sentence, with nothing to say it is a name
            auto [found, fresh] = by_name_[static_cast<int>(c.type)].try_emplace(
                folded_hash(c), static_cast<int32_t>(doc_.entities.size()));
            e = found->second;
            if (fresh) {
              Entity& entity = doc_.entities.emplace_back();
              entity.type = c.type;
              entity.name = std::string(name);
              roles_.push_back(TitleKind::other);
              name_hashes_.push_back(found->first);  // the hash of the folded name
            }
          }
          Entity& ent = doc_.entities[e];
          fill(ent, c.country, c.org, c.sector, c.role);
          if (c.has_title) roles_[e] = c.title_kind;
          add_mention(e, c, MentionKind::name);
          if (ent.type == EntityType::person) register_person(e, c.tb, c.te, c.span.begin);
          break;
        }
        case CandKind::title: {
          // a role standing alone: the latest person holding a matching role
          int32_t e = resolve_role(c);
          if (e >= 0) add_mention(e, c, MentionKind::nominal);
          break;
        }
        case CandKind::institution: {
          const R::Institution& inst = r_.institutions_[c.ref];
          std::string_view country = c.country.empty() ? focus : c.country;
          if (country.empty()) break;
          int32_t e = entity_for("inst:" + std::string(country) + ":" + inst.name, EntityType::org,
                                 slice(doc_.text, c.span));
          fill(doc_.entities[e], country, {}, inst.sector, {});
          add_mention(e, c, MentionKind::nominal);
          break;
        }
        case CandKind::our_country:
        case CandKind::the_country: {
          int32_t e = -1;
          if (c.kind == CandKind::our_country && !focus.empty()) {
            auto it = r_.country_groups_.find(std::string(focus));
            if (it != r_.country_groups_.end()) {
              const Actor& a = row(it->second);
              e = entity_for_group(it->second, EntityType::gpe, a.name);
              fill(doc_.entities[e], a.country, {}, {}, {});
            }
          } else {
            e = country_before(c);
          }
          if (e >= 0) add_mention(e, c, MentionKind::reference);
          break;
        }
      }
    }
    cands_.clear();
    // This block's mentions all come after the earlier blocks'.
    std::sort(doc_.mentions.begin() + first_mention, doc_.mentions.end(),
              [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
    // Each entity's list grows once a block, by what the block adds to it.
    mention_counts_.resize(doc_.entities.size());
    for (size_t m = first_mention; m < doc_.mentions.size(); ++m) ++mention_counts_[doc_.mentions[m].entity];
    for (size_t m = first_mention; m < doc_.mentions.size(); ++m) {
      uint32_t& count = mention_counts_[doc_.mentions[m].entity];
      std::vector<Span>& list = doc_.entities[doc_.mentions[m].entity].mentions;
      if (count) {
        if (list.size() + count > list.capacity()) list.reserve(std::max(list.size() + count, 2 * list.capacity()));
        count = 0;
      }
      list.push_back(doc_.mentions[m].span);
    }
  }

  // "the country": the first country named earlier in the same sentence (most often its
  // subject), else the last one named before it.
  int32_t country_before(const Cand& c) const {
    const uint32_t start = doc_.tokens[sentence_start(c.tb)].span.begin;
    int32_t last = -1;
    for (const auto& [at, entity] : country_mentions_) {
      if (at >= c.span.begin) break;
      if (at >= start) return entity;
      last = entity;
    }
    return last;
  }

  // The first token of the sentence holding `token`, in the block being read.
  uint32_t sentence_start(uint32_t token) const {
    auto begin = doc_.sentences.begin() + block_.first_sentence, end = doc_.sentences.begin() + block_.end_sentence;
    auto it = std::upper_bound(begin, end, token, [](uint32_t t, const Sentence& s) { return t < s.token_begin; });
    return it == begin ? begin->token_begin : std::prev(it)->token_begin;
  }

  int32_t resolve_role(const Cand& c) const {
    int32_t best = -1;
    uint32_t best_at = 0;
    if (c.role.empty()) return -1;  // "counterpart", "collega": no role to go by
    for (const PersonInfo& p : persons_) {
      const Entity& e = doc_.entities[p.entity];
      if (p.last_mention > c.span.begin && best >= 0) continue;
      bool role_ok = e.role == c.role || (c.role == "minister" && roles_[p.entity] == TitleKind::minister) ||
                     (c.title_kind == TitleKind::head && c.role == "leader" && roles_[p.entity] == TitleKind::head) ||
                     (c.title_kind == TitleKind::head && c.role == "leader" &&
                      (e.role == "president" || e.role == "prime minister" || e.role == "chancellor"));
      if (!role_ok) continue;
      if (!c.country.empty() && !e.country.empty() && c.country != e.country) continue;
      if (!c.org.empty() && !e.org.empty() && c.org != e.org) continue;
      if (p.last_mention >= best_at) {
        best = p.entity;
        best_at = p.last_mention;
      }
    }
    return best;
  }

  const R& r_;
  Document& doc_;
  RunObserver* observer_;
  std::vector<std::string> feature_strings_;
  std::vector<const PhraseMatcher::Node*> first_;  // node of each token alone, or nullptr
  std::vector<Item> items_;
  uint32_t sentence_begin_ = 0;
  std::vector<int32_t> item_of_;
  std::vector<Run> unknown_;
  std::vector<Cand> part_cands_;
  std::vector<Cand> out_, names_;  // a sentence's items and unknown runs
  std::vector<Cand> names_and_items_;
  std::vector<std::pair<uint32_t, uint32_t>> given_names_;  // tokens of the sentence's given-name candidates
  std::vector<Cand> cands_;
  // Entities by what makes two mentions the same: the hash (PhraseMatcher::hash_token) of a
  // text, which spares building and keeping a string for each.
  using KeyMap = absl::flat_hash_map<uint64_t, int32_t>;
  KeyMap by_key_;                    // by ActorGroup::key and institution keys
  std::array<KeyMap, 6> by_name_;  // unknown names by type, by folded text
  absl::flat_hash_map<uint32_t, int32_t> by_group_;
  std::vector<TitleKind> roles_;
  // By entity: the hash of its folded name, 0 until needed (a name found in the text has the
  // hash of its folded text, the key it was found under; a dictionary name is folded once).
  std::vector<uint64_t> name_hashes_;
  std::vector<uint32_t> mention_counts_;  // by entity: the block's new mentions (scratch, zero between blocks)
  std::vector<PersonInfo> persons_;
  std::string key_scratch_;  // find_person's spelling key
  std::bitset<256> key_initials_;  // the first letters of the persons' spelling keys
  KeyMap person_names_;  // by folded full names and surnames of the persons so far
  std::string folded_scratch_;  // register_person's folded name
  std::vector<std::pair<uint32_t, int32_t>> country_mentions_;  // position, entity
  absl::flat_hash_map<std::string_view, uint32_t> country_counts_;
  std::string_view focus_;
  uint32_t focus_count_ = 0;
  BlockRange block_;
};

EntityRecognizer::Pass::Pass(const EntityRecognizer& r, Document& doc, RunObserver* observer)
    : pass_(std::make_unique<EntityPass>(r, doc, observer)) {}
EntityRecognizer::Pass::~Pass() = default;
void EntityRecognizer::Pass::block(const BlockRange& range) { pass_->block(range); }

}  // namespace eventwire::internal
