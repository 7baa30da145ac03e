#include "events/event_extractor.hpp"

#include <algorithm>

#include "entities/lookup.hpp"
#include "segment/segment.hpp"

namespace eventwire::internal {
namespace {

// How far the rules look, in tokens.
constexpr uint32_t kCueWindow = 12;       // cues before a trigger
constexpr uint32_t kCueAfterWindow = 6;   // cues after it
constexpr uint32_t kGovernedWindow = 14;  // a governor's content after it
constexpr uint32_t kObjectWindow = 6;     // a verb's object
constexpr uint32_t kNounObjectGap = 4;    // a noun a verb takes as object ("provide ... assistance")
constexpr uint32_t kTargetWindow = 16;    // a target after the trigger
constexpr uint32_t kModifierWindow = 3;   // mode words before a noun

// Whether arguments stand for a country or an organisation, and for the same one.
bool has_code(const Argument& a) { return !a.country.empty() || !a.org.empty(); }
bool has_code(const std::vector<Argument>& args) {
  return std::any_of(args.begin(), args.end(), [](const Argument& a) { return has_code(a); });
}
bool same_actor(const Argument& x, const Argument& y) {
  return (!x.country.empty() && x.country == y.country) || (!x.org.empty() && x.org == y.org);
}
bool share_actor(const std::vector<Argument>& a, const std::vector<Argument>& b) {
  for (const Argument& x : a)
    for (const Argument& y : b)
      if (same_actor(x, y)) return true;
  return false;
}

using Name = EventScratch::Name;
using Trigger = EventScratch::Trigger;

class SentenceReader {
 public:
  SentenceReader(const Document& doc, const EventLexicon& lex, const EventCodes& codes, const TriggerEntry& implicit_aid,
                 uint32_t sentence, EventScratch& scratch)
      : doc_(doc), lex_(lex), codes_(codes), implicit_aid_(implicit_aid), sentence_index_(sentence),
        s_(doc.sentences[sentence]), earlier_events_(doc.events.size()), next_mention_(scratch.next_mention),
        matches_(scratch.matches), roles_(scratch.roles), cues_(scratch.cues), modes_(scratch.modes),
        names_(scratch.names), triggers_(scratch.triggers) {
    matches_.clear();
    roles_.clear();
    cues_.clear();
    modes_.clear();
    names_.clear();
    triggers_.clear();
  }

  // Appends the sentence's events to `out`.
  void read(std::vector<Event>& out);

 private:
  std::string_view folded(uint32_t t) const { return slice(doc_.folded, doc_.tokens[t].span); }
  // The roles of the sentence's words are looked up once (roles_), other tokens' when asked.
  uint16_t roles(uint32_t t) const {
    return t >= s_.token_begin && t < s_.token_end ? roles_[t - s_.token_begin] : lex_.word_roles(folded(t));
  }
  bool is_punct(uint32_t t) const { return doc_.tokens[t].is(kTokPunct); }
  // Whether token `t` is the one byte `c` (";", ",", "?").
  bool is_byte(uint32_t t, char c) const {
    const Span span = doc_.tokens[t].span;
    return span.size() == 1 && doc_.folded[span.begin] == c;
  }
  // A token that ends the clause a subject or an object is looked for in.
  bool clause_break(uint32_t t) const { return is_byte(t, ';') || is_byte(t, ':') || (roles(t) & kRelative); }
  // A verb whose object may stand before it, at the end of its clause (Dutch).
  bool object_before(const Trigger& tr) const { return lex_.object_before_verb() && !tr.entry->noun && !tr.implicit; }

  // The sentence's names, from its first mention on.
  void collect_names(std::vector<EntityMention>::const_iterator first_mention);
  // A person of government or the military: the speaker of an official statement.
  bool official(const Name& n) const {
    const Entity& e = doc_.entities[n.entity];
    return e.type == EntityType::person && (e.sector == "GOV" || e.sector == "MIL");
  }
  bool in_name(uint32_t t) const {
    for (const Name& n : names_)
      if (n.begin <= t && t < n.end) return true;
    return false;
  }
  void collect_matches();
  void absorb();
  void add_implicit_events();
  std::optional<Event> build(const Trigger& tr, const Event* previous) const;

