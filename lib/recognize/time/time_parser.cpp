#include "recognize/time/time_parser.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <optional>

#include "recognize/number/number_parser.hpp"
#include "recognize/time/surface/surface.hpp"

namespace eventwire::internal {

namespace {

namespace ts = time_surface;

constexpr uint32_t kNone = 0xFFFFFFFFu;
// How many pieces the first side of a range may take.
constexpr uint32_t kRangeSide = 10;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One expression found: pieces [begin, end) and what it means.
struct Expr {
  uint32_t begin = 0, end = 0;
  TimeKind kind = TimeKind::date;
  Point point;                  // date, time, datetime; a set of weekdays or months
  Point from, to;               // range
  Duration duration;            // duration; set "every N units"
  int set_word = -1;            // set: a set word of the data
  Mod mod = Mod::none;
  bool bounded = false;         // [first, last] are the start and end to report
  absl::CivilDay first, last;
  bool explicit_year = false;   // the year is written (not chosen from the reference date)
  bool unresolved = false;      // relative, but there is no reference date
  bool bare_number = false;     // only a number (a range side: "10 to 22 August", "5 to 7 pm")
  bool weekday_range = false;   // set: every week from one weekday to another
  bool day_only = false;        // a weekday and a day number without a month ("mercredi 13")
  bool written_month = false;   // the month is written (a name or digits), not relative
  bool half_day = false;        // am/pm or a part of the day is written with the clock time
  int number = 0;
};

// A number read at a piece: digits, an ordinal ("21st"), an article standing for one.
struct Count {
  uint32_t end = 0;
  double value = 0;
  bool ordinal = false;
  bool article = false;
  bool integer = true;
  bool vague = false;  // "several", "a few": the amount is unknown
  bool era = false;    // a year with its era ("44 BC"), never a two-digit shorthand
  int digits = 0;      // digits written (0 for words)
};

constexpr uint32_t class_bit(TimeClass c) { return 1u << static_cast<unsigned>(c); }
constexpr uint64_t cue_bit(Cue c) { return uint64_t{1} << static_cast<unsigned>(c); }

// A phrase of the lexicon found at a piece: the word and the piece after its end.
struct PhraseMatch {
  const TimeWord* word;
  uint32_t end;
};

bool is_day_grain(const Point& p) { return p.grain <= Grain::day && p.grain != Grain::none && p.has_day(); }

// A value worked out at most once per piece of a sentence, until reset.
template <class T>
class PieceMemo {
 public:
  void reset(uint32_t pieces) {
    done_.assign(pieces, false);
    if (values_.size() < pieces) values_.resize(pieces);
  }
  template <class Compute>
  const T& get(uint32_t i, Compute&& compute) {
    if (!done_[i]) {
      done_[i] = true;
      values_[i] = compute();
    }
    return values_[i];
  }

 private:
  std::vector<bool> done_;
  std::vector<T> values_;
};
}  // namespace

// What the parser works with, kept from sentence to sentence so that it is allocated once.
struct TimeParserMemory::Buffers {
  std::vector<uint32_t> triggers;
  std::vector<PhraseMatch> phrases;                 // the lexicon's phrases, piece by piece
  std::vector<uint32_t> phrase_first, phrase_count; // per piece: where its phrases are
  std::vector<uint32_t> classes;                    // per piece: a bit per TimeClass of its phrases
  std::vector<uint64_t> cues;                       // per piece: a bit per Cue of its phrases
  std::vector<bool> in_phrase;                      // per piece: part of a phrase of the lexicon
  std::vector<uint32_t> connector_from;             // per piece: the first connector of ranges there or after
  PieceMemo<std::optional<Expr>> dates;             // per piece: the date there
  std::vector<bool> failed_at;                      // per piece: no expression starts there
  PieceMemo<ts::Forms> forms;                       // per piece: the surface forms from there
  PieceMemo<std::optional<Count>> counts;           // per piece: the number in words there
  std::vector<std::pair<uint32_t, Tense>> tenses;
  std::vector<uint32_t> participles;
};

namespace {

class Parser {
 public:
  Parser(const TimeLexicon& lex, const SentenceContext& c, TimeParserMemory::Buffers& memory)
      : lex_(lex),
        c_(c),
        text_(c.doc->text),
        folded_(c.doc->folded),
        p_(*c.pieces),
        n_(static_cast<uint32_t>(c.pieces->size())),
        ref_(c.reference),
        m_(memory) {}

  void run(std::vector<TimeExpr>& out) {
    std::vector<uint32_t>& triggers = m_.triggers;
    triggers.clear();
    m_.counts.reset(n_);
    for (uint32_t i = 0; i < n_; ++i) {
      const Piece& q = p_[i];
      if (q.kind == Piece::number || (q.kind == Piece::word && (lex_.is_trigger(word(i)) || day_in_words(i))) ||
          (q.kind == Piece::punct && text_[q.span.begin] == '\'' && i + 1 < n_ && p_[i + 1].kind == Piece::number))
        triggers.push_back(i);
    }
    if (triggers.empty()) return;
    find_phrases();
    m_.forms.reset(n_);
    m_.dates.reset(n_);
    m_.failed_at.assign(n_, false);
    m_.connector_from.clear();
    m_.tenses.clear();
    m_.participles.clear();
    // Leftmost-longest: around each trigger, the first position (a few pieces before it at
    // most) where an expression starts, and the longest expression there.
    uint32_t next = 0;  // pieces before `next` are taken
    size_t t = 0;
    while (t < triggers.size()) {
      const uint32_t trigger = triggers[t];
      if (trigger < next) {
        ++t;
        continue;
      }
      uint32_t s = trigger >= TimeLexicon::kLookBehind ? trigger - TimeLexicon::kLookBehind : 0;
      if (s < next) s = next;
      bool found = false;
      for (; s <= trigger && !found; ++s) {
        if (m_.failed_at[s] || (s < trigger && (!may_start(s) || !reaches(s, trigger)))) continue;
        if (auto e = parse_at(s)) {
          emit(*e, out);
          next = e->end;
          found = true;
        } else {
          m_.failed_at[s] = true;  // nothing starts there until an expression is emitted
        }
      }
      if (!found) ++t;  // else look again at this trigger if the expression ended before it
    }
  }

 private:
  // Whether an expression may start at piece i before a trigger: a number, an apostrophe before
  // one ("'98") or a phrase ("'s avonds"), a number in words ("two years ago") or a word of the
  // lexicon that can begin an expression ("il y a", "the", "since", "last") — not one that only
  // continues or surrounds one ("of", "and", "ago", "on") or tells the tense ("was", "will").
  bool may_start(uint32_t i) {
    static constexpr uint32_t kContextClasses = class_bit(TimeClass::cue) | class_bit(TimeClass::tense);
    static constexpr uint64_t kInnerCues = cue_bit(Cue::on) | cue_bit(Cue::of) | cue_bit(Cue::and_) |
                                           cue_bit(Cue::through) | cue_bit(Cue::during) | cue_bit(Cue::ago) |
                                           cue_bit(Cue::other) | cue_bit(Cue::age) | cue_bit(Cue::and_half) |
                                           cue_bit(Cue::and_quarter) | cue_bit(Cue::kind);
    const Piece& q = p_[i];
    if (q.kind == Piece::number) return true;
    if (q.kind == Piece::punct && text_[q.span.begin] == '\'' && is_number(i + 1)) return true;
    if (is_cue(i, Cue::on) && is_cue(cue(i, Cue::on), Cue::the)) return true;  // "on the 18th"
    return (m_.classes[i] & ~kContextClasses) || (m_.cues[i] & ~kInnerCues) || (q.kind == Piece::word && count(i, false));
  }

  // A day of the month in words after the words that introduce one: "on the first", "op de
  // eerste", "le dix-huit" (no word of the lexicon announces it).
  bool day_in_words(uint32_t i) {
    if (!lex_.follows_day_cue(folded_, p_, i)) return false;
    const std::optional<Count>& c = number_in_words(i);
    return c && c->integer && c->value >= 1 && c->value <= 31;
  }

  // Whether an expression starting at piece s may reach the trigger: no word between them is
  // foreign to dates ("in the COVID-19" does not reach "19": the lexicon does not know "covid").
  bool reaches(uint32_t s, uint32_t trigger) {
    for (uint32_t k = s + 1; k < trigger; ++k)
      if (foreign_word(k)) return false;
    return true;
  }
  // A word that is neither in the lexicon, nor a number in words, nor glued to a number ("Q1",
  // "H2"), nor a Roman numeral ("XIXe siècle").
  bool foreign_word(uint32_t k) {
    if (p_[k].kind != Piece::word || m_.in_phrase[k]) return false;
    if (is_number(k + 1) && !p_[k + 1].space_before) return false;
    if (p_[k].upper && roman(word(k))) return false;
    return !count(k, false);
  }

  // --- pieces ------------------------------------------------------------------------------
  std::string_view word(uint32_t i) const { return i < n_ ? slice(folded_, p_[i].span) : std::string_view(); }
  std::string_view raw(uint32_t i) const { return i < n_ ? slice(text_, p_[i].span) : std::string_view(); }
  bool is_number(uint32_t i) const { return i < n_ && p_[i].kind == Piece::number; }
  bool is_punct(uint32_t i, char c) const {
    return i < n_ && p_[i].kind == Piece::punct && p_[i].span.size() == 1 && text_[p_[i].span.begin] == c;
  }
  bool is_word(uint32_t i) const { return i < n_ && p_[i].kind == Piece::word; }
  // The end of a date: the end of the sentence, or punctuation that is not part of a time
  // ("11:00") or number ("96.5").
  bool date_end(uint32_t i) const {
    if (i >= n_) return true;
    if (p_[i].kind != Piece::punct) return false;
    char c = text_[p_[i].span.begin];
    if (c == ':' || c == '\'' || c == '[' || c == '-' || c == '/') return false;
    if ((c == '.' || c == ',') && is_number(i + 1) && !p_[i + 1].space_before) return false;
    return true;
  }
  // The end of the sentence or punctuation (not an apostrophe or an opening bracket) at i.
  bool boundary(uint32_t i) const {
    if (i >= n_) return true;
    if (p_[i].kind != Piece::punct) return false;
    char c = text_[p_[i].span.begin];
    return c != '\'' && c != '(' && c != '[';
  }
  // The piece that starts at byte `pos`, looking from piece i on; kNone when `pos` is inside one.
  uint32_t piece_at(uint32_t i, uint32_t pos) const {
    while (i < n_ && p_[i].span.begin < pos) {
      if (p_[i].span.end > pos) return kNone;
      ++i;
    }
    return i;
  }

  // --- the lexicon -------------------------------------------------------------------------
  // The longest phrase of class `cls` at piece i (its word and end), or nullptr.
  const TimeWord* hit(uint32_t i, TimeClass cls, uint32_t& end) const {
    end = i;
    if (i >= n_ || !(m_.classes[i] & class_bit(cls))) return nullptr;
    const TimeWord* best = nullptr;
    for (const PhraseMatch& m : matches(i))
      if (m.word->cls == cls && m.end > end) {
        best = m.word;
        end = m.end;
      }
    return best;
  }
  const TimeWord* hit(uint32_t i, TimeClass cls) const {
    uint32_t end;
    return hit(i, cls, end);
  }
  // The end of cue `cue` at piece i, or kNone.
  uint32_t cue(uint32_t i, Cue cue) const {
    if (i >= n_ || !(m_.cues[i] & cue_bit(cue))) return kNone;
    uint32_t end = kNone;
    for (const PhraseMatch& m : matches(i))
      if (m.word->cls == TimeClass::cue && m.word->a == static_cast<int16_t>(cue) && (end == kNone || m.end > end))
        end = m.end;
    return end;
  }
  // The phrases of the lexicon starting at piece i (found by find_phrases()).
  struct Matches {
    const PhraseMatch *b, *e;
    const PhraseMatch* begin() const { return b; }
    const PhraseMatch* end() const { return e; }
  };
  Matches matches(uint32_t i) const {
    const PhraseMatch* base = m_.phrases.data() + m_.phrase_first[i];
    return {base, base + m_.phrase_count[i]};
  }
  // Looks up the phrases starting at each piece once, with a mask of their classes and cues so
  // that most questions ("is there a cue `of` here?") are one bit test.
  void find_phrases() {
    m_.phrases.clear();
    m_.phrase_first.assign(n_ + 1, 0);
    m_.phrase_count.assign(n_ + 1, 0);
    m_.classes.assign(n_ + 1, 0);
    m_.cues.assign(n_ + 1, 0);
    m_.in_phrase.assign(n_ + 1, false);
    for (uint32_t i = 0; i < n_; ++i) {
      if (p_[i].kind == Piece::number) continue;
      m_.phrase_first[i] = static_cast<uint32_t>(m_.phrases.size());
      lex_.match(folded_, p_, i, [&](const TimeWord& w, uint32_t e) {
        m_.phrases.push_back({&w, e});
        for (uint32_t k = i; k < e; ++k) m_.in_phrase[k] = true;
        m_.classes[i] |= class_bit(w.cls);
        if (w.cls == TimeClass::cue) m_.cues[i] |= cue_bit(static_cast<Cue>(w.a));
      });
      m_.phrase_count[i] = static_cast<uint32_t>(m_.phrases.size()) - m_.phrase_first[i];
    }
  }
  bool is_cue(uint32_t i, Cue c) const { return cue(i, c) != kNone; }
  // Skips an article ("the", "le", "de", "het", "l'") at i.
  uint32_t skip_article(uint32_t i) const {
    uint32_t e = cue(i, Cue::the);
    return e == kNone ? i : e;
  }
  // The cue ending just before piece i (one piece), for context tests.
  bool cue_before(uint32_t i, Cue c) const { return i > 0 && cue(i - 1, c) == i; }

  // --- numbers -----------------------------------------------------------------------------
  const ts::Forms& forms(uint32_t i) {
    return m_.forms.get(i, [&] { return ts::parse(text_, p_[i].span.begin, c_.sentence->span.end); });
  }
  // The piece where a surface form of `length` bytes starting at piece i ends, or kNone.
  uint32_t form_end(uint32_t i, uint32_t length) const {
    if (!length) return kNone;
    return piece_at(i + 1, p_[i].span.begin + length);
  }

  // The number written in words from piece i, read once per piece.
  const std::optional<Count>& number_in_words(uint32_t i) {
    return m_.counts.get(i, [&]() -> std::optional<Count> {
      if (!c_.numbers) return std::nullopt;
      auto m = c_.numbers->parse(*c_.doc, *c_.sentence, p_[i].span.begin);
      if (!m || !m->has_value() || m->article || !m->words || !m->glued.empty()) return std::nullopt;
      const uint32_t e = piece_at(i, m->span.end);
      if (e == kNone || e <= i) return std::nullopt;
      Count c;
      c.end = e;
      c.value = m->value;
      c.ordinal = m->ordinal;
      c.integer = m->integer;
      return c;
    });
  }

  std::optional<Count> count(uint32_t i, bool article_ok = true, bool vague_ok = false) {
    if (i >= n_) return std::nullopt;
    Count c;
    if (p_[i].kind == Piece::number) {
      const ts::Forms& f = forms(i);
      if (f.ordinal_length) {
        uint32_t e = form_end(i, f.ordinal_length);
        if (e != kNone) {
          c.end = e;
          c.value = f.ordinal;
          c.ordinal = true;
          c.digits = static_cast<int>(raw(i).size());
          return c;
        }
      }
      std::string_view s = raw(i);
      double value = 0, scale = 0;
      bool seen_separator = false;
      for (char ch : s) {
        if (is_digit(ch)) {
          if (seen_separator) {
            value += (ch - '0') * scale;
            scale /= 10;
          } else {
            value = value * 10 + (ch - '0');
          }
        } else {
          // One separator: a decimal one unless three digits follow in a language that groups with it.
          const bool decimal_comma = c_.lang != Lang::en;
          const bool is_decimal = (ch == ',') == decimal_comma;
          if (seen_separator || !is_decimal) return std::nullopt;
          seen_separator = true;
          scale = 0.1;
        }
      }
      c.end = i + 1;
      c.value = value;
      c.integer = !seen_separator;
      c.digits = static_cast<int>(s.size());
      return c;
    }
    if (article_ok) {
      uint32_t e = cue(i, Cue::a);
      if (e != kNone) {
        c.end = e;
        c.value = 1;
        c.article = true;
        return c;
      }
    }
    // A number in words: "twee", "vingt et un", "twenty-first", "anderhalf"
    if (p_[i].kind == Piece::word && cue(i, Cue::a) == kNone)
      if (const std::optional<Count>& w = number_in_words(i)) return w;
    if (vague_ok) {
      uint32_t e;
      if (const TimeWord* w = hit(i, TimeClass::vague, e)) {
        c.end = e;
        c.value = w->a ? w->a : NAN;
        c.vague = w->a == 0;
        c.integer = true;
        return c;
      }
      if (cue(i, Cue::a) != kNone) {  // "a few days", "a couple of weeks"
        uint32_t a = cue(i, Cue::a);
        if (const TimeWord* v = hit(a, TimeClass::vague, e)) {
          c.end = e;
          c.value = v->a ? v->a : NAN;
          c.vague = v->a == 0;
          return c;
        }
      }
    }
    return std::nullopt;
  }

