// The parser of date and time expressions over the pieces of one sentence (see
// time_lexicon.hpp): it finds where expressions start (around trigger words and digits), reads
// the longest expression the rules allow there, resolves it against the reference date and the
// sentence's tense, and writes it as TIMEX3 values.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "absl/time/civil_time.h"
#include "model/document.hpp"
#include "recognize/time/time_lexicon.hpp"

namespace eventwire::internal {

class NumberParser;

struct SentenceContext {
  const Document* doc = nullptr;
  const Sentence* sentence = nullptr;
  const std::vector<Piece>* pieces = nullptr;
  Lang lang = Lang::en;
  const absl::CivilDay* reference = nullptr;  // null: relative expressions stay unresolved
  const NumberParser* numbers = nullptr;      // numbers in words; null: digits only
  // The day the text last named, which a clock time alone ("à 14 h") is on; updated by
  // parse_times. Null: clock times stay without a day.
  std::optional<absl::CivilDay>* discourse_day = nullptr;
  bool* discourse_anchored = nullptr;  // whether that day came from the reference date
};

// Buffers the parser reuses from sentence to sentence (one per analysis, not shared between threads).
class TimeParserMemory {
 public:
  TimeParserMemory();
  ~TimeParserMemory();
  TimeParserMemory(TimeParserMemory&&) noexcept;
  TimeParserMemory& operator=(TimeParserMemory&&) noexcept;
  struct Buffers;

 private:
  friend void parse_times(const TimeLexicon&, const SentenceContext&, TimeParserMemory&, std::vector<TimeExpr>&);
  std::unique_ptr<Buffers> buffers_;
};

// Appends the time expressions of the sentence to `out` (spans in normalised text).
void parse_times(const TimeLexicon& lexicon, const SentenceContext& context, TimeParserMemory& memory,
                 std::vector<TimeExpr>& out);

}  // namespace eventwire::internal
