#include "events/event_lexicon.hpp"

#include "absl/container/flat_hash_map.h"
#include "lexicon/data_files.hpp"
#include "segment/segment.hpp"
#include "text/normalize.hpp"

namespace eventwire::internal {
namespace {

constexpr int kKindShift = 30;

std::optional<EventType> type_from_name(std::string_view name) {
  for (int t = 0; t <= static_cast<int>(EventType::ASSAULT); ++t)
    if (event_type_name(static_cast<EventType>(t)) == name) return static_cast<EventType>(t);
  return std::nullopt;
}

// The file's columns, by name, or an error naming the first one missing.
absl::StatusOr<std::vector<int>> columns(const data::DataFile& f, std::initializer_list<const char*> names) {
  std::vector<int> out;
  for (const char* name : names) {
    int c = f.column(name);
    if (c < 0) return absl::InternalError(std::string(f.path) + ": no column " + name);
    out.push_back(c);
  }
  return out;
}

}  // namespace

absl::StatusOr<EventLexicon> EventLexicon::create(Lang lang, const Segmenter& segmenter) {
  EventLexicon lexicon;
  absl::Status status = lexicon.load(lang, segmenter);
  if (!status.ok()) return status;
  lexicon.matcher_.finalize();
  lexicon.words_.finalize();
  return lexicon;
}

void EventLexicon::add_phrases(std::string_view forms, LexiconMatch::Kind kind, uint32_t entry, Lang lang,
                               const Segmenter& segmenter) {
  for (std::string_view form : data::split_synonyms(forms)) {
    // Phrases are cut into tokens exactly as texts are, so that they meet them token by token.
    const std::string text(form);
    const std::string folded = fold_case(text);
    std::vector<Token> tokens;
    segmenter.tokenize(text, folded, {0, static_cast<uint32_t>(text.size())}, lang, tokens);
    // An elided word alone ("n'") is cut off its apostrophe here, but is one token in texts.
    if (tokens.size() >= 2 && tokens.back().span.begin == tokens[tokens.size() - 2].span.end &&
        slice(folded, tokens.back().span) == "'") {
      tokens[tokens.size() - 2].span.end = tokens.back().span.end;
      tokens.pop_back();
    }
    std::vector<uint64_t> hashes;
    for (const Token& t : tokens) hashes.push_back(PhraseMatcher::hash_token(slice(folded, t.span)));
    if (!hashes.empty()) matcher_.add(hashes, static_cast<uint32_t>(kind) << kKindShift | entry);
  }
}

absl::Status EventLexicon::load(Lang lang, const Segmenter& segmenter) {
  const std::string code(lang_code(lang));
  if (const data::DataFile* f = data::find_file(code + "/event_triggers.tsv")) {
    auto c = columns(*f, {"forms", "particle", "pos", "role", "type", "mode", "target", "rule"});
    if (!c.ok()) return c.status();
    for (uint32_t r = 0; r < f->rows; ++r) {
      auto cell = [&](int k) { return f->cell(r, (*c)[k]); };
      TriggerEntry e;
      auto type = type_from_name(cell(4));
      if (!type) return absl::InternalError(std::string(f->path) + ": unknown event type " + std::string(cell(4)));
      e.type = *type;
      e.particle = std::string(cell(1));
      e.noun = cell(2) == "noun";
      e.governor = cell(3) == "governor";
      e.needs_content = cell(3) == "content";
      e.mode = std::string(cell(5));
      for (std::string_view t : data::split_synonyms(cell(6))) {
        if (t == "obj") e.target_object = true;
        else if (!t.empty()) e.target_preps.emplace_back(t);
      }
      e.rule = code + "." + std::string(cell(7));
      add_phrases(cell(0), LexiconMatch::trigger, static_cast<uint32_t>(triggers_.size()), lang, segmenter);
      triggers_.push_back(std::move(e));
    }
  }
  if (const data::DataFile* f = data::find_file(code + "/event_cues.tsv")) {
    auto c = columns(*f, {"forms", "polarity", "modality", "role", "side"});
    if (!c.ok()) return c.status();
    for (uint32_t r = 0; r < f->rows; ++r) {
      auto cell = [&](int k) { return f->cell(r, (*c)[k]); };
      CueEntry e;
      e.polarity = cell(1) == "negative" ? -1 : cell(1) == "positive" ? 1 : 0;
      if (cell(2) == "intended") e.modality = Modality::intended;
      if (cell(2) == "possible") e.modality = Modality::possible;
      e.role = cell(3) == "contrast" ? CueRole::contrast
               : cell(3) == "source_next" ? CueRole::source_next
               : cell(3) == "speech"          ? CueRole::speech
               : cell(3) == "reported_future" ? CueRole::reported_future
                                              : CueRole::none;
      e.side = cell(4) == "after" ? CueSide::after : cell(4) == "either" ? CueSide::either : CueSide::before;
      add_phrases(cell(0), LexiconMatch::cue, static_cast<uint32_t>(cues_.size()), lang, segmenter);
      cues_.push_back(e);
    }
  }
  if (const data::DataFile* f = data::find_file(code + "/event_modes.tsv")) {
    auto c = columns(*f, {"forms", "mode", "content"});
    if (!c.ok()) return c.status();
    for (uint32_t r = 0; r < f->rows; ++r) {
      add_phrases(f->cell(r, (*c)[0]), LexiconMatch::mode, static_cast<uint32_t>(modes_.size()), lang, segmenter);
      modes_.push_back({std::string(f->cell(r, (*c)[1])), f->cell(r, (*c)[2]) == "yes"});
    }
  }
  if (const data::DataFile* f = data::find_file(code + "/event_words.tsv")) {
    auto c = columns(*f, {"word", "role"});
    if (!c.ok()) return c.status();
    absl::flat_hash_map<uint64_t, uint16_t> roles;  // a word may have several
    for (uint32_t r = 0; r < f->rows; ++r) {
      std::string_view role = f->cell(r, (*c)[1]);
      uint16_t bit = role == "preposition" ? kPreposition
                    : role == "determiner" ? kDeterminer
                    : role == "conjunction" ? kConjunction
                    : role == "pronoun_person" ? kPersonPronoun
                    : role == "relative" ? kRelative
                    : role == "place" ? kPlace
                    : role == "possessive" ? kPossessive
                    : role == "agent" ? kAgent
                    : role == "verb_marker" ? kVerbMarker
                    : role == "possessive_pronoun" ? kPossessivePronoun
                    : role == "pronoun_subject" ? kSubjectPronoun
                    : role == "light_verb" ? kLightVerb
                    : role == "definite" ? kDefinite
                    : role == "reciprocal" ? kReciprocal : 0;
      if (!bit) return absl::InternalError(std::string(f->path) + ": unknown role " + std::string(role));
      roles[PhraseMatcher::hash_token(f->cell(r, (*c)[0]))] |= bit;
    }
    for (const auto& [hash, bits] : roles) words_.add({hash}, bits);
  }
  implicit_aid_.type = EventType::AID;
  implicit_aid_.noun = true;
  implicit_aid_.rule = code + ".aid.implicit";
  if (const data::DataFile* f = data::find_file(code + "/events.kv"))
    for (uint32_t r = 0; r < f->rows; ++r) {
      if (f->cell(r, 0) == "subject_after_verb") subject_after_verb_ = f->cell(r, 1) == "yes";
      if (f->cell(r, 0) == "object_before_verb") object_before_verb_ = f->cell(r, 1) == "yes";
      if (f->cell(r, 0) == "implicit_aid_targets")
        for (std::string_view prep : data::split_synonyms(f->cell(r, 1))) implicit_aid_.target_preps.emplace_back(prep);
    }
  return absl::OkStatus();
}

void EventLexicon::match(const uint64_t* hashes, uint32_t count, uint32_t begin, std::vector<LexiconMatch>& out) const {
  for (uint32_t t = 0; t < count; ++t) {
    const PhraseMatcher::Node* node = matcher_.find_first(hashes[t]);
    if (!node) continue;  // most tokens
    uint64_t sequence = PhraseMatcher::extend(PhraseMatcher::kStart, hashes[t]);
    // Each longer phrase goes before the shorter ones found at the same position.
    const size_t position_first = out.size();
    for (uint32_t k = t;;) {
      const uint32_t* values = matcher_.values(*node);
      auto at = out.insert(out.begin() + static_cast<std::ptrdiff_t>(position_first), node->count, LexiconMatch{});
      for (uint16_t v = 0; v < node->count; ++v)
        at[v] = {static_cast<LexiconMatch::Kind>(values[v] >> kKindShift), begin + t, begin + k + 1,
                 values[v] & ((1u << kKindShift) - 1)};
      if (!node->has_longer || ++k >= count) break;
      sequence = PhraseMatcher::extend(sequence, hashes[k]);
      if (!(node = matcher_.find(sequence))) break;
    }
  }
}

}  // namespace eventwire::internal