  // A day of the month (1-31) at i: "26", "21st", "1er", "3e", "premier", "twenty-first", "quinze".
  std::optional<Count> day_number(uint32_t i) {
    if (i >= n_ || p_[i].kind == Piece::punct) return std::nullopt;
    auto c = count(i, false);
    if (!c || !c->integer || c->value < 1 || c->value > 31 || c->digits > 2) return std::nullopt;
    return c;
  }

  // A year written out at i: four digits (1000-2999); with `two_digits`, also "96", "'96".
  std::optional<Count> year_number(uint32_t i, bool two_digits) {
    uint32_t j = i;
    if (two_digits && is_punct(j, '\'') && is_number(j + 1)) ++j;
    if (!is_number(j)) return std::nullopt;
    std::string_view s = raw(j);
    for (char ch : s)
      if (!is_digit(ch)) return std::nullopt;
    if (j + 1 < n_ && !p_[j + 1].space_before && p_[j + 1].kind == Piece::word) return std::nullopt;  // "2024km"
    Count c;
    c.end = j + 1;
    c.digits = static_cast<int>(s.size());
    for (char ch : s) c.value = c.value * 10 + (ch - '0');
    // "44 BC", "88 na Christus": any year of up to four digits with its era
    uint32_t era_end;
    if (const TimeWord* era = hit(c.end, TimeClass::era, era_end); era && s.size() <= 4 && c.value >= 1) {
      c.value *= era->a;
      c.end = era_end;
      c.era = true;
      return c;
    }
    if (s.size() == 4 && c.value >= 1000 && c.value <= 2999) return c;
    if (two_digits && s.size() == 2) {
      c.value = full_year(static_cast<int>(c.value), ref_);
      return c;
    }
    return std::nullopt;
  }

  // A year in words after a date: "nineteen hundred ninety three", "two thousand and five",
  // "nineteen eighty six" (hundreds, then the rest); not before a word foreign to dates ("in
  // March two thousand people marched").
  std::optional<Count> year_in_words(uint32_t i) {
    if (!is_word(i)) return std::nullopt;
    const std::optional<Count>& c = number_in_words(i);
    if (!c || !c->integer || c->ordinal) return std::nullopt;
    Count year = *c;
    if (c->value >= 10 && c->value <= 29) {
      const std::optional<Count>& rest = is_word(c->end) ? number_in_words(c->end) : std::nullopt;
      if (!rest || !rest->integer || rest->ordinal || rest->value < 10 || rest->value > 99) return std::nullopt;
      year.value = c->value * 100 + rest->value;
      year.end = rest->end;
    }
    if (year.value < 1000 || year.value > 2999) return std::nullopt;
    if (is_word(year.end) && foreign_word(year.end)) return std::nullopt;
    return year;
  }

  // A month name at i: its number and end.
  std::optional<Count> month_name(uint32_t i, bool* alone = nullptr) const {
    uint32_t e;
    const TimeWord* w = hit(i, TimeClass::month, e);
    if (!w) return std::nullopt;
    if (alone) *alone = w->alone;
    Count c;
    c.end = e;
    c.value = w->a;
    return c;
  }

  // --- tense ---------------------------------------------------------------------------------
  Tense tense_at(uint32_t i) {
    if (!tenses_done_) {
      tenses_done_ = true;
      for (uint32_t k = 0; k < n_; ++k) {
        if (p_[k].kind != Piece::word) continue;
        Tense t = Tense::none;
        uint32_t e;
        if (const TimeWord* w = hit(k, TimeClass::tense, e)) {
          t = static_cast<Tense>(w->a);
          if (w->b == 1) {  // an auxiliary: past only with a participle after it ("est arrivé")
            t = Tense::none;
            for (uint32_t q = e; q < e + 3 && q < n_; ++q)
              if (p_[q].kind == Piece::word && lex_.is_participle(word(q)) && !lex_.is_trigger(word(q)) &&
                  !lex_.is_function_word(word(q)))
                t = Tense::past;
          }
        } else {
          t = lex_.tense_of_ending(word(k));
          if (t == Tense::none && lex_.is_participle(word(k)) && !lex_.is_trigger(word(k))) m_.participles.push_back(k);
        }
        if (t != Tense::none) m_.tenses.push_back({k, t});
      }
    }
    Tense best = Tense::none;
    uint32_t best_distance = kNone;
    // A participle right before or after the expression: "annoncées mercredi", "held on Tuesday"
    // ("seront célébrées lundi", "will be held on Monday": the auxiliary's future)
    for (uint32_t k : m_.participles)
      if (k + 1 == i || k == i + 1 || (k + 2 == i && is_cue(i - 1, Cue::on))) {
        for (const auto& [a, t] : m_.tenses)
          if (a < k && a + 3 >= k && t == Tense::future) return Tense::future;
        return Tense::past;
      }
    for (const auto& [k, t] : m_.tenses) {
      uint32_t d = k > i ? k - i : i - k;
      if (d < best_distance) {
        best_distance = d;
        best = t;
      }
    }
    return best;
  }

  // --- building points ---------------------------------------------------------------------
  // A month and day without a year: resolved with the reference date and the tense.
  Expr month_day(uint32_t begin, uint32_t end, int month, int day, int direction = 0) {
    Expr e;
    e.begin = begin;
    e.end = end;
    e.written_month = true;
    Point p;
    p.grain = Grain::day;
    p.month = month;
    p.day = day;
    if (direction == 0 && context_year_ != kUnknown && day <= days_in_month(context_year_, month)) {
      p.year = context_year_;  // "en 97 (en janvier ...)": the year the sentence gave
    } else if (ref_) {
      Tense t = direction < 0 ? Tense::past : direction > 0 ? Tense::future : tense_at(begin);
      p.year = choose_year(month, day, *ref_, t);
      if (direction != 0 && absl::CivilDay(p.year, month, day) == *ref_) p.year += direction;
      p.anchored = true;
    }
    e.point = p;
    return e;
  }
  Expr full_date(uint32_t begin, uint32_t end, int year, int month, int day) {
    Expr e;
    e.begin = begin;
    e.end = end;
    e.written_month = true;
    e.point = day_point(absl::CivilDay(year, month, day));
    e.explicit_year = true;
    return e;
  }
  Expr month_only(uint32_t begin, uint32_t end, int month, int year, int direction = 0) {
    Expr e;
    e.begin = begin;
    e.end = end;
    e.written_month = true;
    if (year == kUnknown && direction == 0 && context_year_ != kUnknown) {
      e.point = month_point(context_year_, month);  // the year the sentence gave
      return e;
    }
    if (year != kUnknown) {
      e.point = month_point(year, month);
      e.explicit_year = true;
      return e;
    }
    e.point.grain = Grain::month;
    e.point.month = month;
    if (ref_) {
      const int ref_month = ref_->month(), ref_year = static_cast<int>(ref_->year());
      if (direction < 0) e.point.year = month < ref_month ? ref_year : ref_year - 1;
      else if (direction > 0) e.point.year = month > ref_month ? ref_year : ref_year + 1;
      else e.point.year = choose_year(month, kUnknown, *ref_, tense_at(begin));
      e.point.anchored = true;
    }
    return e;
  }
  static bool valid_date(int y, int m, int d) {
    return m >= 1 && m <= 12 && d >= 1 && y != kUnknown && d <= days_in_month(y, m);
  }
  static bool valid_day_month(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(2000, m); }
  Expr relative_point(uint32_t begin, uint32_t end, Point p) {
    Expr e;
    e.begin = begin;
    e.end = end;
    if (ref_) {
      e.point = p;
      e.point.anchored = true;
    } else {
      e.unresolved = true;
      e.point.grain = p.grain;
    }
    return e;
  }

  // --- dates ---------------------------------------------------------------------------------
  // Digits at i: ISO dates, numeric dates, year-weeks and quarters, decades.
  std::optional<Expr> digit_date(uint32_t i) {
    if (!is_number(i) && !is_punct(i, '\'')) return std::nullopt;
    const ts::Forms& f = forms(i);
    std::optional<Expr> best;
    auto take = [&](Expr e) {
      if (e.end != kNone && (!best || e.end > best->end)) best = e;
    };
    if (f.iso_datetime_length) {
      const auto& d = f.iso_datetime;
      if (valid_date(d.date.year, d.date.month, d.date.day.value_or(0)) && d.clock.hour <= 24 && d.clock.minute < 60) {
        Expr e = full_date(i, form_end(i, f.iso_datetime_length), d.date.year, d.date.month, *d.date.day);
        e.kind = TimeKind::datetime;
        e.point.grain = Grain::minute;
        e.point.hour = d.clock.hour;
        e.point.minute = d.clock.minute;
        if (d.clock.second) e.point.second = *d.clock.second;
        take(e);
      }
    }
    if (f.year_first_date_length) {
      const auto& d = f.year_first_date;
      uint32_t end = form_end(i, f.year_first_date_length);
      if (d.day && valid_date(d.year, d.month, *d.day)) take(full_date(i, end, d.year, d.month, *d.day));
      else if (!d.day && d.month >= 1 && d.month <= 12 && d.separator != '.') take(month_only(i, end, d.month, d.year));
    }
    if (f.year_week_length && f.year_week.week >= 1 && f.year_week.week <= 53) {
      Expr e;
      e.begin = i;
      e.end = form_end(i, f.year_week_length);
      e.explicit_year = true;
      e.point.grain = Grain::week;
      e.point.year = f.year_week.year;
      e.point.week = f.year_week.week;
      if (f.year_week.weekday && *f.year_week.weekday >= 1 && *f.year_week.weekday <= 7)
        e.point = day_point(iso_week_monday(f.year_week.year, f.year_week.week) + (*f.year_week.weekday - 1));
      take(e);
    }
    if (f.year_part_length) {
      char part = static_cast<char>(f.year_part.part | 0x20);
      int number = f.year_part.number;
      if ((part == 'q' && number >= 1 && number <= 4) || (part == 'h' && (number == 1 || number == 2))) {
        Expr e;
        e.begin = i;
        e.end = form_end(i, f.year_part_length);
        e.explicit_year = true;
        e.point.grain = part == 'q' ? Grain::quarter : Grain::half;
        e.point.year = f.year_part.year;
        e.point.part = number;
        take(e);
      }
    }
    if (f.numeric_date_length) {
      if (auto e = numeric_date(i, f)) take(*e);
    }
    if (f.decade_length) {
      int v = f.decade;
      uint32_t end = form_end(i, f.decade_length);
      const bool apostrophe = is_punct(i, '\'');
      const bool four = v >= 1000;
      const bool article = i > 0 && is_cue(i - 1, Cue::the);
      if (v % 10 == 0 && (four || apostrophe || article) && (four ? v <= 2990 : v < 100)) {
        Expr e;
        e.begin = i;
        e.end = end;
        e.explicit_year = true;
        e.point.grain = Grain::decade;
        e.point.decade = (four ? v : full_year(v, ref_)) / 10;
        take(e);
      }
    }
    return best;
  }

  // 26/02/2024, 8/10/2012, 31.10.74, 9/2012, 22/04, 15-2: day and month in the language's order.
  std::optional<Expr> numeric_date(uint32_t i, const ts::Forms& f) {
    const auto& d = f.numeric_date;
    uint32_t end = form_end(i, f.numeric_date_length);
    if (end == kNone) return std::nullopt;
    const char sep = d.separator;
    if (d.second >= 1000) {  // 9/2012: month and year
      if (d.third || d.first < 1 || d.first > 12 || sep == ' ' || sep == '.') return std::nullopt;
      if (d.second > 2999) return std::nullopt;
      return month_only(i, end, d.first, d.second);
    }
    int a = d.first, b = d.second;
    int day = lex_.day_first() ? a : b, month = lex_.day_first() ? b : a;
    if (!valid_day_month(month, day)) std::swap(day, month);
    if (!valid_day_month(month, day)) return std::nullopt;
    if (d.third) {
      int year = *d.third;
      if (raw_digits(i, f.numeric_date_length) && year < 100) year = full_year(year, ref_);
      if (year < 1000 && *d.third >= 100) return std::nullopt;
      if (!valid_date(year, month, day)) return std::nullopt;
      if (sep == ' ' && !(i > 0 && (is_cue(i - 1, Cue::the) || is_cue(i - 1, Cue::on)))) {
        // "20 02 2014", "18 8 1978": the month with two digits, or a four-digit year
        if (text_[p_[i + 1].span.begin] != '0' && b < 10 && *d.third < 1000) return std::nullopt;
      }
      return full_date(i, end, year, month, day);
    }
    // Two numbers: a date only where a date is expected.
    if (sep == ' ') return std::nullopt;
    const bool date_cue = i > 0 && (is_cue(i - 1, Cue::on) || is_cue(i - 1, Cue::the) || is_cue(i - 1, Cue::since) ||
                                    is_cue(i - 1, Cue::until) || is_cue(i - 1, Cue::from) || is_cue(i - 1, Cue::before) ||
                                    is_cue(i - 1, Cue::after) || is_cue(i - 1, Cue::between) ||
                                    hit(i - 1, TimeClass::weekday) || is_cue(i - 1, Cue::to) || is_cue(i - 1, Cue::and_));
    if ((sep == '-' || sep == '.') && !date_cue) return std::nullopt;
    if (end < n_ && (is_cue(end, Cue::of) || hit(end, TimeClass::unit))) return std::nullopt;  // "2/3 of", fractions
    return month_day(i, end, month, day);
  }
  // Whether the numeric date's year was written with two digits.
  bool raw_digits(uint32_t i, uint32_t length) const {
    std::string_view s = text_.substr(p_[i].span.begin, length);
    size_t last = s.find_last_not_of("0123456789");
    return last != std::string_view::npos && s.size() - last - 1 == 2;
  }

