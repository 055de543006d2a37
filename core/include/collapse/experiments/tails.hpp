#pragma once
/// @file tails.hpp
/// Experiment "tails": the Hutter memoriser on Zipf data trained on AI-generated data (Dohmatob, Feng, Yang,
/// Charton & Kempe, "A Tale of Tails: Model Collapse as a Change of Scaling Laws", ICML 2024, arXiv 2402.07043;
/// mathematics in docs/theory/tails.md).
///
/// Items i = 1..N have probabilities p_i ∝ i^(−β) and fixed labels; a learner that memorises every item it saw
/// errs on a test item with probability E = Σ_i p_i·1{i unseen}. It is trained on T draws of
/// π·p + (1 − π)·q⁽ⁿ⁾, where q⁽ⁿ⁾ is the n-th generation of an AI generator: tail cutting (top-k / top-p),
/// tail narrowing (temperature), or the histogram of T₀ draws from the previous generation. The task "bigram"
/// (the paper's Hutter++, §4) memorises (context, next item) pairs, with the generator acting on the next item.
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class Tails final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::vector<ReferenceLine> referenceLines(const Config& config, const std::string& xKey) const override;
  std::vector<ReferencePoint> referencePoints(const Config& config, const std::string& xKey) const override;
};

}  // namespace collapse
