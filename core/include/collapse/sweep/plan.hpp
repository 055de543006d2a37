#pragma once
/// @file plan.hpp
/// The generic sweep engine, written once for all experiments (docs/design.md §8, "Sweeps are generic").
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

  /// {"experiment": "...", "config": {...}, "x": "...", "series": "...", "preset": "..."}, or a saved figure: a
  /// Result (its "request"), a page export or a bare manifest (its experiment, parameters, x and series).
  /// Unknown fields and config values that are neither numbers nor texts are errors. Throws ValidationError.
  static Request fromJson(const nlohmann::json& json);
  /// The same from JSON text, after bounding its size and nesting depth (hostile input never reaches the parser's
  /// recursion). Throws ValidationError.
  static Request fromText(const std::string& text);
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
  /// The sweep as it ran, self-contained: x ("" = natural axis) and series ("" = one series; the natural series is
  /// written out). With `config` they form the Result's "request", which reproduces the run exactly.
  std::string xSpec, seriesSpec;

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
/// Limits on request text, the same for the CLI, the JS API and the page (its URL hash holds x and series).
inline constexpr std::size_t kMaxSpecLength = 2000;       ///< characters of x or series
inline constexpr std::size_t kMaxRequestBytes = 32 << 20;  ///< a request or saved Result file
inline constexpr std::size_t kMaxRequestDepth = 32;        ///< JSON nesting

}  // namespace collapse
