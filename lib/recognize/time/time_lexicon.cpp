#include "recognize/time/time_lexicon.hpp"

#include <algorithm>
#include <charconv>

#include "lexicon/data_files.hpp"
#include "segment/segment.hpp"
#include "text/byte_words.hpp"
#include "text/normalize.hpp"
#include "util/status.hpp"

namespace eventwire::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The classes of time_words.tsv by name.
struct ClassName {
  std::string_view name;
  TimeClass cls;
};
constexpr ClassName kClasses[] = {
    {"month", TimeClass::month},       {"weekday", TimeClass::weekday},
    {"weekdays", TimeClass::weekdays}, {"unit", TimeClass::unit},
    {"day_offset", TimeClass::day_offset}, {"day_after", TimeClass::day_after}, {"now", TimeClass::now},
    {"relative", TimeClass::relative}, {"relative_after", TimeClass::relative_after},
    {"part_of_day", TimeClass::part_of_day}, {"day_part", TimeClass::day_part},
    {"weekday_part", TimeClass::weekday_part}, {"clock_word", TimeClass::clock_word},
    {"season", TimeClass::season},     {"holiday", TimeClass::holiday},
    {"meridiem", TimeClass::meridiem}, {"hour_word", TimeClass::hour_word},
    {"cue", TimeClass::cue},           {"mod", TimeClass::mod},
    {"set", TimeClass::set},           {"vague", TimeClass::vague},
    {"last", TimeClass::last},         {"tense", TimeClass::tense},
    {"published", TimeClass::published}, {"era", TimeClass::era},
};

// Classes that may start a time expression or sit at its heart: the pieces of their phrases
// are triggers (the parser looks for expressions only around them).
bool is_trigger_class(TimeClass c) {
  switch (c) {
    case TimeClass::cue:
    case TimeClass::relative:
    case TimeClass::relative_after:
    case TimeClass::mod:
    case TimeClass::vague:
    case TimeClass::last:
    case TimeClass::tense:
    case TimeClass::meridiem:
    case TimeClass::hour_word:
    case TimeClass::era:
      return false;
    default:
      return true;
  }
}

constexpr std::string_view kCueNames[] = {
    "since", "from", "until", "through", "to", "between", "and", "before", "after", "by", "in", "on", "at",
    "around", "of", "the", "a", "for", "during", "within", "ago", "ago_before", "in_future", "later", "earlier",
    "from_now", "every", "other", "half", "one_and_half", "and_half", "and_quarter", "less_quarter", "less",
    "quarter_hour", "past_hour", "to_hour", "more_than", "less_than", "age", "approx", "kind"};
static_assert(sizeof kCueNames / sizeof kCueNames[0] == static_cast<size_t>(Cue::count));

constexpr std::string_view kGrainNames[] = {"",        "second", "minute", "hour",    "part_of_day", "day",
                                            "night",   "weekend", "week",  "fortnight", "month",     "quarter",
                                            "half",    "season", "year",   "decade",  "century"};

constexpr std::string_view kGrainPlurals[] = {"",         "seconds",   "minutes", "hours",   "",
                                              "days",     "nights",    "weekends", "weeks",  "fortnights",
                                              "months",   "quarters",  "halves",   "seasons", "years",
                                              "decades",  "centuries"};

constexpr std::string_view kModNames[] = {"", "start", "mid", "end", "earlier", "later"};

