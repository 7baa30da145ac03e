// The words of dates and times of one language, from lib/lang/<lang>/time_words.tsv and
// time.kv, and the "pieces" both the data and the text are cut into before they are compared.
//
// A piece is a run of letters, a run of digits, or one punctuation character; a token such as
// "15juin" or "mid-February" gives two pieces ("15" "juin", "mid" "february"), a leading
// apostrophe is a piece of its own ("'s" of "'s avonds", "'ll"). Phrases of the data are cut
// the same way with the same tokenizer, so "après-midi", "l'an dernier" and "'s avonds" match
// the text however it is tokenized.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lexicon/word_set.hpp"
#include "model/document.hpp"
#include "recognize/time/time_value.hpp"

namespace eventwire::internal {

class Segmenter;

struct Piece {
  enum Kind : uint8_t { word, number, punct };
  Span span;
  Kind kind = word;
  bool space_before = true;  // white space (or the start) before it
  bool upper = false;        // starts with a capital letter
};

// Cuts the token `t` of `text` into pieces, appended to `out`.
void append_pieces(std::string_view text, const Token& t, std::vector<Piece>& out);

// What a time word is (the `class` column of time_words.tsv).
enum class TimeClass : uint8_t {
  month,          // value 1-12
  weekday,        // value 1-7, Monday first
  weekdays,       // plural weekday: every such day ("Mondays", "'s maandags")
  unit,           // second ... century
  day_offset,     // days from the reference date: yesterday -1
  day_after,      // days from the day the text last named: "le lendemain" 1, "the day before" -1
  now,            // PRESENT_REF
  relative,       // this (0), next (1), last (-1) before a unit, weekday, month, season
  relative_after, // the same after it ("la semaine dernière")
  part_of_day,    // MO MI AF EV NI DT
  day_part,       // a day and a part of it: "tonight" (0 NI), "gisterenavond" (-1 EV)
  weekday_part,   // a weekday and a part of it: "maandagochtend" (1 MO)
  clock_word,     // noon, midnight (HH:MM)
  season,         // SP SU FA WI
  holiday,        // MM-DD, easter+N, MM/n/weekday (n-th weekday of the month, -1 the last),
                  // orthodox_easter+N, or a day of another calendar (islamic:10-01)
  meridiem,       // am, pm
  hour_word,      // o'clock, uur, heures
  cue,            // function words of time expressions (see Cue)
  mod,            // start, mid, end, earlier, later
  set,            // daily, weekly: a TIMEX3 duration
  vague,          // several, a few (X) or a couple (2)
  last,           // "last" as an ordinal: the last week of July
  tense,          // past, future
  published,      // "Published", "Laatst bijgewerkt op": the date after it is the article's
  era,            // after a year: "BC" -1, "AD" 1 ("44 BC", "52 av. J.-C.", "88 na Christus")
};

enum class Cue : uint8_t {
  since, from, until, through, to, between, and_, before, after, by, in, on, at, around, of, the, a, for_,
  during, within, ago, ago_before, in_future, later, earlier, from_now, every, other, half, one_and_half,
  and_half, and_quarter, less_quarter, less, quarter_hour, past_hour, to_hour, more_than, less_than, age,
  approx,  // an amount approximated ("about", "environ", "ongeveer"); `around` also places a clock time ("vers", "rond")
  kind,    // before a bare season, makes it a kind of thing, not a time ("les Jeux d'hiver", "l'heure d'été")
  count
};

enum class Mod : uint8_t {
  none, start, mid, end, earlier, later, before, after, on_or_after, on_or_before, approx, more_than, less_than
};
std::string_view mod_name(Mod m);  // TIMEX3 mod ("START", "AFTER", ...); empty for none

// How a holiday's day is found each year (TimeWord::a of a holiday).
enum class HolidayKind : uint8_t { fixed, easter, nth_weekday, orthodox_easter, other_calendar };

struct TimeWord {
  TimeClass cls = TimeClass::cue;
  bool alone = true;  // counts by itself (else only next to a date or after a time cue)
  int16_t a = 0, b = 0, c = 0, d = 0;
  // month, weekday(s): a = number. unit: a = Grain. day_offset: a = days. relative(_after): a = -1, 0, 1.
  // part_of_day: a = DayPart. day_part: a = day offset, b = DayPart. weekday_part: a = weekday,
  // b = DayPart. clock_word: a = hour, b = minute. season: a = 0-3. holiday: a = HolidayKind (fixed:
  // b month, c day, d days to move it when it falls on a Sunday; easter: b offset; nth_weekday:
  // b month, c n, d weekday; orthodox_easter: b offset; other_calendar: b OtherCalendar, c its
  // month as calendar_month() numbers it, d day). meridiem: a = 0 am, 1 pm. cue: a = Cue. mod: a = Mod.
  // set: a = index of the value in TimeLexicon::set_value(). vague: a = count (0 unknown).
  // tense: a = Tense. era: a = -1 before Christ, 1 after.
};

class TimeLexicon {
 public:
  static absl::StatusOr<TimeLexicon> create(Lang lang, const Segmenter& segmenter);

