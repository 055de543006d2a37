// Guided inversion of a running sum (random/guide_table.hpp).
#include "collapse/random/guide_table.hpp"

#include <stdexcept>

namespace collapse {

GuideTable::GuideTable(const double* cumulative, std::size_t count) {
  if (count == 0 || !(cumulative[count - 1] > 0.0) || !(cumulative[count - 1] < 1e308))
    throw std::invalid_argument("GuideTable: needs at least one entry and a positive, finite total");
  scale_ = static_cast<double>(count) / cumulative[count - 1];
  start_.resize(count);
  std::size_t i = 0;
  for (std::size_t b = 0; b < count; ++b) {
    while (i < count - 1 && bucket(cumulative[i]) < b) ++i;
    start_[b] = static_cast<std::uint32_t>(i);
  }
}

std::size_t GuideTable::bucket(double x) const {
  // Monotone in x: a correctly rounded product and a truncation are; the clamp keeps it so.
  const double scaled = x * scale_;
  if (!(scaled > 0.0)) return 0;
  const std::size_t last = start_.size() - 1;
  return scaled >= static_cast<double>(last) ? last : static_cast<std::size_t>(scaled);
}

std::size_t GuideTable::find(const double* cumulative, double u) const {
  // Every index before start_[bucket(u)] has a smaller bucket than u, so a running sum < u: none is the answer.
  std::size_t i = start_[bucket(u)];
  const std::size_t last = start_.size() - 1;
  while (i < last && cumulative[i] <= u) ++i;
  return i;
}

}  // namespace collapse