template <size_t N>
int index_of(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

bool parse_int(std::string_view s, int& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

DayPart day_part_of(std::string_view code) {
  for (int p = 1; p <= static_cast<int>(DayPart::DT); ++p)
    if (day_part_code(static_cast<DayPart>(p)) == code) return static_cast<DayPart>(p);
  return DayPart::none;
}

// Reads the `value` cell of a row of class `cls` into `w`; false when it is malformed.
bool read_value(TimeClass cls, std::string_view v, TimeWord& w, std::vector<std::string>& set_values) {
  int n = 0;
  switch (cls) {
    case TimeClass::month:
      return parse_int(v, n) && n >= 1 && n <= 12 && (w.a = static_cast<int16_t>(n), true);
    case TimeClass::weekday:
    case TimeClass::weekdays:
      return parse_int(v, n) && n >= 1 && n <= 7 && (w.a = static_cast<int16_t>(n), true);
    case TimeClass::unit: {
      int g = index_of(kGrainNames, v);
      if (g <= 0) {
        g = index_of(kGrainPlurals, v);
        w.b = 1;  // a plural: "weeks"
      }
      return g > 0 && (w.a = static_cast<int16_t>(g), true);
    }
    case TimeClass::day_offset:
    case TimeClass::day_after:
    case TimeClass::vague:
      if (cls == TimeClass::vague && v == "X") return (w.a = 0, true);
      return parse_int(v, n) && (w.a = static_cast<int16_t>(n), true);
    case TimeClass::now:
      if (v.empty()) w.a = 1;  // PRESENT_REF
      else if (v == "future") w.a = 2;
      else if (v == "past") w.a = 3;
      else return false;
      return true;
    case TimeClass::hour_word:
    case TimeClass::published:
      return v.empty();
    case TimeClass::relative:
    case TimeClass::relative_after:
      if (v == "this") w.a = 0;
      else if (v == "next") w.a = 1, w.b = 1;  // a weekday: the one of next week
      else if (v == "coming") w.a = 1;        // a weekday: the first after today
      else if (v == "week_after") w.a = 1, w.b = 2;       // a weekday: a week after the coming one (today's included)
      else if (v == "fortnight_after") w.a = 1, w.b = 3;  // two weeks after it
      else if (v == "last") w.a = -1;
      else return false;
      return true;
    case TimeClass::part_of_day: {
      DayPart p = day_part_of(v);
      return p != DayPart::none && (w.a = static_cast<int16_t>(p), true);
    }
    case TimeClass::day_part:
    case TimeClass::weekday_part: {
      auto parts = data::split(v, ' ');
      DayPart p = parts.size() == 2 ? day_part_of(parts[1]) : DayPart::none;
      if (p == DayPart::none || !parse_int(parts[0], n)) return false;
      w.a = static_cast<int16_t>(n);
      w.b = static_cast<int16_t>(p);
      return true;
    }
    case TimeClass::clock_word: {
      int h = 0, m = 0;
      auto parts = data::split(v, ':');
      if (parts.size() != 2 || !parse_int(parts[0], h) || !parse_int(parts[1], m)) return false;
      w.a = static_cast<int16_t>(h);
      w.b = static_cast<int16_t>(m);
      return true;
    }
    case TimeClass::season: {
      static constexpr std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
      int s = index_of(kSeasons, v);
      return s >= 0 && (w.a = static_cast<int16_t>(s), true);
    }
    case TimeClass::holiday: {
      if (v.substr(0, 6) == "easter") {
        w.a = static_cast<int16_t>(HolidayKind::easter);
        return parse_int(v.substr(6), n) && (w.b = static_cast<int16_t>(n), true);
      }
      if (v.substr(0, 15) == "orthodox_easter") {
        w.a = static_cast<int16_t>(HolidayKind::orthodox_easter);
        return parse_int(v.substr(15), n) && (w.b = static_cast<int16_t>(n), true);
      }
      // "islamic:09-01", "hebrew:nisan-15", "chinese:01-01": a day of another calendar
      auto colon = data::split(v, ':');
      if (colon.size() == 2) {
        auto dash = data::split(colon[1], '-');
        const std::optional<OtherCalendar> calendar = other_calendar(colon[0]);
        if (!calendar || dash.size() != 2) return false;
        const int month = calendar_month(*calendar, dash[0]);
        int d = 0;
        if (month < 0 || !parse_int(dash[1], d) || d < 1 || d > 30) return false;
        w.a = static_cast<int16_t>(HolidayKind::other_calendar), w.b = static_cast<int16_t>(*calendar), w.c = static_cast<int16_t>(month), w.d = static_cast<int16_t>(d);
        return true;
      }
      auto slash = data::split(v, '/');
      if (slash.size() == 3) {
        int m = 0, k = 0, d = 0;
        if (!parse_int(slash[0], m) || !parse_int(slash[1], k) || !parse_int(slash[2], d)) return false;
        w.a = static_cast<int16_t>(HolidayKind::nth_weekday), w.b = static_cast<int16_t>(m), w.c = static_cast<int16_t>(k), w.d = static_cast<int16_t>(d);
        return m >= 1 && m <= 12 && d >= 1 && d <= 7 && k != 0 && k >= -1 && k <= 5;
      }
      // "04-27", or "04-27 sunday-1": a day earlier when it falls on a Sunday (Koningsdag)
      auto parts = data::split(v, ' ');
      int sunday_shift = 0;
      if (parts.size() == 2) {
        if (parts[1].substr(0, 6) != "sunday" || !parse_int(parts[1].substr(6), sunday_shift)) return false;
      } else if (parts.size() != 1) {
        return false;
      }
      auto dash = data::split(parts[0], '-');
      int m = 0, d = 0;
      if (dash.size() != 2 || !parse_int(dash[0], m) || !parse_int(dash[1], d)) return false;
      w.a = static_cast<int16_t>(HolidayKind::fixed), w.b = static_cast<int16_t>(m), w.c = static_cast<int16_t>(d);
      w.d = static_cast<int16_t>(sunday_shift);
      return m >= 1 && m <= 12 && d >= 1 && d <= 31 && sunday_shift >= -6 && sunday_shift <= 6;
    }
    case TimeClass::era:
      if (v == "bc") w.a = -1;
      else if (v == "ad") w.a = 1;
      else return false;
      return true;
    case TimeClass::meridiem:
      if (v == "am") w.a = 0;
      else if (v == "pm") w.a = 1;
      else return false;
      return true;
    case TimeClass::cue: {
      int c = index_of(kCueNames, v);
      return c >= 0 && (w.a = static_cast<int16_t>(c), true);
    }
    case TimeClass::mod: {
      int m = index_of(kModNames, v);
      return m > 0 && (w.a = static_cast<int16_t>(m), true);
    }
    case TimeClass::set:
      if (v.size() < 2 || v[0] != 'P') return false;
      w.a = static_cast<int16_t>(set_values.size());
      set_values.emplace_back(v);
      return true;
    case TimeClass::last:
      return parse_int(v, n) && (w.a = static_cast<int16_t>(n), true);
    case TimeClass::tense:
      if (v == "past") w.a = static_cast<int16_t>(Tense::past);
      else if (v == "future") w.a = static_cast<int16_t>(Tense::future);
      else if (v == "past_aux") w.a = static_cast<int16_t>(Tense::past), w.b = 1;  // with a participle
      else return false;
      return true;
  }
  return false;
}

// The words of a phrase, last first.
std::vector<std::string> words(std::string_view phrase) {
  std::vector<std::string> out;
  for (std::string_view w : data::split(phrase, ' ')) out.emplace(out.begin(), w);
  return out;
}

std::vector<std::string> comma_list(std::string_view list) {
  std::vector<std::string> out;
  if (list.empty()) return out;
  for (std::string_view e : data::split(list, ',')) out.emplace_back(e);
  return out;
}

}  // namespace

std::string_view mod_name(Mod m) {
  static constexpr std::string_view names[] = {"",       "START",       "MID",          "END",    "",
                                               "",       "BEFORE",      "AFTER",        "ON_OR_AFTER",
                                               "ON_OR_BEFORE", "APPROX", "MORE_THAN", "LESS_THAN"};
  return names[static_cast<int>(m)];
}

namespace {
// Whether text[b, e) holds a digit, eight bytes at a time (most words are one load): the bytes
// xor '0' are below 10 exactly for digits, and "some byte below n" is a borrow test on all eight.
bool has_digit(std::string_view text, uint32_t b, uint32_t e) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  for (; b + 8 <= text.size() && b < e; b += 8) {
    uint64_t x = byte_words::load_prefix(text.data() + b, std::min<size_t>(8, e - b));  // bytes past e: 0
    x ^= kOnes * '0';
    if ((x - kOnes * 10) & ~x & kHighs) return true;
  }
  for (; b < e; ++b)
    if (is_digit(text[b])) return true;
  return false;
}
}  // namespace

