#include "pipeline/engine.hpp"

#include <chrono>

#include "util/check.hpp"
#include "util/status.hpp"

namespace eventwire::internal {

namespace {

// Adds the time until the next mark (or destruction) to the current stage.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {}
  ~StageClock() { mark(Stage::count); }
  // Ends the current stage and starts `next`.
  void mark(Stage next) {
    if (!times_) return;
    auto now = std::chrono::steady_clock::now();
    if (current_ != Stage::count)
      times_->seconds[static_cast<int>(current_)] += std::chrono::duration<double>(now - since_).count();
    current_ = next;
    since_ = now;
  }

 private:
  StageTimes* times_;
  Stage current_ = Stage::count;
  std::chrono::steady_clock::time_point since_;
};

}  // namespace

std::string_view stage_name(Stage s) {
  static constexpr std::string_view names[] = {"normalize",  "structure", "langid", "segment", "entities",
                                               "quantities", "times",     "events", "map_spans"};
  return names[static_cast<int>(s)];
}

absl::StatusOr<absl::CivilDay> parse_reference_date(std::string_view text) {
  auto bad = [&] {
    return make_error(ErrorCode::invalid_argument,
                      "reference date must be YYYY-MM-DD, got \"" + std::string(text.substr(0, 40)) + "\"");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (int k = 0; k < lengths[p]; ++k) {
      char c = text[starts[p] + k];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  absl::CivilDay day(parts[0], parts[1], parts[2]);
  if (day.year() != parts[0] || day.month() != parts[1] || day.day() != parts[2]) return bad();  // e.g. 02-30
  return day;
}

Engine::Engine(Normalizer normalizer, StructureDetector structure, LanguageDetector langid, Segmenter segmenter,
               EntityRecognizer entities, std::shared_ptr<const NumberParser> numbers, QuantityRecognizer quantities,
               TimeRecognizer times, EventExtractor events)
    : normalizer_(std::move(normalizer)),
      structure_(std::move(structure)),
      langid_(std::move(langid)),
      segmenter_(std::move(segmenter)),
      entities_(std::move(entities)),
      numbers_(std::move(numbers)),
      quantities_(std::move(quantities)),
      times_(std::move(times)),
      events_(std::move(events)) {}

absl::StatusOr<std::unique_ptr<Engine>> Engine::create(const EngineOptions& options) {
  auto normalizer = Normalizer::create();
  if (!normalizer.ok()) return normalizer.status();
  auto structure = StructureDetector::create();
  if (!structure.ok()) return structure.status();
  auto langid = LanguageDetector::create();
  if (!langid.ok()) return langid.status();
  auto segmenter = Segmenter::create();
  if (!segmenter.ok()) return segmenter.status();
  auto entities = EntityRecognizer::create(*segmenter, options.actors);
  if (!entities.ok()) return entities.status();
  auto numbers = NumberParser::create();
  if (!numbers.ok()) return numbers.status();
  auto shared_numbers = std::make_shared<const NumberParser>(*std::move(numbers));
  auto quantities = QuantityRecognizer::create(shared_numbers);
  if (!quantities.ok()) return quantities.status();
  auto times = TimeRecognizer::create(*segmenter, shared_numbers);
  if (!times.ok()) return times.status();
  auto events = EventExtractor::create(*segmenter);
  if (!events.ok()) return events.status();
  return std::unique_ptr<Engine>(new Engine(*std::move(normalizer), *std::move(structure), *std::move(langid),
                                            *std::move(segmenter), *std::move(entities), std::move(shared_numbers),
                                            *std::move(quantities), *std::move(times), *std::move(events)));
}

absl::StatusOr<std::unique_ptr<Document>> Engine::analyze(std::string_view input, const AnalyzeOptions& options,
                                                          StageTimes* times, RunObserver* runs) const {
  if (options.max_input_bytes > kLimitMaxInputBytes)
    return make_error(ErrorCode::invalid_argument, "max_input_bytes is above the limit of 1 GiB");
  const uint64_t limit = options.max_input_bytes ? options.max_input_bytes : kDefaultMaxInputBytes;
  if (input.size() > limit)
    return make_error(ErrorCode::input_too_large, "input is " + std::to_string(input.size()) +
                                                      " bytes, above the limit of " + std::to_string(limit) +
                                                      " bytes (max_input_bytes)");
  auto doc = std::make_unique<Document>();
  doc->id = options.document_id;
  doc->input.assign(input.data(), input.size());
  doc->reference_date = options.reference_date;

  StageClock clock(times);
  clock.mark(Stage::normalize);
  auto normalized = normalizer_.normalize(doc->input, options.strict_utf8);
  if (!normalized.ok()) return normalized.status();
  doc->text = std::move(normalized->text);
  doc->folded = std::move(normalized->folded);
  doc->offsets = std::move(normalized->offsets);

  // Every output needs the blocks, their language and the sentences.
  clock.mark(Stage::structure);
  structure_.detect(*doc);

  // Then block by block, each through every later stage while it is in cache: the time per
  // byte does not grow with the document, and tokens need no room beyond one block.
  LanguageDetector::DocumentLanguages languages;
  const bool want_entities = options.outputs & (kOutputEntities | kOutputEvents);
  std::optional<EntityRecognizer::Pass> entities;
  if (want_entities) entities.emplace(entities_, *doc, runs);
  // Quantities; times and events read them.
  std::optional<QuantityRecognizer::Pass> quantities;
  if (options.outputs & (kOutputQuantities | kOutputTimes | kOutputEvents)) quantities.emplace(quantities_, *doc);
  // Times (and events, which use them) are resolved against the reference date: the caller's,
  // else the article's own, looked for in its first blocks (whose language is found first) and
  // its furniture before the blocks are read.
  const bool want_times = (options.outputs & (kOutputTimes | kOutputEvents)) != 0;
  TimeScratch time_scratch;
  EventScratch event_scratch;
  uint32_t languages_known = 0;  // blocks whose language is already found
  if (want_times && !doc->reference_date) {
    clock.mark(Stage::langid);
    for (const uint32_t lead = times_.lead_blocks(*doc); languages_known < lead; ++languages_known)
      langid_.detect_block(*doc, languages_known, options.language, languages);
    clock.mark(Stage::times);
    doc->reference_date = times_.find_reference_date(*doc, segmenter_, languages.expected, time_scratch);
  }
  for (uint32_t b = 0; b < doc->blocks.size(); ++b) {
    if (!options.keep_tokens) {
      doc->tokens.clear();
      doc->token_hashes.clear();
    }
    clock.mark(Stage::langid);
    if (b >= languages_known) langid_.detect_block(*doc, b, options.language, languages);
    clock.mark(Stage::segment);
    const BlockRange range = segmenter_.segment(*doc, b, want_entities);  // uses the block's language
    clock.mark(Stage::langid);
    langid_.detect_sentences(*doc, range, options.language);
    // A block too short to tell is read in the language of the text so far (finish() settles it).
    if (!doc->blocks[b].is_furniture())
      for (uint32_t s = range.first_sentence; s < range.end_sentence; ++s)
        if (doc->sentences[s].language == Lang::und) doc->sentences[s].language = languages.expected;
    if (entities) {
      clock.mark(Stage::entities);
      entities->block(range);
    }
    if (quantities) {
      clock.mark(Stage::quantities);
      quantities->block(range);
    }
    if (want_times && !doc->blocks[b].is_furniture()) {
      clock.mark(Stage::times);
      times_.recognize(*doc, range, time_scratch);
    }
    if (options.outputs & kOutputEvents) {
      clock.mark(Stage::events);
      events_.extract(*doc, range, event_scratch);
    }
  }
  if (options.outputs & kOutputEvents) {
    clock.mark(Stage::events);
    events_.finish(*doc);
  }
  if (!options.keep_tokens) {
    doc->tokens.clear();
    doc->token_hashes.clear();
  }
  clock.mark(Stage::langid);
  langid_.finish(*doc, options.language, languages);

  clock.mark(Stage::map_spans);
  doc->map_spans_to_original();
  return doc;
}

}  // namespace eventwire::internal
