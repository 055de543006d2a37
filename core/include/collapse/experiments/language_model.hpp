#pragma once
/// @file language_model.hpp
/// Experiment "language-model": a word-level n-gram model trained, generation after generation, on text it sampled
/// itself, on the real Brown corpus (Shumailov et al. 2024, Nature 631; Gerstgrasser et al. 2024, arXiv
/// 2404.01413; Kazdan et al. 2025, arXiv 2410.16713; Dohmatob et al. 2024, arXiv 2402.07043; mathematics in
/// docs/theory/language-model.md). Generation 1 fits T real tokens; generation g fits T tokens sampled from
/// generation g − 1 (replace), everything so far (accumulate) or T tokens of whole sentences drawn from everything
/// so far (accumulate-subsample). Every metric is computed from one run (see LanguageModelMetrics).
#include "collapse/experiments/experiment.hpp"

namespace collapse {

/// The metrics of one fitted generation, each computed by its own function in language_model_simulation.cpp.
struct LanguageModelMetrics {
  double perplexity, vocabulary, tailMass, diversity, kl;
  double get(const std::string& key) const;
  static const std::vector<std::string>& keys();
};

class LanguageModel final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  Axis metricAxis(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::vector<Axis> metrics(const Config& config) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::optional<std::vector<double>> theoryFor(const Config& config, const std::string& metricKey) const override;
  std::optional<PointCloud> pointCloud(const Config& config, Rng& rng) const override;

  /// Every metric at generations 1..n of one trial ([g − 1]); `texts` (if given) receives each generation's
  /// training text as token ids (generation 1: the real text).
  std::vector<LanguageModelMetrics> simulateMetrics(const Config& config, Rng& rng, PointCloud* cloud,
                                                    std::vector<std::vector<std::uint32_t>>* texts = nullptr) const;

  /// Trial 1's text at every generation: its first kSentencesShown sentences of 6–25 words (cached per
  /// configuration; generation 1 is the real text).
  std::vector<GenerationSample> sampleSentences(const Config& config) const override;
  static constexpr int kSentencesShown = 3;

  /// "Sentences of trial 1 …: generation 1 (real text): “…” · generation 5: “…” · …" (the first sentence of
  /// generations 1, 5, 20 and the last), one of the notes.
  std::string sampledSentences(const Config& config) const;
};

}  // namespace collapse