void append_pieces(std::string_view text, const Token& t, std::vector<Piece>& out) {
  const uint32_t b = t.span.begin, e = t.span.end;
  bool space = out.empty() || out.back().span.end < b;
  auto push = [&](uint32_t from, uint32_t to, Piece::Kind kind) {
    Piece p;
    p.span = {from, to};
    p.kind = kind;
    p.space_before = space;
    p.upper = text[from] >= 'A' && text[from] <= 'Z';
    out.push_back(p);
    space = false;
  };
  if (t.is(kTokPunct)) {
    push(b, e, Piece::punct);
    return;
  }
  if (t.is(kTokWord) && !t.is(kTokHyphenated) && !has_digit(text, b, e)) {
    push(b, e, Piece::word);  // most tokens: one word
    return;
  }
  uint32_t i = b;
  while (i < e) {
    char c = text[i];
    if (c == '-') {
      // A hyphen between letters joins the parts of a word ("mid-February", "après-midi"): the
      // parts become pieces. Next to digits it is a dash of its own ("13-15", "2024-02-26").
      if ((i > b && is_digit(text[i - 1])) || (i + 1 < e && is_digit(text[i + 1]))) push(i, i + 1, Piece::punct);
      ++i;
      continue;
    }
    if (c == '\'' && i == b) {  // "'s", "'ll": the apostrophe is a piece
      push(i, i + 1, Piece::punct);
      ++i;
      continue;
    }
    uint32_t j = i;
    if (is_digit(c)) {
      while (j < e && (is_digit(text[j]) || ((text[j] == '.' || text[j] == ',') && j > i && j + 1 < e &&
                                              is_digit(text[j + 1]))))
        ++j;
      push(i, j, Piece::number);
    } else {
      while (j < e && !is_digit(text[j]) && text[j] != '-') ++j;
      push(i, j, Piece::word);
    }
    i = j;
  }
}