  // [the] 26 [of] February [2024]; le 1er mars; 15juin 2016; de 9e van mei.
  std::optional<Expr> day_month(uint32_t i) {
    uint32_t j = i;
    if (is_word(j) && skip_article(j) != j && day_number(skip_article(j))) j = skip_article(j);
    auto day = day_number(j);
    if (!day) return std::nullopt;
    uint32_t k = day->end;
    char sep = 0;  // "8/Oct/2012", "31-dec-2019"
    if (k < n_ && is_cue(k, Cue::of) && month_name(cue(k, Cue::of))) k = cue(k, Cue::of);
    else if (k < n_ && is_cue(k, Cue::from) && month_name(cue(k, Cue::from))) k = cue(k, Cue::from);
    else if ((is_punct(k, '/') || is_punct(k, '-')) && !p_[k].space_before && month_name(k + 1))
      sep = text_[p_[k++].span.begin];
    auto month = month_name(k);
    if (!month) {
      if (auto listed = day_before_date(i, *day)) return listed;
      return day_of_relative_month(i, *day, k);
    }
    if (sep) {
      const int m = static_cast<int>(month->value), dd = static_cast<int>(day->value);
      uint32_t y = month->end;
      if (!is_punct(y, sep)) return valid_day_month(m, dd) ? std::optional<Expr>(month_day(i, y, m, dd)) : std::nullopt;
      auto year = year_number(y + 1, true);
      if (!year || !valid_date(static_cast<int>(year->value), m, dd)) return std::nullopt;
      return full_date(i, year->end, static_cast<int>(year->value), m, dd);
    }
    const int m = static_cast<int>(month->value), dd = static_cast<int>(day->value);
    if (!valid_day_month(m, dd)) return std::nullopt;
    uint32_t e = month->end;
    if (is_punct(e, '.') && !p_[e].space_before && is_number(e + 1)) ++e;  // "31 dec. 1994"
    uint32_t y = is_punct(e, ',') ? e + 1 : e;
    if (is_cue(y, Cue::of) && year_number(cue(y, Cue::of), true)) y = cue(y, Cue::of);  // "15 April of 87"
    std::optional<Count> year = year_number(y, true);
    if (!year) year = year_in_words(y);
    if (year) {
      const bool two = year->digits == 2 && !year->era;
      if (!two || date_end(year->end) || is_cue(year->end, Cue::at) || is_cue(year->end, Cue::to)) {
        if (valid_date(static_cast<int>(year->value), m, dd))
          return full_date(i, year->end, static_cast<int>(year->value), m, dd);
      }
    }
    int direction = 0;
    uint32_t after;
    if (const TimeWord* r = hit(e, TimeClass::relative_after, after); r && r->a != 0) {
      direction = r->a;
      e = after;
    }
    return month_day(i, e, m, dd, direction);
  }

  // A day listed before a date of the same month: "6" of "les 6 et 13 avril", "on 3, 10 and 17 May".
  std::optional<Expr> day_before_date(uint32_t i, const Count& day) {
    uint32_t k = day.end;
    while (is_punct(k, ',') && day_number(k + 1)) k = day_number(k + 1)->end;
    const uint32_t a = cue(k, Cue::and_);
    if (a == kNone || !is_number(a)) return std::nullopt;
    auto last = day_month(a);
    if (!last || last->begin != a || !is_day_grain(last->point) || last->kind != TimeKind::date) return std::nullopt;
    const int d = static_cast<int>(day.value);
    if (d >= last->point.day || !valid_date(last->point.year, last->point.month, d)) return std::nullopt;
    Expr x = *last;
    x.begin = i;
    x.end = day.end;
    x.point.day = d;
    return x;
  }

  // "the 20th of next month", "le 15 du mois prochain": a day of a month named relatively.
  std::optional<Expr> day_of_relative_month(uint32_t i, const Count& day, uint32_t k) {
    // "of", or "du", "van" (which also open ranges: "du 5 au 7 mai")
    const uint32_t of = is_cue(k, Cue::of) ? cue(k, Cue::of) : cue(k, Cue::from);
    if (of == kNone) return std::nullopt;
    auto m = relative_period(of);
    if (!m || m->point.grain != Grain::month || m->unresolved || m->point.year == kUnknown) return std::nullopt;
    const int d = static_cast<int>(day.value);
    if (!valid_date(m->point.year, m->point.month, d)) return std::nullopt;
    Expr x = full_date(i, m->end, m->point.year, m->point.month, d);
    x.explicit_year = false;
    x.point.anchored = true;
    return x;
  }

  // February 26[,] [2024]; Aug 9 96; Sun 15Sep (month glued).
  std::optional<Expr> month_day_year(uint32_t i) {
    auto month = month_name(i);
    if (!month) return std::nullopt;
    uint32_t j = month->end;
    if (is_punct(j, '.') && !p_[j].space_before) ++j;
    if (is_punct(j, ',') || is_punct(j, '/') || is_punct(j, '-')) {
      // "Oct/2", "March, 6th": a separator before the day
      if (!is_number(j + 1)) return std::nullopt;
      ++j;
    }
    if (is_cue(j, Cue::the) && is_number(cue(j, Cue::the))) j = cue(j, Cue::the);
    auto day = day_number(j);
    if (!day) return std::nullopt;
    if (day->end < n_ && !p_[day->end].space_before && p_[day->end].kind == Piece::word) return std::nullopt;
    const int m = static_cast<int>(month->value), dd = static_cast<int>(day->value);
    if (!valid_day_month(m, dd)) return std::nullopt;
    uint32_t e = day->end;
    const bool dash = (is_punct(e, '-') || is_punct(e, '/')) && !p_[e].space_before;  // "Sep-23-2020"
    uint32_t y = is_punct(e, ',') || dash ? e + 1 : e;
    std::optional<Count> year = year_number(y, !dash);
    if (!year && !dash) year = year_in_words(y);
    if (year) {
      const bool two = year->digits == 2 && !year->era;
      if ((!two || date_end(year->end)) && valid_date(static_cast<int>(year->value), m, dd))
        return full_date(i, year->end, static_cast<int>(year->value), m, dd);
    }
    // A four-digit number after the day is a year only as above; a larger day number is no day.
    return month_day(i, e, m, dd);
  }

  // March 2024; mei 1988; dec-2018; janvier de 2020.
  std::optional<Expr> month_year(uint32_t i) {
    auto month = month_name(i);
    if (!month) return std::nullopt;
    uint32_t j = month->end;
    if (is_punct(j, '.') && !p_[j].space_before) ++j;
    if (is_punct(j, ',') || is_punct(j, '-') || is_punct(j, '/')) ++j;
    else if (is_cue(j, Cue::of)) j = cue(j, Cue::of);
    auto year = year_number(j, false);
    if (!year) {
      year = year_number(j, true);  // "juillet 98", "mei '88"
      if (year && (year->digits != 2 || !date_end(year->end))) year.reset();
    }
    if (!year) year = year_in_words(j);  // "October two thousand and five"
    if (!year) return std::nullopt;
    return month_only(i, year->end, static_cast<int>(month->value), static_cast<int>(year->value));
  }

  // A month name alone: "in March", "septembre dernier", "sinds augustus".
  std::optional<Expr> month_alone(uint32_t i) {
    bool alone = true;
    auto month = month_name(i, &alone);
    if (!month) return std::nullopt;
    uint32_t e = month->end;
    int direction = 0;
    uint32_t after;
    if (const TimeWord* r = hit(e, TimeClass::relative_after, after); r && r->a != 0) {
      direction = r->a;
      e = after;
    }
    if (!alone && direction == 0 && !month_context(i)) return std::nullopt;
    // "des sept matches": a month that is also a number word needs a day or a year
    if (!alone && direction == 0 && count(i, false) && is_word(e)) return std::nullopt;
    if (!alone && p_[i].upper && i > 0 && p_[i - 1].upper && !month_context(i)) return std::nullopt;
    return month_only(i, e, static_cast<int>(month->value), kUnknown, direction);
  }
  // Whether the words before piece i announce a month or a date.
  bool month_context(uint32_t i) const {
    if (i == 0) return false;
    for (Cue c : {Cue::in, Cue::of, Cue::since, Cue::until, Cue::from, Cue::to, Cue::before, Cue::after, Cue::by,
                  Cue::during, Cue::between, Cue::through, Cue::on, Cue::and_})
      if (cue_before(i, c)) return true;
    uint32_t e;
    for (uint32_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      if (hit(k, TimeClass::relative, e) && e == i) return true;
      if (hit(k, TimeClass::mod, e) && e == i) return true;
      if (hit(k, TimeClass::unit, e) && e == i) return true;  // "le mois de mars": checked by the caller
    }
    return false;
  }

  // A year alone where the context says it is one: "in 2024", "since 1948", "(2019)", "2018,".
  std::optional<Expr> year_alone(uint32_t i) {
    auto year = year_number(i, false);
    if (!year && (is_punct(i, '\'') || (c_.lang == Lang::fr && cue_before(i, Cue::in)))) {
      // "'98", "en 97": two digits
      year = year_number(i, true);
      if (year && (year->digits != 2 || !date_end(year->end))) year.reset();
    }
    if (!year) return std::nullopt;
    bool ok = year->era || boundary(year->end);
    // a year between two words: "le bilan 2001 de la délinquance", "the 2024 election of"
    if (!ok && year->value >= 1800 && year->value <= 2100 && is_word(year->end) && lex_.is_function_word(word(year->end)))
      ok = true;
    if (!ok && i > 0) {
      for (Cue c : {Cue::in, Cue::since, Cue::until, Cue::from, Cue::to, Cue::before, Cue::after, Cue::by, Cue::of,
                    Cue::during, Cue::between, Cue::through, Cue::and_, Cue::on})
        if (cue_before(i, c)) ok = true;
      if (is_punct(i - 1, '(')) ok = true;
      uint32_t u;
      if (const TimeWord* w = hit(i - 1, TimeClass::unit, u); w && u == i && w->a == static_cast<int16_t>(Grain::year))
        ok = true;
    }
    if (!ok && year->end < n_) {
      // followed by a time word or a cue of another date: "2024 and 2025", "2019 was"
      if (is_cue(year->end, Cue::and_) || is_cue(year->end, Cue::to) || hit(year->end, TimeClass::tense)) ok = true;
    }
    if (!ok) return std::nullopt;
    Expr e;
    e.begin = i;
    e.end = year->end;
    e.explicit_year = true;
    e.point = year_point(static_cast<int>(year->value));
    // "the year 2008", "het jaar 2008", "l'année 2008": the word is part of it
    if (i > 0) {
      for (uint32_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
        uint32_t end;
        const TimeWord* u = hit(k, TimeClass::unit, end);
        if (u && end == i && u->a == static_cast<int16_t>(Grain::year)) {
          e.begin = k > 0 && cue(k - 1, Cue::the) == k ? k - 1 : k;
          break;
        }
      }
    }
    return e;
  }

  // A season: "summer 2024", "l'été 2024", "winter" (no year: XXXX-WI).
  std::optional<Expr> season(uint32_t i) {
    uint32_t j = skip_article(i), e;
    const TimeWord* s = hit(j, TimeClass::season, e);
    if (!s) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = e;
    x.point.grain = Grain::season;
    x.point.part = s->a;
    uint32_t y = is_cue(e, Cue::of) ? cue(e, Cue::of) : e;
    if (auto year = year_number(y, false)) {
      x.point.year = static_cast<int>(year->value);
      x.end = year->end;
      x.explicit_year = true;
      return x;
    }
    // "l'été prochain", "l'hiver dernier": the next or the last one from the reference date
    uint32_t after;
    if (const TimeWord* r = hit(e, TimeClass::relative_after, after); r && r->a != 0)
      return relative_point(i, after, ref_ ? relative_season(s->a, r->a) : Point{});
    // "été", "fall" need an article, a year or "in" ("l'été", "en été"): "a été" is a verb
    if (!s->alone && i == j && !cue_before(i, Cue::in)) return std::nullopt;
    // "les Jeux d'hiver", "l'heure d'été": a kind of thing ("en fin d'hiver" is a time)
    if (i == j && cue_before(i, Cue::kind) && !(i >= 2 && hit(i - 2, TimeClass::mod))) return std::nullopt;
    return x;
  }

  // The season of `part` that `relative` (-1, 0, 1) points at from the reference date.
  Point relative_season(int part, int relative) const {
    Point p;
    p.grain = Grain::season;
    p.part = part;
    p.anchored = true;
    int y = static_cast<int>(ref_->year());
    // The season of that kind holding the reference date, or the one of its year.
    absl::CivilDay first, last;
    Point here = p;
    here.year = part == 3 && ref_->month() <= 3 ? y - 1 : y;
    bounds(here, first, last);
    p.year = here.year;
    if (relative > 0 && *ref_ >= first) p.year += 1;
    if (relative < 0 && *ref_ <= last) p.year -= 1;
    return p;
  }

  // A holiday: "Christmas", "Pâques 2018", "Koningsdag", "last Easter", "next Halloween".
  std::optional<Expr> holiday(uint32_t i) {
    uint32_t j = skip_article(i), e;
    int rel = 2;
    if (const TimeWord* r = hit(j, TimeClass::relative, e); r && hit(e, TimeClass::holiday)) {
      rel = r->a;
      j = e;
    }
    const TimeWord* h = hit(j, TimeClass::holiday, e);
    if (!h) h = hit(i, TimeClass::holiday, e), j = i;
    if (!h) return std::nullopt;
    if (!h->alone && rel == 2 && !(i > 0 && (is_cue(i - 1, Cue::on) || is_cue(i - 1, Cue::at) || is_cue(i - 1, Cue::since) ||
                                 is_cue(i - 1, Cue::until) || is_cue(i - 1, Cue::before) || is_cue(i - 1, Cue::after))))
      return std::nullopt;
    auto date_in = [h](int year) -> std::optional<absl::CivilDay> {
      switch (static_cast<HolidayKind>(h->a)) {
        case HolidayKind::easter: return easter(year) + h->b;
        case HolidayKind::nth_weekday: {
          if (h->c > 0) {
            absl::CivilDay first(year, h->b, 1);
            int delta = (h->d - iso_weekday(first) + 7) % 7;
            return first + delta + 7 * (h->c - 1);
          }
          absl::CivilDay last(year, h->b, days_in_month(year, h->b));
          return last - (iso_weekday(last) - h->d + 7) % 7;
        }
        case HolidayKind::orthodox_easter: return orthodox_easter(year) + h->b;
        case HolidayKind::other_calendar: return other_calendar_day(static_cast<OtherCalendar>(h->b), h->c, h->d, year);
        case HolidayKind::fixed: {
          absl::CivilDay day(year, h->b, std::min<int>(h->c, days_in_month(year, h->b)));
          return iso_weekday(day) == 7 ? day + h->d : day;
        }
      }
      return std::nullopt;
    };
    Expr x;
    x.begin = i;
    x.end = e;
    uint32_t y = is_cue(e, Cue::of) ? cue(e, Cue::of) : e;
    if (auto year = year_number(y, false)) {
      const std::optional<absl::CivilDay> day = date_in(static_cast<int>(year->value));
      if (!day) return std::nullopt;
      x.point = day_point(*day);
      x.end = year->end;
      x.explicit_year = true;
      return x;
    }
    if (!ref_) {
      x.point.grain = Grain::day;
      if (static_cast<HolidayKind>(h->a) == HolidayKind::fixed) x.point.month = h->b, x.point.day = h->c;
      else x.unresolved = true;
      return x;
    }
    // The occurrence the tense points at: the last one in the past tense, else the coming one.
    const int ry = static_cast<int>(ref_->year());
    const Tense t = rel == -1 ? Tense::past : rel == 1 ? Tense::future : tense_at(i);
    std::optional<absl::CivilDay> best = date_in(ry);
    for (int year = ry - 1; year <= ry + 1; ++year) {
      const std::optional<absl::CivilDay> d = date_in(year);
      if (d && (t == Tense::past ? (rel == -1 ? *d < *ref_ : *d <= *ref_) : (rel == 1 ? *d > *ref_ : *d >= *ref_))) {
        best = d;
        if (t != Tense::past) break;
      }
    }
    if (!best) return std::nullopt;
    x.point = day_point(*best);
    x.point.anchored = true;
    return x;
  }

  // Roman numerals of centuries: "XXIe", "XIX".
  static int roman(std::string_view s) {
    while (!s.empty() && (s.back() == 'e' || s.back() == '.')) s.remove_suffix(1);
    if (s.size() > 3 && s.substr(s.size() - 3) == "\xC3\xA8m") s.remove_suffix(3);  // "ème" → "èm" stripped
    int total = 0, prev = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
      int v = 0;
      switch (*it) {
        case 'i': v = 1; break;
        case 'v': v = 5; break;
        case 'x': v = 10; break;
        case 'l': v = 50; break;
        default: return 0;
      }
      total += v < prev ? -v : v;
      prev = std::max(prev, v);
    }
    return total;
  }

