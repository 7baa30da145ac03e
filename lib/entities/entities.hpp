// Entities: countries and their adjectives, places, organisations and people, each resolved to
// the country (ISO 3166-1 alpha-3) or organisation it stands or acts for, its PLOVER sector and
// role, with every mention: names, surnames, spelling variants, role mentions ("the minister",
// "de premier") and "our country"/"ons land"/"notre pays".
//
// All names, titles and cue words come from lib/lang (countries.tsv, places.tsv,
// organisations.tsv, actors.tsv, titles.tsv, institutions.tsv, entity_cues.tsv,
// given_names.txt, name_particles.txt) and from the caller's actor dictionaries; they are
// matched on doc.folded by token sequence (lexicon/phrase_matcher.hpp). Capitalised words the
// dictionaries do not know are typed by rules (titles, given names, speech verbs, company
// suffixes, prepositions of place) and, where a language has one, by a small averaged-
// perceptron classifier (entities/run_model.hpp, trained by lib/tools/train_ner.cpp).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "entities/actors.hpp"
#include "entities/run_model.hpp"
#include "lexicon/phrase_matcher.hpp"
#include "lexicon/word_set.hpp"
#include "model/document.hpp"

namespace eventwire::internal {

class Segmenter;
class EntityPass;

// Sees every capitalised run the dictionaries do not know, with the features the run
// classifier reads: how lib/tools/train_ner.cpp collects its training examples.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // `span` is in doc.text positions (doc.offsets maps it onto the input).
  virtual void on_run(const Document& doc, Span span, const std::vector<std::string>& features) = 0;
};

// What a title says about the person holding it.
enum class TitleKind : uint8_t { head, minister, official, military, legislator, judge, party, other };

class EntityRecognizer {
 public:
  // Builds the dictionaries from the compiled-in data and the caller's actors (which take
  // precedence over built-in entries with the same name). `segmenter` cuts dictionary
  // entries into tokens exactly as texts are cut.
  static absl::StatusOr<EntityRecognizer> create(const Segmenter& segmenter, const std::vector<Actor>& user_actors);

  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  ~EntityRecognizer();

  // Fills doc.entities and doc.mentions block by block, from the sentences of content blocks
  // (and bylines). A pass carries what earlier blocks named (people, the country in focus) to
  // later ones, which resolve against it ("Dedonder", "the minister", "ons land").
  class Pass {
   public:
    Pass(const EntityRecognizer& recognizer, Document& doc, RunObserver* observer = nullptr);
    ~Pass();
    // The next block, whose tokens are in doc.tokens.
    void block(const BlockRange& range);

   private:
    std::unique_ptr<EntityPass> pass_;
  };

  // The run classifier's features with few values: the bias, whether the run opens a
  // clause, whether it is in a headline in capitals, the rules' type, what the dictionaries
  // say of the words before and after it, its length and the shapes of the tokens around it.
  enum class FixedFeature : uint8_t { bias, opens, caps, rule, item_before, item_after, length, prev_shape, next_shape };
  static constexpr int kFixedFeatures = 9;

  // Sizes of the dictionaries, for tests and diagnostics.
  size_t phrase_count() const { return matcher_.size(); }

 private:
  friend class EntityPass;
  EntityRecognizer() = default;

  enum class EntryKind : uint8_t { actor, title, institution, cue, common, given_name, particle, stopword };
  enum class Cue : uint8_t {
    speech, honorific, org_suffix, org_prefix, loc_prefix, our_country, the_country, of, article
  };
  struct Entry {
    EntryKind kind;
    uint8_t langs;       // bit (1 << Lang) for each language it applies to
    uint8_t tokens;      // number of tokens
    bool user = false;   // from the caller's dictionaries
    uint32_t case_mask;  // 2 bits a token (first 16): 1 capital initial required, 2 all capitals
    uint32_t ref;        // index into the table of its kind (or the Cue)
  };
  struct ActorGroup {
    std::vector<Actor> rows;  // one actor over time (see Actor::holds_on)
    bool country = false;     // the name of a country
    std::string key;          // what makes two mentions the same entity
  };
  struct Title {
    std::string role;
    TitleKind kind;
    std::string sector, org;
  };
  struct Institution {
    std::string name, sector;
    bool alone;  // stands for the country in focus without a modifier ("Defensie")
  };

  void add_phrase(std::string_view text, uint8_t langs, EntryKind kind, uint32_t ref, bool case_sensitive,
                  bool user = false);
  uint32_t add_group(ActorGroup group);
  absl::Status load(const std::vector<Actor>& user_actors);

  const Segmenter* segmenter_ = nullptr;  // used while building only
  PhraseMatcher matcher_;
  std::vector<Entry> entries_;
  std::vector<ActorGroup> groups_;
  std::vector<Title> titles_;
  std::vector<Institution> institutions_;
  absl::flat_hash_map<std::string, uint32_t> country_groups_;  // "BEL" -> its GPE group
  absl::flat_hash_map<std::string, uint32_t> norp_groups_;     // "BEL" -> its NORP group
  WordMap<uint32_t> person_surnames_;  // folded surname of a dictionary person -> its group
  std::array<RunModel, 4> run_models_;  // per Lang; empty where there is no model
  // The weights of each value of the run classifier's features with few values (in
  // run_models_, nullptr where a value has none), found once here rather than hashed and
  // looked up for every run. Per Lang, then by FixedFeature and value.
  std::array<std::array<std::vector<const float*>, kFixedFeatures>, 4> fixed_weights_;
};

}  // namespace eventwire::internal
