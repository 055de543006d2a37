#pragma once
/// @file real_vs_synthetic.hpp
/// Experiment "real-vs-synthetic": the cardinality-versus-proportion grid of Kazdan et al., "Collapse or Thrive?
/// Perils and Promises of Synthetic Data in a Self-Generating World", ICML 2025, arXiv 2410.16713
/// (their proportion_of_data_experiment), as a linear-regression analogue (docs/theory/real-vs-synthetic.md).
///
/// A trial fits one generator ŵ₀ by least squares (minimum norm when T₀ < d) on T₀ real samples (x ~ N(0, Σ),
/// y = xᵀw* + σε). A downstream ridge model is then fitted on the first n_real samples of a pool of real data and
/// the first n_synth samples of a pool of synthetic data (fresh inputs labelled xᵀŵ₀ + σε): the prefixes are
/// nested across the cells of a grid, as Kazdan et al. take the first rows of their data sets. Test error
/// ‖ŵ − w*‖²_Σ on the real distribution. Trials replicate both the generator (its seed) and the downstream data.
///
/// Streams: a trial's Rng first gives the seeds of the real pool and of the synthetic pool (one stream each, so
/// row i is the same whatever the pool size: nested prefixes), then draws the generator's data. Points of one trial
/// that differ only in n_real and n_synth share the pools: prefix sums of XᵀX and Xᵀy make each cell O(d³).
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class RealVsSynthetic final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferenceLine> referenceLines(const Config& config, const std::string& xKey) const override;
  void simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                          std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                          double* out) const override;

  /// c² = E‖ŵ₀ − w*‖²_Σ of the generator (OLS, exact), or a negative value when it has no finite mean (T₀ < d + 2).
  static double generatorQuality(const Config& config);
};

}  // namespace collapse