namespace {
// Looks `key` up, then without its final period ("feb." as "feb", "mon." as "mon").
template <class Lookup>
auto with_final_period_dropped(std::string_view key, Lookup&& lookup) {
  auto found = lookup(key);
  if (!found && key.size() > 1 && key.back() == '.') found = lookup(key.substr(0, key.size() - 1));
  return found;
}
}  // namespace

const std::vector<uint32_t>* TimeLexicon::phrases_starting(std::string_view key) const {
  return with_final_period_dropped(key, [&](std::string_view k) { return find_first_piece(k); });
}

bool TimeLexicon::is_trigger_word(std::string_view s) const {
  return with_final_period_dropped(
      s, [&](std::string_view k) { return triggers_.test(filter_key(k)) && trigger_words_.contains(k); });
}

Tense TimeLexicon::tense_of_ending(std::string_view w) const {
  if (w.size() < ending_min_length_) return Tense::none;
  auto ends = [&](const std::string& e) { return w.size() > e.size() && w.substr(w.size() - e.size()) == e; };
  for (const std::string& e : future_endings_)
    if (ends(e)) return Tense::future;
  for (const std::string& e : past_endings_)
    if (ends(e)) return Tense::past;
  return Tense::none;
}

absl::StatusOr<TimeLexicon> TimeLexicon::create(Lang lang, const Segmenter& segmenter) {
  TimeLexicon lex;
  const std::string code(lang_code(lang));
  const std::string path = code + "/time_words.tsv";
  const data::DataFile* f = data::find_file(path);
  if (!f) return make_error(ErrorCode::internal, "language data lacks " + path);
  const int c_phrase = f->column("phrase"), c_class = f->column("class"), c_value = f->column("value"),
            c_alone = f->column("alone");
  if (c_phrase < 0 || c_class < 0 || c_value < 0 || c_alone < 0)
    return make_error(ErrorCode::internal, path + ": expected the columns phrase, class, value, alone");
  // Words that are a cue on their own ("on", "the", "after", "le", "op"): too common to be
  // the trigger of a longer phrase.
  WordSet cue_words;
  for (uint32_t r = 0; r < f->rows; ++r)
    if (f->cell(r, c_class) == "cue" && f->cell(r, c_phrase).find(' ') == std::string_view::npos)
      cue_words.insert(f->cell(r, c_phrase));
  std::vector<Token> tokens;
  std::vector<Piece> pieces;
  for (uint32_t r = 0; r < f->rows; ++r) {
    const std::string_view phrase = f->cell(r, c_phrase), class_name = f->cell(r, c_class);
    auto bad = [&](std::string_view what) {
      return make_error(ErrorCode::internal,
                        path + ": row " + std::to_string(r + 1) + " (" + std::string(phrase) + "): " + std::string(what));
    };
    TimeWord w;
    bool known = false;
    for (const ClassName& cn : kClasses)
      if (cn.name == class_name) {
        w.cls = cn.cls;
        known = true;
      }
    if (!known) return bad("unknown class");
    if (!read_value(w.cls, f->cell(r, c_value), w, lex.set_values_)) return bad("bad value");
    std::string_view alone = f->cell(r, c_alone);
    if (alone != "yes" && alone != "no") return bad("alone must be yes or no");
    w.alone = alone == "yes";
    // Cut the phrase into pieces exactly as the text will be.
    tokens.clear();
    pieces.clear();
    // A phrase ending with an elision ("l'", "jusqu'") is cut as it is before a word.
    const bool elision = phrase.back() == '\'';
    std::string cut(phrase);
    if (elision) cut += 'x';
    // Cut as written, where capitals make initials ("J.-C."), and compared without case.
    const std::string folded = fold_case(cut);
    segmenter.tokenize(cut, folded, {0, static_cast<uint32_t>(cut.size())}, lang, tokens);
    for (const Token& t : tokens) append_pieces(cut, t, pieces);
    if (elision && !pieces.empty()) pieces.pop_back();
    if (pieces.empty()) return bad("empty phrase");
    Entry entry;
    entry.word = w;
    for (size_t k = 1; k < pieces.size(); ++k) entry.rest.emplace_back(slice(folded, pieces[k].span));
    const std::string first(slice(folded, pieces[0].span));
    lex.first_piece_[first].push_back(static_cast<uint32_t>(lex.entries_.size()));
    lex.first_pieces_.set(filter_key(first));
    lex.entries_.push_back(std::move(entry));
    const bool clock_cue = w.cls == TimeClass::cue && (w.a == static_cast<int16_t>(Cue::half) ||
                                                       w.a == static_cast<int16_t>(Cue::quarter_hour) ||
                                                       w.a == static_cast<int16_t>(Cue::one_and_half));
    // An hour word of more than one letter ("o'clock") announces a clock time in words ("eight
    // o'clock"); "h" and "u" follow digits, which trigger by themselves.
    const bool spelled_hour_word = w.cls == TimeClass::hour_word && phrase.size() > 1;
    // One word of a trigger phrase is its trigger: the parser looks a few pieces back from it.
    // The last word that is not a cue, since the others are too common: "new", "all", "good",
    // the "s" of "'s", the "on" of "posted on", the "after" of "the day after".
    if (is_trigger_class(w.cls) || clock_cue || spelled_hour_word) {
      size_t trigger = pieces.size();
      for (size_t k = pieces.size(); k-- > 0;)
        if (pieces[k].kind == Piece::word) {
          if (trigger == pieces.size()) trigger = k;  // the last word, when all are cues
          if (!cue_words.contains(slice(folded, pieces[k].span))) {
            trigger = k;
            break;
          }
        }
      if (trigger < pieces.size()) {
        if (trigger > kLookBehind) return bad("the phrase's trigger word is too far from its start");
        lex.trigger_words_.insert(slice(folded, pieces[trigger].span));
        lex.triggers_.set(filter_key(slice(folded, pieces[trigger].span)));
      }
    }
  }
  const std::string kv_path = code + "/time.kv";
  if (const data::DataFile* kv = data::find_file(kv_path)) {
    for (uint32_t r = 0; r < kv->rows; ++r) {
      std::string_view key = kv->cell(r, 0), value = kv->cell(r, 1);
      if (key == "date_order") {
        if (value != "dmy" && value != "mdy") return make_error(ErrorCode::internal, kv_path + ": date_order is dmy or mdy");
        lex.day_first_ = value == "dmy";
      } else if (key == "past_endings") {
        lex.past_endings_ = comma_list(value);
      } else if (key == "future_endings") {
        lex.future_endings_ = comma_list(value);
      } else if (key == "participle_endings") {
        lex.participle_endings_ = comma_list(value);
      } else if (key == "day_words_after") {
        for (std::string_view phrase : comma_list(value)) {
          lex.day_cues_.push_back(words(phrase));
          lex.day_cue_ends_.set(filter_key(lex.day_cues_.back().front()));
        }
      } else if (key == "tense_ending_min_length") {
        int n = 0;
        if (!parse_int(value, n) || n < 1) return make_error(ErrorCode::internal, kv_path + ": bad tense_ending_min_length");
        lex.ending_min_length_ = static_cast<size_t>(n);
      } else {
        return make_error(ErrorCode::internal, kv_path + ": unknown key " + std::string(key));
      }
    }
  }
  if (const data::DataFile* stop = data::find_file(code + "/stopwords.txt"))
    for (uint32_t r = 0; r < stop->rows; ++r) lex.function_words_.insert(stop->cell(r, 0));
  return lex;
}

bool TimeLexicon::spells_day_cue(std::string_view folded, const std::vector<Piece>& pieces, uint32_t i) const {
  for (const std::vector<std::string>& cue : day_cues_) {
    if (i < cue.size()) continue;
    bool match = true;
    for (size_t k = 0; k < cue.size() && match; ++k) {
      const Piece& before = pieces[i - 1 - k];
      match = before.kind == Piece::word && slice(folded, before.span) == cue[k];
    }
    if (match) return true;
  }
  return false;
}

bool TimeLexicon::is_participle(std::string_view w) const {
  if (w.size() < ending_min_length_ - 1) return false;
  for (const std::string& e : participle_endings_)
    if (w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e) return true;
  return false;
}

}  // namespace eventwire::internal
