#include "collapse/experiments/experiment.hpp"

#include <algorithm>

namespace collapse {

void Experiment::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                     std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                     double* out) const {
  simulatePreparedBlock(points, sweptX, pointsPerSeries, seed, trial, 1, 0, out, [](const Config& config) { return &config; },
                        [this](const Config* config, Rng& rng) { return simulateTrial(*config, rng); });
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
