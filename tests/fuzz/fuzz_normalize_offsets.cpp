// Normalisation on arbitrary bytes: the text is valid UTF-8, and any span of it maps onto the
// input inside its bounds, on character boundaries, with begin <= end, in order.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "../common/document_checks.hpp"
#include "text/normalize.hpp"

using namespace eventwire::internal;

namespace {
void expect(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "%s\n", what.c_str());
    std::abort();
  }
}
void expect_span(std::string_view input, Span s) {
  std::string problem = checks::span_problem(input, s);
  expect(problem.empty(), problem);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto normalizer = *Normalizer::create();
  FuzzedDataProvider fdp(data, size);
  const uint32_t probes = fdp.ConsumeIntegralInRange<uint32_t>(1, 64);
  const std::string input = fdp.ConsumeRemainingBytesAsString();
  auto n = normalizer.normalize(input, false);
  expect(n.ok(), "repairing normalisation failed");
  std::string repaired;
  utf8::append_repaired(repaired, n->text);
  expect(repaired == n->text, "normalised text is not UTF-8");
  expect(n->folded.size() == n->text.size(), "folded text not aligned");
  const uint32_t len = static_cast<uint32_t>(n->text.size());
  expect_span(input, n->offsets.to_original({0, len}));
  // Spans between character boundaries of the normalised text, from a simple generator.
  uint32_t a = 0;
  OffsetMap::Cursor cursor(n->offsets);
  uint32_t last_begin = 0;
  for (uint32_t k = 0; k < probes && len > 0; ++k) {
    a = (a * 2654435761u + k + 1) % (len + 1);
    uint32_t b = a + (k * 7) % (len - a + 1);
    while (a > 0 && !utf8::is_boundary(n->text, a)) --a;
    while (b < len && !utf8::is_boundary(n->text, b)) ++b;
    Span s = n->offsets.to_original({a, b});
    expect_span(input, s);
    Span c = cursor.to_original({a, b});
    expect(c == s, "cursor and lookup disagree");
    Span lone = n->offsets.to_original({a, a});
    expect(!(lone.begin < last_begin && a >= last_begin), "mapping not monotonic");
  }
  return 0;
}