  // The preposition (folded) just before a name, past determiners; "" when there is none.
  std::string_view preposition_before(const Name& n) const;
  // Whether a name stands where a subject can: at the start of its clause, after punctuation,
  // a conjunction, a determiner or a cue, not right after another word (the object of a verb).
  bool subject_position(const Name& n) const;
  // The actors of a trigger at `t`: the nearest names before it in subject position, with
  // those joined to them by "and" or commas.
  std::vector<const Name*> subjects_before(uint32_t t) const;
  // Dutch inversion: the subject right after the verb ("Momenteel zet België ...").
  std::vector<const Name*> subject_after(const Trigger& tr) const;
  std::vector<const Name*> residents_before(uint32_t verb) const;
  // Who does what a noun names: its owner ("France's proposal"), a name right before it
  // ("European Council meeting"), "from"/"by" after it, "between X and Y".
  std::vector<const Name*> noun_agents(const Trigger& tr, std::vector<const Name*>& between_others) const;
  std::vector<const Name*> targets_of(const Trigger& tr, EventType type, const std::vector<const Name*>& actors) const;
  bool cue_between(uint32_t from, uint32_t to) const;
  // The other side of an event that answers or joins one reported before: who made the offer
  // or invitation an AGREE or REJECT answers, who holds the summit "the summit" names.
  std::vector<Argument> counterpart(const Trigger& tr, const Event& e) const;
  void apply_cues(const Trigger& tr, Event& e, bool& contrast) const;
  std::string mode_near(const Trigger& tr, bool direct) const;
  void attach_source(Event& e) const;
  void attach_time_place_quantities(const Trigger& tr, Event& e, const std::vector<const Name*>& used) const;
  Argument argument(const Name& n) const;
  bool coded(const Name& n) const { return !actor_code(doc_, n.entity).empty(); }
  bool same_code(const Name& a, const Name& b) const {
    ActorCode x = actor_code(doc_, a.entity), y = actor_code(doc_, b.entity);
    return x.country == y.country && x.org == y.org;
  }

