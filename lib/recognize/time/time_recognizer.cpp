#include "recognize/time/time_recognizer.hpp"

#include <algorithm>

#include "recognize/time/time_parser.hpp"
#include "segment/segment.hpp"

namespace eventwire::internal {

namespace {

// The language a sentence's times are read in: its own, else the document's, else English.
Lang time_language(const Document& doc, Lang sentence_language) {
  if (sentence_language != Lang::und) return sentence_language;
  return doc.language != Lang::und ? doc.language : Lang::en;
}

// "2024-02-26": a whole date with its year.
bool is_full_date(const std::string& value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (value[i] < '0' || value[i] > '9') return false;
  return true;
}

}  // namespace

absl::StatusOr<TimeRecognizer> TimeRecognizer::create(const Segmenter& segmenter,
                                                      std::shared_ptr<const NumberParser> numbers) {
  auto en = TimeLexicon::create(Lang::en, segmenter);
  if (!en.ok()) return en.status();
  auto nl = TimeLexicon::create(Lang::nl, segmenter);
  if (!nl.ok()) return nl.status();
  auto fr = TimeLexicon::create(Lang::fr, segmenter);
  if (!fr.ok()) return fr.status();
  return TimeRecognizer({*std::move(en), *std::move(nl), *std::move(fr)}, std::move(numbers));
}

void TimeRecognizer::recognize(Document& doc, const BlockRange& block, TimeScratch& scratch) const {
  const absl::CivilDay* reference = doc.reference_date ? &*doc.reference_date : nullptr;
  // Until the text names a day, a clock time or "the next day" is on the reference date.
  if (!scratch.last_day && reference) {
    scratch.last_day = *reference;
    scratch.last_day_anchored = true;
  }
  for (uint32_t k = block.first_sentence; k < block.end_sentence; ++k) {
    const Sentence& sentence = doc.sentences[k];
    const Lang lang = time_language(doc, sentence.language);
    scratch.pieces.clear();
    for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t)
      append_pieces(doc.text, doc.tokens[t], scratch.pieces);
    SentenceContext context;
    context.doc = &doc;
    context.sentence = &sentence;
    context.pieces = &scratch.pieces;
    context.lang = lang;
    context.reference = reference;
    context.numbers = numbers_.get();
    context.discourse_day = &scratch.last_day;
    context.discourse_anchored = &scratch.last_day_anchored;
    parse_times(lexicon(lang), context, scratch.parser, doc.times);
  }
}

namespace {
// Where an article's date is written: the title, bylines and page furniture, and the start of
// the first paragraphs and headings (datelines).
constexpr uint32_t kDatelineBytes = 160;
constexpr int kLeadBlocks = 4;

bool is_lead_kind(BlockKind k) { return k == BlockKind::paragraph || k == BlockKind::heading; }
}  // namespace

uint32_t TimeRecognizer::lead_blocks(const Document& doc) {
  int paragraphs = 0;
  for (uint32_t b = 0; b < doc.blocks.size(); ++b)
    if (is_lead_kind(doc.blocks[b].kind) && ++paragraphs == kLeadBlocks) return b + 1;
  return static_cast<uint32_t>(doc.blocks.size());
}

std::optional<absl::CivilDay> TimeRecognizer::find_reference_date(const Document& doc, const Segmenter& segmenter,
                                                                  Lang fallback, TimeScratch& scratch) const {
  // A date after a publication cue wins over the others.
  const uint32_t known = lead_blocks(doc);
  std::optional<absl::CivilDay> best;
  int best_rank = 0;
  int paragraphs = 0;
  for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    int rank = 0;
    Span span = block.content;
    const bool furniture = block.is_furniture() || block.kind == BlockKind::caption;
    if (block.kind == BlockKind::title || furniture) {
      rank = 2;
    } else if (is_lead_kind(block.kind)) {
      if (paragraphs++ >= kLeadBlocks) continue;
      rank = 1;
      if (span.size() > kDatelineBytes) span.end = span.begin + kDatelineBytes;
    } else {
      continue;
    }
    if (span.size() > 400) continue;  // long blocks are article text, not a dateline
    // A whole date has its year and day in digits.
    const std::string_view content = slice(doc.text, span);
    if (std::none_of(content.begin(), content.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const Lang lang = b < known && block.language != Lang::und ? block.language
                                                              : fallback != Lang::und ? fallback : Lang::en;
    const TimeLexicon& lex = lexicon(lang);
    scratch.tokens.clear();
    segmenter.tokenize(doc.text, doc.folded, span, lang, scratch.tokens);
    scratch.pieces.clear();
    for (const Token& t : scratch.tokens) append_pieces(doc.text, t, scratch.pieces);
    if (scratch.pieces.empty()) continue;
    // A publication cue makes every date after it the article's.
    uint32_t cue_end = 0;
    bool cued = false;
    for (uint32_t i = 0; i < scratch.pieces.size() && !cued; ++i)
      lex.match(doc.folded, scratch.pieces, i, [&](const TimeWord& w, uint32_t e) {
        if (w.cls == TimeClass::published && (w.alone || e < scratch.pieces.size())) {
          cued = true;
          cue_end = scratch.pieces[e - 1].span.end;
        }
      });
    if (!cued && rank <= best_rank) continue;  // a date here would not win
    Sentence sentence;
    sentence.span = span;
    sentence.block = b;
    sentence.language = lang;
    SentenceContext context;
    context.doc = &doc;
    context.sentence = &sentence;
    context.pieces = &scratch.pieces;
    context.lang = lang;
    context.numbers = numbers_.get();
    scratch.found.clear();
    parse_times(lex, context, scratch.parser, scratch.found);
    for (const TimeExpr& t : scratch.found) {
      if (!is_full_date(t.value.substr(0, 10)) || (t.kind != TimeKind::date && t.kind != TimeKind::datetime)) continue;
      int r = cued && t.span.begin >= cue_end ? 3 : rank;
      if (r > best_rank) {
        best_rank = r;
        best = absl::CivilDay(std::stoi(t.value.substr(0, 4)), std::stoi(t.value.substr(5, 2)),
                              std::stoi(t.value.substr(8, 2)));
      }
      break;
    }
    if (best_rank == 3) break;
  }
  return best;
}

}  // namespace eventwire::internal
