#pragma once
/// @file synthetic_chain.hpp
/// Experiment "synthetic-chain": Dohmatob, Feng & Kempe, "Model Collapse Demystified: The Case of
/// Regression", NeurIPS 2024, arXiv 2402.07712 (docs/theory/recursive-regression.md §3–4).
///
/// A chain of generators ŵ₁ … ŵ_n: generator k is fitted (OLS, or min-norm when T₀ < d) on T₀ fresh inputs
/// labelled by generator k − 1 plus noise σ₀, with ŵ₀ = w*. A downstream ridge model is trained on T fresh
/// inputs labelled by ŵ_n plus noise σ and scored against w* on the real distribution. x axis: n = 0 (clean
/// data) … generations.
///
/// Simulation: the downstream data are drawn first and shared by every point of a trial (every n, every λ):
/// one eigendecomposition XᵀX/T = V·diag(μ)·Vᵀ, after which a point (n, λ) costs O(d²):
///   ŵ − w* = (R̃ − I)w*  +  R̃·δ_n  +  σ·Q·Xᵀε/T,   R̃ = V·diag(μ/(μ + λ))·Vᵀ,  Q = V·diag(1/(μ + λ))·Vᵀ,
/// (bias, collapse and variance parts; null directions of XᵀX get R̃ = 0, Q = 0: the minimum-norm fit at λ = 0).
/// Generators with T₀ ≥ d use the Bartlett sampler: δ_k = δ_{k−1} + σ₀·D⁻¹A_k⁻ᵀz_k, O(d²) per generation.
#include "collapse/experiments/experiment.hpp"
#include "collapse/theory/ridge_equivalents.hpp"

namespace collapse {

class SyntheticChain final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  Config resolve(const Config& config) const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferencePoint> referencePoints(const Config& config, const std::string& xKey) const override;
  void simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                           std::uint64_t seed, std::uint64_t trial, double* out) const override;

  /// The theory setting of a config at n generations (λ as resolved).
  static theory::ChainSetting theorySetting(const Config& config, double generations);
  /// The λ a config asks for: `ridge`, T^(−ℓ), or the theoretical optimum.
  static double effectiveRidge(const Config& config);
};

}  // namespace collapse
