// The whole pipeline: every span inside the input and on character boundaries, bad input
// handled with a clear error or a correct result, limits enforced.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "model/json_writer.hpp"
#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "text/utf8.hpp"
#include "util/status.hpp"
#include "../../examples/cli/jsonl.hpp"
#include "../common/document_checks.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(EW_SAMPLES_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void check_all_spans(const Document& d) {
  std::string problem = checks::document_problem(d);
  CHECK_MESSAGE(problem.empty(), problem);
}

void check_json_parses(const Document& d) {
  std::string json = to_json(d);
  ewcli::JsonObject parsed = ewcli::JsonLineParser::parse(json);
  CHECK_MESSAGE(parsed.error.empty(), parsed.error);
  CHECK(parsed.fields.count("schema") == 1);
  std::string repaired;
  utf8::append_repaired(repaired, json);
  CHECK(repaired == json);  // the JSON is valid UTF-8
}
}  // namespace

TEST_CASE("the sample articles: spans on boundaries, JSON valid") {
  for (const char* name : {"seed-000.txt", "seed-001.txt", "seed-002.txt", "seed-003.txt", "seed-004.txt"}) {
    CAPTURE(name);
    auto d = *engine().analyze(read_sample(name), AnalyzeOptions{});
    CHECK(d->sentences.size() > 10);
    check_all_spans(*d);
    check_json_parses(*d);
  }
}

TEST_CASE("inputs with invalid bytes: spans still on boundaries") {
  std::mt19937 rng(7);
  std::string base = read_sample("seed-002.txt");
  for (int round = 0; round < 20; ++round) {
    std::string text = base;
    for (int k = 0; k < 30; ++k) text[rng() % text.size()] = static_cast<char>(0x80 + rng() % 128);
    auto d = *engine().analyze(text, AnalyzeOptions{});
    check_all_spans(*d);
    check_json_parses(*d);
  }
}

TEST_CASE("empty input and input of only spaces give an empty document") {
  for (std::string_view text : {std::string_view(""), std::string_view(" \n\t\n ")}) {
    auto d = *engine().analyze(text, AnalyzeOptions{});
    CHECK(d->blocks.empty());
    CHECK(d->sentences.empty());
    CHECK(d->language == Lang::und);
    check_json_parses(*d);
  }
}

TEST_CASE("NUL bytes and control characters are read as spaces") {
  std::string text("Belgium\0sent\x01troops.\x1B", 22);
  AnalyzeOptions o;
  o.keep_tokens = true;
  auto d = *engine().analyze(text, o);
  REQUIRE(d->sentences.size() == 1);
  CHECK(d->tokens.size() == 4);
  check_json_parses(*d);
}

TEST_CASE("a binary file is analysed without harm") {
  std::mt19937 rng(11);
  std::string bytes(200000, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  auto d = *engine().analyze(bytes, AnalyzeOptions{});
  check_all_spans(*d);
  check_json_parses(*d);
}

TEST_CASE("strict mode refuses invalid UTF-8 with a clear error") {
  AnalyzeOptions o;
  o.strict_utf8 = true;
  auto d = engine().analyze("caf\xE9 au lait", o);
  REQUIRE_FALSE(d.ok());
  CHECK(error_code(d.status()) == ErrorCode::invalid_utf8);
  CHECK(std::string(d.status().message()).find("byte 3") != std::string::npos);
}

TEST_CASE("input above the size limit is refused; the limit is an option") {
  std::string text(1000, 'a');
  AnalyzeOptions o;
  o.max_input_bytes = 999;
  auto d = engine().analyze(text, o);
  REQUIRE_FALSE(d.ok());
  CHECK(error_code(d.status()) == ErrorCode::input_too_large);
  o.max_input_bytes = 1000;
  CHECK(engine().analyze(text, o).ok());
  o.max_input_bytes = kLimitMaxInputBytes + 1;
  CHECK(error_code(engine().analyze(text, o).status()) == ErrorCode::invalid_argument);
  // The default is 16 MiB.
  std::string big((16u << 20) + 1, 'x');
  CHECK(error_code(engine().analyze(big, AnalyzeOptions{}).status()) == ErrorCode::input_too_large);
}

TEST_CASE("a 50 MB input within a raised limit is analysed") {
  std::string sample = read_sample("seed-002.txt");
  std::string text;
  while (text.size() < 50u << 20) text += sample;
  AnalyzeOptions o;
  o.max_input_bytes = 64u << 20;
  auto d = engine().analyze(text, o);
  REQUIRE(d.ok());
  CHECK((*d)->sentences.size() > 400000);
  CHECK((*d)->spans_are_original);
}

TEST_CASE("deeply repetitive text") {
  std::string word_run;
  for (int i = 0; i < 200000; ++i) word_run += "troops ";
  AnalyzeOptions o;
  o.keep_tokens = true;
  auto d = *engine().analyze(word_run, o);
  CHECK(d->tokens.size() == 200000);
  std::string dots(100000, '.');
  auto d2 = *engine().analyze(dots, o);
  CHECK(d2->tokens.size() == 1);
  std::string pipes(100000, '|');
  auto d3 = *engine().analyze(pipes, AnalyzeOptions{});
  check_all_spans(*d3);
  std::string dashes;
  for (int i = 0; i < 50000; ++i) dashes += "- \n";
  auto d4 = *engine().analyze(dashes, AnalyzeOptions{});
  check_all_spans(*d4);
}

TEST_CASE("reference dates are parsed strictly") {
  CHECK(parse_reference_date("2024-02-29").ok());
  CHECK_FALSE(parse_reference_date("2023-02-29").ok());
  CHECK_FALSE(parse_reference_date("2024-2-28").ok());
  CHECK_FALSE(parse_reference_date("28/02/2024").ok());
  CHECK_FALSE(parse_reference_date("").ok());
}
