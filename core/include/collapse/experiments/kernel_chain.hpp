#pragma once
/// @file kernel_chain.hpp
/// Experiment "kernel-chain": the synthetic-data chain of Dohmatob, Feng & Kempe, "Model Collapse Demystified: The
/// Case of Regression", NeurIPS 2024, arXiv 2402.07712, with kernel ridge regression on real MNIST digits
/// (docs/theory/kernel-chain.md).
///
/// Training inputs: the first `samples` digits of each class (package order); test inputs: the next `testSamples`.
/// Generation 0 is the real targets; generation k relabels the training inputs with the previous generator's
/// predictions plus noise σ₀; the downstream kernel ridge model (λ) fitted on generation n's labels is tested on the
/// real targets of the test digits. x axis: n = 0 … generations.
///
/// Fixed design: the kernel matrix is eigendecomposed once per design (cached: the same for every trial, every λ
/// and every generation count) and the chain runs in its eigenbasis, where the noise of a generation is N(0, I):
/// O(T) per generation, O(N·T) per reported error. Fresh design: each generation draws new training digits from
/// the pool (every digit but the test ones), fitting a kernel ridge model per generation; Monte Carlo only.
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class KernelChain final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferencePoint> referencePoints(const Config& config, const std::string& xKey) const override;
  void simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                           std::uint64_t seed, std::uint64_t trial, double* out) const override;
};

}  // namespace collapse
