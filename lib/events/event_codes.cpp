#include "events/event_codes.hpp"

#include <optional>

#include "absl/strings/match.h"

#include "lexicon/data_files.hpp"

namespace eventwire::internal {
namespace {

std::optional<EventType> type_from_name(std::string_view name) {
  for (int t = 0; t <= static_cast<int>(EventType::ASSAULT); ++t)
    if (event_type_name(static_cast<EventType>(t)) == name) return static_cast<EventType>(t);
  return std::nullopt;
}

}  // namespace

absl::StatusOr<EventCodes> EventCodes::create() {
  const data::DataFile* f = data::find_file("common/cameo.tsv");
  if (!f) return absl::InternalError("language data lacks common/cameo.tsv");
  const int type = f->column("type"), mode = f->column("mode"), cameo = f->column("cameo"),
            intended = f->column("intended"), refused = f->column("refused");
  if (type < 0 || mode < 0 || cameo < 0 || intended < 0 || refused < 0)
    return absl::InternalError("common/cameo.tsv: expected columns type, mode, cameo, intended, refused");
  EventCodes out;
  for (uint32_t r = 0; r < f->rows; ++r) {
    auto t = type_from_name(f->cell(r, type));
    if (!t) return absl::InternalError("common/cameo.tsv: unknown event type " + std::string(f->cell(r, type)));
    out.codes_[{static_cast<int>(*t), std::string(f->cell(r, mode))}] =
        Codes{std::string(f->cell(r, cameo)), std::string(f->cell(r, intended)), std::string(f->cell(r, refused))};
  }
  for (int t = 0; t <= static_cast<int>(EventType::ASSAULT); ++t)
    if (!out.codes_.count({t, std::string()}))
      return absl::InternalError("common/cameo.tsv lacks the default codes of " +
                                 std::string(event_type_name(static_cast<EventType>(t))));
  return out;
}

const EventCodes::Codes& EventCodes::codes(EventType type, std::string_view mode) const {
  auto it = codes_.find({static_cast<int>(type), std::string(mode)});
  if (it == codes_.end()) it = codes_.find({static_cast<int>(type), std::string()});
  return it->second;
}

void EventCodes::derive(Event& e) const {
  const Codes& c = codes(e.type, e.mode);
  const bool positive = e.polarity == Polarity::positive;
  if (e.type == EventType::CONSULT && e.mode == "invite") {
    // An invitation is an intent to meet, whatever its modality.
    e.plover = "AGREE";
    e.cameo = c.intended;
  } else if (!positive && e.modality == Modality::asserted) {
    // Nothing happened; the event is still reported, without codes.
    e.plover.clear();
    e.cameo.clear();
  } else if (e.type == EventType::REJECT || (!positive && e.modality == Modality::intended)) {
    e.plover = "REJECT";
    e.cameo = c.refused;
  } else if (positive && e.modality != Modality::asserted && absl::StartsWith(c.intended, "13")) {
    // A hostile act announced or held possible is a threat ("would boycott", "could strike").
    e.plover = "THREATEN";
    e.cameo = c.intended;
  } else if (positive && e.modality == Modality::intended && absl::StartsWith(c.intended, "03")) {
    // An act of cooperation or of yielding announced is an agreement to do it.
    e.plover = "AGREE";
    e.cameo = c.intended;
  } else {
    e.plover = std::string(event_type_name(e.type));
    e.cameo = c.cameo;
  }
}

}  // namespace eventwire::internal
