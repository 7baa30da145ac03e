// Errors inside the library: absl::Status carrying the ew_status the C interface reports.
#pragma once

#include <string>

#include "absl/status/status.h"

namespace eventwire::internal {

// Mirrors ew_status (include/eventwire/eventwire.h); the C layer checks that they agree.
enum class ErrorCode : int {
  ok = 0,
  invalid_argument = 1,
  invalid_utf8 = 2,
  input_too_large = 3,
  out_of_range = 4,
  out_of_memory = 5,
  unsupported = 6,
  internal = 7,
  io = 8,
  parse = 9,
};

absl::Status make_error(ErrorCode code, std::string_view message);

// The code an error carries; errors made elsewhere are mapped from their absl code.
ErrorCode error_code(const absl::Status& status);

}  // namespace eventwire::internal
