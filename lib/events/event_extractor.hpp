// Events: who did what to whom, when, where and how much, sentence by sentence.
//
// A word from the trigger lexicon (lib/lang/<lang>/event_triggers.tsv) opens an event of its
// type; the words around it decide the rest, by rules a reader can follow (each event names the
// rule that fired):
//   - actors: the names before the trigger that are not objects of a preposition, joined by
//     "and" ("Spain and Italy disagreed"); for a noun, also its possessor ("France's proposal");
//   - targets: the first name after the prepositions the trigger takes ("provide ... to X"), or
//     its direct object; the country an AID goes "in" when nothing else is named;
//   - mode: the trigger's own, or a word naming the kind of help nearby ("military", "troops");
//   - polarity and modality: cues before or after the trigger ("will not", "no plans for",
//     "did not rule out", "zal geen", "n'exclut pas"), lib/lang/<lang>/event_cues.tsv;
//   - a governor ("calls for", "opposed") takes the event it governs as its mode and content;
//     "without"/"rather than" negate the event they introduce, which keeps the main one's actor;
//   - source: the subject of a verb of saying, or what follows "according to";
//   - time, location and quantities: those of the sentence, near the trigger.
// PLOVER and CAMEO codes follow (event_codes.hpp); events reported twice form a cluster.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "events/event_codes.hpp"
#include "events/event_lexicon.hpp"
#include "model/document.hpp"

namespace eventwire::internal {

class Segmenter;

// Buffers reused from sentence to sentence (one per analysis, not shared between threads).
struct EventScratch {
  // A name of the sentence, in tokens.
  struct Name {
    uint32_t begin, end;  // the name itself
    uint32_t phrase;      // where its phrase starts (title, modifiers)
    int32_t entity;
    Span span;
  };

  // An event word of the sentence while events are built from it.
  struct Trigger {
    uint32_t begin, end;
    const TriggerEntry* entry;
    std::string mode;
    uint32_t content_end;            // its object, or what it governs, ends before this token
    uint32_t governed_begin;         // a governor: where the event it governs starts (else end)
    bool absorbed = false;           // part of another event
    bool implicit = false;           // a word of help standing for an event ("no plans for troops")
    bool refers_back = false;        // takes an event named before as object ("attend the summit")
    const TriggerEntry* inner = nullptr;  // the event a governor governs
  };

  std::vector<LexiconMatch> matches, cues, modes;
  std::vector<uint16_t> roles;  // of the sentence's words
  std::vector<Name> names;
  std::vector<Trigger> triggers;
  size_t next_mention = 0;  // doc.mentions before it precede the sentences read so far
};

class EventExtractor {
 public:
  static absl::StatusOr<EventExtractor> create(const Segmenter& segmenter);

  // The events of the sentences of `range`, whose entities, quantities and times are known.
  void extract(Document& doc, const BlockRange& range, EventScratch& scratch) const;

  // Once every block is done: events that report the same happening share a cluster.
  void finish(Document& doc) const;

 private:
  std::array<std::optional<EventLexicon>, 4> lexicons_;  // by Lang; und has none
  std::optional<EventCodes> codes_;
};

}  // namespace eventwire::internal