  const Document& doc_;
  const EventLexicon& lex_;
  const EventCodes& codes_;
  const TriggerEntry& implicit_aid_;
  const uint32_t sentence_index_;
  const Sentence& s_;
  const size_t earlier_events_;  // doc.events before this sentence's
  size_t& next_mention_;
  std::vector<LexiconMatch>& matches_;  // the lexicon's phrases in the sentence
  std::vector<uint16_t>& roles_;
  std::vector<LexiconMatch>& cues_;
  std::vector<LexiconMatch>& modes_;
  std::vector<Name>& names_;
  std::vector<Trigger>& triggers_;
};

void SentenceReader::collect_names(std::vector<EntityMention>::const_iterator it) {
  const auto first = doc_.tokens.begin() + s_.token_begin, last = doc_.tokens.begin() + s_.token_end;
  auto token_at = [&](uint32_t pos) {
    return static_cast<uint32_t>(
        std::lower_bound(first, last, pos, [](const Token& t, uint32_t p) { return t.span.begin < p; }) -
        doc_.tokens.begin());
  };
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
  // The matches come longest first at each position, so that "calls for" wins over "calls".
  const std::vector<LexiconMatch>& matches = matches_;
  for (const LexiconMatch& m : matches) {
    // Words of a name are not cues: the "States" of "United States" says nothing.
    if (m.kind == LexiconMatch::cue && !in_name(m.begin)) cues_.push_back(m);
    if (m.kind == LexiconMatch::mode) modes_.push_back(m);
  }
  uint32_t trigger_end = 0;
  // What an event word takes ends at a clause break or a contrast ("rather than sending ...").
  auto content_end = [&](uint32_t from) {
    uint32_t end = std::min(s_.token_end, from + kObjectWindow);
    for (uint32_t t = from; t < end; ++t)
      if (clause_break(t)) return t;
    for (const LexiconMatch& c : cues_)
      if (lex_.cue(c.entry).role == CueRole::contrast && c.begin >= from && c.begin < end) end = c.begin;
    return end;
  };
  for (const LexiconMatch& m : matches) {
    if (m.kind != LexiconMatch::trigger || m.begin < trigger_end) continue;
    // A word that is part of a cue ("no plans for") is no event of its own.
    bool in_cue = false;
    for (const LexiconMatch& c : cues_) in_cue |= c.begin <= m.begin && m.end <= c.end && c.end - c.begin > m.end - m.begin;
    if (in_cue) continue;
    // Among triggers at one position: the longest; a verb after a name, a pronoun, "to" or
    // an auxiliary ("Belgium aided", "will aid"), else a noun ("continued aid", "the aid"). A
    // separable particle must follow in the clause ("zet ... in"), and a verb whose particle
    // does wins over one without ("zet ... uit", "geeft ... op").
    auto particle = [&](const TriggerEntry& e) {
      if (e.particle.empty()) return 1;
      for (uint32_t t = m.end; t < s_.token_end && !clause_break(t); ++t)
        if (folded(t) == e.particle) return 2;
      return 0;
    };
    const TriggerEntry* best = nullptr;
    int best_particle = 0;
    const bool verb_place = m.begin == s_.token_begin || in_name(m.begin - 1) || (roles(m.begin - 1) & kVerbMarker);
    for (const LexiconMatch& other : matches) {
      if (other.kind != LexiconMatch::trigger || other.begin != m.begin || other.end != m.end) continue;
      const TriggerEntry& e = lex_.trigger(other.entry);
      const int p = particle(e);
      if (p == 0) continue;
      if (!best || p > best_particle || (p == best_particle && e.noun != verb_place && best->noun == verb_place)) {
        best = &e;
        best_particle = p;
      }
    }
    if (!best) continue;
    triggers_.push_back({m.begin, m.end, best, best->mode, content_end(m.end), m.end});
    trigger_end = m.end;
  }
}

// Words of help a cue or a governor takes stand for an AID event when no event word does: "no
// plans for NATO combat troops", "his request for troops" (the governor takes it as content).
void SentenceReader::add_implicit_events() {
  // Whether a cue or governor ending at `end` takes the word starting at `begin`: right after
  // it, or through a preposition ("plans for", "request for"), with only names and modifiers
  // between.
  auto takes = [&](uint32_t end, uint32_t begin) {
    if (end > begin || begin - end > 4) return false;
    if (begin - end > 1 && !(roles(end - 1) & kPreposition) && !(roles(end) & kPreposition)) return false;
    for (uint32_t t = end; t < begin; ++t)
      if (clause_break(t) || is_byte(t, ',')) return false;
    return true;
  };
  for (const LexiconMatch& m : modes_) {
    if (!lex_.mode(m.entry).content) continue;
    // Not when an event word already covers it, or it qualifies one ("weapons deliveries"), or
    // it is the object of one ("sending NATO troops").
    bool covered = false;
    for (const Trigger& tr : triggers_)
      covered |= (tr.begin < m.end + 2 && m.begin < tr.end) ||
                 (!tr.absorbed && !tr.entry->governor && tr.end <= m.begin && m.begin < tr.content_end) ||
                 (tr.inner && tr.end <= m.begin && m.begin < tr.content_end) ||
                 (object_before(tr) && m.end <= tr.begin && tr.begin - m.end <= kObjectWindow);
    if (covered) continue;
    Trigger* governor = nullptr;
    for (Trigger& tr : triggers_)
      if (tr.entry->governor && !tr.inner && takes(tr.end, m.begin)) governor = &tr;
    bool cued = false;
    for (const LexiconMatch& c : cues_) {
      const CueEntry& cue = lex_.cue(c.entry);
      cued |= (cue.polarity != 0 || cue.modality) && takes(c.end, m.begin);
    }
    if (governor) {
      governor->inner = &implicit_aid_;
      governor->governed_begin = m.begin;
      governor->content_end = std::min(s_.token_end, m.end + kObjectWindow);
      if (governor->entry->mode.empty()) governor->mode = lex_.mode(m.entry).mode;
    } else if (cued) {
      Trigger t{m.begin, m.end, &implicit_aid_, lex_.mode(m.entry).mode, std::min(s_.token_end, m.end + kObjectWindow),
                m.end};
      t.implicit = true;
      triggers_.push_back(t);
    }
  }
  const auto by_begin = [](const Trigger& a, const Trigger& b) { return a.begin < b.begin; };
  if (!std::is_sorted(triggers_.begin(), triggers_.end(), by_begin))  // only when implicit events were added
    std::stable_sort(triggers_.begin(), triggers_.end(), by_begin);
}

// Event words that are part of another event stop being events of their own: what a governor
// governs ("calls for troop deployment"), a noun a verb takes as its object ("provide ...
// assistance", "support any peace deal").
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
        tr.governed_begin = inner.begin;
        tr.content_end = std::min(s_.token_end, inner.end + kObjectWindow);
        if (tr.entry->mode.empty()) tr.mode = inner.mode;
        break;
      }
      if (!tr.inner) tr.content_end = limit;
      continue;
    }
    if (tr.entry->noun || tr.implicit) continue;
    bool took = false;
    for (size_t k = i + 1; k < triggers_.size() && triggers_[k].begin <= tr.end + kNounObjectGap; ++k) {
      // A word that is an event only with help as its object is none with an event noun as
      // its object ("strengthen military cooperation"): the noun speaks for itself.
      if (tr.entry->needs_content && triggers_[k].entry->noun) {
        tr.absorbed = true;
        break;
      }
      Trigger& object = triggers_[k];
      if (!object.entry->noun || object.absorbed) continue;
      bool broken = false;
      for (uint32_t t = tr.end; t < object.begin && !broken; ++t) broken = clause_break(t) || is_byte(t, ',');
      if (broken) break;
      object.absorbed = true;
      tr.refers_back = object.begin > 0 && (roles(object.begin - 1) & kDefinite);
      tr.content_end = std::max(tr.content_end, object.content_end);
      if (tr.mode.empty()) tr.mode = object.mode;
      took = true;
      break;
    }
    // A verb at the end of its clause takes the noun before it ("militaire steun ... te geven").
    if (took || tr.absorbed || !object_before(tr) || i == 0) continue;
    Trigger& object = triggers_[i - 1];
    bool broken = !object.entry->noun || object.absorbed || tr.begin - object.end > kNounObjectGap;
    for (uint32_t t = object.end; t < tr.begin && !broken; ++t) broken = clause_break(t) || is_byte(t, ',');
    if (broken) continue;
    object.absorbed = true;
    if (tr.mode.empty()) tr.mode = object.mode;
  }
}

