#pragma once
/// @file strong_collapse.hpp
/// Experiment "strong-collapse": Dohmatob, Feng, Subramonian & Kempe, "Strong Model Collapse", ICLR 2025,
/// arXiv 2410.04840 (docs/theory/strong-collapse.md). One ridge fit on n samples of which n₂ (a fraction p₂, or a
/// fixed count) carry labels from a shifted model w₁ + δ, δ ~ N(0, (c²/d)·Σ⁻¹) drawn afresh per trial, the rest
/// from w₁; test error on the real distribution. Model: the classical linear one, or random projections
/// f(x) = vᵀSx with S ∈ ℝ^{m×d}, S_ij ~ N(0, 1/d), drawn per trial.
///
/// A trial draws δ, then the data, then S (row by row). Points of one trial that differ only in n (linear model)
/// share one growing design: Wishart blocks add, so the statistics at n₁ < n₂ are nested exactly and each point
/// costs O(d³) whatever n is. Points that differ only in m share the data and the first rows of one S.
#include "collapse/experiments/experiment.hpp"
#include "collapse/theory/strong_collapse_theory.hpp"

namespace collapse {

class StrongCollapse final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferenceLine> referenceLines(const Config& config, const std::string& xKey) const override;
  void simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                           std::uint64_t seed, std::uint64_t trial, double* out) const override;

  /// n₂: round(p₂·n), or the fixed count (at most n).
  static int syntheticRows(const Config& config);
  static theory::MixtureSetting mixtureSetting(const Config& config);
};

}  // namespace collapse
