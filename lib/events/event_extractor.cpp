#include "events/event_extractor.hpp"

#include <algorithm>

#include "entities/lookup.hpp"
#include "segment/segment.hpp"

namespace eventwire::internal {
namespace {

// How far the rules look, in tokens.
constexpr uint32_t kCueWindow = 12;        // cues before a trigger
constexpr uint32_t kCueAfterWindow = 6;    // cues after it
constexpr uint32_t kGovernedWindow = 14;   // a governor's content after it
constexpr uint32_t kObjectWindow = 6;      // a verb's object, a mode word after it
constexpr uint32_t kTargetWindow = 16;     // a target after the trigger
constexpr uint32_t kModifierWindow = 3;    // mode words before a noun

// A name of the sentence, in tokens.
struct Name {
  uint32_t begin, end;   // the name itself
  uint32_t phrase;       // where its phrase starts (title, modifiers)
  int32_t entity;
  Span span;
};

// A trigger of the sentence while events are built from it.
struct Trigger {
  uint32_t begin, end;
  const TriggerEntry* entry;
  EventType type;
  std::string mode;
  uint32_t content_begin, content_end;  // where its content (object, governed event) lies
  bool absorbed = false;                // part of another event
  const TriggerEntry* inner = nullptr;  // the event a governor governs
};

class SentenceReader {
 public:
  SentenceReader(const Document& doc, const EventLexicon& lex, const EventCodes& codes, uint32_t sentence)
      : doc_(doc), lex_(lex), codes_(codes), sentence_index_(sentence), s_(doc.sentences[sentence]) {}

  void read(std::vector<Event>& out);

 private:
  std::string_view folded(uint32_t t) const { return slice(doc_.folded, doc_.tokens[t].span); }
  uint8_t roles(uint32_t t) const { return lex_.word_roles(folded(t)); }
  bool is_punct(uint32_t t, std::string_view p) const { return folded(t) == p; }
  // A token that ends the clause a subject or an object is looked for in.
  bool clause_break(uint32_t t) const {
    return is_punct(t, ";") || is_punct(t, ":") || (roles(t) & kRelative);
  }

  void collect_names();
  void collect_matches();
  void absorb();
  std::optional<Event> build(const Trigger& tr, const Event* previous);

  // The preposition (folded) just before a name, past determiners; "" when there is none.
  std::string_view preposition_before(const Name& n) const;
  // The actors of a trigger at `t`: the nearest names before it that are not objects of a
  // preposition, with those joined to them by "and" or commas.
  std::vector<const Name*> subjects_before(uint32_t t) const;
  std::vector<const Name*> targets_of(const Trigger& tr, const std::vector<const Name*>& actors) const;
  const Name* possessor_of(const Trigger& tr) const;
  void apply_cues(const Trigger& tr, Event& e, bool& contrast) const;
  std::string mode_near(const Trigger& tr) const;
  void attach_source(Event& e) const;
  void attach_time_place_quantities(const Trigger& tr, Event& e, const std::vector<const Name*>& used) const;
  Argument argument(const Name& n) const;
  bool coded(const Name& n) const { return !actor_code(doc_, n.entity).empty(); }