  // "the 21st century", "de 21e eeuw", "le XXIe siècle".
  std::optional<Expr> century(uint32_t i) {
    uint32_t j = skip_article(i);
    int n = 0;
    uint32_t k = kNone;
    if (auto c = count(j, false); c && c->ordinal) {
      n = static_cast<int>(c->value);
      k = c->end;
    } else if (is_word(j) && p_[j].upper) {
      std::string_view w = word(j);
      if (w.size() >= 2 && w.size() <= 8) n = roman(w);
      k = j + 1;
      if (n && is_word(k) && !p_[k].space_before) ++k;  // "XIX e"
    }
    if (n < 1 || n > 30 || k == kNone) return std::nullopt;
    uint32_t e;
    const TimeWord* u = hit(k, TimeClass::unit, e);
    if (!u || u->a != static_cast<int16_t>(Grain::century)) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = e;
    x.explicit_year = true;
    x.point.grain = Grain::century;
    x.point.century = n - 1;
    return x;
  }

  // "Q1 2024", "q3", "H2 2019".
  std::optional<Expr> quarter_word(uint32_t i) {
    std::string_view w = word(i);
    if (w != "q" && w != "h" && w != "qtr") return std::nullopt;
    if (!is_number(i + 1) || p_[i + 1].space_before) return std::nullopt;
    auto c = count(i + 1, false);
    if (!c || !c->integer || c->digits != 1) return std::nullopt;
    const bool quarter = w != "h";
    if (c->value < 1 || c->value > (quarter ? 4 : 2)) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = c->end;
    x.point.grain = quarter ? Grain::quarter : Grain::half;
    x.point.part = static_cast<int>(c->value);
    if (auto year = year_number(is_punct(x.end, '-') ? x.end + 1 : x.end, false)) {
      x.point.year = static_cast<int>(year->value);
      x.end = year->end;
      x.explicit_year = true;
    } else if (ref_) {
      x.point.year = static_cast<int>(ref_->year());
      x.point.anchored = true;
    } else {
      if (!p_[i].upper) return std::nullopt;
    }
    return x;
  }

  // A week by its number: "week 23", "week 3 of 2027", "semaine 12", "week 12 van 2024" (not
  // "week 3 of the strike", counted from something else).
  std::optional<Expr> week_number(uint32_t i) {
    uint32_t e;
    const TimeWord* u = hit(i, TimeClass::unit, e);
    if (!u || u->b || static_cast<Grain>(u->a) != Grain::week || !is_number(e) || raw(e).size() > 2 ||
        !std::all_of(raw(e).begin(), raw(e).end(), is_digit))
      return std::nullopt;
    const int week = std::stoi(std::string(raw(e)));
    if (week < 1 || week > 53 || (is_word(e + 1) && !p_[e + 1].space_before)) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = e + 1;
    x.point.grain = Grain::week;
    x.point.week = week;
    uint32_t y = x.end;
    if (is_cue(y, Cue::of)) y = cue(y, Cue::of);
    else if (is_cue(y, Cue::from)) y = cue(y, Cue::from);
    else if (is_punct(y, ',')) ++y;
    if (auto year = year_number(y, false)) {
      x.point.year = static_cast<int>(year->value);
      x.end = year->end;
      x.explicit_year = true;
    } else if (y != x.end && !is_punct(x.end, ',')) {
      return std::nullopt;
    } else if (ref_) {
      x.point.year = static_cast<int>(ref_->year());
      x.point.anchored = true;
    }
    return x;
  }

  // An ordinal before a unit or weekday: "first", "3rd", "last", "laatste", "dernière".
  std::optional<Count> ordinal(uint32_t i) {
    uint32_t e;
    if (const TimeWord* l = hit(i, TimeClass::last, e)) {
      Count c;
      c.end = e;
      c.value = l->a;
      c.ordinal = true;
      return c;
    }
    auto c = count(i, false);
    if (c && c->ordinal) return c;
    return std::nullopt;
  }

  // What "of 2024", "van oktober", "de l'année prochaine" after a unit refers to: a year or a
  // month, written or relative. Returns the point and its end.
  std::optional<Expr> period_target(uint32_t i) {
    uint32_t j = i;
    if (is_cue(j, Cue::of)) j = cue(j, Cue::of);
    else if (is_cue(j, Cue::in)) j = cue(j, Cue::in);
    else if (is_cue(j, Cue::from)) j = cue(j, Cue::from);
    else return std::nullopt;
    if (auto y = year_alone_any(j)) return y;
    if (auto m = month_year(j)) return m;
    if (auto m = month_name(j)) return month_only(j, m->end, static_cast<int>(m->value), kUnknown);
    if (auto r = relative_period(j); r && r->point.grain >= Grain::month) return r;
    return std::nullopt;
  }
  std::optional<Expr> year_alone_any(uint32_t i) {
    auto year = year_number(i, false);
    if (!year) return std::nullopt;
    Expr e;
    e.begin = i;
    e.end = year->end;
    e.explicit_year = true;
    e.point = year_point(static_cast<int>(year->value));
    return e;
  }

  // "the first quarter of 2024", "het derde kwartaal", "the last week of July",
  // "eerste dinsdag in oktober", "le 3e jour d'octobre".
  std::optional<Expr> nth_period(uint32_t i) {
    uint32_t j = skip_article(i);
    auto n = ordinal(j);
    if (!n) return std::nullopt;
    const int nth = static_cast<int>(n->value);
    uint32_t e;
    int weekday = 0;
    Grain unit = Grain::none;
    if (const TimeWord* w = hit(n->end, TimeClass::weekday, e)) weekday = w->a;
    else if (const TimeWord* u = hit(n->end, TimeClass::unit, e)) unit = static_cast<Grain>(u->a);
    else return std::nullopt;
    if (nth == 0 || nth > 53) return std::nullopt;
    auto target = period_target(e);
    Expr x;
    x.begin = i;
    if (unit == Grain::quarter || unit == Grain::half) {
      const int parts = unit == Grain::quarter ? 4 : 2;
      int k = nth < 0 ? parts : nth;
      if (k > parts) return std::nullopt;
      x.point.grain = unit;
      x.point.part = k;
      if (target && target->point.grain == Grain::year) {
        x.point.year = target->point.year;
        x.point.anchored = target->point.anchored;
        x.explicit_year = target->explicit_year;
        x.end = target->end;
      } else if (auto year = year_number(e, false)) {
        x.point.year = static_cast<int>(year->value);
        x.explicit_year = true;
        x.end = year->end;
      } else {
        x.end = e;
        if (ref_ && nth < 0) {
          x.point = period(*ref_, unit, -1);  // "the last quarter": the one before this one
          x.point.anchored = true;
        } else if (ref_) {
          x.point.year = static_cast<int>(ref_->year());
          x.point.anchored = true;
        }
      }
      return x;
    }
    if (!target || target->point.year == kUnknown) {
      if (!target) return std::nullopt;
    }
    x.end = target->end;
    x.explicit_year = target->explicit_year;
    const Point& t = target->point;
    absl::CivilDay first, last;
    if (t.year == kUnknown || !bounds(t, first, last)) {
      x.unresolved = true;
      return x;
    }
    if (weekday) {
      absl::CivilDay d;
      if (nth > 0) d = first + ((weekday - iso_weekday(first) + 7) % 7) + 7 * (nth - 1);
      else d = last - ((iso_weekday(last) - weekday + 7) % 7);
      if (d > last) return std::nullopt;
      x.point = day_point(d);
    } else if (unit == Grain::week) {
      if (t.grain == Grain::year) {
        int weeks = 52;
        int wy, ww;
        iso_week(absl::CivilDay(t.year, 12, 28), wy, ww);
        weeks = ww;
        x.point.grain = Grain::week;
        x.point.year = t.year;
        x.point.week = nth > 0 ? nth : weeks;
        if (x.point.week > weeks) return std::nullopt;
      } else {
        // weeks that lie wholly in the month
        absl::CivilDay monday = first + ((1 - iso_weekday(first) + 7) % 7);
        absl::CivilDay last_monday = last - 6 - ((iso_weekday(last - 6) - 1 + 7) % 7);
        absl::CivilDay d = nth > 0 ? monday + 7 * (nth - 1) : last_monday;
        if (d + 6 > last) return std::nullopt;
        x.point = week_point(d);
      }
    } else if (unit == Grain::day) {
      absl::CivilDay d = nth > 0 ? first + (nth - 1) : last;
      if (d > last) return std::nullopt;
      x.point = day_point(d);
    } else {
      return std::nullopt;
    }
    x.point.anchored = t.anchored;
    return x;
  }

  // The periods of "this week", "next month", "vorig jaar", "la semaine dernière",
  // "l'an dernier", "ce mois-ci", "deze zomer", "this morning".
  std::optional<Expr> relative_period(uint32_t i) {
    uint32_t j = skip_article(i), e;
    int rel = 0;
    uint32_t k;
    const TimeWord* r = hit(j, TimeClass::relative, k);
    const TimeWord* u = nullptr;
    if (r) {
      u = hit(k, TimeClass::unit, e);
      if (!u) {
        if (const TimeWord* s = hit(k, TimeClass::season, e)) {
          if (!ref_) return relative_point(i, e, Point{});
          return relative_point(i, e, relative_season(s->a, r->a));
        }
        if (auto m = month_name(k)) {  // "last February", "aanstaande september", "this September"
          if (r->a == 0 && ref_) {
            Expr x = month_only(i, m->end, static_cast<int>(m->value), static_cast<int>(ref_->year()));
            x.explicit_year = false;
            x.point.anchored = true;
            return x;
          }
          return month_only(i, m->end, static_cast<int>(m->value), kUnknown, r->a);
        }
        if (const TimeWord* pd = hit(k, TimeClass::part_of_day, e); pd && r->a == 0) {
          Point p = ref_ ? day_point(*ref_) : Point{};
          p.grain = Grain::part_of_day;
          p.day_part = static_cast<DayPart>(pd->a);
          Expr x = relative_point(i, e, p);
          x.kind = TimeKind::datetime;
          return x;
        }
        return std::nullopt;
      }
      rel = r->a;
      if (u->b) return std::nullopt;  // a plural: "the last weeks"
      if (const TimeWord* after = hit(e, TimeClass::relative_after, k); after && after->a == 0) e = k;  // "ce mois-ci"
    } else {
      u = hit(j, TimeClass::unit, k);
      if (!u || u->b) return std::nullopt;
      const TimeWord* after = hit(k, TimeClass::relative_after, e);
      if (!after) return std::nullopt;
      rel = after->a;
      if (rel == 0) return std::nullopt;
    }
    Grain g = static_cast<Grain>(u->a);
    if (rel < 0 && (g == Grain::minute || g == Grain::second)) return std::nullopt;  // "at the last minute"
    if (g == Grain::hour || g == Grain::minute || g == Grain::second) {
      g = Grain::day;  // "next hour": today
      rel = 0;
    }
    if (g == Grain::night) {
      // "last night", "afgelopen nacht": the night of that day ("last night at 8" is 20:00)
      Point p = ref_ ? period(*ref_, Grain::day, rel) : Point{};
      p.grain = Grain::part_of_day;
      p.day_part = DayPart::NI;
      Expr x = relative_point(i, e, p);
      x.kind = TimeKind::datetime;
      return x;
    }
    if (!ref_) return relative_point(i, e, Point{});
    return relative_point(i, e, period(*ref_, g, rel));
  }

  // A weekday: "on Tuesday" (by the tense), "last Friday", "mardi prochain", "volgende week
  // dinsdag", "Tuesday next week", "lundi de la semaine prochaine".
  std::optional<Expr> weekday_expr(uint32_t i) {
    uint32_t j = i, e;
    int rel = 2;  // 2: none
    int week_rel = 2;
    bool next_week = false;  // "next Tuesday": the Tuesday of next week
    int weeks_later = 0;     // "mardi en huit": a week after the coming Tuesday (today's included)
    // "volgende week dinsdag", "next week Tuesday", "deze week maandag"
    if (const TimeWord* r = hit(j, TimeClass::relative, e)) {
      uint32_t k;
      const TimeWord* u = hit(e, TimeClass::unit, k);
      if (u && u->a == static_cast<int16_t>(Grain::week) && !u->b) {
        uint32_t w = k;
        if (is_cue(w, Cue::on)) w = cue(w, Cue::on);
        if (is_punct(w, '-')) ++w;
        if (hit(w, TimeClass::weekday)) {
          week_rel = r->a;
          j = w;
        }
      }
      if (week_rel == 2) {
        if (!hit(e, TimeClass::weekday)) return std::nullopt;
        rel = r->a;
        next_week = r->b == 1;
        j = e;
      }
    }
    uint32_t wend;
    const TimeWord* wd = hit(j, TimeClass::weekday, wend);
    DayPart part = DayPart::none;
    if (!wd) {
      wd = hit(j, TimeClass::weekday_part, wend);
      if (!wd) return std::nullopt;
      part = static_cast<DayPart>(wd->b);
    }
    const int weekday = wd->a;
    uint32_t end = wend;
    // "mardi prochain", "vendredi dernier", "dinsdag volgende week", "Tuesday next week",
    // "lundi de la semaine prochaine"
    if (rel == 2 && week_rel == 2) {
      uint32_t k = end;
      if (is_punct(k, ',')) ++k;
      uint32_t k2 = is_cue(k, Cue::of) ? cue(k, Cue::of) : is_cue(k, Cue::from) ? cue(k, Cue::from) : k;
      uint32_t k3 = skip_article(k2);
      uint32_t a;
      if (const TimeWord* r = hit(k3, TimeClass::relative, a)) {
        uint32_t b;
        const TimeWord* u = hit(a, TimeClass::unit, b);
        if (u && u->a == static_cast<int16_t>(Grain::week) && !u->b) {
          week_rel = r->a;
          end = b;
        }
      } else if (const TimeWord* u = hit(k3, TimeClass::unit, a); u && u->a == static_cast<int16_t>(Grain::week)) {
        uint32_t b;
        if (const TimeWord* r2 = hit(a, TimeClass::relative_after, b)) {
          week_rel = r2->a;
          end = b;
        }
      }
      if (week_rel == 2) {
        if (const TimeWord* r2 = hit(wend, TimeClass::relative_after, a)) {
          rel = r2->a;
          next_week = r2->b == 1;
          weeks_later = r2->b >= 2 ? r2->b - 1 : 0;
          end = a;
        }
      }
    }
    const bool explicit_context = rel != 2 || week_rel != 2;
    if (!wd->alone && !explicit_context && !weekday_context(i, j, wend)) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = end;
    if (!ref_) {
      x.point.grain = Grain::day;
      x.point.weekday = weekday;
      if (explicit_context) x.unresolved = true;
    } else {
      absl::CivilDay d;
      if (week_rel != 2) {
        absl::CivilDay monday = *ref_ - (iso_weekday(*ref_) - 1) + 7 * week_rel;
        d = monday + (weekday - 1);
      } else if (rel == 1 && next_week) {
        d = *ref_ - (iso_weekday(*ref_) - 1) + 7 + (weekday - 1);
      } else if (rel == 1 && weeks_later) {
        d = choose_weekday(weekday, *ref_, Tense::future) + 7 * weeks_later;
      } else if (rel == 1) {
        d = choose_weekday(weekday, *ref_ + 1, Tense::future);
      } else if (rel == -1) {
        d = choose_weekday(weekday, *ref_ - 1, Tense::past);
      } else if (rel == 0) {
        d = choose_weekday(weekday, *ref_, Tense::future);
      } else {
        d = choose_weekday(weekday, *ref_, tense_at(i));
      }
      x.point = day_point(d);
      x.point.anchored = true;
    }
    if (part != DayPart::none) {
      x.point.grain = Grain::part_of_day;
      x.point.day_part = part;
      x.kind = TimeKind::datetime;
    }
    return x;
  }
  // An abbreviated weekday ("Sun", "ma.") counts before a date or time, after "on", or with its
  // period, alone or inside the sentence ("la mer. Ses obsèques" is the sea).
  bool weekday_context(uint32_t begin, uint32_t j, uint32_t end) {
    if (word(j).size() > 1 && word(j).back() == '.' &&
        ((begin == 0 && end >= n_) || (end < n_ && !(is_word(end) && p_[end].upper))))
      return true;
    if (begin > 0 && (is_cue(begin - 1, Cue::on) || is_cue(begin - 1, Cue::every))) return true;
    uint32_t k = is_punct(end, ',') || is_punct(end, '.') ? end + 1 : end;
    return is_number(k);
  }