  // Calls found(const TimeWord&, uint32_t end) for every phrase of the data that starts at piece
  // `i` of `pieces` (end: one past its last piece). `folded` is the lower-case text.
  template <class Found>
  void match(std::string_view folded, const std::vector<Piece>& pieces, uint32_t i, Found&& found) const {
    const std::vector<uint32_t>* starting = phrases_starting(slice(folded, pieces[i].span));
    if (!starting) return;
    for (uint32_t e : *starting) {
      const Entry& entry = entries_[e];
      uint32_t end = i + 1;
      bool ok = true;
      for (const std::string& rest : entry.rest) {
        if (end >= pieces.size() || slice(folded, pieces[end].span) != rest) {
          ok = false;
          break;
        }
        ++end;
      }
      if (ok) found(entry.word, end);
    }
  }

  // How many pieces before a trigger an expression may start ("il y a deux ans", "the day after").
  static constexpr uint32_t kLookBehind = 5;
  // Whether a piece of text may be part of a date or time (a quick test before any parsing).
  bool is_trigger(std::string_view folded_piece) const {
    if (folded_piece.empty()) return false;
    if (!triggers_.test(filter_key(folded_piece)) && folded_piece.back() != '.') return false;  // most words
    return is_trigger_word(folded_piece);
  }

  bool day_first() const { return day_first_; }
  const std::string& set_value(int index) const { return set_values_[index]; }
  // Whether a word ends like a verb in the past or future tense (time.kv endings).
  Tense tense_of_ending(std::string_view folded_word) const;
  // Whether a word ends like a past participle (time.kv participle_endings: "déclaré", "pris").
  bool is_participle(std::string_view folded_word) const;
  // Whether the words before piece i introduce a day of the month in words (time.kv
  // day_words_after: "on the" first, "le" dix-huit), which no word of the lexicon announces.
  bool follows_day_cue(std::string_view folded, const std::vector<Piece>& pieces, uint32_t i) const {
    if (i == 0 || pieces[i - 1].kind != Piece::word || !day_cue_ends_.test(filter_key(slice(folded, pieces[i - 1].span))))
      return false;  // most words: one bit test
    return spells_day_cue(folded, pieces, i);
  }
  // Whether a word is a function word of the language (stopwords.txt).
  bool is_function_word(std::string_view folded_word) const { return function_words_.contains(folded_word); }

 private:
  struct Entry {
    std::vector<std::string> rest;  // the pieces after the first
    TimeWord word;
  };
  // A 16-bit key of a non-empty word (first, second and last byte, length) for bit-set filters.
  static uint32_t filter_key(std::string_view s) {
    uint32_t a = static_cast<unsigned char>(s[0]);
    uint32_t b = s.size() > 1 ? static_cast<unsigned char>(s[1]) : 0;
    uint32_t z = static_cast<unsigned char>(s.back());
    uint32_t n = static_cast<uint32_t>(s.size() < 15 ? s.size() : 15);
    return (((a * 131u + b) * 131u + z) * 17u + n) & 0xFFFFu;
  }
  // The slow halves of is_trigger() and follows_day_cue(), past their bit filters.
  bool is_trigger_word(std::string_view folded_piece) const;
  bool spells_day_cue(std::string_view folded, const std::vector<Piece>& pieces, uint32_t i) const;
  // The entries whose first piece is `key` (or `key` without a final period), or nullptr.
  const std::vector<uint32_t>* phrases_starting(std::string_view key) const;
  const std::vector<uint32_t>* find_first_piece(std::string_view key) const {
    if (!first_pieces_.test(filter_key(key))) return nullptr;  // most words: no look-up
    auto it = first_piece_.find(key);
    return it == first_piece_.end() ? nullptr : &it->second;
  }

  std::vector<Entry> entries_;
  WordMap<std::vector<uint32_t>> first_piece_;
  std::bitset<1 << 16> first_pieces_;  // filter_key() of the first pieces
  std::bitset<1 << 16> triggers_;
  WordSet trigger_words_;
  std::vector<std::string> set_values_;
  std::vector<std::string> past_endings_, future_endings_, participle_endings_;
  WordSet function_words_;
  std::vector<std::vector<std::string>> day_cues_;  // day_words_after, each phrase's words last first
  std::bitset<1 << 16> day_cue_ends_;               // filter_key() of their last words
  size_t ending_min_length_ = 5;
  bool day_first_ = true;
};

}  // namespace eventwire::internal
