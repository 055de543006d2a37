#pragma once
/// @file kernel_real_vs_synthetic.hpp
/// Experiment "kernel-real-vs-synthetic": Kazdan et al.'s cardinality-versus-proportion grid ("Collapse or Thrive?",
/// ICML 2025, arXiv 2410.16713) with kernel ridge on real MNIST digits (docs/theory/real-vs-synthetic.md §5). The
/// MNIST counterpart of "real-vs-synthetic", kept apart so that the linear experiment never downloads the digits.
///
/// Per class, in the package's order: the generator's digits [0, T₀), the test digits [T₀, T₀ + N), the real pool
/// upwards from T₀ + N and the synthetic inputs downwards from the class's last digit, so every grid's training sets
/// are nested prefixes. The generator (kernel ridge λ₀ on real targets) labels the synthetic inputs; each synthetic
/// label gets noise σ₀ drawn from its own stream (trial, digit), so a digit's synthetic label is the same in every cell
/// of a trial. The downstream kernel ridge model (λ) on the n_real real and n_synth synthetic digits of each class is
/// tested on the real targets of the test digits. The digits are fixed: a trial replicates the synthetic sampling noise.
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class KernelRealVsSynthetic final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  void simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                          std::uint64_t seed, std::uint64_t firstTrial, std::size_t trials, std::size_t valuesPerTrial,
                          double* out) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
};

}  // namespace collapse
