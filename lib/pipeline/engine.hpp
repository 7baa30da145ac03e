// The engine: every stage built once from the compiled-in data, then shared read-only by any
// number of threads, each analysing its own documents.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "entities/entities.hpp"
#include "events/event_extractor.hpp"
#include "langid/langid.hpp"
#include "model/document.hpp"
#include "recognize/number/number_parser.hpp"
#include "recognize/quantity/quantity_recognizer.hpp"
#include "recognize/time/time_recognizer.hpp"
#include "segment/segment.hpp"
#include "structure/structure.hpp"
#include "text/normalize.hpp"

namespace eventwire::internal {

// What to produce (the same bits as EW_OUTPUT_*). Each output switches on what it needs.
enum Output : uint32_t {
  kOutputStructure = 1u << 0,
  kOutputLanguage = 1u << 1,
  kOutputQuantities = 1u << 2,
  kOutputTimes = 1u << 3,
  kOutputEntities = 1u << 4,
  kOutputEvents = 1u << 5,
  kOutputAll = 0x3Fu,
};

inline constexpr uint64_t kDefaultMaxInputBytes = 16ull << 20;
inline constexpr uint64_t kLimitMaxInputBytes = 1ull << 30;

struct AnalyzeOptions {
  uint32_t outputs = kOutputAll;
  bool strict_utf8 = false;
  Lang language = Lang::und;  // und: detect
  std::optional<absl::CivilDay> reference_date;
  std::string document_id;
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  bool keep_tokens = false;  // keep every token in Document::tokens (tests, debugging)
};

// The pipeline's stages, in order.
enum class Stage : uint8_t { normalize, structure, langid, segment, entities, quantities, times, events, map_spans, count };
std::string_view stage_name(Stage s);

// Seconds spent in each stage, summed over analyze() calls: how the benchmark measures stages.
struct StageTimes {
  double seconds[static_cast<int>(Stage::count)] = {};
};

// "2024-02-28" -> the day; an error for anything else.
absl::StatusOr<absl::CivilDay> parse_reference_date(std::string_view text);

// What the engine is built with, besides the compiled-in data.
struct EngineOptions {
  std::vector<Actor> actors;  // the caller's actor dictionary entries
};

class Engine {
 public:
  static absl::StatusOr<std::unique_ptr<Engine>> create(const EngineOptions& options = {});

  // `times`, when given, receives the time spent in each stage; `runs`, when given, sees the
  // entity stage's unknown capitalised runs (for training its classifier).
  absl::StatusOr<std::unique_ptr<Document>> analyze(std::string_view input, const AnalyzeOptions& options,
                                                    StageTimes* times = nullptr, RunObserver* runs = nullptr) const;

 private:
  Engine(Normalizer normalizer, StructureDetector structure, LanguageDetector langid, Segmenter segmenter,
         EntityRecognizer entities, std::shared_ptr<const NumberParser> numbers, QuantityRecognizer quantities,
         TimeRecognizer times, EventExtractor events);

  Normalizer normalizer_;
  StructureDetector structure_;
  LanguageDetector langid_;
  Segmenter segmenter_;
  EntityRecognizer entities_;
  std::shared_ptr<const NumberParser> numbers_;  // shared by the stages that read numbers
  QuantityRecognizer quantities_;
  TimeRecognizer times_;
  EventExtractor events_;
};

}  // namespace eventwire::internal
