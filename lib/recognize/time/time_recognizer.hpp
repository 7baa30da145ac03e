// The dates and times stage: finds date and time expressions in English, Dutch and French,
// resolves them against the reference date, and fills Document::times (schema "times") and,
// when the caller gave none, Document::reference_date.
//
//   absolute   "26 februari 2024", "February 26", "le 26 février", "2024-02-26", "26/02/2024",
//              "in 2024", "2019-2020", "mid-February", "begin maart", "fin mars", "the 1990s",
//              "winter 2024", "2024-W09", "Q1 2024", "the 21st century"
//   relative   "yesterday", "gisteren", "hier", "on Tuesday" (by the tense), "last February",
//              "vorige maand", "le mois dernier", "earlier this month", "next week",
//              "over twee weken", "dans trois jours", "two years ago", "il y a deux ans"
//   times      "6 p.m.", "18u30", "18h30", "tomorrow at 8", "from 6 p.m. to 7 p.m."
//   durations  "for three years", "pendant six mois"; sets "every Monday", "chaque lundi"
//
// Words come from lib/lang/<lang>/time_words.tsv and time.kv; digits are read by the surface
// grammar (surface/); the values are TIMEX3 (time_value.hpp).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "model/document.hpp"
#include "recognize/time/time_lexicon.hpp"
#include "recognize/time/time_parser.hpp"

namespace eventwire::internal {

class NumberParser;
class Segmenter;

// Buffers reused from block to block (one per analysis, not shared between threads).
struct TimeScratch {
  std::vector<Piece> pieces;
  std::vector<Token> tokens;
  std::vector<TimeExpr> found;
  TimeParserMemory parser;
  std::optional<absl::CivilDay> last_day;  // the day the document last named
  bool last_day_anchored = false;
};

class TimeRecognizer {
 public:
  // Numbers in words ("over twee weken", "il y a deux ans") are read with `numbers`.
  static absl::StatusOr<TimeRecognizer> create(const Segmenter& segmenter, std::shared_ptr<const NumberParser> numbers);

  // Appends the times of the block's sentences (their tokens are in doc.tokens) to doc.times.
  // The numbers inside them ("6 March", "2024") stay in doc.quantities, as bare numbers.
  void recognize(Document& doc, const BlockRange& block, TimeScratch& scratch) const;

  // The article's own date: after "Published", "Laatst bijgewerkt op", "Mis à jour le"; else a
  // full date in the title, a byline or the page furniture, or in a dateline opening the text.
  // Needs doc.blocks and the languages of the first `lead_blocks(doc)` of them; other blocks
  // (furniture further down) are read in `fallback`, the language of the text so far.
  std::optional<absl::CivilDay> find_reference_date(const Document& doc, const Segmenter& segmenter, Lang fallback,
                                                    TimeScratch& scratch) const;
  // How many blocks, from the first, hold the datelines find_reference_date() reads.
  static uint32_t lead_blocks(const Document& doc);

 private:
  TimeRecognizer(std::array<TimeLexicon, 3> lexicons, std::shared_ptr<const NumberParser> numbers)
      : lexicons_(std::move(lexicons)), numbers_(std::move(numbers)) {}
  const TimeLexicon& lexicon(Lang lang) const {
    return lexicons_[lang == Lang::nl ? 1 : lang == Lang::fr ? 2 : 0];
  }

  std::array<TimeLexicon, 3> lexicons_;  // en, nl, fr
  std::shared_ptr<const NumberParser> numbers_;
};

}  // namespace eventwire::internal
