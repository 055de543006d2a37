#pragma once
/// @file result.hpp
/// The Result contract (docs/design.md §5.2): what the CLI prints, the worker returns and the page exports.
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
  std::vector<std::size_t> nonFinite;  ///< per x: trials whose value was NaN or ±∞ (left out of the statistics)
  std::optional<std::vector<double>> theory;  ///< as SeriesResult::theory
  std::vector<ReferenceLine> references;
};

/// One series. Its top-level fields are the primary metric's (the Result contract before several metrics
/// existed); `metrics` holds every metric of the plan, in declared order, the primary included.
/// The theory of a series on a fine grid of the swept x (between and through the Monte Carlo points), so that a
/// figure can draw it as a smooth line. Only for a swept numeric x; empty where the theory applies nowhere.
struct TheoryCurve {
  std::vector<double> x, y;  ///< y is NaN where the theory does not apply at that x
};

struct SeriesResult {
  std::string key;
  Value value;
  std::string label;
  std::vector<double> mean, sem, lo, hi, median;
  std::vector<std::size_t> nonFinite;  ///< per x: trials whose value was NaN or ±∞ (left out of the statistics)
  /// Theory at every x; NaN where it does not apply at that point; nullopt where it applies nowhere.
  std::optional<std::vector<double>> theory;
  std::vector<ReferenceLine> references;
  std::vector<ReferencePoint> markers;
  std::vector<MetricSeries> metrics;
  std::optional<TheoryCurve> theoryCurve;  ///< see TheoryCurve; JSON series[].theoryCurve {x, y} when present
  std::vector<GenerationSample> samples;  ///< Experiment::sampleSentences (natural x only); JSON series[].samples when any
};

struct Result {
  const Plan* plan;
  std::vector<SeriesResult> series;
  std::vector<std::string> notes;
};

/// Aggregates trial-major values (from simulateTrials over [0, trials), concatenated in trial order) and
/// evaluates the theory on the same x grid.
Result assembleResult(const Plan& plan, const std::vector<double>& trialValues);

/// The fine theory grid stops adding points between Monte Carlo points once it has this many.
inline constexpr std::size_t kTheoryCurvePoints = 64;

/// The theory of series `s` on a fine grid of the swept x (see TheoryCurve); nullopt on a natural axis, or where
/// the theory applies nowhere. Each point is the plan's series config with x set, resolved as the plan resolves it.
std::optional<TheoryCurve> theoryCurve(const Plan& plan, std::size_t s);

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