  // A weekday before a date: "Tuesday, January 10", "dinsdag 11/3/2015", "Sun 15Sep",
  // "mercredi 13" (the next 13th that is a Wednesday).
  std::optional<Expr> weekday_date(uint32_t i) {
    uint32_t j = skip_article(i), e;
    const TimeWord* wd = hit(j, TimeClass::weekday, e);
    if (!wd) return std::nullopt;
    uint32_t k = e;
    if (is_punct(k, '.') && !p_[k].space_before) ++k;
    if (is_punct(k, ',')) ++k;
    if (is_punct(k, '(')) return std::nullopt;
    std::optional<Expr> d = core_date(k);
    if (d && (d->point.grain == Grain::day || d->kind == TimeKind::datetime) && d->point.day != kUnknown) {
      d->begin = i;
      return d;
    }
    // "monday 21", "mercredi 13"
    if (auto day = day_number(k); day && k == e && (day->ordinal || is_number(k)) && !month_name(day->end) &&
                                  !hit(day->end, TimeClass::unit) &&
                                  !hit(day->end, TimeClass::hour_word) && !is_punct(day->end, ':') &&
                                  !is_punct(day->end, '-')) {
      Expr x;
      x.begin = i;
      x.end = day->end;
      x.day_only = true;
      const int dd = static_cast<int>(day->value);
      if (!ref_) {
        x.point.grain = Grain::day;
        x.point.day = dd;
        x.point.weekday = wd->a;
        return x;
      }
      const bool past = tense_at(i) == Tense::past;
      absl::CivilMonth m(*ref_);
      for (int step = 0; step < 24; ++step) {
        absl::CivilMonth mm = past ? m - step : m + step;
        const int y = static_cast<int>(mm.year());
        if (dd > days_in_month(y, mm.month())) continue;
        absl::CivilDay cand(y, mm.month(), dd);
        if (past ? cand > *ref_ : cand < *ref_) continue;
        if (iso_weekday(cand) == wd->a) {
          x.point = day_point(cand);
          x.point.anchored = true;
          return x;
        }
      }
    }
    return std::nullopt;
  }

  // A day and a part of it, or a day offset: "yesterday", "tonight", "gisterenavond",
  // "le lendemain du 13 février".
  std::optional<Expr> day_offset(uint32_t i) {
    uint32_t e;
    if (hit(i, TimeClass::now, e)) {
      Expr x;
      x.begin = i;
      x.end = e;
      x.kind = TimeKind::datetime;
      x.point.reference = static_cast<int8_t>(hit(i, TimeClass::now)->a);
      x.point.grain = Grain::minute;
      return x;
    }
    if (const TimeWord* dp = hit(i, TimeClass::day_part, e)) {
      Point p = ref_ ? day_point(*ref_ + dp->a) : Point{};
      p.grain = Grain::part_of_day;
      p.day_part = static_cast<DayPart>(dp->b);
      Expr x = relative_point(i, e, p);
      x.kind = TimeKind::datetime;
      return x;
    }
    const TimeWord* d = hit(i, TimeClass::day_offset, e);
    if (!d) {
      d = hit(i, TimeClass::day_after, e);
      if (!d) return std::nullopt;
      // "le lendemain", "the day before": from the day the text last named
      if (c_.discourse_day && *c_.discourse_day) {
        Expr x;
        x.begin = i;
        x.end = e;
        x.point = day_point(**c_.discourse_day + d->a);
        x.point.anchored = *c_.discourse_anchored;
        return x;
      }
    }
    // "le lendemain du 13 février", "la veille de Noël"
    if (d->a == 1 || d->a == -1) {
      uint32_t k = is_cue(e, Cue::from) ? cue(e, Cue::from) : is_cue(e, Cue::of) ? cue(e, Cue::of) : kNone;
      if (k != kNone) {
        if (auto base = core_date(k); base && is_day_grain(base->point)) {
          Expr x = *base;
          x.begin = i;
          x.point = day_point(base->point.civil_day() + d->a);
          x.point.anchored = base->point.anchored;
          return x;
        }
      }
    }
    if (!ref_) return relative_point(i, e, Point{});
    return relative_point(i, e, day_point(*ref_ + d->a));
  }

  // The mods: "mid-February", "begin maart", "fin mars", "the end of 2024", "early 1990s",
  // "en fin d'année", "earlier this month", "later deze week".
  std::optional<Expr> mod_date(uint32_t i) {
    uint32_t e;
    const TimeWord* m = hit(i, TimeClass::mod, e);
    if (!m) return std::nullopt;
    const Mod mod = static_cast<Mod>(m->a);
    if (mod == Mod::earlier || mod == Mod::later) {
      // the phrase ends with "this": a unit follows
      uint32_t k;
      const TimeWord* u = hit(e, TimeClass::unit, k);
      if (!u || u->b) return std::nullopt;
      Grain g = static_cast<Grain>(u->a);
      if (!ref_) return relative_point(i, k, Point{});
      Expr x = relative_point(i, k, period(*ref_, g, 0));
      return x;
    }
    uint32_t j = e;
    if (is_cue(j, Cue::of)) j = cue(j, Cue::of);
    if (is_cue(j, Cue::from)) j = cue(j, Cue::from);
    std::optional<Expr> target;
    const uint32_t a = skip_article(j);
    for (uint32_t s : {j, a}) {
      std::optional<Expr> t = core_date(s);
      if (auto r = relative_period(s); r && (!t || r->end > t->end)) t = r;
      if (t && (!target || t->end > target->end)) target = t;
    }
    if (!target) {
      // a bare unit: "en fin d'année", "à la fin du mois", "end of the week"
      uint32_t k;
      const TimeWord* u = hit(a, TimeClass::unit, k);
      if (!u || u->b) return std::nullopt;
      Grain g = static_cast<Grain>(u->a);
      if (g < Grain::day) return std::nullopt;
      target = ref_ ? relative_point(a, k, period(*ref_, g, 0)) : relative_point(a, k, Point{});
    }
    if (!m->alone && target->point.grain != Grain::month) return std::nullopt;
    const Grain g = target->point.grain;
    if (g < Grain::week || g == Grain::season) {
      if (g != Grain::day && !(g == Grain::part_of_day && target->point.day_part != DayPart::none)) return std::nullopt;
    }
    Expr x = *target;
    x.begin = i;
    x.mod = mod;
    absl::CivilDay first, last;
    if (!x.unresolved && bounds(x.point, first, last)) {
      const long days = last - first + 1;
      absl::CivilDay a0 = first, b0 = last;
      if (g == Grain::month) {
        if (mod == Mod::start) b0 = first + 9;
        else if (mod == Mod::mid) a0 = first + 9, b0 = first + 19;
        else a0 = first + 20;
      } else if (g == Grain::year) {
        if (mod == Mod::start) b0 = absl::CivilDay(first.year(), 2, days_in_month(static_cast<int>(first.year()), 2));
        else if (mod == Mod::mid) a0 = absl::CivilDay(first.year(), 6, 1), b0 = absl::CivilDay(first.year(), 7, 31);
        else a0 = absl::CivilDay(first.year(), 11, 1);
      } else if (g == Grain::week) {
        if (mod == Mod::start) b0 = first + 1;
        else if (mod == Mod::mid) a0 = first + 2, b0 = first + 3;
        else a0 = first + 3;
      } else if (days > 3) {
        const long third = days / 3;
        if (mod == Mod::start) b0 = first + (third - 1);
        else if (mod == Mod::mid) a0 = first + third, b0 = first + (2 * third - 1);
        else a0 = first + 2 * third;
      }
      if (g != Grain::day && g != Grain::part_of_day) {
        x.bounded = true;
        x.first = a0;
        x.last = b0;
      }
    }
    return x;
  }

  // Decades in words: "de jaren '90", "les années 60", "années 1990".
  std::optional<Expr> decade_words(uint32_t i) {
    uint32_t j = skip_article(i);
    if (is_cue(j, Cue::from)) j = skip_article(cue(j, Cue::from));  // "des années 60"
    uint32_t e;
    const TimeWord* u = hit(j, TimeClass::unit, e);
    if (!u || u->a != static_cast<int16_t>(Grain::year) || !u->b) return std::nullopt;
    uint32_t k = is_punct(e, '\'') ? e + 1 : e;
    auto c = count(k, false);
    if (!c || !c->integer || c->digits < 2) return std::nullopt;
    int v = static_cast<int>(c->value);
    if (v % 10 != 0) return std::nullopt;
    if (c->digits == 4 && (v < 1000 || v > 2990)) return std::nullopt;
    if (c->digits == 2) v = full_year(v, ref_);
    else if (c->digits != 4) return std::nullopt;
    Expr x;
    x.begin = i;
    x.end = c->end;
    x.explicit_year = true;
    x.point.grain = Grain::decade;
    x.point.decade = v / 10;
    return x;
  }

  // A day of the month alone: "the 24th", "le 16", "op de 15de", "on the 15th": this month's, or
  // the next (the last in the past tense) when it has passed.
  std::optional<Expr> day_of_month(uint32_t i) {
    uint32_t j = i;
    if (is_cue(j, Cue::on)) j = cue(j, Cue::on);
    if (!is_cue(j, Cue::the)) return std::nullopt;
    j = cue(j, Cue::the);
    auto day = day_number(j);
    if (!day || !ref_) return std::nullopt;
    const uint32_t e = day->end;
    if (!date_end(e) && !is_cue(e, Cue::at) && !is_cue(e, Cue::of)) return std::nullopt;
    if (is_cue(e, Cue::of) && !date_end(cue(e, Cue::of))) return std::nullopt;
    const int d = static_cast<int>(day->value);
    const bool past = tense_at(i) == Tense::past;
    absl::CivilMonth m(*ref_);
    if (past && d > ref_->day()) m -= 1;
    if (!past && d < ref_->day()) m += 1;
    while (d > days_in_month(static_cast<int>(m.year()), m.month())) m += past ? -1 : 1;
    Expr x;
    x.begin = i == j - 1 || !is_cue(i, Cue::on) ? i : i;
    x.end = e;
    x.point = day_point(absl::CivilDay(m.year(), m.month(), d));
    x.point.anchored = true;
    return x;
  }

  // "the month of May", "le mois de mars", "au mois d'avril", "de maand mei".
  std::optional<Expr> month_word(uint32_t i) {
    uint32_t j = skip_article(i), e;
    const TimeWord* u = hit(j, TimeClass::unit, e);
    if (!u || u->a != static_cast<int16_t>(Grain::month) || u->b) return std::nullopt;
    if (is_cue(e, Cue::of)) e = cue(e, Cue::of);
    else if (is_cue(e, Cue::from)) e = cue(e, Cue::from);
    std::optional<Expr> m = month_year(e);
    if (!m) m = month_alone(e);
    if (!m) {
      auto name = month_name(e);
      if (!name) return std::nullopt;
      m = month_only(e, name->end, static_cast<int>(name->value), kUnknown);
    }
    m->begin = i;
    return m;
  }

  // A month and a relative year: "volgend jaar maart", "March next year", "mars de l'année prochaine".
  std::optional<Expr> month_relative_year(uint32_t i) {
    int month = 0;
    uint32_t end = kNone;
    std::optional<Expr> year;
    if (auto m = month_name(i)) {
      uint32_t k = m->end;
      if (is_cue(k, Cue::of)) k = cue(k, Cue::of);
      else if (is_cue(k, Cue::from)) k = cue(k, Cue::from);
      year = relative_period(k);
      month = static_cast<int>(m->value);
      if (year) end = year->end;
    } else if ((year = relative_period(i))) {
      if (auto m = month_name(year->end)) {
        month = static_cast<int>(m->value);
        end = m->end;
      }
    }
    if (!year || end == kNone || year->point.grain != Grain::year) return std::nullopt;
    Expr x = *year;
    x.begin = i;
    x.end = end;
    if (!x.unresolved) {
      x.point = month_point(year->point.year, month);
      x.point.anchored = true;
    } else {
      x.point.grain = Grain::month;
    }
    return x;
  }

  // The dates that name themselves: digits, day and month, month and year, a year, a season...
  std::optional<Expr> core_date(uint32_t i) {
    std::optional<Expr> best;
    auto take = [&](std::optional<Expr> e) {
      if (e && e->end != kNone && e->end > i && (!best || e->end > best->end)) best = std::move(e);
    };
    if (i >= n_) return best;
    if (is_number(i) || is_punct(i, '\'')) {
      take(digit_date(i));
      take(day_month(i));
      take(year_alone(i));
      take(nth_period(i));
      take(century(i));
      return best;
    }
    take(day_month(i));
    take(month_day_year(i));
    take(month_year(i));
    take(month_alone(i));
    take(season(i));
    take(holiday(i));
    take(nth_period(i));
    take(century(i));
    take(quarter_word(i));
    take(decade_words(i));
    take(week_number(i));
    take(day_of_month(i));
    take(month_word(i));
    take(month_relative_year(i));
    if (is_cue(i, Cue::the) && (is_number(cue(i, Cue::the)) || is_punct(cue(i, Cue::the), '\''))) {
      if (auto d = digit_date(cue(i, Cue::the)); d && d->point.grain == Grain::decade) {
        d->begin = i;
        take(d);
      }
    }
    return best;
  }

  // date_expr_at(i), computed once per piece until an expression is emitted (which may change
  // the sentence's year and the day last named).
  std::optional<Expr> date_expr(uint32_t i) {
    if (i >= n_) return date_expr_at(i);
    return m_.dates.get(i, [&] { return date_expr_at(i); });
  }
  std::optional<Expr> date_expr_at(uint32_t i) {
    std::optional<Expr> best;
    auto take = [&](std::optional<Expr> e) {
      if (e && e->end != kNone && e->end > i && (!best || e->end > best->end)) best = std::move(e);
    };
    take(core_date(i));
    if (i < n_ && !is_number(i)) {
      take(weekday_date(i));
      take(weekday_expr(i));
      take(relative_period(i));
      take(day_offset(i));
      take(mod_date(i));
    }
    return best;
  }

  // --- times ---------------------------------------------------------------------------------
  // A part of the day after a time or a date: "in the morning", "'s avonds", "du soir", "at night".
  std::optional<std::pair<DayPart, uint32_t>> day_part_after(uint32_t i) {
    uint32_t j = i;
    if (is_punct(j, ',')) ++j;
    for (int step = 0; step < 3; ++step) {
      uint32_t e;
      if (const TimeWord* pd = hit(j, TimeClass::part_of_day, e)) return std::make_pair(static_cast<DayPart>(pd->a), e);
      if (const TimeWord* dp = hit(j, TimeClass::day_part, e); dp && dp->a == 0)
        return std::make_pair(static_cast<DayPart>(dp->b), e);
      // skip "in", "the", "at", "de", "du", "l'"
      uint32_t k = kNone;
      for (Cue c : {Cue::in, Cue::the, Cue::at, Cue::from, Cue::of, Cue::during})
        if (is_cue(j, c)) k = cue(j, c);
      if (k == kNone) return std::nullopt;
      j = k;
    }
    return std::nullopt;
  }

  static int adjust_hour(int hour, DayPart part) {
    if (hour >= 12) return hour;
    switch (part) {
      case DayPart::AF:
      case DayPart::EV: return hour + 12;
      case DayPart::NI: return hour >= 6 ? hour + 12 : hour;
      case DayPart::MI: return hour <= 3 ? hour + 12 : hour;
      default: return hour;
    }
  }

