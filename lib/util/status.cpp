#include "util/status.hpp"

#include "absl/strings/cord.h"

namespace eventwire::internal {
namespace {
constexpr char kPayloadKey[] = "eventwire.status";

absl::StatusCode absl_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok: return absl::StatusCode::kOk;
    case ErrorCode::invalid_argument:
    case ErrorCode::invalid_utf8:
    case ErrorCode::parse: return absl::StatusCode::kInvalidArgument;
    case ErrorCode::input_too_large: return absl::StatusCode::kResourceExhausted;
    case ErrorCode::out_of_range: return absl::StatusCode::kOutOfRange;
    case ErrorCode::out_of_memory: return absl::StatusCode::kResourceExhausted;
    case ErrorCode::unsupported: return absl::StatusCode::kUnimplemented;
    case ErrorCode::io: return absl::StatusCode::kNotFound;
    case ErrorCode::internal: break;
  }
  return absl::StatusCode::kInternal;
}
}  // namespace

absl::Status make_error(ErrorCode code, std::string_view message) {
  absl::Status status(absl_code(code), absl::string_view(message.data(), message.size()));
  status.SetPayload(kPayloadKey, absl::Cord(std::to_string(static_cast<int>(code))));
  return status;
}

ErrorCode error_code(const absl::Status& status) {
  if (status.ok()) return ErrorCode::ok;
  if (auto payload = status.GetPayload(kPayloadKey)) return static_cast<ErrorCode>(std::stoi(std::string(*payload)));
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: return ErrorCode::invalid_argument;
    case absl::StatusCode::kOutOfRange: return ErrorCode::out_of_range;
    case absl::StatusCode::kResourceExhausted: return ErrorCode::out_of_memory;
    case absl::StatusCode::kUnimplemented:
    case absl::StatusCode::kUnavailable: return ErrorCode::unsupported;
    case absl::StatusCode::kNotFound: return ErrorCode::io;
    default: return ErrorCode::internal;
  }
}

}  // namespace eventwire::internal