std::string_view SentenceReader::preposition_before(const Name& n) const {
  uint32_t t = n.phrase;
  for (int skipped = 0; t > s_.token_begin && skipped < 3; ++skipped) {
    const uint32_t prev = t - 1;
    const uint16_t r = roles(prev);
    if (r & kPreposition) return folded(prev);
    if (!(r & kDeterminer)) break;
    t = prev;
  }
  return {};
}

bool SentenceReader::subject_position(const Name& n) const {
  // Past up to three modifiers ("the future American president", "human rights organisation
  // Amnesty International"), the phrase must open the clause or follow punctuation, a
  // conjunction, a determiner or a cue ("said Belgium would ...").
  uint32_t start = n.phrase;
  for (int skipped = 0; skipped <= 3; ++skipped) {
    if (start == s_.token_begin) return true;
    const uint32_t prev = start - 1;
    const Token& t = doc_.tokens[prev];
    const uint16_t r = roles(prev);
    if (!t.is(kTokWord) || (r & (kConjunction | kRelative | kDeterminer))) return true;
    for (const LexiconMatch& c : cues_)
      if (c.end == start) return true;
    // Verb second: the subject right after the finite verb ("Gisteren heeft Rusland ...").
    if (lex_.subject_after_verb() && (r & kVerbMarker) && !(r & kPreposition)) return true;
    // A preposition, an auxiliary or a name is no modifier (a capital opening the sentence may be).
    if (r || (t.is(kTokUpperInitial) && prev != s_.token_begin)) return false;
    start = prev;
  }
  return false;
}

std::vector<const Name*> SentenceReader::subjects_before(uint32_t t) const {
  std::vector<const Name*> out;
  uint32_t clause_start = s_.token_begin;
  for (uint32_t k = t; k > s_.token_begin; --k)
    if (clause_break(k - 1)) {
      clause_start = k;
      break;
    }
  // "... announced that he was preparing a meeting": "he" is the subject of the clause before.
  if (clause_start > s_.token_begin && clause_start < t && (roles(clause_start) & kSubjectPronoun)) {
    uint32_t outer = s_.token_begin;
    for (uint32_t k = clause_start - 1; k > s_.token_begin; --k)
      if (clause_break(k - 1)) {
        outer = k;
        break;
      }
    t = clause_start - 1;
    clause_start = outer;
  }
  const bool coordinated = t > clause_start && (roles(t - 1) & kConjunction) && !in_name(t - 1);
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    const Name& n = *it;
    if (n.end > t || n.phrase < clause_start) continue;
    if (!out.empty()) {
      // Joined to the actor found: "Spain and Italy", "Czechia, Poland and Hungary", "Belgium
      // and the Netherlands".
      const Name& joined = *out.back();
      bool only_joiners = true;
      for (uint32_t k = n.end; k < joined.phrase && only_joiners; ++k)
        only_joiners = is_byte(k, ',') || (roles(k) & kConjunction) ||
                       ((roles(k) & kDeterminer) && k > n.end && (roles(k - 1) & kConjunction));
      if (only_joiners) {
        if (preposition_before(n).empty()) out.push_back(&n);
        continue;
      }
      // Where the subject may follow the verb (verb second), it opens the clause or follows its
      // first verb; a name nearer a verb at the end is an object ("Hongarije zal het
      // NAVO-lidmaatschap van Oekraïne niet steunen").
      // So is a verb joined to another ("Belgium will support the army and train its
      // soldiers"): its subject is that of the first verb.
      if (!lex_.subject_after_verb() && !coordinated) break;
    }
    if (!preposition_before(n).empty() || !subject_position(n)) continue;
    // "according to X" names the source, not the actor.
    bool source = false;
    for (const LexiconMatch& c : cues_)
      source |= lex_.cue(c.entry).role == CueRole::source_next && c.end <= n.phrase && n.phrase - c.end <= 1;
    if (source) continue;
    out.assign(1, &n);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// "Opposition groups in Zimbabwe are demanding", "students throughout Indonesia staged": people
// named by where they are stand for that country when the clause names no actor.
std::vector<const Name*> SentenceReader::residents_before(uint32_t verb) const {
  constexpr uint32_t kBetween = 3;  // auxiliaries and adverbs between the place and the verb
  constexpr uint32_t kWords = 6;    // the words naming the people
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    const Name& n = *it;
    if (n.end > verb) continue;
    if (verb - n.end > kBetween || doc_.entities[n.entity].type != EntityType::gpe || !coded(n)) break;
    for (uint32_t k = n.end; k < verb; ++k)
      if (!doc_.tokens[k].is(kTokWord) || clause_break(k)) return {};
    const std::string_view prep = preposition_before(n);
    if (prep.empty() || !(lex_.word_roles(prep) & kPlace)) return {};
    uint32_t people_end = n.phrase;
    while (!(roles(people_end - 1) & kPreposition)) --people_end;
    --people_end;  // the preposition
    if (people_end <= s_.token_begin || people_end - s_.token_begin > kWords) return {};
    for (uint32_t k = s_.token_begin; k < people_end; ++k)
      if (!doc_.tokens[k].is(kTokWord) || (k > s_.token_begin && doc_.tokens[k].is(kTokUpperInitial)) || in_name(k))
        return {};
    return {&n};
  }
  return {};
}