  // A clock time at i. `bare_hour_ok`: a number alone is an hour ("tomorrow at 8").
  std::optional<Expr> time_expr(uint32_t i, bool bare_hour_ok = false) {
    if (i >= n_) return std::nullopt;
    uint32_t j = i;
    // "vers 15 heures", "rond drie uur" place a clock time; "environ trois heures", "ongeveer
    // drie uur" approximate an amount, which hours that are also a unit are then.
    bool approx = false, around = false;
    if (is_cue(j, Cue::around)) {
      approx = around = true;
      j = cue(j, Cue::around);
    } else if (is_cue(j, Cue::approx)) {
      approx = true;
      j = cue(j, Cue::approx);
    }
    const bool cued = around || (i > 0 && (cue_before(i, Cue::at) || cue_before(i, Cue::around) ||
                                           cue_before(i, Cue::between) ||
                                           cue_before(i, Cue::until) || cue_before(i, Cue::to) ||
                                           cue_before(i, Cue::since)));
    // digits glued to letters before them are part of a name or a code ("A4P", "F16"), not a clock
    if (is_number(j) && j > 0 && !p_[j].space_before && p_[j - 1].kind == Piece::word) return std::nullopt;
    Expr x;
    x.begin = i;
    x.kind = TimeKind::time;
    Point& p = x.point;
    int hour = -1, minute = 0, second = kUnknown;
    int meridiem = -1;  // 0 am, 1 pm
    uint32_t e = kNone;
    if (is_number(j)) {
      const ts::Forms& f = forms(j);
      if (f.clock_length) {
        const auto& c = f.clock;
        uint32_t end = form_end(j, f.clock_length);
        int h = c.hour, m = c.minute.value_or(0);
        char style = c.style;
        if (style == 'm') {  // 1230pm
          h = c.hour / 100;
          m = c.hour % 100;
        }
        bool ok = end != kNone && h <= 24 && m < 60;
        if (ok && style == '.' && !c.meridiem) {
          ok = cued || bare_hour_ok || hit(end, TimeClass::hour_word) || day_part_after(end);
        }
        if (ok && c.meridiem && (h == 0 || h > 12)) ok = false;
        // "pour 3h", "for 8h": hours as a duration
        if (ok && (style | 0x20) == 'h' && !c.minute && i > 0 && (cue_before(i, Cue::for_) || cue_before(i, Cue::during)))
          ok = false;
        if (ok && (style == 'h' || style == 'H' || style == 'u' || style == 'U')) {
          // "8h" alone could be a unit ("8h of work"); with minutes or a time cue it is a clock time
          if (!c.minute && !cued && !bare_hour_ok && is_word(end) && hit(end, TimeClass::unit) == nullptr &&
              !day_part_after(end) && !boundary(end) && !is_cue(end, Cue::on))
            ok = true;
        }
        if (ok) {
          hour = h;
          minute = m;
          if (c.second) second = *c.second;
          if (c.meridiem) meridiem = (*c.meridiem | 0x20) == 'p' ? 1 : 0;
          e = end;
        }
      }
    }
    // "8 uur", "18 heures 30", "6 o'clock", "om drie uur", "6 in the morning", "at 8"
    if (e == kNone && (is_number(j) || number_in_words(j))) {
      auto c = count(j, false);
      if (c && c->integer && c->digits <= 2 && c->value <= 24) {
        uint32_t k = c->end, hw;
        const bool hour_word = hit(k, TimeClass::hour_word, hw) != nullptr;
        // A word that is also a unit ("heures", "uur") makes a clock time only after a time
        // cue, before minutes or a part of the day; else "24 heures" is a duration.
        const bool also_unit = hour_word && hit(k, TimeClass::unit) != nullptr;
        // "pendant près de 24 heures" is one too.
        const bool lasting = c->value == 24 || (i > 0 && (cue_before(i, Cue::for_) || cue_before(i, Cue::during)));
        bool clock_ok = hour_word && (!also_unit || ((cued || bare_hour_ok) && !lasting));
        if (hour_word && !clock_ok) {
          auto mm = count(hw, false);
          clock_ok = (mm && mm->integer && mm->digits == 2) || day_part_after(hw) || cue(hw, Cue::and_half) != kNone ||
                     cue(hw, Cue::and_quarter) != kNone || cue(hw, Cue::less_quarter) != kNone;
        }
        if (clock_ok) {
          hour = static_cast<int>(c->value);
          e = hw;
          uint32_t m0 = is_cue(e, Cue::and_) ? cue(e, Cue::and_) : e;
          uint32_t less = cue(e, Cue::less);
          if (auto mm = count(less != kNone ? less : m0, false);
              mm && mm->integer && !mm->ordinal && (mm->digits == 2 || mm->digits == 0) && mm->value < 60 &&
              mm->value > 0) {
            minute = static_cast<int>(mm->value);
            e = mm->end;
            uint32_t u;
            if (const TimeWord* mu = hit(e, TimeClass::unit, u); mu && mu->a == static_cast<int16_t>(Grain::minute)) e = u;
            if (less != kNone) {  // "huit heures moins vingt": twenty to eight
              minute = 60 - minute;
              hour = hour == 0 ? 23 : hour - 1;
            }
          } else if (uint32_t h2 = cue(e, Cue::and_half); h2 != kNone) {
            minute = 30, e = h2;
          } else if (uint32_t q = cue(e, Cue::and_quarter); q != kNone) {
            minute = 15, e = q;
          } else if (uint32_t l = cue(e, Cue::less_quarter); l != kNone) {
            minute = 45, hour = hour == 0 ? 23 : hour - 1, e = l;
          }
        } else if (hit(k, TimeClass::meridiem, hw)) {
          if (c->value >= 1 && c->value <= 12) {
            hour = static_cast<int>(c->value);
            meridiem = hit(k, TimeClass::meridiem)->a;
            e = hw;
          }
        } else if (auto dp = day_part_after(k);
                   dp && c->value <= 12 && c->value >= 1 && (c->digits > 0 || dp->second > k + 1)) {
          // a number in words needs "in the", "du", "'s" before the part of the day ("eight in
          // the evening"): "one morning" is some morning
          hour = static_cast<int>(c->value);
          e = k;
        } else if (bare_hour_ok && c->value <= 24 && (boundary(k) || !is_word(k) || !hit(k, TimeClass::unit))) {
          hour = static_cast<int>(c->value);
          e = k;
        }
      }
    }
    if (e == kNone && !is_number(j)) {
      uint32_t k;
      if (const TimeWord* cw = hit(j, TimeClass::clock_word, k)) {
        hour = cw->a;
        minute = cw->b;
        e = k;
      } else if (uint32_t h = cue(j, Cue::half); h != kNone) {
        // "half past seven" (en), "half acht" (nl: half an hour before eight)
        uint32_t past = cue(h, Cue::past_hour);
        auto c = count(past != kNone ? past : h, false);
        if (c && c->integer && c->value >= 1 && c->value <= 12) {
          if (past != kNone) hour = static_cast<int>(c->value), minute = 30;
          else if (c_.lang == Lang::nl) hour = static_cast<int>(c->value) - 1, minute = 30;
          if (hour >= 0) e = c->end;
        }
      } else if (uint32_t q = cue(j, Cue::quarter_hour); q != kNone) {
        // "quarter past/to seven", "kwart over/voor zeven"
        uint32_t past = cue(q, Cue::past_hour), to = cue(q, Cue::to_hour);
        uint32_t at = past != kNone ? past : to;
        if (at != kNone) {
          auto c = count(at, false);
          if (c && c->integer && c->value >= 0 && c->value <= 23) {
            hour = static_cast<int>(c->value) - (past != kNone ? 0 : 1);
            minute = past != kNone ? 15 : 45;
            e = c->end;
          }
        }
      }
      if (e == kNone) {
        // a part of the day alone: "in the morning", "'s avonds", "le soir"
        uint32_t a = skip_article(j);
        if (const TimeWord* pd = hit(a, TimeClass::part_of_day, k)) {
          if (!pd->alone && a == j) return std::nullopt;
          p.grain = Grain::part_of_day;
          p.day_part = static_cast<DayPart>(pd->a);
          x.end = k;
          return x;
        }
        return std::nullopt;
      }
    }
    if (e == kNone || hour < 0) return std::nullopt;
    // am/pm or a part of the day after
    uint32_t mk;
    if (meridiem < 0 && hit(e, TimeClass::meridiem, mk) && hour >= 1 && hour <= 12) {
      meridiem = hit(e, TimeClass::meridiem)->a;
      e = mk;
    }
    if (hit(e, TimeClass::hour_word, mk) && meridiem < 0) e = mk;  // "8:00 uur"
    if (meridiem == 1 && hour < 12) hour += 12;
    if (meridiem == 0 && hour == 12) hour = 0;
    x.half_day = meridiem >= 0;
    if (meridiem < 0) {
      if (auto dp = day_part_after(e)) {
        hour = adjust_hour(hour, dp->first);
        e = dp->second;
        x.half_day = true;
      }
    }
    if (hour == 24) hour = 0;
    p.grain = Grain::minute;
    p.hour = hour;
    p.minute = minute;
    p.second = second;
    x.end = e;
    if (approx) x.mod = Mod::approx;
    return x;
  }

  // A day of a date with a clock time or part of the day added: "tomorrow at 8", "mardi soir",
  // "26 February, 18:30", "8:23 AM, Jul 9".
  std::optional<Expr> point_expr(uint32_t i) {
    std::optional<Expr> best;
    if (auto d = date_expr(i)) {
      Expr e = *d;
      if ((is_day_grain(e.point) || e.point.grain == Grain::part_of_day || e.unresolved || e.point.weekday != kUnknown) &&
          e.point.reference == 0 && e.point.hour == kUnknown) {
        uint32_t j = e.end;
        if (is_punct(j, ',') || is_punct(j, '-')) ++j;
        bool at = false;
        if (is_cue(j, Cue::at)) j = cue(j, Cue::at), at = true;
        if (auto t = time_expr(j, at || e.point.day_part != DayPart::none)) {
          if (t->point.hour != kUnknown || (t->point.day_part != DayPart::none && e.point.day_part == DayPart::none)) {
            combine(e, *t);
          }
        }
      }
      best = e;
    }
    if (auto t = time_expr(i)) {
      Expr e = *t;
      uint32_t j = e.end;
      if (is_punct(j, ',') || is_punct(j, '-') || is_punct(j, '\xE2')) ++j;
      for (Cue c : {Cue::on, Cue::the})
        if (is_cue(j, c)) j = cue(j, c);
      if (auto d = date_expr(j); d && (is_day_grain(d->point) || d->point.weekday != kUnknown || d->unresolved) &&
                                  !d->point.has_clock()) {
        Expr merged = *d;
        merged.begin = e.begin;
        combine(merged, e);
        e = merged;
      }
      if (!best || e.end > best->end) best = e;
    }
    return best;
  }

  // Adds the clock time (or part of the day) of `t` to the date `d`.
  void combine(Expr& d, const Expr& t) {
    Point& p = d.point;
    if (t.point.hour != kUnknown) {
      int hour = t.point.hour;
      if (p.day_part != DayPart::none) hour = adjust_hour(hour, p.day_part);
      p.hour = hour;
      p.minute = t.point.minute;
      p.second = t.point.second;
      p.grain = Grain::minute;
      p.day_part = DayPart::none;
    } else {
      p.day_part = t.point.day_part;
      p.grain = Grain::part_of_day;
    }
    d.kind = TimeKind::datetime;
    d.end = std::max(d.end, t.end);
    if (t.mod != Mod::none) d.mod = t.mod;
  }

  // --- durations, shifts, sets, ranges -------------------------------------------------------
  // "3 years", "six months", "a week", "two and a half hours", "1 hour 30 minutes", "several days".
  std::optional<Expr> duration_expr(uint32_t i, bool allow_vague = true) {
    uint32_t j = i;
    Expr x;
    x.begin = i;
    x.kind = TimeKind::duration;
    if (uint32_t m = cue(j, Cue::more_than); m != kNone) x.mod = Mod::more_than, j = m;
    else if (uint32_t l = cue(j, Cue::less_than); l != kNone) x.mod = Mod::less_than, j = l;
    else if (uint32_t a = cue(j, Cue::approx); a != kNone) x.mod = Mod::approx, j = a;
    else if (uint32_t r = cue(j, Cue::around); r != kNone) x.mod = Mod::approx, j = r;
    const uint32_t amount_begin = j;
    bool any = false;
    for (int part = 0; part < 4; ++part) {
      uint32_t k = j;
      double amount = NAN;
      bool article = false, digits = false;
      // "anderhalf uur", "half an hour", "une demi-heure"
      if (uint32_t h = cue(k, Cue::one_and_half); h != kNone) {
        amount = 1.5, k = h;
      } else if (uint32_t h2 = cue(k, Cue::half); h2 != kNone && !any) {
        uint32_t a = cue(h2, Cue::a);
        amount = 0.5;
        k = a != kNone ? a : h2;
      } else if (auto c = count(k, true, allow_vague)) {
        amount = c->value;
        article = c->article;
        digits = c->digits > 0;
        if (c->ordinal) return std::nullopt;
        k = c->end;
        if (uint32_t h = cue(k, Cue::and_half); h != kNone && hit(h, TimeClass::unit)) amount += 0.5, k = h;
      } else if (uint32_t a = cue(k, Cue::a); a != kNone && cue(a, Cue::half) != kNone) {
        amount = 0.5, k = cue(a, Cue::half);  // "a half hour"
      } else {
        break;
      }
      uint32_t e;
      const TimeWord* u = hit(k, TimeClass::unit, e);
      if (!u) break;
      if (!u->alone && !digits) break;
      Grain g = static_cast<Grain>(u->a);
      if (article && u->b) break;  // "a days"
      if (std::isnan(amount) && !u->b && c_.lang != Lang::fr) break;  // vague amounts count plurals
      if (is_word(e) && !p_[e].space_before && word(e) == "old") return std::nullopt;  // "35-year-old"
      if (is_number(e) && !p_[e].space_before) break;  // "2017 trimestre1": a name, not a unit
      if (uint32_t h = cue(e, Cue::and_half); h != kNone) amount += 0.5, e = h;
      x.duration.add(amount, g);
      any = true;
      j = e;
      uint32_t next = j;
      if (is_punct(next, ',')) ++next;
      if (is_cue(next, Cue::and_)) next = cue(next, Cue::and_);
      if (auto more = count(next, false); more && hit(more->end, TimeClass::unit)) j = next;
      else break;
    }
    if (!any) return std::nullopt;
    x.end = j;
    if (is_age(x, amount_begin)) return std::nullopt;
    return x;
  }

  // A person's age, not a time: "aged 37 years", "âgée de 24 ans", "Jan Peeters, 53 jaar,", and
  // an age group: "les moins de 17 ans" (the amount starts at `amount_begin`).
  bool is_age(const Expr& x, uint32_t amount_begin) const {
    if (x.duration.count != 1 || x.duration.parts[0].unit != Grain::year) return false;
    for (uint32_t k = x.begin >= 4 ? x.begin - 4 : 0; k < amount_begin; ++k)
      if (cue(k, Cue::age) == amount_begin || (k < x.begin && cue(k, Cue::age) == x.begin)) return true;
    if (x.mod != Mod::none) return false;
    // between commas, or a comma and the end of the sentence
    return x.begin > 0 && is_punct(x.begin - 1, ',') && (is_punct(x.end, ',') || x.end >= n_ || is_punct(x.end, '.'));
  }

