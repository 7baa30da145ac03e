#include "entities/run_model.hpp"

#include <charconv>
#include <string>

#include "util/status.hpp"

namespace eventwire::internal {

void RunModel::insert(uint64_t feature, uint32_t first) {
  const size_t bit = present_bit(feature);
  present_[bit / 64] |= uint64_t{1} << (bit % 64);
  feature |= 1;
  size_t i = feature >> shift_;
  while (slots_[i].key != 0 && slots_[i].key != feature) i = (i + 1) & mask_;
  slots_[i] = {feature, first};
}

absl::StatusOr<RunModel> RunModel::load(const data::DataFile* file) {
  RunModel m;
  if (!file) return m;
  if (file->columns != 1 + kRunLabels || file->header[0] != "feature")
    return make_error(ErrorCode::internal, std::string(file->path) + ": expected columns feature and the labels");
  for (int k = 0; k < kRunLabels; ++k)
    if (file->header[1 + k] != kRunLabelNames[k])
      return make_error(ErrorCode::internal, std::string(file->path) + ": labels out of order");
  size_t capacity = 16;
  int bits = 4;
  while (capacity < 2 * static_cast<size_t>(file->rows)) capacity *= 2, ++bits;
  m.slots_.assign(capacity, Slot{});
  m.present_.assign(kPresentBits / 64, 0);
  m.mask_ = capacity - 1;
  m.shift_ = 64 - bits;
  m.weights_.reserve(static_cast<size_t>(file->rows) * kRunLabels);
  for (uint32_t r = 0; r < file->rows; ++r) {
    std::string_view feature = file->cell(r, 0);
    size_t eq = feature.find('=');
    if (eq == std::string_view::npos)
      return make_error(ErrorCode::internal, std::string(file->path) + ": feature without '='");
    m.insert(feature_hash(text_hash(feature.substr(0, eq)), value_hash(feature.substr(eq + 1))),
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
