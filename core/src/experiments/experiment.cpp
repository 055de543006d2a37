#include "collapse/experiments/experiment.hpp"

#include <algorithm>

namespace collapse {

void Experiment::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                     std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                     double* out) const {
  for (const auto& series : points) {
    const std::size_t metricCount = metrics(series.front()).size();
    if (!sweptX) {
      Rng rng(seed, trial);
      const auto curve = simulateTrial(series.front(), rng);
      out = std::copy(curve.begin(), curve.begin() + static_cast<std::ptrdiff_t>(metricCount * pointsPerSeries), out);
      continue;
    }
    for (std::size_t i = 0; i < series.size(); ++i) {
      Rng rng(seed, trial);  // common random numbers: every point of a trial sees the same stream
      const auto curve = simulateTrial(series[i], rng);
      const std::size_t natural = curve.size() / metricCount;  // each metric's block of natural x values
      for (std::size_t m = 0; m < metricCount; ++m) out[m * pointsPerSeries + i] = curve[m * natural + natural - 1];
    }
    out += metricCount * pointsPerSeries;
  }
}

void Experiment::simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                    std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                    std::size_t trials, std::size_t valuesPerTrial, double* out) const {
  for (std::size_t t = 0; t < trials; ++t)
    simulateTrialPoints(points, sweptX, pointsPerSeries, seed, firstTrial + t, out + t * valuesPerTrial);
}

std::optional<std::vector<double>> Experiment::theoryFor(const Config& config, const std::string& metricKey) const {
  if (metricKey == metricAxis(config).key) return theory(config);
  return std::nullopt;
}

std::vector<ReferenceLine> Experiment::referenceLinesFor(const Config& config, const std::string& xKey,
                                                         const std::string& metricKey) const {
  if (metricKey == metricAxis(config).key) return referenceLines(config, xKey);
  return {};
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