std::vector<const Name*> SentenceReader::subject_after(const Trigger& tr) const {
  for (const Name& n : names_) {
    if (n.phrase < tr.end) continue;
    if (n.phrase - tr.end > 2) break;
    if (preposition_before(n).empty()) return {&n};
  }
  return {};
}

std::vector<const Name*> SentenceReader::noun_agents(const Trigger& tr, std::vector<const Name*>& between_others) const {
  std::vector<const Name*> out;
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->end > tr.begin) continue;
    if (tr.begin - it->end <= 3 && it->end < s_.token_end && (roles(it->end) & kPossessive)) out.push_back(&*it);
    else if (it->end == tr.begin) out.push_back(&*it);  // "European Council meeting"
    break;
  }
  if (!out.empty()) return out;
  for (const Name& n : names_) {
    if (n.phrase < tr.end || n.phrase - tr.end > 3) continue;
    std::string_view prep = preposition_before(n);
    if (prep.empty()) continue;
    if (lex_.word_roles(prep) & kAgent) return {&n};
    if (lex_.word_roles(prep) & kReciprocal) {
      // "a meeting between Zelenskyy and De Wever": the first meets the second.
      out.push_back(&n);
      for (const Name& other : names_)
        if (other.phrase > n.end && other.phrase - n.end <= 2) {
          between_others.push_back(&other);
          break;
        }
      return out;
    }
  }
  return out;
}

std::vector<const Name*> SentenceReader::targets_of(const Trigger& tr, EventType type,
                                                    const std::vector<const Name*>& actors) const {
  const TriggerEntry& e = *tr.entry;
  const TriggerEntry* inner = tr.inner;
  auto is_actor = [&](const Name& n) {
    for (const Name* a : actors)
      if (a->entity == n.entity || same_code(*a, n)) return true;
    return false;
  };
  auto takes = [&](std::string_view prep, const TriggerEntry& entry) {
    return std::find(entry.target_preps.begin(), entry.target_preps.end(), prep) != entry.target_preps.end();
  };
  // A governor's own target stands before what it governs ("disagreed with France's proposal
  // to send ..."); an AID names its receiver after the event word.
  const uint32_t limit = tr.entry->governor && tr.inner ? tr.governed_begin : std::min(s_.token_end, tr.end + kTargetWindow);
  std::vector<const Name*> out;
  const Name* in_place = nullptr;  // "in X": the target of an AID that names no other
  for (const Name& n : names_) {
    if (n.phrase < tr.end || n.begin >= (inner ? tr.content_end + kTargetWindow : limit)) continue;
    bool stop = false;
    for (uint32_t k = tr.end; k < n.phrase && !stop; ++k) stop = clause_break(k) && !tr.entry->governor;
    if (stop) break;
    if (is_actor(n) || !coded(n)) continue;
    std::string_view prep = preposition_before(n);
    const bool own = n.begin < limit;
    const bool object = prep.empty() && own && e.target_object && n.phrase - tr.end <= kObjectWindow;
    const bool by_prep = !prep.empty() && own && takes(prep, e);
    if (object || by_prep) {
      out.push_back(&n);
      break;
    }
    if (!prep.empty() && (lex_.word_roles(prep) & kPlace) && !in_place) in_place = &n;
  }
  // Verb-final clauses name the target before the verb ("aan Oekraïne leveren"), and so does
  // the object of a verb that ends its clause ("heeft het Oekraïense vredesplan verworpen").
  auto before_verb = [&] {
    for (const Name& n : names_) {
      if (n.phrase <= actors.back()->end || n.end > tr.begin || is_actor(n) || !coded(n)) continue;
      std::string_view prep = preposition_before(n);
      if ((!prep.empty() && takes(prep, e)) || (prep.empty() && e.target_object && object_before(tr))) {
        out.push_back(&n);
        break;
      }
    }
  };
  if (out.empty() && !actors.empty() && object_before(tr)) before_verb();
  if (out.empty() && in_place && type == EventType::AID && !(tr.entry->governor && tr.entry->type == EventType::REJECT))
    out.push_back(in_place);
  // Help goes to someone: when no one is named as its receiver, the one other country the
  // sentence names ("reinforcing Belgium-Ukraine ties and accelerating weapons deliveries").
  if (out.empty() && type == EventType::AID && !actors.empty()) {
    const Name* other = nullptr;
    int others = 0;
    for (const Name& n : names_) {
      if (is_actor(n) || doc_.entities[n.entity].country.empty() || doc_.entities[n.entity].type != EntityType::gpe) continue;
      if (!other || !same_code(*other, n)) ++others;
      other = &n;
    }
    if (others == 1) out.push_back(other);
  }
  if (out.empty() && !actors.empty()) before_verb();
  return out;
}

