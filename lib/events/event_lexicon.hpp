// What the event rules know of a language, from lib/lang/<lang>/event_*.tsv: the words that
// carry events (triggers), the words that change how an event is reported (cues: negation,
// modality, contrast, attribution), the words that say what kind of help an event is about
// (modes), and the small words the rules read (prepositions, determiners, conjunctions).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lexicon/phrase_matcher.hpp"
#include "lexicon/word_set.hpp"
#include "model/document.hpp"

namespace eventwire::internal {

struct TriggerEntry {
  EventType type = EventType::AGREE;
  std::string mode;          // default mode ("" for none)
  std::string particle;      // folded separable particle that must follow ("in" of "zet ... in")
  bool noun = false;         // a noun ("aid", "meeting") rather than a verb
  bool governor = false;     // its content is another event or a mode word ("calls for troops")
  bool needs_content = false;  // an event only with help as its object ("strengthening peacekeeping")
  bool target_object = false;               // a direct object is the target
  std::vector<std::string> target_preps;    // folded prepositions that introduce the target
  std::string rule;          // "<lang>.<rule>"
};

// reported_future: a modal that, after a verb of saying, is the future seen from the past ("said
// it would allow"): an intention, not a possibility.
enum class CueRole : uint8_t { none, contrast, source_next, speech, reported_future };
enum class CueSide : uint8_t { before, after, either };

struct CueEntry {
  int8_t polarity = 0;  // -1 negates, +1 undoes a negation, 0 leaves it
  std::optional<Modality> modality;
  CueRole role = CueRole::none;
  CueSide side = CueSide::before;
};

struct ModeEntry {
  std::string mode;
  bool content = false;  // can stand for what is sent, requested or refused ("troops")
};

// Bits for the roles of small words.
enum WordRole : uint8_t {
  kPreposition = 1 << 0,
  kDeterminer = 1 << 1,
  kConjunction = 1 << 2,
  kPersonPronoun = 1 << 3,
  kRelative = 1 << 4,
  kPlace = 1 << 5,       // introduces where something happens ("in", "at", "te", "à")
  kPossessive = 1 << 6,  // marks its name as owner of what follows ("'s")
  kAgent = 1 << 7,       // introduces who does what a noun names ("aid from Belgium")
};
// More roles, in bits of their own.
constexpr uint16_t kVerbMarker = 1 << 8;          // an event word after it is a verb ("to aid", "will aid")
constexpr uint16_t kPossessivePronoun = 1 << 9;   // "his request": the subject's
constexpr uint16_t kSubjectPronoun = 1 << 10;     // "he was preparing": the subject of the clause before
constexpr uint16_t kLightVerb = 1 << 11;          // "made an appeal": the noun is the subject's event
constexpr uint16_t kDefinite = 1 << 12;           // "the summit": an event named before
constexpr uint16_t kReciprocal = 1 << 13;         // "between": the names after it act on each other

// A phrase found in a sentence: tokens [begin, end), and what it is.
struct LexiconMatch {
  enum Kind : uint8_t { trigger, cue, mode } kind;
  uint32_t begin, end;  // token indexes
  uint32_t entry;       // index into triggers(), cues() or modes()
};

class EventLexicon {
 public:
  static absl::StatusOr<EventLexicon> create(Lang lang, const class Segmenter& segmenter);

  // Appends every phrase of the lexicon in the `count` tokens of doc.tokens from `begin`, in
  // text order and longest first at each position; `hashes` are PhraseMatcher::hash_token of
  // each folded token of that range.
  void match(const uint64_t* hashes, uint32_t count, uint32_t begin, std::vector<LexiconMatch>& out) const;

  const TriggerEntry& trigger(uint32_t i) const { return triggers_[i]; }
  const CueEntry& cue(uint32_t i) const { return cues_[i]; }
  const ModeEntry& mode(uint32_t i) const { return modes_[i]; }
  // The roles of a word, by its PhraseMatcher::hash_token (a sentence's tokens are hashed once).
  uint16_t word_roles(uint64_t token_hash) const {
    const PhraseMatcher::Node* node = words_.find_first(token_hash);
    return node ? static_cast<uint16_t>(words_.values(*node)[0]) : 0;
  }
  uint16_t word_roles(std::string_view folded) const { return word_roles(PhraseMatcher::hash_token(folded)); }
  bool empty() const { return triggers_.empty(); }
  // Whether a statement may put its subject after the verb (Dutch: "Momenteel zet België ...").
  bool subject_after_verb() const { return subject_after_verb_; }
  // Whether a verb may end its clause after its object (Dutch: "... wapens aan Oekraïne leveren").
  bool object_before_verb() const { return object_before_verb_; }
  // The event a word of help stands for when a cue or a governor takes it ("no plans for
  // troops"): AID, its target after the prepositions of events.kv's implicit_aid_targets.
  const TriggerEntry& implicit_aid() const { return implicit_aid_; }

 private:
  absl::Status load(Lang lang, const Segmenter& segmenter);
  void add_phrases(std::string_view forms, LexiconMatch::Kind kind, uint32_t entry, Lang lang,
                   const Segmenter& segmenter);

  PhraseMatcher matcher_;
  std::vector<TriggerEntry> triggers_;
  std::vector<CueEntry> cues_;
  std::vector<ModeEntry> modes_;
  // The roles of the small words, as one-token phrases: most tokens are none, and the
  // matcher's bit set of first tokens answers for them.
  PhraseMatcher words_;
  bool subject_after_verb_ = false;
  bool object_before_verb_ = false;
  TriggerEntry implicit_aid_;
};

}  // namespace eventwire::internal
