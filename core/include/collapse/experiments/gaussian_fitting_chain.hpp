#pragma once
/// @file gaussian_fitting_chain.hpp
/// The generations of one "gaussian-fitting" trial (docs/theory/generative.md §1–2), in two implementations that
/// give the same values from the same random numbers: in Eigen matrices for any d (gaussian_fitting_simulation.cpp),
/// and for d = 1 in plain doubles (gaussian_fitting_univariate.cpp), the default dimension of every preset. At
/// d = 1 each generation is a handful of scalar operations, and the matrices' dispatch, allocation and blocked
/// 1 × 1 products had been most of their time in WebAssembly.
#include <array>
#include <string>
#include <vector>

#include "collapse/catalogue/config.hpp"
#include "collapse/experiments/experiment.hpp"
#include "collapse/random/rng.hpp"

namespace collapse::gaussian_fitting {

/// The catalogue's choices, resolved once per trial: comparing their text in every generation was a measurable
/// share of the short presets in WebAssembly (std::string::compare in the profile).
enum class Workflow { Replace, Accumulate, AccumulateSubsample };
enum class Metric { MeanError, TraceRatio, DeterminantRatio, LogDeterminantRatio, Wasserstein };

struct Settings {
  int dim, samples, generations;
  Workflow workflow;
  Metric metric;
  bool unbiased;    ///< the covariance divides the scatter by count − 1 (else by count: the MLE)
  bool sufficient;  ///< draw each block's mean and scatter (Bartlett) instead of its samples

  explicit Settings(const Config& config);
};

/// The metric at generations 1..t, in Eigen matrices (any d); `cloud` (if given, explicit samples only) receives
/// each generation's samples.
std::vector<double> simulateMatrices(const Settings& settings, Rng& rng, PointCloud* cloud = nullptr);

/// The same for d = 1 in doubles: the same random numbers drawn in the same order and the same IEEE operations on
/// them, so the same values (tests/core/gaussian_fitting_test.cpp compares the two bit for bit).
std::vector<double> simulateUnivariate(const Settings& settings, Rng& rng);

/// Whether simulateUnivariatePair can run two trials of these settings side by side: d = 1 through sufficient
/// statistics with m ≥ 3 (Gamma shapes ≥ 1; m = 2's boosted Gamma(½) stays one trial at a time).
bool pairable(const Settings& settings);

/// simulateUnivariate(settings, first) and simulateUnivariate(settings, second), bit for bit, both generators
/// left where those calls leave them, computed together: the random numbers of the two trials in the two lanes
/// of an RngPair (collapse/random/paired_samplers.hpp), each generation's update in doubles as before.
std::array<std::vector<double>, 2> simulateUnivariatePair(const Settings& settings, Rng& first, Rng& second);

}  // namespace collapse::gaussian_fitting
