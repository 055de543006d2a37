#pragma once
/// @file neural_collapse.hpp
/// Experiment "neural-collapse": a classifier's last layer trained to zero error and beyond (the terminal
/// phase), with the neural-collapse metrics measured at log-spaced checkpoints of one run (Papyan, Han & Donoho
/// 2020, PNAS 117(40), arXiv 2008.08186; Han, Papyan & Donoho 2022, ICLR, arXiv 2106.02073; Jiang et al. 2024,
/// ICML, arXiv 2310.05351). Mathematics: docs/theory/neural-collapse.md.
///
/// model = ufm: the unconstrained-features model (neural/ufm_training.hpp); model = mlp: a ReLU network on real MNIST
/// digits (neural/mlp_training.hpp), its last hidden layer as the features. A trial is one initialisation drawn
/// from Rng(seed, trial); every metric of the catalogue's `metric` list is recorded at every checkpoint (several
/// metrics from one run, docs/result.md).
#include <functional>

#include "collapse/experiments/experiment.hpp"
#include "collapse/neural/mlp_training.hpp"
#include "collapse/neural/ufm_training.hpp"

namespace collapse {

class NeuralCollapse final : public Experiment {
 public:
  const ExperimentInfo& info() const override;
  std::vector<Issue> checkCombination(const Config& config) const override;
  std::vector<std::string> notes(const Config& config) const override;
  Axis metricAxis(const Config& config) const override;
  std::vector<Axis> metrics(const Config& config) const override;
  std::vector<double> naturalX(const Config& config) const override;
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override;
  std::optional<std::vector<double>> theory(const Config& config) const override;
  std::optional<std::vector<double>> theoryFor(const Config& config, const std::string& metricKey) const override;
  std::vector<ReferenceLine> referenceLinesFor(const Config& config, const std::string& xKey,
                                               const std::string& metricKey) const override;

  /// {0} ∪ round(steps^(k/40)), k = 0..40, de-duplicated: log-spaced training steps, the last one `steps`.
  static std::vector<int> checkpoints(int steps);
  static neural::UfmSettings ufmSettings(const Config& config);
  static neural::MlpSettings mlpSettings(const Config& config);
  /// Every metric of one last layer whose objective is `objective`, in the declared order of metrics().
  static std::vector<double> measure(const neural::UfmSettings& settings, const neural::LastLayer& layer, double objective);
  /// The MLP's training inputs: the first `perClass` MNIST digits of classes 0..C−1, 2 × 2-average-pooled to
  /// 14 × 14 and scaled to [0, 1] (196 × N, class by class). Throws ValidationError when the digits are not loaded.
  static Eigen::MatrixXd mnistInputs(int classes, int perClass);
  /// One training run (UFM or MLP) from `rng`: observe(last layer, objective) at every checkpoint.
  static void train(const Config& config, Rng& rng, const std::function<void(const neural::LastLayer&, double)>& observe);

  /// The geometry of one trial for the page's picture, in R^d (dimension = d): generations[k] holds, at
  /// checkpoint k, the C centred class means m̄_c/‖M̄‖_F (rows 0..C−1) then the C classifier rows w_c/‖W‖_F
  /// (rows C..2C−1); `real` holds the final checkpoint's means. The page projects and computes the cosines.
  std::optional<PointCloud> pointCloud(const Config& config, Rng& rng) const override;
};

}  // namespace collapse
