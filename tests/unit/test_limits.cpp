// Pathological and huge inputs: each finishes, in time that grows linearly with the input, and
// gives a consistent document.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "../common/document_checks.hpp"
#include "../common/repeat.hpp"
#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;
using eventwire::internal::testing::repeat;

namespace {

std::unique_ptr<Document> analyze(const std::string& text) {
  AnalyzeOptions o;
  o.max_input_bytes = kLimitMaxInputBytes;
  o.keep_tokens = true;
  auto d = engine().analyze(text, o);
  REQUIRE(d.ok());
  std::string problem = checks::document_problem(**d);
  CHECK_MESSAGE(problem.empty(), problem);
  return *std::move(d);
}

}  // namespace

TEST_CASE("50 MB of one repeated word") {
  auto d = analyze(repeat("troops ", 50u << 20));
  CHECK(d->tokens.size() > 7000000);
  CHECK(d->blocks.size() == 1);
}

TEST_CASE("a single line of 10 MB") {
  auto d = analyze(repeat("the minister said that the army would stay, ", 10u << 20));
  CHECK(d->blocks.size() == 1);
  CHECK(d->sentences.size() == 1);
}

TEST_CASE("100,000 list items") {
  auto d = analyze(repeat("- Deployment of units.\n", 100000 * 23));
  CHECK(d->blocks.size() == 100000);
  CHECK(d->blocks[99999].kind == BlockKind::list_item);
}

TEST_CASE("1,000,000 digits") {
  auto d = analyze(std::string(1000000, '7'));
  CHECK(d->tokens.size() == 1);
  auto grouped = analyze(repeat("1,000.", 1000000));
  CHECK(grouped->tokens.size() >= 1);
}

TEST_CASE("a table with 10,000 columns") {
  std::string header = "|", rule = "|", row = "|";
  for (int c = 0; c < 10000; ++c) {
    header += " h" + std::to_string(c) + " |";
    rule += "---|";
    row += " 200 |";
  }
  auto d = analyze(header + "\n" + rule + "\n" + row + "\n");
  REQUIRE(d->blocks.size() == 1);
  CHECK(d->blocks[0].rows.size() == 2);
  CHECK(d->blocks[0].rows[1].size() == 10000);
}

TEST_CASE("deep runs of brackets and quotes") {
  analyze(std::string(200000, '(') + "Belgium" + std::string(200000, ')'));
  analyze(repeat("\"", 300000));
  analyze(repeat("\xC2\xAB", 100000) + "x" + repeat("\xC2\xBB", 100000));  // guillemets, folded
  analyze(repeat("[{<", 100000));
  analyze(repeat("...", 100000) + repeat("?!", 100000));
}

TEST_CASE("mixed scripts and right-to-left text") {
  const std::string text =
      "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "  // Arabic, Hebrew
      "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 "             // Cyrillic, CJK, emoji
      "\xE2\x80\x8F\xE2\x80\xAE reversed \xE2\x80\xAC Belgium.\n";                             // RLM, RLO, PDF
  auto d = analyze(repeat(text, 1u << 20));
  CHECK(d->language == Lang::und);
}

TEST_CASE("every C0 and C1 control character") {
  std::string text;
  for (int c = 0; c < 0x20; ++c) text += static_cast<char>(c);
  text += '\x7F';
  for (int c = 0x80; c < 0xA0; ++c) {  // C1 controls, encoded in UTF-8
    text += static_cast<char>(0xC2);
    text += static_cast<char>(c);
  }
  auto d = analyze(repeat(text + " Belgium sent troops. ", 1u << 20));
  CHECK(d->sentences.size() > 1000);
}

TEST_CASE("overlong sequences, surrogates and bytes that are never UTF-8") {
  const std::string bad =
      "\xC0\x80 \xC1\xBF \xE0\x80\x80 \xF0\x80\x80\x80 \xED\xA0\x80 \xED\xBF\xBF \xF4\x90\x80\x80 "
      "\xF8\x88\x80\x80\x80 \xFC\x84\x80\x80\x80\x80 \xFE \xFF \x80\xBF \xE2\x82 ";
  auto d = analyze(repeat(bad + "ok ", 1u << 20));
  CHECK(d->tokens.size() > 100000);
  AnalyzeOptions strict;
  strict.strict_utf8 = true;
  CHECK_FALSE(engine().analyze(bad, strict).ok());
}
