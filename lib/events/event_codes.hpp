// PLOVER and CAMEO codes of an event, derived from its type, mode, modality and polarity by the
// rules of the event model (README.md, "The event model"), with the codes themselves from
// lib/lang/common/cameo.tsv, so that the output feeds tools built on GDELT, ICEWS or POLECAT.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "model/document.hpp"

namespace eventwire::internal {

class EventCodes {
 public:
  static absl::StatusOr<EventCodes> create();

  // Sets event.plover and event.cameo from its type, mode, modality and polarity.
  void derive(Event& event) const;

 private:
  struct Codes {
    std::string cameo, intended, refused;
  };
  // The codes of a type and mode, or of the type's default when the mode has none.
  const Codes& codes(EventType type, std::string_view mode) const;

  absl::flat_hash_map<std::pair<int, std::string>, Codes> codes_;
};

}  // namespace eventwire::internal
