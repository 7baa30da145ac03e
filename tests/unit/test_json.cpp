// The JSON writer: escaping, numbers, schema fields.
#include <doctest/doctest.h>

#include <string>

#include "model/json_writer.hpp"
#include "pipeline/engine.hpp"
#include "../../examples/cli/jsonl.hpp"

using namespace eventwire::internal;

namespace {
std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
std::string json_number(double v) {
  std::string out;
  append_json_number(out, v);
  return out;
}
}  // namespace

TEST_CASE("strings are escaped and repaired") {
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("line\nnext\ttab") == "\"line\\nnext\\ttab\"");
  CHECK(json_string(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(json_string("\x1F") == "\"\\u001f\"");
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(json_string("bad\xFF") == "\"bad\xEF\xBF\xBD\"");
}

TEST_CASE("numbers: integers without a fraction, others the shortest way") {
  CHECK(json_number(611000000) == "611000000");
  CHECK(json_number(0) == "0");
  CHECK(json_number(-3) == "-3");
  CHECK(json_number(0.5) == "0.5");
  CHECK(json_number(1e300) == "1e+300");
  CHECK(json_number(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("every top-level field of the schema is present") {
  static const auto engine = *Engine::create();
  AnalyzeOptions o;
  o.document_id = "doc-1";
  o.reference_date = absl::CivilDay(2024, 2, 28);
  auto d = *engine->analyze("Belgium pledges aid\n\nBelgium will send aid to Ukraine.", o);
  ewcli::JsonObject obj = ewcli::JsonLineParser::parse(to_json(*d));
  REQUIRE(obj.error.empty());
  for (const char* key : {"schema", "id", "language", "reference_date", "title", "blocks", "sentences", "entities",
                          "quantities", "times", "events"})
    CHECK_MESSAGE(obj.fields.count(key) == 1, key);
  CHECK(*obj.fields["schema"] == "eventwire/1");
  CHECK(*obj.fields["id"] == "doc-1");
  CHECK(*obj.fields["reference_date"] == "2024-02-28");
  CHECK(*obj.fields["title"] == "Belgium pledges aid");
}
