#pragma once
/// @file plan.hpp
/// The generic sweep engine, written once for all experiments (DESIGN.md, "Sweeps are generic").
///
/// A Request (what the CLI flags, the URL hash and the JS API all turn into) is validated and resolved into a
/// Plan: a base Config with defaults filled in, an x axis (the experiment's natural one, or any numeric
/// parameter swept over a grid), and series (by default one per choice of the experiment's natural series).
/// With a swept x, each point reports the metric at the end of the natural axis (e.g. the last generation).
///
/// Trials are independent: trial t of every series and every point draws from the stream Rng(seed, t), so
/// series and points share random numbers (smooth curves, fair comparisons) and any split of the trials
/// across workers gives bit-identical results.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collapse/catalogue/config.hpp"
#include "collapse/experiments/experiment.hpp"

namespace collapse {

struct Request {
  std::string experiment;
  nlohmann::json config = nlohmann::json::object();  ///< key → number or text; missing keys take defaults
  std::string x;       ///< "" (natural axis) or "key=grid"
  std::string series;  ///< "" (natural series) or "key=v1,v2,..."
  std::string preset;  ///< "" or a preset key: its config, x and series apply unless given here

  /// {"experiment": "...", "config": {...}, "x": "...", "series": "..."}; throws ValidationError.
  static Request fromJson(const nlohmann::json& json);
};

struct Plan {
  const Experiment* experiment = nullptr;
  Config config;  ///< every parameter after defaults (series and swept values not applied)
  Axis x;
  std::vector<double> xValues;
  bool sweptX = false;
  std::string seriesKey;  ///< "" for a single unnamed series
  std::vector<Value> seriesValues;
  std::vector<std::string> seriesLabels;
  /// [series][point]: the resolved Config of every simulated point; one point per series on the natural axis.
  std::vector<std::vector<Config>> pointConfigs;
  /// Every metric a trial measures (Experiment::metrics of the base config), in declared order; the same for
  /// every point. One element for an experiment with a single metric.
  std::vector<Axis> metrics;
  int trials = 0;
  std::uint64_t seed = 0;

  std::size_t valuesPerTrial() const { return seriesValues.size() * metrics.size() * xValues.size(); }
};

/// Validates everything (every problem at once, before any allocation) and resolves the request.
/// Throws ValidationError.
Plan makePlan(const Request& request);

/// Simulates trials [begin, end). Returns trial-major values: value (t, s, m, i) — trial, series, metric, x — at
/// (((t − begin)·S + s)·M + m)·X + i, so chunks simulated anywhere concatenate, in trial order, into the whole run.
std::vector<double> simulateTrials(const Plan& plan, int begin, int end);

/// Limits that keep a run inside the memory a WebAssembly module can address.
inline constexpr std::size_t kMaxXPoints = 400;
inline constexpr std::size_t kMaxSeries = 16;
inline constexpr double kMaxStoredValues = 2e7;  ///< trials × series × points

}  // namespace collapse
