#pragma once
/// @file recursive_regression.hpp
/// Experiment "recursive-regression": linear regression refitted, generation after generation, on labels made
/// by the previous generation's model (Gerstgrasser et al. 2024, arXiv 2404.01413; Kazdan et al. 2025,
/// "Collapse or Thrive?", arXiv 2410.16713; docs/theory/recursive-regression.md §5–6).
///
/// Generation 1 fits T real samples y = xᵀw* + σε. Generation g labels a new block of T inputs with model g−1
/// plus noise σ, and fits on
///   replace               that block alone,
///   accumulate            every block so far (g·T rows),
///   accumulate-subsample  T rows drawn without replacement from every block so far (fixed compute).
/// With design = fixed the same T inputs are relabelled each generation; with fresh, each block has new inputs.
#include <string>

#include <Eigen/Dense>

#include "collapse/experiments/experiment.hpp"

namespace collapse {

/// Typed view of a recursive-regression Config.
struct RecursiveRegressionSettings {
  int dim, samples, generations;
  double noise, ridge;
  bool fixedDesign;
  std::string workflow;  ///< "replace" | "accumulate" | "accumulate-subsample"
  Eigen::VectorXd spectrum, groundTruth;
  bool sufficientStatistics;  ///< the sampler actually used

  static RecursiveRegressionSettings from(const Config& config);
};

class RecursiveRegression final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  /// Each point's settings read once per block of trials (simulatePreparedBlock); the values of simulateTrial.
  void simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                          std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                          double* out) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferenceLine> referenceLines(const Config& config, const std::string& xKey) const override;

  /// Bytes a trial holds at its peak, estimated before anything is allocated.
  static double workingSetBytes(const Config& config);
  /// Whether the sufficient-statistics sampler is exact for this configuration (T ≥ d, no subsampling).
  static bool sufficientStatisticsApply(const Config& config);
};

/// The two samplers of one trial; both return the test error of generations 1..n.
std::vector<double> simulateRecursiveRegressionSufficient(const RecursiveRegressionSettings& settings, Rng& rng);
std::vector<double> simulateRecursiveRegressionExplicit(const RecursiveRegressionSettings& settings, Rng& rng);

}  // namespace collapse