  // A count of units from the reference date: "two years ago", "il y a deux ans", "over twee
  // weken", "dans trois jours", "5 days later", "2 weeks after yesterday", and the spans "the
  // next three days", "de afgelopen 2 weken", "les 3 prochains mois".
  std::optional<Expr> shift_expr(uint32_t i) {
    std::optional<Expr> best;
    auto take = [&](std::optional<Expr> e) {
      if (e && (!best || e->end > best->end)) best = std::move(e);
    };
    auto shifted = [&](uint32_t begin, uint32_t end, const Expr& d, int sign, const Point* base) -> Expr {
      Expr x;
      x.begin = begin;
      x.end = end;
      if (!ref_ && !base) {
        x.unresolved = true;
        x.point.grain = Grain::day;
        return x;
      }
      x.mod = d.mod;
      absl::CivilDay day = base ? base->civil_day() : *ref_;
      for (int k = 0; k < d.duration.count; ++k) {
        const Duration::Part& part = d.duration.parts[k];
        if (std::isnan(part.amount)) {
          x.unresolved = true;
          return x;
        }
        day = shift(day, sign * part.amount, part.unit);
      }
      if (x.mod == Mod::more_than) x.mod = sign < 0 ? Mod::before : Mod::after;
      else if (x.mod == Mod::less_than) x.mod = Mod::none;
      x.point = day_point(day);
      x.point.anchored = base ? base->anchored : true;
      return x;
    };
    // "il y a deux ans"
    if (uint32_t a = cue(i, Cue::ago_before); a != kNone) {
      if (auto d = duration_expr(a, true)) take(shifted(i, d->end, *d, -1, nullptr));
    }
    // "in 2 weeks", "over twee weken", "dans trois jours", "within 10 days"
    for (Cue c : {Cue::in, Cue::in_future, Cue::within}) {
      if (c == Cue::in && c_.lang == Lang::fr) continue;  // "en deux mois" is a duration
      uint32_t a = cue(i, c);
      if (a == kNone) continue;
      if (c == Cue::within && is_cue(a, Cue::the)) a = cue(a, Cue::the);
      if (auto d = duration_expr(a, false)) {
        Expr x = shifted(i, d->end, *d, 1, nullptr);
        if (c == Cue::within && !x.unresolved) {
          x.mod = Mod::on_or_before;
          x.bounded = true;
          x.first = *ref_;
          x.last = x.point.civil_day();
        }
        take(x);
      }
    }
    // "2 weeks ago", "5 days later", "drie weken geleden", "2 weeks after yesterday"
    if (auto d = duration_expr(i, true)) {
      uint32_t e = d->end;
      if (uint32_t a = cue(e, Cue::ago); a != kNone) take(shifted(i, a, *d, -1, nullptr));
      if (uint32_t a = cue(e, Cue::earlier); a != kNone && !hit(a, TimeClass::relative)) take(shifted(i, a, *d, -1, nullptr));
      if (uint32_t a = cue(e, Cue::later); a != kNone) take(shifted(i, a, *d, 1, nullptr));
      if (uint32_t a = cue(e, Cue::from_now); a != kNone) take(shifted(i, a, *d, 1, nullptr));
      for (Cue c : {Cue::before, Cue::after, Cue::from, Cue::since}) {
        uint32_t a = cue(e, c);
        if (a == kNone) continue;
        auto base = date_expr(a);
        if (base && base->point.grain == Grain::day && base->point.has_day() && !base->unresolved) {
          take(shifted(i, base->end, *d, c == Cue::before ? -1 : 1, &base->point));
        } else if ((c == Cue::before || c == Cue::after) && c_.lang == Lang::en) {
          // "15 minute before" (from now)
          if (boundary(a)) take(shifted(i, a, *d, c == Cue::before ? -1 : 1, nullptr));
        }
      }
    }
    take(span_expr(i));
    return best;
  }

  // "the next three days", "de afgelopen 2 weken", "les 3 prochains mois", "the past few days",
  // "ces dernières 24 heures": consecutive periods next to the reference date.
  std::optional<Expr> span_expr(uint32_t i) {
    uint32_t j = skip_article(i);
    if (j == i && is_cue(i, Cue::in)) j = skip_article(cue(i, Cue::in));
    int rel = 2;
    uint32_t e;
    if (const TimeWord* r = hit(j, TimeClass::relative, e); r && r->a != 0) {
      rel = r->a;
      j = e;
    } else if (const TimeWord* r0 = hit(j, TimeClass::relative, e); r0 && r0->a == 0 && c_.lang == Lang::fr) {
      j = e;  // "ces dernières 24 heures": the relative word follows
    }
    auto c = count(j, false, true);
    if (!c || c->ordinal) {
      if (rel == 2) return std::nullopt;
      // "the coming weeks", "les prochaines semaines": no number
      const TimeWord* u = hit(j, TimeClass::unit, e);
      if (!u || !u->b) return std::nullopt;
      Expr x;
      x.begin = i;
      x.end = e;
      x.kind = TimeKind::duration;
      x.duration.add(NAN, static_cast<Grain>(u->a));
      return x;
    }
    uint32_t k = c->end;
    if (rel == 2) {
      const TimeWord* r = hit(k, TimeClass::relative, e);
      if (r && r->a != 0) {
        rel = r->a;
        k = e;
      }
    }
    const TimeWord* u = hit(k, TimeClass::unit, e);
    if (!u) return std::nullopt;
    if (rel == 2) {
      uint32_t a;
      const TimeWord* ra = hit(e, TimeClass::relative_after, a);
      if (!ra || ra->a == 0) return std::nullopt;
      rel = ra->a;
    }
    if (const TimeWord* ra = hit(e, TimeClass::relative_after, k); ra && ra->a == rel) e = k;  // "3 mois suivants"
    Grain g = static_cast<Grain>(u->a);
    Expr x;
    x.begin = i;
    x.end = e;
    if (c->vague || g < Grain::day || !ref_) {
      x.kind = TimeKind::duration;
      x.duration.add(c->vague ? NAN : c->value, g);
      return x;
    }
    const int n = static_cast<int>(c->value);
    if (n < 1 || n > 1000) return std::nullopt;
    if (g == Grain::night) g = Grain::day;
    x.kind = TimeKind::range;
    if (rel > 0) {
      x.from = period(*ref_, g, 1);
      x.to = period(*ref_, g, n);
    } else {
      x.from = period(*ref_, g, -n);
      x.to = period(*ref_, g, -1);
    }
    x.from.anchored = x.to.anchored = true;
    return x;
  }

  // "every Monday", "chaque lundi", "elke twee weken", "tous les ans", "daily", "on Mondays".
  std::optional<Expr> set_expr(uint32_t i) {
    Expr x;
    x.begin = i;
    x.kind = TimeKind::set;
    uint32_t e;
    if (const TimeWord* s = hit(i, TimeClass::set, e)) {
      if (!s->alone && !(i > 0 && is_word(i - 1))) return std::nullopt;
      x.end = e;
      x.set_word = s->a;
      return x;
    }
    uint32_t j = i;
    bool every = false;
    if (uint32_t a = cue(i, Cue::every); a != kNone) {
      every = true;
      j = a;
    }
    uint32_t k;
    if (const TimeWord* w = hit(j, TimeClass::weekdays, k); w || (every && (w = hit(j, TimeClass::weekday, k)))) {
      x.point.grain = Grain::day;
      x.point.weekday = w->a;
      x.end = k;
      uint32_t t = k;
      if (is_cue(t, Cue::at)) t = cue(t, Cue::at);
      if (auto time = time_expr(t, t != k)) {
        if (time->point.hour != kUnknown) {
          x.point.hour = time->point.hour;
          x.point.minute = time->point.minute;
          x.point.grain = Grain::minute;
          x.end = time->end;
        }
      }
      return x;
    }
    if (!every) return std::nullopt;
    if (auto m = month_name(j)) {
      x.point.grain = Grain::month;
      x.point.month = static_cast<int>(m->value);
      x.end = m->end;
      return x;
    }
    double n = 1;
    if (uint32_t o = cue(j, Cue::other); o != kNone) n = 2, j = o;
    else if (auto c = count(j, false); c && c->integer && !c->ordinal && c->value >= 1) n = c->value, j = c->end;
    const TimeWord* u = hit(j, TimeClass::unit, k);
    if (!u) return std::nullopt;
    x.duration.add(n, static_cast<Grain>(u->a));
    x.end = k;
    return x;
  }

  // "since 1948", "after 2016", "before March", "until 2025", "vanaf maandag", "jusqu'en 2025".
  std::optional<Expr> anchored_expr(uint32_t i) {
    static constexpr std::pair<Cue, Mod> kAnchors[] = {{Cue::since, Mod::on_or_after},  {Cue::after, Mod::after},
                                                       {Cue::before, Mod::before},      {Cue::until, Mod::on_or_before},
                                                       {Cue::by, Mod::on_or_before},    {Cue::from, Mod::on_or_after}};
    for (const auto& [c, mod] : kAnchors) {
      uint32_t a = cue(i, c);
      if (a == kNone) continue;
      if (c == Cue::from && c_.lang != Lang::en) continue;  // "van", "de", "du" are too common
      auto x = point_expr(a);
      if (!x || x->kind == TimeKind::time) continue;
      if (c == Cue::before || c == Cue::after) {
        // "voor 2 weken" is a duration; "na de vergadering" no date
        if (x->point.grain < Grain::day && x->kind != TimeKind::datetime) continue;
      }
      x->begin = i;
      if (x->mod == Mod::none) x->mod = mod;
      return x;
    }
    return std::nullopt;
  }

  // One side of a range: a date or time, or a number that the other side completes.
  std::optional<Expr> range_side(uint32_t i, bool allow_dot_time) {
    std::optional<Expr> best = point_expr(i);
    if (auto t = time_expr(i, false); t && (!best || t->end > best->end)) best = t;
    if (allow_dot_time && (!best || best->kind != TimeKind::time)) {
      if (auto t = time_expr(i, true); t && t->point.hour != kUnknown && (!best || t->end >= best->end)) best = t;
    }
    if (i < n_ && p_[i].kind != Piece::punct) {
      auto c = count(i, false);
      if (c && (c->integer || c->ordinal) && c->value >= 0 && c->value <= 31 && c->digits <= 2 &&
          (!best || best->end <= c->end)) {
        Expr x;
        x.begin = i;
        x.end = c->end;
        x.bare_number = true;
        x.number = static_cast<int>(c->value);
        best = x;
      }
    }
    if (best && best->day_only) {  // "samedi 13" before "au dimanche 15 juillet"
      best->bare_number = true;
      best->number = best->point.day;
    }
    return best;
  }

  static bool is_time_only(const Expr& e) { return e.kind == TimeKind::time && e.point.hour != kUnknown; }

  // "from 6 p.m. to 7 p.m.", "10 to 22 August 2012", "2019-2020", "between 2014 and 2018",
  // "du 13 au 15 juillet", "van maart tot mei", "Monday to Friday", "13h-15h".
  std::optional<Expr> range_expr(uint32_t i) {
    // Years written as one: 2019-2020, 2014~2018.
    if (is_number(i)) {
      const ts::Forms& f = forms(i);
      if (f.year_range_length) {
        int a = f.year_range.first, b = f.year_range.second;
        if (b < 100) b = a / 100 * 100 + b;
        uint32_t end = form_end(i, f.year_range_length);
        if (end != kNone && b > a && b - a <= 100 && f.year_range.separator != '/') {
          Expr x;
          x.begin = i;
          x.end = end;
          x.kind = TimeKind::range;
          x.from = year_point(a);
          x.to = year_point(b);
          return x;
        }
      }
    }
    // A date, then a range of times: "tomorrow from 10am to 12am", "2014-04-18 de 7:00 à 20:00".
    std::optional<Expr> day;
    if (auto d = date_expr(i); d && is_day_grain(d->point) && !d->point.has_clock()) {
      day = d;
    }
    std::optional<Expr> best = range_at(i, false);
    if (day) {
      uint32_t k = day->end;
      if (is_punct(k, ',')) ++k;
      if (auto r = range_at(k, true); r && is_time_only_range(*r)) {
        apply_day(*r, day->point);
        r->begin = i;
        if (!best || r->end > best->end) best = r;
      }
    }
    // a date after a range of times: "between 3 and 5 on 1/1/2015", "6-8 next monday"
    auto with_day_after = [&](Expr r) -> std::optional<Expr> {
      uint32_t k = r.end;
      if (is_punct(k, ',')) ++k;
      for (Cue c : {Cue::on, Cue::the})
        if (is_cue(k, c)) k = cue(k, c);
      if (auto d = date_expr(k); d && (is_day_grain(d->point) || d->point.grain == Grain::part_of_day)) {
        apply_day(r, d->point);
        r.end = d->end;
        return r;
      }
      return std::nullopt;
    };
    if (best && is_time_only_range(*best)) {
      if (auto r = with_day_after(*best)) best = r;
    } else if (auto hours = range_at(i, true); hours && is_time_only_range(*hours)) {
      if (auto r = with_day_after(*hours); r && (!best || r->end > best->end)) best = r;
    }
    return best;
  }
  // Whether a connector of ranges ("to", "and", "-", "~", "/") follows piece i closely enough
  // for a range side between them ("the 1st of March next year to").
  bool connector_after(uint32_t i) {
    if (m_.connector_from.empty()) {
      m_.connector_from.assign(n_ + 1, kNone);
      for (uint32_t k = n_; k-- > 0;) {
        bool c = dash_piece(k) || hyphen_before(k);
        for (Cue q : {Cue::to, Cue::until, Cue::through, Cue::and_})
          c = c || is_cue(k, q);
        m_.connector_from[k] = c ? k : m_.connector_from[k + 1];
      }
    }
    if (i + 1 > n_) return false;
    const uint32_t c = m_.connector_from[i + 1];
    return c != kNone && c - i <= kRangeSide;
  }
  // A dash between the sides of a range: "-", "~" or "/" as a piece of its own.
  bool dash_piece(uint32_t k) const { return is_punct(k, '-') || is_punct(k, '~') || is_punct(k, '/'); }
  // Whether a hyphen joins piece k to the word before it ("Nov-Feb", "maandag-vrijdag": the
  // hyphen is no piece of its own between letters).
  bool hyphen_before(uint32_t k) const {
    return is_word(k) && k > 0 && is_word(k - 1) && !p_[k].space_before && text_[p_[k].span.begin - 1] == '-';
  }
  static bool is_time_only_range(const Expr& r) {
    return r.kind == TimeKind::range && r.from.hour != kUnknown && !r.from.has_date() && !r.to.has_date();
  }
  static void apply_day(Expr& r, const Point& day) {
    for (Point* p : {&r.from, &r.to}) {
      p->year = day.year;
      p->month = day.month;
      p->day = day.day;
      p->weekday = day.weekday;
      p->anchored = p->anchored || day.anchored;
      if (day.day_part != DayPart::none && p->hour != kUnknown && !r.half_day) p->hour = adjust_hour(p->hour, day.day_part);
    }
  }

  std::optional<Expr> range_at(uint32_t i, bool hours) {
    uint32_t j = i;
    bool between = false, from = false;
    if (uint32_t a = cue(j, Cue::between); a != kNone) between = true, j = a;
    else if (uint32_t b = cue(j, Cue::from); b != kNone) from = true, j = b;
    else if (uint32_t s = cue(j, Cue::since); s != kNone && c_.lang == Lang::fr) from = true, j = s;  // "à partir du 1er au 10"
    if ((between || from) && is_cue(j, Cue::the) && is_number(cue(j, Cue::the))) j = cue(j, Cue::the);
    if (!connector_after(j)) return std::nullopt;
    auto x = range_side(j, between || from);
    if (!x) return std::nullopt;
    uint32_t k = x->end;
    // the connector
    uint32_t after = kNone;
    for (Cue c : {Cue::to, Cue::until, Cue::through}) {
      uint32_t e = cue(k, c);
      if (e != kNone && (after == kNone || e > after)) after = e;
    }
    if (between) {
      if (uint32_t e = cue(k, Cue::and_); e != kNone) after = e;
    }
    if (after == kNone && dash_piece(k)) after = k + 1;
    if (after == kNone && hyphen_before(k)) after = k;
    if (after == kNone) return std::nullopt;
    const bool dash = dash_piece(k) || hyphen_before(k);
    if (is_punct(k, '/') && !(x->kind == TimeKind::date && !x->bare_number)) return std::nullopt;
    uint32_t l = after;
    if (is_cue(l, Cue::the) && (is_number(cue(l, Cue::the)) || hit(cue(l, Cue::the), TimeClass::weekday)))
      l = cue(l, Cue::the);
    auto y = range_side(l, true);
    if (!y) return std::nullopt;
    Expr r;
    r.begin = i;
    r.end = y->end;
    r.kind = TimeKind::range;
    if (!reconcile(*x, *y, r, between || from || !dash, hours)) return std::nullopt;
    // months followed by their year: "from April to June in 2017"
    if (r.kind == TimeKind::range && !x->explicit_year && !y->explicit_year && r.from.month != kUnknown &&
        r.to.month != kUnknown && is_cue(r.end, Cue::in)) {
      if (auto year = year_number(cue(r.end, Cue::in), false)) {
        const int to = static_cast<int>(year->value), from = to - (r.to.month < r.from.month);
        if ((r.from.grain == Grain::day && !valid_date(from, r.from.month, r.from.day)) ||
            (r.to.grain == Grain::day && !valid_date(to, r.to.month, r.to.day)))
          return r;
        for (Point* p : {&r.from, &r.to}) p->anchored = false;
        r.from.year = from;
        r.to.year = to;
        r.end = year->end;
      }
    }
    return r;
  }

