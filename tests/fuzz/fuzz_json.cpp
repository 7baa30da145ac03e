// The JSON writer: any string and any number come out as JSON that parses, and strings read
// back as the valid UTF-8 they were given.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>

#include "../../examples/cli/jsonl.hpp"
#include "text/utf8.hpp"
#include "model/json_writer.hpp"

using namespace eventwire::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  double number = fdp.ConsumeFloatingPoint<double>();
  const std::string s = fdp.ConsumeRemainingBytesAsString();
  std::string json = "{\"s\":";
  append_json_string(json, s);
  json += ",\"n\":";
  append_json_number(json, number);
  json += "}";
  ewcli::JsonObject parsed = ewcli::JsonLineParser::parse(json);
  if (!parsed.error.empty()) std::abort();  // the JSON does not parse
  std::string repaired;
  utf8::append_repaired(repaired, s);
  if (!parsed.fields["s"] || *parsed.fields["s"] != repaired) std::abort();  // the string does not read back
  return 0;
}
