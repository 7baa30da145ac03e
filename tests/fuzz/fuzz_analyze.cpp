// The whole pipeline on arbitrary bytes with arbitrary options: no crash, no hang, every span
// inside the input and on a character boundary, the JSON always valid.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "../../examples/cli/jsonl.hpp"
#include "../common/document_checks.hpp"
#include "model/json_writer.hpp"
#include "pipeline/engine.hpp"

using namespace eventwire::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto engine = *Engine::create();
  if (size > 64 * 1024) return 0;  // bigger inputs are tested for time, not for paths
  FuzzedDataProvider fdp(data, size);
  AnalyzeOptions o;
  o.outputs = fdp.ConsumeIntegralInRange<uint32_t>(0, 0x3F);
  o.strict_utf8 = fdp.ConsumeBool();
  o.language = static_cast<Lang>(fdp.ConsumeIntegralInRange<int>(0, 3));
  if (fdp.ConsumeBool())
    o.reference_date = absl::CivilDay(fdp.ConsumeIntegralInRange<int>(1, 9999), fdp.ConsumeIntegralInRange<int>(1, 12),
                                      fdp.ConsumeIntegralInRange<int>(1, 28));
  if (fdp.ConsumeBool()) o.max_input_bytes = fdp.ConsumeIntegralInRange<uint64_t>(0, 70000);
  const std::string text = fdp.ConsumeRemainingBytesAsString();
  auto doc = engine->analyze(text, o);
  if (!doc.ok()) return 0;
  std::string problem = checks::document_problem(**doc);
  if (!problem.empty()) {
    std::fprintf(stderr, "%s\n", problem.c_str());
    std::abort();
  }
  ewcli::JsonObject parsed = ewcli::JsonLineParser::parse(to_json(**doc));
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "JSON does not parse: %s\n", parsed.error.c_str());
    std::abort();
  }
  return 0;
}
