#pragma once
/// @file result.hpp
/// The Result contract (docs/design.md §5.2): what the CLI prints, the worker returns and the page exports.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collapse/sweep/plan.hpp"

namespace collapse {

struct SeriesResult {
  std::string key;
  Value value;
  std::string label;
  std::vector<double> mean, sem, lo, hi, median;
  /// Theory at every x; NaN where it does not apply at that point; nullopt where it applies nowhere.
  std::optional<std::vector<double>> theory;
  std::vector<ReferenceLine> references;
  std::vector<ReferencePoint> markers;
};

struct Result {
  const Plan* plan;
  std::vector<SeriesResult> series;
  std::vector<std::string> notes;
};

/// Aggregates trial-major values (from simulateTrials over [0, trials), concatenated in trial order) and
/// evaluates the theory on the same x grid.
Result assembleResult(const Plan& plan, const std::vector<double>& trialValues);

/// Simulates every trial and assembles the Result.
Result runPlan(const Plan& plan);

nlohmann::json resultJson(const Result& result);

/// Long format: series_key,series_value,x,mean,sem,lo,hi,theory (empty cells for missing theory).
std::string resultCsv(const Result& result);

}  // namespace collapse
