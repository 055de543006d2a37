#pragma once
/// @file kde_fitting.hpp
/// Experiment "kde-fitting": a Gaussian kernel density estimate refitted each generation on samples of the
/// previous one (Kazdan et al. 2025, "Collapse or Thrive?", arXiv 2410.16713, fit_kdes.py;
/// docs/theory/generative.md §1 and §5). Metric: the mean negative log-likelihood of fresh real test data, drawn from the same
/// distribution as the real training data. There is no closed form for it: simulation only.
#include "collapse/experiments/experiment.hpp"

namespace collapse {

class KdeFitting final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config&) const override { return std::nullopt; }
  std::optional<PointCloud> pointCloud(const Config& config, Rng& rng) const override;
};

}  // namespace collapse
