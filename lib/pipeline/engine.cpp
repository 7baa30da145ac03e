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
  static constexpr std::string_view names[] = {"normalize", "structure", "langid",   "segment",
                                               "quantities", "times",   "map_spans"};
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
               std::shared_ptr<const NumberParser> numbers, QuantityRecognizer quantities, TimeRecognizer times)
    : normalizer_(std::move(normalizer)),
      structure_(std::move(structure)),
      langid_(std::move(langid)),
      segmenter_(std::move(segmenter)),
      numbers_(std::move(numbers)),
      quantities_(std::move(quantities)),
      times_(std::move(times)) {}

absl::StatusOr<std::unique_ptr<Engine>> Engine::create() {
  auto normalizer = Normalizer::create();
  if (!normalizer.ok()) return normalizer.status();
  auto structure = StructureDetector::create();
  if (!structure.ok()) return structure.status();
  auto langid = LanguageDetector::create();
  if (!langid.ok()) return langid.status();
  auto segmenter = Segmenter::create();
  if (!segmenter.ok()) return segmenter.status();
  auto numbers = NumberParser::create();
  if (!numbers.ok()) return numbers.status();
  auto shared_numbers = std::make_shared<const NumberParser>(*std::move(numbers));
  auto quantities = QuantityRecognizer::create(shared_numbers);
  if (!quantities.ok()) return quantities.status();
  auto times = TimeRecognizer::create(*segmenter, shared_numbers);
  if (!times.ok()) return times.status();
  return std::unique_ptr<Engine>(new Engine(*std::move(normalizer), *std::move(structure), *std::move(langid),
                                            *std::move(segmenter), std::move(shared_numbers),
                                            *std::move(quantities), *std::move(times)));
}

absl::StatusOr<std::unique_ptr<Document>> Engine::analyze(std::string_view input, const AnalyzeOptions& options,
                                                          StageTimes* times) const {
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
  clock.mark(Stage::langid);
  langid_.detect(*doc, options.language);

  // Times (and events, which use them) are resolved against the reference date: the caller's,
  // else the article's own, found before the blocks are read.
  const bool want_times = (options.outputs & (kOutputTimes | kOutputEvents)) != 0;
  const bool want_quantities = (options.outputs & (kOutputQuantities | kOutputEvents)) != 0;
  TimeScratch time_scratch;
  if (want_times && !doc->reference_date) {
    clock.mark(Stage::times);
    doc->reference_date = times_.find_reference_date(*doc, segmenter_, time_scratch);
  }

  // Then block by block, each through every later stage while it is in cache: the time per
  // byte does not grow with the document, and tokens need no room beyond one block.
  uint32_t first_sentence = 0;
  for (uint32_t b = 0; b < doc->blocks.size(); ++b) {
    if (!options.keep_tokens) doc->tokens.clear();
    clock.mark(Stage::segment);
    segmenter_.segment(*doc, b);
    const BlockRange block{b, first_sentence, static_cast<uint32_t>(doc->sentences.size())};
    first_sentence = block.end_sentence;
    if (doc->blocks[b].is_furniture()) continue;  // page furniture carries no article content
    if (want_quantities) {
      clock.mark(Stage::quantities);
      quantities_.recognize(*doc, block);
    }
    if (want_times) {
      clock.mark(Stage::times);
      times_.recognize(*doc, block, time_scratch);
    }
  }
  if (!options.keep_tokens) doc->tokens.clear();

  clock.mark(Stage::map_spans);
  doc->map_spans_to_original();
  return doc;
}

}  // namespace eventwire::internal