  // Makes a range of two sides, each completing the other; false when they do not make one.
  // `hours`: bare numbers may be hours ("6-8" after "next monday").
  bool reconcile(Expr& x, Expr& y, Expr& r, bool cued, bool hours) {
    auto hour_of = [](const Expr& e) {
      Expr t = e;
      t.kind = TimeKind::time;
      t.point = Point{};
      t.point.grain = Grain::minute;
      t.point.hour = e.number;
      t.point.minute = 0;
      return t;
    };
    if (x.bare_number && y.bare_number) {
      // days of a month: "between 3 and 12 of sept", "10 to 22 August 2012", "du 13 au 15 juillet"
      uint32_t k = y.end;
      uint32_t mk = is_cue(k, Cue::of) ? cue(k, Cue::of) : k;
      if (auto mm = month_name(mk)) {
        std::optional<Expr> date = day_month(y.begin);
        if (!date || !is_day_grain(date->point)) {
          Expr d = month_day(y.begin, mm->end, static_cast<int>(mm->value), y.number);
          if (auto year = year_number(mm->end, false);
              year && valid_date(static_cast<int>(year->value), static_cast<int>(mm->value), y.number))
            d = full_date(y.begin, year->end, static_cast<int>(year->value), static_cast<int>(mm->value), y.number);
          date = d;
        }
        if (!valid_day_month(date->point.month, y.number)) return false;
        date->begin = y.begin;
        y = *date;
        return day_range(x, y, r);
      }
      // hours, when the end says so ("5 to 7 pm", "van 5 tot 6 's middags") or a date goes with them
      if (x.number > 24 || y.number > 24) return false;
      auto t = time_expr(y.begin, hours);
      if (!t || t->point.hour == kUnknown || (!hours && t->end <= y.end && !hit(y.end, TimeClass::hour_word)))
        return false;
      y = *t;
      return time_range(hour_of(x), y, r);
    }
    if (x.bare_number) {
      // "between 3 and 8am next Monday", "from 3 to 8pm yesterday": hours, on the end's day
      const bool clock_first = y.kind == TimeKind::datetime && y.point.hour != kUnknown && is_number(y.begin) &&
                               forms(y.begin).clock_length;
      if (!clock_first && y.written_month && y.point.day != kUnknown && y.point.month != kUnknown &&
          (y.kind == TimeKind::date || y.kind == TimeKind::datetime))
        return day_range(x, y, r);
      if (is_time_only(y) || clock_first) {
        if (x.number > 24) return false;
        return time_range(hour_of(x), y, r);
      }
      return false;
    }
    if (y.bare_number) {
      if (x.kind == TimeKind::date && is_day_grain(x.point) && x.written_month) {
        // "August 10 - 22, 2012", "May eighth - tenth, 2010"
        if (y.number < 1 || y.number > 31) return false;
        Expr d = x;
        d.begin = y.begin;
        d.end = y.end;
        int year = x.point.year;
        uint32_t k = is_punct(y.end, ',') ? y.end + 1 : y.end;
        if (auto yr = year_number(k, false)) {
          year = static_cast<int>(yr->value);
          d.end = yr->end;
          x.point.year = year;
          x.explicit_year = d.explicit_year = true;
        }
        if (year == kUnknown) {
          d.point.day = y.number;
          return date_range(x, d, r);
        }
        if (!valid_date(year, x.point.month, y.number)) return false;
        d.point = day_point(absl::CivilDay(year, x.point.month, y.number));
        d.point.anchored = x.point.anchored;
        y = d;
        return date_range(x, y, r);
      }
      if (is_time_only(x) || (x.kind == TimeKind::datetime && x.point.hour != kUnknown)) {
        if (y.number > 24) return false;
        Expr t = hour_of(y);
        if (auto tt = time_expr(y.begin, true); tt && tt->point.hour != kUnknown) t = *tt;
        y = t;
        return time_range(x, y, r);
      }
      return false;
    }
    // weekdays: "Monday to Friday" is every week from Monday to Friday
    if (weekday_only(x) && weekday_only(y)) {
      r.kind = TimeKind::set;
      r.from = Point{};
      r.from.grain = Grain::day;
      r.from.weekday = weekday_of(x);
      r.to = Point{};
      r.to.grain = Grain::day;
      r.to.weekday = weekday_of(y);
      r.weekday_range = true;
      return true;
    }
    const bool x_time = x.point.hour != kUnknown, y_time = y.point.hour != kUnknown;
    if (x_time && y_time) return time_range(x, y, r);
    if (x.kind == TimeKind::date && y.kind == TimeKind::date && !x.unresolved && !y.unresolved) {
      if (!cued && (x.point.grain == Grain::year) != (y.point.grain == Grain::year)) return false;
      return date_range(x, y, r);
    }
    return false;
  }
  bool weekday_only(const Expr& e) const {
    if (e.kind != TimeKind::date || e.point.grain != Grain::day) return false;
    uint32_t end;
    const TimeWord* w = hit(e.begin, TimeClass::weekday, end);
    return w && end == e.end;
  }
  int weekday_of(const Expr& e) const {
    if (const TimeWord* w = hit(e.begin, TimeClass::weekday)) return w->a;
    return e.point.weekday;
  }

  // Days of one month: "10 to 22 August", "du 13 au 15 juillet".
  bool day_range(const Expr& x, const Expr& y, Expr& r) {
    if (x.number < 1 || x.number > 31 || x.number > y.point.day) return false;
    if (y.point.year == kUnknown) {
      r.from.grain = Grain::day;
      r.from.month = y.point.month;
      r.from.day = x.number;
      r.to = y.point;
      return true;
    }
    r.from = day_point(absl::CivilDay(y.point.year, y.point.month, x.number));
    r.from.anchored = y.point.anchored;
    r.to = y.point;
    return true;
  }

  bool date_range(Expr& x, Expr& y, Expr& r) {
    Point a = x.point, b = y.point;
    // The written year of the end applies to the start: "nov-feb 2017", "10 August - 12 September 2013".
    if (y.explicit_year && !x.explicit_year && a.month != kUnknown && b.month != kUnknown) {
      a.year = b.year;
      if (a.month > b.month) a.year -= 1;
      if (a.grain == Grain::day && a.day > days_in_month(a.year, a.month)) return false;
    }
    // Months chosen each by itself ("from May to September" said in September: next May, this
    // September) are in the start's year, or the next.
    if (x.written_month && y.written_month && !x.explicit_year && !y.explicit_year && a.month != kUnknown &&
        b.month != kUnknown && a.year != kUnknown && b.year != kUnknown && a.year != b.year) {
      b.year = a.year + (b.month < a.month || (b.month == a.month && b.day != kUnknown && a.day != kUnknown && b.day < a.day));
      if (b.grain == Grain::day && b.day > days_in_month(b.year, b.month)) return false;
    }
    absl::CivilDay a0, a1, b0, b1;
    if (!bounds(a, a0, a1) || !bounds(b, b0, b1)) {
      if (a.year != kUnknown || b.year != kUnknown) return false;
    } else if (b1 < a0) {
      // "from December to March": the end is in the following year
      if (!x.explicit_year && !y.explicit_year && a.month != kUnknown && b.month != kUnknown && b.year == a.year) {
        b.year += 1;
      } else {
        return false;
      }
    }
    r.from = a;
    r.to = b;
    return true;
  }

  bool time_range(const Expr& x, const Expr& y, Expr& r) {
    Point a = x.point, b = y.point;
    const bool am = x.half_day || has_meridiem(x), bm = y.half_day || has_meridiem(y);
    // "1-3pm", "8 - 11pm", "tussen 4 en 5 's middags": the end's half of the day applies to the
    // start; "1pm-3", "8pm - 11": the start's to the end
    if (!am && bm && b.hour >= 12 && a.hour < 12 && a.hour + 12 <= b.hour) a.hour += 12;
    if (!am && bm && b.hour < 12 && a.hour == 12) a.hour = 0;  // "12-3am"
    if (am && !bm && a.hour >= 12 && b.hour < 12 && b.hour + 12 > a.hour) b.hour += 12;
    if (!am && !bm && x.bare_number && a.hour > b.hour && b.hour < 12) return false;  // "20-11": no hours
    if (a.has_day() && !b.has_day()) {
      b.year = a.year, b.month = a.month, b.day = a.day, b.anchored = a.anchored;
    } else if (b.has_day() && !a.has_day()) {
      a.year = b.year, a.month = b.month, a.day = b.day, a.anchored = b.anchored;
    }
    r.from = a;
    r.to = b;
    r.from.grain = r.to.grain = Grain::minute;
    r.half_day = am || bm;
    return true;
  }
  bool has_meridiem(const Expr& e) {
    for (uint32_t k = e.begin; k < e.end; ++k)
      if (hit(k, TimeClass::meridiem)) return true;
    std::string_view s = text_.substr(p_[e.begin].span.begin, p_[e.end - 1].span.end - p_[e.begin].span.begin);
    for (size_t k = 0; k + 1 < s.size(); ++k)
      if ((s[k] == 'a' || s[k] == 'p' || s[k] == 'A' || s[k] == 'P') && (s[k + 1] == 'm' || s[k + 1] == 'M' || s[k + 1] == '.'))
        return true;
    return false;
  }

  // --- all together ----------------------------------------------------------------------------
  // Whether the number at piece i is part of a chain of numbers joined by hyphens or slashes
  // beyond a date's ("+86 138-2010-2015", "ISBN 978-3-16"): no date starts there.
  bool number_chain(uint32_t i) const {
    auto joined = [&](uint32_t k) {  // piece k is a hyphen or slash glued between two numbers
      return k > 0 && k + 1 < n_ && (is_punct(k, '-') || is_punct(k, '/')) && !p_[k].space_before &&
             !p_[k + 1].space_before && is_number(k - 1) && is_number(k + 1);
    };
    uint32_t a = i, b = i;
    while (a >= 2 && joined(a - 1)) a -= 2;
    while (joined(b + 1)) b += 2;
    const uint32_t numbers = (b - a) / 2 + 1;
    if (numbers < 3) return false;
    if (numbers > 3) return true;
    // three numbers are a date when they read as day, month and year in some order
    auto value = [&](uint32_t k) { return raw(k).size() > 4 ? 100000 : std::stoi(std::string(raw(k))); };
    const bool year_first = raw(a).size() == 4, year_last = raw(b).size() == 4 || raw(b).size() == 2;
    return !((year_first && value(a + 2) <= 31) || (year_last && value(a) <= 31 && value(a + 2) <= 31));
  }

  // A whole number that is no year, followed by a word foreign to dates or a percent sign:
  // "39 people", "5 %". No expression starts there ("14.27 uur" may be a clock time).
  bool plain_number(uint32_t i) {
    const std::string_view digits = raw(i);
    if (!is_number(i) || digits.size() == 4 || !std::all_of(digits.begin(), digits.end(), is_digit)) return false;
    const uint32_t k = i + 1;
    return is_punct(k, '%') || (is_word(k) && p_[k].space_before && foreign_word(k));
  }

  std::optional<Expr> parse_at(uint32_t i) {
    if (is_number(i) && (number_chain(i) || plain_number(i))) return std::nullopt;
    std::optional<Expr> best;
    auto take = [&](std::optional<Expr> e) {
      if (!e) return;
      // Keeps the optimiser from reading an empty optional's payload before the test above
      // (harmless, but memcheck reports the branch on it).
      std::atomic_signal_fence(std::memory_order_seq_cst);
      if (e->end != kNone && e->end > e->begin && (!best || e->end > best->end)) best = std::move(e);
    };
    take(set_expr(i));
    take(range_expr(i));
    take(shift_expr(i));
    take(point_expr(i));
    take(anchored_expr(i));
    take(duration_expr(i));
    return best;
  }

  static std::string day_string(absl::CivilDay d) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), d.month(), d.day());
    return buf;
  }

  void emit(const Expr& e, std::vector<TimeExpr>& out) {
    m_.dates.reset(n_);
    m_.failed_at.assign(n_, false);
    if ((e.explicit_year || e.point.grain == Grain::year) && e.point.year != kUnknown && e.kind != TimeKind::range &&
        !e.unresolved)
      context_year_ = e.point.year;
    TimeExpr t;
    t.span = {p_[e.begin].span.begin, p_[e.end - 1].span.end};
    t.kind = e.kind;
    if (e.kind == TimeKind::date && e.point.has_clock()) t.kind = TimeKind::datetime;
    switch (e.kind) {
      case TimeKind::duration:
        t.value = timex(e.duration);
        break;
      case TimeKind::set:
        if (e.set_word >= 0) t.value = lex_.set_value(e.set_word);
        else if (e.duration.count) t.value = timex(e.duration);
        else if (e.weekday_range) {
          t.start = timex(e.from);
          t.end = timex(e.to);
          t.value = t.start + "/" + t.end;
        } else {
          t.value = timex(e.point);
        }
        break;
      case TimeKind::range: {
        Point a = e.from, b = e.to;
        if (c_.discourse_day && *c_.discourse_day && a.hour != kUnknown && !a.has_date() && !b.has_date()) {
          const absl::CivilDay d = **c_.discourse_day;
          for (Point* q : {&a, &b}) q->year = static_cast<int>(d.year()), q->month = d.month(), q->day = d.day();
        }
        t.start = timex(a);
        t.end = timex(b);
        t.value = t.start + "/" + t.end;
        t.anchored = e.from.anchored || e.to.anchored;
        break;
      }
      default: {
        Point p = e.point;
        // A clock time or part of the day alone is on the day the text last named.
        if (t.kind == TimeKind::time && c_.discourse_day && *c_.discourse_day && !p.has_date()) {
          const absl::CivilDay d = **c_.discourse_day;
          p.year = static_cast<int>(d.year()), p.month = d.month(), p.day = d.day();
          p.anchored = *c_.discourse_anchored;
        }
        if (!e.unresolved) t.value = timex(p);
        t.anchored = p.anchored;
        if (c_.discourse_day && p.has_day() && p.grain <= Grain::day && !e.unresolved) {
          *c_.discourse_day = p.civil_day();
          *c_.discourse_anchored = p.anchored;
        }
        break;
      }
    }
    absl::CivilDay first, last;
    if (e.bounded) {
      t.start = day_string(e.first);
      t.end = day_string(e.last);
    } else if (e.kind == TimeKind::date && e.point.grain == Grain::season && !e.unresolved &&
               bounds(e.point, first, last)) {
      t.start = day_string(first);  // the days of "this summer"
      t.end = day_string(last);
    }
    if (e.mod != Mod::none) t.mod = std::string(mod_name(e.mod));
    if ((e.mod == Mod::on_or_after || e.mod == Mod::after) && !e.bounded) t.start = t.value;
    if ((e.mod == Mod::on_or_before || e.mod == Mod::before) && !e.bounded) t.end = t.value;
    out.push_back(std::move(t));
  }

  const TimeLexicon& lex_;
  const SentenceContext& c_;
  std::string_view text_, folded_;
  const std::vector<Piece>& p_;
  const uint32_t n_;
  const absl::CivilDay* ref_;
  TimeParserMemory::Buffers& m_;
  bool tenses_done_ = false;
  int context_year_ = kUnknown;  // the last year the sentence wrote
};

}  // namespace

TimeParserMemory::TimeParserMemory() : buffers_(std::make_unique<Buffers>()) {}
TimeParserMemory::~TimeParserMemory() = default;
TimeParserMemory::TimeParserMemory(TimeParserMemory&&) noexcept = default;
TimeParserMemory& TimeParserMemory::operator=(TimeParserMemory&&) noexcept = default;

void parse_times(const TimeLexicon& lexicon, const SentenceContext& context, TimeParserMemory& memory,
                 std::vector<TimeExpr>& out) {
  if (context.pieces->empty()) return;
  Parser parser(lexicon, context, *memory.buffers_);
  parser.run(out);
}

}  // namespace eventwire::internal