std::vector<Argument> SentenceReader::counterpart(const Trigger& tr, const Event& e) const {
  const bool answer = e.type == EventType::AGREE || e.type == EventType::REJECT;
  if (!answer && !(e.type == EventType::CONSULT && tr.refers_back)) return {};
  constexpr size_t kLookBack = 30;  // events
  for (size_t k = earlier_events_; k > 0 && earlier_events_ - k < kLookBack; --k) {
    const Event& before = doc_.events[k - 1];
    if (answer && share_actor(before.targets, e.actors) && !share_actor(before.actors, e.actors)) return before.actors;
    if (!answer && before.type == EventType::CONSULT && !before.actors.empty() && !share_actor(before.actors, e.actors))
      return before.actors;
  }
  return {};
}

bool SentenceReader::cue_between(uint32_t from, uint32_t to) const {
  for (const LexiconMatch& c : cues_) {
    const CueEntry& cue = lex_.cue(c.entry);
    if ((cue.polarity != 0 || cue.modality) && c.begin >= from && c.end <= to) return true;
  }
  return false;
}

void SentenceReader::apply_cues(const Trigger& tr, Event& e, bool& contrast) const {
  bool negated = false, undone = false;
  std::optional<Modality> modality;
  for (const LexiconMatch& c : cues_) {
    const CueEntry& cue = lex_.cue(c.entry);
    const bool before = c.end <= tr.begin && tr.begin - c.end <= kCueWindow;
    const bool after = c.begin >= tr.end && c.begin - tr.end <= kCueAfterWindow;
    // A cue may be the event word itself: a tense that says the event is to come ("enverra").
    const bool on = c.begin == tr.begin && c.end == tr.end;
    const bool applies =
        on || (cue.side == CueSide::before ? before : cue.side == CueSide::after ? after : before || after);
    if (!applies || cue.role == CueRole::source_next || cue.role == CueRole::speech) continue;
    if (cue.role == CueRole::contrast) {
      // Right before the event word, or before cues of it ("without committing troops").
      bool next = before;
      for (uint32_t k = c.end; k < tr.begin && next; ++k) {
        next = false;
        for (const LexiconMatch& other : cues_) next |= other.begin <= k && k < other.end;
      }
      if (next) contrast = true;
      continue;
    }
    // A clause break between cue and trigger ends the cue's reach.
    bool broken = false;
    for (uint32_t k = std::min(c.end, tr.end); k < std::max(c.begin, tr.begin) && !broken; ++k) broken = clause_break(k);
    if (broken) continue;
    if (cue.polarity < 0) negated = true;
    if (cue.polarity > 0) undone = true;
    std::optional<Modality> said = cue.modality;
    if (cue.role == CueRole::reported_future) {
      for (const LexiconMatch& speech : cues_)
        if (lex_.cue(speech.entry).role == CueRole::speech && speech.end <= c.begin) said = Modality::intended;
    }
    if (said && (!modality || *said == Modality::possible)) modality = said;
  }
  if (contrast) negated = true;
  e.polarity = negated && !undone ? Polarity::negative : Polarity::positive;
  if (modality) e.modality = *modality;
}

std::string SentenceReader::mode_near(const Trigger& tr, bool direct) const {
  if (tr.implicit) return tr.mode;
  // A noun's modifiers stand before it; so does the object of a verb that ends its clause.
  const uint32_t before = tr.entry->noun ? kModifierWindow : object_before(tr) ? kObjectWindow : 0;
  uint32_t from = tr.end;
  if (before) {
    from = tr.begin >= s_.token_begin + before ? tr.begin - before : s_.token_begin;
    if (!tr.entry->noun)
      for (uint32_t t = from; t < tr.begin; ++t)
        if (clause_break(t)) from = t + 1;
  }
  // `direct`: only a modifier or a word right after ("military support", "supporting
  // peacekeeping missions", "support for peacekeeping").
  const uint32_t until = direct ? std::min(tr.content_end, tr.end + 3) : tr.content_end;
  for (const LexiconMatch& m : modes_)
    if (m.begin >= from && m.end <= until && (m.end <= tr.begin || m.begin >= tr.end)) return lex_.mode(m.entry).mode;
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
  auto cue_text = [&](const LexiconMatch& c) {
    return std::string(slice(doc_.text, {doc_.tokens[c.begin].span.begin, doc_.tokens[c.end - 1].span.end}));
  };
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
        for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
          const Entity& person = doc_.entities[it->entity];
          if (it->span.end <= s_.span.begin && person.type == EntityType::person &&
              (!person.country.empty() || !person.org.empty())) {
            e.source = Argument{static_cast<int32_t>(it->entity), doc_.tokens[c.end].span, person.country, person.org};
            e.source_cue = cue_text(c);
            return;
          }
        }
      }
    } else if (cue.role == CueRole::speech) {
      // "X said (that) ...": the subject; ", said X" / "..., X says": the name next to the verb.
      std::vector<const Name*> subject = subjects_before(c.begin);
      if (!subject.empty() && c.begin - subject.back()->end <= 4) source = subject.back();
      for (const Name& n : names_)
        if (!source && n.phrase >= c.end && n.phrase - c.end <= 2) source = &n;
    }
    if (!source) continue;
    // An official of no named country who speaks of one country's act speaks for it ("Turkey
    // will not ..., Foreign Minister Hakan Fidan said").
    const bool for_actor =
        !coded(*source) && official(*source) && !e.actors.empty() && !e.actors[0].country.empty() &&
        std::all_of(e.actors.begin(), e.actors.end(), [&](const Argument& a) { return a.country == e.actors[0].country; });
    if (!coded(*source) && !for_actor) continue;
    e.source = argument(*source);
    if (for_actor) e.source->country = e.actors[0].country;
    e.source_cue = cue_text(c);
    return;
  }
}

