#pragma once
/// @file gaussian_fitting.hpp
/// Experiment "gaussian-fitting": a d-dimensional Gaussian refitted each generation on m samples drawn from the
/// previous fit (Shumailov et al. 2024, Nature 631:755, "AI models collapse when trained on recursively generated
/// data"; Kazdan et al. 2025, "Collapse or Thrive?", arXiv 2410.16713; docs/theory/generative.md §1–3).
/// Truth N(0, I_d); generation 1 fits m real samples. Workflows as in recursive-regression.
///
/// Sufficient statistics: m samples of N(μ, Σ = LLᵀ) have mean μ + L·z/√m and scatter L·A·Aᵀ·Lᵀ with A the
/// Bartlett factor of Wishart_d(m − 1, I), independent — O(d²) randomness per generation, exact for m − 1 ≥ d.
/// Accumulate-subsample (and pictures) draw the points themselves.
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class GaussianFitting final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  Axis metricAxis(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  /// Each point's settings read once per block of trials (simulatePreparedBlock); the values of simulateTrial.
  void simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                          std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                          double* out) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferenceLine> referenceLines(const Config& config, const std::string& xKey) const override;
  std::optional<PointCloud> pointCloud(const Config& config, Rng& rng) const override;
};

}  // namespace collapse
