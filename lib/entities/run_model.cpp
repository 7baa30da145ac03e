#include "entities/run_model.hpp"

#include <charconv>
#include <string>

#include "util/status.hpp"

namespace eventwire::internal {

absl::StatusOr<RunModel> RunModel::load(const data::DataFile* file) {
  RunModel m;
  if (!file) return m;
  if (file->columns != 1 + kRunLabels || file->header[0] != "feature")
    return make_error(ErrorCode::internal, std::string(file->path) + ": expected columns feature and the labels");
  for (int k = 0; k < kRunLabels; ++k)
    if (file->header[1 + k] != kRunLabelNames[k])
      return make_error(ErrorCode::internal, std::string(file->path) + ": labels out of order");
  m.index_.reserve(file->rows);
  m.weights_.reserve(static_cast<size_t>(file->rows) * kRunLabels);
  for (uint32_t r = 0; r < file->rows; ++r) {
    std::string_view feature = file->cell(r, 0);
    size_t eq = feature.find('=');
    if (eq == std::string_view::npos)
      return make_error(ErrorCode::internal, std::string(file->path) + ": feature without '='");
    m.index_.emplace(feature_hash(feature.substr(0, eq), feature.substr(eq + 1)),
                     static_cast<uint32_t>(m.weights_.size()));
    for (int k = 0; k < kRunLabels; ++k) {
      // Weights are written in thousandths, as integers: parsing them depends on no locale.
      std::string_view cell = file->cell(r, 1 + k);
      int w = 0;
      auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), w);
      if (ec != std::errc() || end != cell.data() + cell.size())
        return make_error(ErrorCode::internal, std::string(file->path) + ": bad weight");
      m.weights_.push_back(static_cast<float>(w) / 1000.0f);
    }
  }
  return m;
}

}  // namespace eventwire::internal