void SentenceReader::attach_time_place_quantities(const Trigger& tr, Event& e,
                                                  const std::vector<const Name*>& used) const {
  // The sentence's time nearest to the trigger.
  // Stages append what they find in text order: the sentence's own are found by bisection.
  auto first_in_sentence = [&](const auto& items) {
    return static_cast<size_t>(
        std::lower_bound(items.begin(), items.end(), s_.span.begin,
                         [](const auto& item, uint32_t begin) { return item.span.begin < begin; }) -
        items.begin());
  };
  uint32_t best = UINT32_MAX;
  const uint32_t at = doc_.tokens[tr.begin].span.begin;
  for (size_t i = first_in_sentence(doc_.times); i < doc_.times.size() && doc_.times[i].span.begin < s_.span.end; ++i) {
    const TimeExpr& t = doc_.times[i];
    if (!s_.span.contains(t.span) || t.kind == TimeKind::duration || t.kind == TimeKind::set) continue;
    uint32_t d = t.span.begin > at ? t.span.begin - at : at - t.span.begin;
    if (d < best) {
      best = d;
      e.time = static_cast<int32_t>(i);
    }
  }
  // A place: a named place after "in", "at", "te", "à" that is no actor or target.
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
  // Money and counts of the sentence go with an event about help.
  if (e.type == EventType::AID || e.type == EventType::REQUEST || e.type == EventType::REJECT)
    for (size_t i = first_in_sentence(doc_.quantities);
         i < doc_.quantities.size() && doc_.quantities[i].span.begin < s_.span.end; ++i) {
      const Quantity& q = doc_.quantities[i];
      if (s_.span.contains(q.span) && (q.kind == QuantityKind::money || q.kind == QuantityKind::count))
        e.quantities.push_back(static_cast<uint32_t>(i));
    }
}

