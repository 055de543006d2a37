#pragma once
/// @file result.hpp
/// The Result contract (DESIGN.md): what the CLI prints, the worker returns and the page exports.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collapse/sweep/plan.hpp"

namespace collapse {

/// One metric of one series: its Monte Carlo summary, theory and reference lines (docs/result.md).
struct MetricSeries {
  Axis metric;
  std::vector<double> mean, sem, lo, hi, median;
  std::optional<std::vector<double>> theory;  ///< as SeriesResult::theory
  std::vector<ReferenceLine> references;
};

/// One series. Its top-level fields are the primary metric's (the Result contract before several metrics
/// existed); `metrics` holds every metric of the plan, in declared order, the primary included.
struct SeriesResult {
  std::string key;
  Value value;
  std::string label;
  std::vector<double> mean, sem, lo, hi, median;
  /// Theory at every x; NaN where it does not apply at that point; nullopt where it applies nowhere.
  std::optional<std::vector<double>> theory;
  std::vector<ReferenceLine> references;
  std::vector<ReferencePoint> markers;
  std::vector<MetricSeries> metrics;
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

/// Long format of the primary metric: series_key,series_value,x,mean,sem,lo,hi,theory (empty cells for
/// missing theory).
std::string resultCsv(const Result& result);

/// Long format of every metric (CLI --format csv-all): a leading `metric` column,
/// metric,series_key,series_value,x,mean,sem,lo,hi,theory; metrics in declared order, then series, then x.
std::string resultCsvAllMetrics(const Result& result);

}  // namespace collapse
