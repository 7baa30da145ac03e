// The document as JSON, schema "eventwire/1" (README.md, "Output"). Always valid UTF-8.
#pragma once

#include <string>

#include "model/document.hpp"

namespace eventwire::internal {

// `doc` must have its spans mapped onto the original input (Document::map_spans_to_original).
std::string to_json(const Document& doc);

// Appends `s` as a JSON string literal; ill-formed UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view s);

// Appends a number the shortest way that reads back the same (integers without a fraction).
void append_json_number(std::string& out, double v);

}  // namespace eventwire::internal