std::optional<Event> SentenceReader::build(const Trigger& tr, const Event* previous) const {
  Event e;
  e.type = tr.entry->type;
  e.trigger = {doc_.tokens[tr.begin].span.begin, doc_.tokens[tr.end - 1].span.end};
  e.rule = tr.entry->rule;
  e.sentence = sentence_index_;
  e.mode = tr.mode;
  const bool help = e.type == EventType::AID || e.type == EventType::REQUEST || e.type == EventType::REJECT ||
                    e.type == EventType::SUPPORT;
  if (help) {
    // Supporting help of a kind is giving it: "supporting peacekeeping missions".
    std::string near = mode_near(tr, e.type == EventType::SUPPORT);
    if (!near.empty()) {
      if (tr.entry->mode.empty() || !tr.entry->governor) e.mode = near;
      if (e.type == EventType::SUPPORT) e.type = EventType::AID;
    }
  }
  if (tr.entry->needs_content && e.mode.empty()) return std::nullopt;
  if (e.type == EventType::SUPPORT) e.mode.clear();
  bool contrast = false;
  apply_cues(tr, e, contrast);

  std::vector<const Name*> actors, targets, used;
  if (contrast && previous) {
    // "... without sending troops": the main event's actors, targets and modality.
    e.modality = previous->modality;
    e.actors = previous->actors;
    e.targets = previous->targets;
  } else {
    if (tr.entry->noun) {
      actors = noun_agents(tr, targets);
      // Without an owner or agent, a noun is an event of the subject only when something links
      // them: a cue ("Belgium pledges continued aid"), a light verb ("made an appeal"), a
      // possessive pronoun ("renewed his request").
      if (actors.empty()) {
        std::vector<const Name*> subjects = subjects_before(tr.begin);
        bool linked = false;
        std::optional<uint32_t> light_verb;
        for (uint32_t k = tr.begin > s_.token_begin + 4 ? tr.begin - 4 : s_.token_begin; k < tr.begin; ++k) {
          linked |= (roles(k) & (kLightVerb | kPossessivePronoun)) != 0;
          if (roles(k) & kLightVerb) light_verb = k;
        }
        if (!subjects.empty() && (linked || cue_between(subjects.back()->end, tr.begin))) actors = subjects;
        // "students throughout Indonesia staged demonstrations": the people of a place.
        if (subjects.empty() && light_verb) actors = residents_before(*light_verb);
      }
    } else {
      actors = subjects_before(tr.begin);
      if (actors.empty() && lex_.subject_after_verb()) actors = subject_after(tr);
      if (actors.empty()) actors = residents_before(tr.begin);
    }
    // One actor per country or organisation ("the Belgian government": "Belgian" and "government").
    std::vector<const Name*> distinct;
    for (const Name* a : actors) {
      bool seen = false;
      for (const Name* d : distinct) seen |= same_code(*a, *d) && coded(*a);
      if (!seen) distinct.push_back(a);
    }
    actors = distinct;
    if (targets.empty()) targets = targets_of(tr, e.type, actors);
    for (const Name* a : actors) e.actors.push_back(argument(*a));
    for (const Name* t : targets) e.targets.push_back(argument(*t));
    if (e.targets.empty() && !e.actors.empty()) e.targets = counterpart(tr, e);
    used = actors;
    used.insert(used.end(), targets.begin(), targets.end());
  }
  attach_source(e);
  attach_time_place_quantities(tr, e, used);

  // A request or refusal named by a noun, with no content and no one it is addressed to, refers
  // to one reported before ("Zelensky's request aims to ...").
  if (tr.entry->governor && tr.entry->noun && !tr.inner && e.mode.empty() && e.targets.empty()) return std::nullopt;
  // Help of no kind given to no one is no event ("will provide another platform").
  if (e.type == EventType::AID && e.mode.empty() && e.targets.empty()) return std::nullopt;
  // An event needs someone doing it: an actor standing for a country or an organisation; a
  // source reporting it towards a target ("... deploying troops to Ukraine could not be
  // excluded, Macron said"); for a meeting, a place.
  const bool reported = e.source && has_code(*e.source) && has_code(e.targets) &&
                        std::none_of(e.targets.begin(), e.targets.end(),
                                     [&](const Argument& t) { return same_actor(t, *e.source); });
  // A crowd protesting needs no name when what it protests against has one ("farmers protested
  // against EU policy").
  const bool protest = e.type == EventType::PROTEST && has_code(e.targets);
  const bool about_someone =
      has_code(e.actors) || reported || protest || (e.type == EventType::CONSULT && e.location);
  if (!about_someone) return std::nullopt;
  // A meeting of an organisation is a multilateral one ("the European Council meeting").
  if (e.type == EventType::CONSULT && e.mode == "meet" && e.actors.size() == 1 && !e.actors[0].org.empty())
    e.mode = "multilateral";

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
  // A question reports nothing.
  if (is_byte(s_.token_end - 1, '?')) return;
  // An event needs a name (an actor, a target, a source or a place): a sentence without one
  // reports none, and most sentences hold no event word: they cost one lookup per token.
  // Mentions are in text order: those before the sentences read so far are not looked at again.
  const auto mention = std::lower_bound(doc_.mentions.begin() + static_cast<std::ptrdiff_t>(next_mention_),
                                        doc_.mentions.end(), s_.span.begin,
                                        [](const EntityMention& m, uint32_t b) { return m.span.begin < b; });
  next_mention_ = static_cast<size_t>(mention - doc_.mentions.begin());
  if (mention == doc_.mentions.end() || mention->span.begin >= s_.span.end) return;
  const uint64_t* hashes = doc_.token_hashes.data() + s_.token_begin;
  const uint32_t count = s_.token_end - s_.token_begin;
  lex_.match(hashes, count, s_.token_begin, matches_);
  if (std::none_of(matches_.begin(), matches_.end(),
                   [](const LexiconMatch& m) { return m.kind == LexiconMatch::trigger || m.kind == LexiconMatch::mode; }))
    return;
  roles_.resize(count);
  for (uint32_t k = 0; k < count; ++k) roles_[k] = lex_.word_roles(hashes[k]);
  collect_names(mention);
  collect_matches();
  absorb();
  add_implicit_events();
  if (triggers_.empty()) return;
  const size_t first = out.size();
  for (const Trigger& tr : triggers_) {
    if (tr.absorbed) continue;
    // The event before, of the same sentence ("..., without sending troops").
    std::optional<Event> e = build(tr, out.size() > first ? &out.back() : nullptr);
    if (e) out.push_back(*std::move(e));
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

void EventExtractor::extract(Document& doc, const BlockRange& range, EventScratch& scratch) const {
  const Block& block = doc.blocks[range.block];
  // Page furniture, captions and tables report nothing.
  if (block.is_furniture() || block.kind == BlockKind::caption || block.kind == BlockKind::table) return;
  for (uint32_t s = range.first_sentence; s < range.end_sentence; ++s) {
    const std::optional<EventLexicon>& lexicon = lexicons_[static_cast<int>(doc.sentences[s].language)];
    if (!lexicon) continue;
    SentenceReader(doc, *lexicon, *codes_, lexicon->implicit_aid(), s, scratch).read(doc.events);
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