  const Document& doc_;
  const EventLexicon& lex_;
  const EventCodes& codes_;
  const uint32_t sentence_index_;
  const Sentence& s_;
  std::vector<Name> names_;
  std::vector<LexiconMatch> cues_, modes_;
  std::vector<Trigger> triggers_;
};

void SentenceReader::collect_names() {
  const auto first = doc_.tokens.begin() + s_.token_begin, last = doc_.tokens.begin() + s_.token_end;
  auto token_at = [&](uint32_t pos) {
    return static_cast<uint32_t>(
        std::lower_bound(first, last, pos, [](const Token& t, uint32_t p) { return t.span.begin < p; }) -
        doc_.tokens.begin());
  };
  auto it = std::lower_bound(doc_.mentions.begin(), doc_.mentions.end(), s_.span.begin,
                             [](const EntityMention& m, uint32_t b) { return m.span.begin < b; });
  for (; it != doc_.mentions.end() && it->span.begin < s_.span.end; ++it) {
    Name n;
    n.begin = token_at(it->span.begin);
    n.end = std::max(n.begin + 1, token_at(it->span.end));
    n.phrase = std::min(n.begin, token_at(it->phrase.begin));
    n.entity = static_cast<int32_t>(it->entity);
    n.span = it->span;
    if (n.begin < s_.token_end) names_.push_back(n);
  }
}

void SentenceReader::collect_matches() {
  std::vector<uint64_t> hashes;
  for (uint32_t t = s_.token_begin; t < s_.token_end; ++t) hashes.push_back(PhraseMatcher::hash_token(folded(t)));
  std::vector<LexiconMatch> matches;
  lex_.match(hashes, s_.token_begin, matches);
  // Longest first at each position, so that "calls for" wins over "calls".
  std::stable_sort(matches.begin(), matches.end(), [](const LexiconMatch& a, const LexiconMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  uint32_t trigger_end = 0;
  for (const LexiconMatch& m : matches) {
    if (m.kind == LexiconMatch::cue) {
      cues_.push_back(m);
    } else if (m.kind == LexiconMatch::mode) {
      modes_.push_back(m);
    } else if (m.begin >= trigger_end) {
      // Among triggers at one position: the longest; a noun after a determiner, else a verb.
      const TriggerEntry* best = &lex_.trigger(m.entry);
      const bool after_determiner = m.begin > s_.token_begin && (roles(m.begin - 1) & kDeterminer);
      for (const LexiconMatch& other : matches) {
        if (other.kind != LexiconMatch::trigger || other.begin != m.begin || other.end != m.end) continue;
        const TriggerEntry& e = lex_.trigger(other.entry);
        if (e.noun == after_determiner && best->noun != after_determiner) best = &e;
      }
      // A separable particle must follow in the clause ("zet ... in").
      if (!best->particle.empty()) {
        bool found = false;
        for (uint32_t t = m.end; t < s_.token_end && !clause_break(t) && !found; ++t)
          found = folded(t) == best->particle;
        if (!found) continue;
      }
      triggers_.push_back({m.begin, m.end, best, best->type, best->mode, m.end,
                           std::min(s_.token_end, m.end + kObjectWindow)});
      trigger_end = m.end;
    }
  }
}

// Triggers that are part of another event stop being events of their own: what a governor
// governs ("calls for troop deployment"), the noun object of a verb of the same type ("provide
// ... assistance").
void SentenceReader::absorb() {
  for (size_t i = 0; i < triggers_.size(); ++i) {
    Trigger& tr = triggers_[i];
    if (tr.absorbed) continue;
    if (tr.entry->governor) {
      const uint32_t limit = std::min(s_.token_end, tr.end + kGovernedWindow);
      for (size_t k = i + 1; k < triggers_.size() && triggers_[k].begin < limit; ++k) {
        Trigger& inner = triggers_[k];
        if (inner.entry->governor || inner.absorbed) continue;
        inner.absorbed = true;
        tr.inner = inner.entry;
        tr.content_end = std::min(s_.token_end, inner.end + kObjectWindow);
        if (!inner.mode.empty()) tr.mode = inner.mode;
        break;
      }
      if (!tr.inner) tr.content_end = limit;
      continue;
    }
    if (!tr.entry->noun) {
      for (size_t k = i + 1; k < triggers_.size() && triggers_[k].begin < tr.end + 4; ++k) {
        Trigger& object = triggers_[k];
        if (object.entry->noun && !object.absorbed &&
            (object.type == tr.type || (tr.type == EventType::AID && object.type == EventType::SUPPORT))) {
          object.absorbed = true;
          tr.content_end = std::min(s_.token_end, object.end + kObjectWindow);
          if (tr.mode.empty()) tr.mode = object.mode;
        }
      }
    }
  }
}

std::string_view SentenceReader::preposition_before(const Name& n) const {
  uint32_t t = n.phrase;
  for (int skipped = 0; t > s_.token_begin && skipped < 3; ++skipped) {
    const uint32_t prev = t - 1;
    const uint8_t r = roles(prev);
    if (r & kPreposition) return folded(prev);
    if (!(r & kDeterminer)) break;
    t = prev;
  }
  return {};
}

std::vector<const Name*> SentenceReader::subjects_before(uint32_t t) const {
  std::vector<const Name*> out;
  uint32_t clause_start = s_.token_begin;
  for (uint32_t k = t; k > s_.token_begin; --k)
    if (clause_break(k - 1) && k - 1 > s_.token_begin) {
      clause_start = k;
      break;
    }
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    const Name& n = *it;
    if (n.end > t || n.phrase < clause_start) continue;
    if (!out.empty()) {
      // Joined to the actor found: "Spain and Italy", "Czechia, Poland and Hungary".
      const Name& joined = *out.back();
      bool only_joiners = true;
      for (uint32_t k = n.end; k < joined.phrase && only_joiners; ++k)
        only_joiners = is_punct(k, ",") || (roles(k) & kConjunction);
      if (!only_joiners) break;
      if (preposition_before(n).empty()) out.push_back(&n);
      continue;
    }
    if (!preposition_before(n).empty()) continue;
    // "according to X" names the source, not the actor.
    bool source = false;
    for (const LexiconMatch& c : cues_)
      source |= lex_.cue(c.entry).role == CueRole::source_next && c.end <= n.phrase && n.phrase - c.end <= 2;
    if (source) continue;
    out.push_back(&n);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

const Name* SentenceReader::possessor_of(const Trigger& tr) const {
  // "France's proposal", "Belgium's support": a name followed by 's right before the noun
  // (adjectives may stand between).
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->end > tr.begin) continue;
    if (tr.begin - it->end > 4) break;
    if (it->end < s_.token_end && (roles(it->end) & kPossessive)) return &*it;
    break;
  }
  return nullptr;
}

std::vector<const Name*> SentenceReader::targets_of(const Trigger& tr, const std::vector<const Name*>& actors) const {
  const TriggerEntry& e = tr.inner ? *tr.inner : *tr.entry;
  auto is_actor = [&](const Name& n) {
    for (const Name* a : actors)
      if (a->entity == n.entity) return true;
    return false;
  };
  const uint32_t limit = tr.entry->governor && tr.inner ? tr.content_end : std::min(s_.token_end, tr.end + kTargetWindow);
  std::vector<const Name*> out;
  const Name* in_place = nullptr;  // "in X": the target of an AID that names no other
  for (const Name& n : names_) {
    if (n.phrase < tr.end || n.begin >= limit) continue;
    bool stop = false;
    for (uint32_t k = tr.end; k < n.phrase && !stop; ++k) stop = clause_break(k) && !tr.entry->governor;
    if (stop) break;
    if (is_actor(n) || !coded(n)) continue;
    std::string_view prep = preposition_before(n);
    const bool object = prep.empty() && e.target_object && n.phrase - tr.end <= kObjectWindow;
    const bool by_prep = !prep.empty() && std::find(e.target_preps.begin(), e.target_preps.end(), prep) != e.target_preps.end();
    if (object || by_prep) {
      out.push_back(&n);
      break;
    }
    if (!prep.empty() && (lex_.word_roles(prep) & kPlace) && !in_place) in_place = &n;
  }
  if (out.empty() && in_place && tr.type == EventType::AID) out.push_back(in_place);
  // Verb-final clauses name the target before the verb ("aan Oekraïne leveren").
  if (out.empty() && !actors.empty()) {
    for (const Name& n : names_) {
      if (n.phrase <= actors.back()->end || n.end > tr.begin || is_actor(n) || !coded(n)) continue;
      std::string_view prep = preposition_before(n);
      if (!prep.empty() && std::find(e.target_preps.begin(), e.target_preps.end(), prep) != e.target_preps.end()) {
        out.push_back(&n);
        break;
      }
    }
  }
  return out;
}

void SentenceReader::apply_cues(const Trigger& tr, Event& e, bool& contrast) const {
  bool negated = false, undone = false;
  std::optional<Modality> modality;
  for (const LexiconMatch& c : cues_) {
    const CueEntry& cue = lex_.cue(c.entry);
    const bool before = c.end <= tr.begin && tr.begin - c.end <= kCueWindow;
    const bool after = c.begin >= tr.end && c.begin - tr.end <= kCueAfterWindow;
    const bool applies = cue.side == CueSide::before ? before : cue.side == CueSide::after ? after : before || after;
    if (!applies || cue.role == CueRole::source_next || cue.role == CueRole::speech) continue;
    if (cue.role == CueRole::contrast) {
      if (before && tr.begin - c.end <= 1) contrast = true;
      continue;
    }
    // A clause break between cue and trigger ends the cue's reach.
    bool broken = false;
    for (uint32_t k = std::min(c.end, tr.end); k < std::max(c.begin, tr.begin) && !broken; ++k) broken = clause_break(k);
    if (broken) continue;
    if (cue.polarity < 0) negated = true;
    if (cue.polarity > 0) undone = true;
    if (cue.modality && (!modality || *cue.modality == Modality::possible)) modality = cue.modality;
  }
  if (contrast) negated = true;
  e.polarity = negated && !undone ? Polarity::negative : Polarity::positive;
  if (modality) e.modality = *modality;
}

std::string SentenceReader::mode_near(const Trigger& tr) const {
  const uint32_t from = tr.entry->noun && tr.begin >= s_.token_begin + kModifierWindow ? tr.begin - kModifierWindow
                        : tr.entry->noun ? s_.token_begin : tr.end;
  for (const LexiconMatch& m : modes_)
    if (m.begin >= from && m.end <= tr.content_end && (m.end <= tr.begin || m.begin >= tr.end || tr.entry->noun))
      return lex_.mode(m.entry).mode;
  return {};
}

Argument SentenceReader::argument(const Name& n) const {
  Argument a;
  a.entity = n.entity;
  a.span = n.span;
  ActorCode code = actor_code(doc_, n.entity);
  a.country = std::string(code.country);
  a.org = std::string(code.org);
  return a;
}

void SentenceReader::attach_source(Event& e) const {
  for (const LexiconMatch& c : cues_) {
    const CueEntry& cue = lex_.cue(c.entry);
    const Name* source = nullptr;
    if (cue.role == CueRole::source_next) {
      for (const Name& n : names_)
        if (n.phrase >= c.end && n.phrase - c.end <= 3) {
          source = &n;
          break;
        }
      if (!source && c.end < s_.token_end && (roles(c.end) & kPersonPronoun)) {
        // "according to her": the person last named before this sentence.
        for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it)
          if (it->span.end <= s_.span.begin && doc_.entities[it->entity].type == EntityType::person) {
            e.source = Argument{static_cast<int32_t>(it->entity), doc_.tokens[c.end].span,
                                doc_.entities[it->entity].country, doc_.entities[it->entity].org};
            e.source_cue = std::string(slice(doc_.text, {doc_.tokens[c.begin].span.begin, doc_.tokens[c.end - 1].span.end}));
            return;
          }
      }
    } else if (cue.role == CueRole::speech) {
      // "X said (that) ...": the subject; ", said X" / "..., X says": the name next to the verb.
      std::vector<const Name*> subject = subjects_before(c.begin);
      if (!subject.empty() && c.begin - subject.back()->end <= 4) source = subject.back();
      for (const Name& n : names_)
        if (!source && n.phrase >= c.end && n.phrase - c.end <= 2) source = &n;
    }
    if (source && coded(*source)) {
      e.source = argument(*source);
      e.source_cue = std::string(slice(doc_.text, {doc_.tokens[c.begin].span.begin, doc_.tokens[c.end - 1].span.end}));
      return;
    }
  }
}

void SentenceReader::attach_time_place_quantities(const Trigger& tr, Event& e,
                                                  const std::vector<const Name*>& used) const {
  // The sentence's time nearest to the trigger.
  uint32_t best = UINT32_MAX;
  const uint32_t at = doc_.tokens[tr.begin].span.begin;
  for (size_t i = 0; i < doc_.times.size(); ++i) {
    const TimeExpr& t = doc_.times[i];
    if (!s_.span.contains(t.span) || t.kind == TimeKind::duration || t.kind == TimeKind::set) continue;
    uint32_t d = t.span.begin > at ? t.span.begin - at : at - t.span.begin;
    if (d < best) {
      best = d;
      e.time = static_cast<int32_t>(i);
    }
  }
  // A place: a named place after "in", "at", ... that is no actor or target.
  for (const Name& n : names_) {
    if (std::find(used.begin(), used.end(), &n) != used.end()) continue;
    const EntityType type = doc_.entities[n.entity].type;
    if (type != EntityType::gpe && type != EntityType::loc && type != EntityType::fac) continue;
    std::string_view prep = preposition_before(n);
    if (!prep.empty() && (lex_.word_roles(prep) & kPlace)) {
      e.location = argument(n);
      break;
    }
  }
  // Money and counts of the sentence go with the event about help.
  for (size_t i = 0; i < doc_.quantities.size(); ++i) {
    const Quantity& q = doc_.quantities[i];
    if (s_.span.contains(q.span) && (q.kind == QuantityKind::money || q.kind == QuantityKind::count))
      e.quantities.push_back(static_cast<uint32_t>(i));
  }
}

std::optional<Event> SentenceReader::build(const Trigger& tr, const Event* previous) {
  Event e;
  e.type = tr.type;
  e.trigger = {doc_.tokens[tr.begin].span.begin, doc_.tokens[tr.end - 1].span.end};
  e.rule = tr.entry->rule;
  e.sentence = sentence_index_;
  e.mode = tr.mode;
  const bool help = e.type == EventType::AID || e.type == EventType::REQUEST || e.type == EventType::REJECT ||
                    e.type == EventType::SUPPORT;
  if (help) {
    std::string near = mode_near(tr);
    if (!near.empty()) {
      e.mode = near;
      // Supporting help of a kind is giving it: "supporting peacekeeping missions".
      if (e.type == EventType::SUPPORT) e.type = EventType::AID;
    }
  }
  if (e.type == EventType::SUPPORT) e.mode.clear();
  bool contrast = false;
  apply_cues(tr, e, contrast);

  std::vector<const Name*> actors;
  if (contrast && previous) {
    // "... without sending troops": the main event's actors, targets and modality.
    e.modality = previous->modality;
    e.actors = previous->actors;
    e.targets = previous->targets;
  } else {
    if (tr.entry->noun)
      if (const Name* owner = possessor_of(tr)) actors.push_back(owner);
    if (actors.empty()) actors = subjects_before(tr.begin);
    for (const Name* a : actors) e.actors.push_back(argument(*a));
    std::vector<const Name*> targets = targets_of(tr, actors);
    for (const Name* t : targets) e.targets.push_back(argument(*t));
    actors.insert(actors.end(), targets.begin(), targets.end());
  }
  attach_source(e);
  attach_time_place_quantities(tr, e, actors);

  // An event needs someone it is about: an actor, a target or a source standing for a
  // country or organisation, or, for a meeting, a place.
  auto has_code = [](const std::vector<Argument>& args) {
    for (const Argument& a : args)
      if (!a.country.empty() || !a.org.empty()) return true;
    return false;
  };
  const bool about_someone = has_code(e.actors) || has_code(e.targets) ||
                             (e.source && (!e.source->country.empty() || !e.source->org.empty())) ||
                             (e.type == EventType::CONSULT && e.location);
  if (!about_someone) return std::nullopt;

  // The extent: from the first argument to the last.
  e.span = e.trigger;
  auto widen = [&](Span s) {
    e.span.begin = std::min(e.span.begin, s.begin);
    e.span.end = std::max(e.span.end, s.end);
  };
  for (const Argument& a : e.actors) widen(a.span);
  for (const Argument& a : e.targets) widen(a.span);
  if (e.location) widen(e.location->span);
  // Confidence grows with what was found: a bare trigger is a guess, a full frame is not.
  float confidence = 0.4f;
  if (!e.actors.empty()) confidence += 0.2f;
  if (!e.targets.empty()) confidence += 0.15f;
  if (!e.mode.empty()) confidence += 0.05f;
  if (e.time >= 0) confidence += 0.05f;
  if (e.location) confidence += 0.05f;
  if (e.source) confidence += 0.05f;
  e.confidence = std::min(confidence, 0.95f);
  codes_.derive(e);
  return e;
}

void SentenceReader::read(std::vector<Event>& out) {
  if (s_.token_begin >= s_.token_end) return;
  collect_names();
  collect_matches();
  if (triggers_.empty()) return;
  absorb();
  for (const Trigger& tr : triggers_) {
    if (tr.absorbed) continue;
    std::optional<Event> e = build(tr, out.empty() ? nullptr : &out.back());
    if (e) out.push_back(std::move(*e));
  }
}

}  // namespace

absl::StatusOr<EventExtractor> EventExtractor::create(const Segmenter& segmenter) {
  EventExtractor x;
  for (Lang lang : kLanguages) {
    auto lexicon = EventLexicon::create(lang, segmenter);
    if (!lexicon.ok()) return lexicon.status();
    if (!lexicon->empty()) x.lexicons_[static_cast<int>(lang)] = *std::move(lexicon);
  }
  auto codes = EventCodes::create();
  if (!codes.ok()) return codes.status();
  x.codes_ = *std::move(codes);
  return x;
}

void EventExtractor::extract(Document& doc, const BlockRange& range) const {
  const Block& block = doc.blocks[range.block];
  // Page furniture and captions report nothing.
  if (block.is_furniture() || block.kind == BlockKind::caption) return;
  for (uint32_t s = range.first_sentence; s < range.end_sentence; ++s) {
    const std::optional<EventLexicon>& lexicon = lexicons_[static_cast<int>(doc.sentences[s].language)];
    if (!lexicon) continue;
    std::vector<Event> found;
    SentenceReader(doc, *lexicon, *codes_, s).read(found);
    for (Event& e : found) doc.events.push_back(std::move(e));
  }
}

void EventExtractor::finish(Document& doc) const {
  // The same happening reported twice (a title and the body): same type, mode, polarity,
  // actors and targets.
  auto key = [](const Event& e) {
    std::string k(event_type_name(e.type));
    k += '|' + e.mode + '|' + std::string(polarity_name(e.polarity));
    for (const auto* args : {&e.actors, &e.targets}) {
      k += '|';
      for (const Argument& a : *args) k += a.country + a.org + ',';
    }
    return k;
  };
  absl::flat_hash_map<std::string, std::vector<size_t>> groups;
  std::vector<std::string> order;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    std::string k = key(doc.events[i]);
    auto [it, inserted] = groups.try_emplace(k);
    if (inserted) order.push_back(k);
    it->second.push_back(i);
  }
  int32_t cluster = 0;
  for (const std::string& k : order) {
    const std::vector<size_t>& members = groups[k];
    if (members.size() < 2 || doc.events[members.front()].actors.empty()) continue;
    for (size_t i : members) doc.events[i].cluster = cluster;
    ++cluster;
  }
}

}  // namespace eventwire::internal
