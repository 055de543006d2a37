#include "collapse/experiments/experiment.hpp"

#include <algorithm>

namespace collapse {

void Experiment::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                     std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                     double* out) const {
  for (const auto& series : points) {
    if (!sweptX) {
      Rng rng(seed, trial);
      const auto curve = simulateTrial(series.front(), rng);
      out = std::copy(curve.begin(), curve.begin() + static_cast<std::ptrdiff_t>(pointsPerSeries), out);
      continue;
    }
    for (const auto& point : series) {
      Rng rng(seed, trial);  // common random numbers: every point of a trial sees the same stream
      *out++ = simulateTrial(point, rng).back();
    }
  }
}

std::vector<double> generationAxis(int first, int last) {
  std::vector<double> axis;
  for (int g = first; g <= last; ++g) axis.push_back(static_cast<double>(g));
  return axis;
}

const Parameter* Experiment::findParameter(const std::string& key) const {
  for (const auto& parameter : info().parameters)
    if (parameter.key == key) return &parameter;
  return nullptr;
}

}  // namespace collapse
