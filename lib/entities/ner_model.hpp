// Placeholder, replaced by the tagger.
#pragma once
#include "absl/status/statusor.h"
namespace eventwire::internal {
class NerModel {
 public:
  static absl::StatusOr<NerModel> create() { return NerModel(); }
};
}  // namespace eventwire::internal
