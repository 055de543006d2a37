// The Monte Carlo of "neural-collapse": one trial trains one initialisation and measures every metric at every
// checkpoint (docs/theory/neural-collapse.md; metrics in neural/collapse_metrics.hpp).
#include <cmath>
#include <limits>

#include "collapse/experiments/neural_collapse.hpp"

namespace collapse {

std::vector<double> NeuralCollapse::measure(const neural::UfmSettings& s, const neural::LastLayer& layer) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const int classes = layer.classes();
  const Eigen::MatrixXd centred = neural::centredMeans(neural::classMeans(layer.features, classes, layer.perClass));
  const bool mse = s.loss == neural::UfmLoss::Mse || s.loss == neural::UfmLoss::MseNoBias;
  // Spherical CE has no bias; its logits are Wh/τ, whose argmax is that of Wh (b = 0 in the layer).
  return {
      neural::trainError(layer),
      neural::ufmObjective(s, layer),
      neural::nc1(layer.features, classes, layer.perClass),
      neural::equinorm(centred),
      neural::equiangularity(centred),
      neural::maxAngle(centred),
      neural::selfDuality(layer.classifier, centred),
      neural::nccMismatch(layer),
      mse ? neural::lsDeviation(layer, s.centralPath ? 0.0 : s.weightDecay, s.useBias()) : nan,
      neural::gnc2(layer.classifier),
      neural::gnc3(layer.classifier, centred),
      layer.classifier.squaredNorm() / classes,
      layer.features.colwise().squaredNorm().mean(),
      neural::trueClassOutput(s, layer),
  };
}

std::vector<double> NeuralCollapse::simulateTrial(const Config& c, Rng& rng) const {
  const auto steps = checkpoints(c.integer("steps"));
  const std::size_t points = steps.size(), metricCount = metrics(c).size();
  // Checkpoints after a divergence (a step beyond the stability limit) stay +∞: the mean over trials is then ∞
  // (null in JSON), and ∞, unlike NaN, keeps the summaries' sorting well defined when only some trials diverge.
  std::vector<double> values(metricCount * points, std::numeric_limits<double>::infinity());
  const neural::UfmSettings settings = ufmSettings(c);
  std::size_t k = 0;
  neural::trainUfm(settings, steps, rng, [&](int, const neural::LastLayer& layer) {
    const auto measured = measure(settings, layer);
    for (std::size_t m = 0; m < metricCount; ++m) values[m * points + k] = measured[m];
    ++k;
  });
  return values;
}

std::optional<PointCloud> NeuralCollapse::pointCloud(const Config& c, Rng& rng) const {
  const auto steps = checkpoints(c.integer("steps"));
  const neural::UfmSettings settings = ufmSettings(c);
  PointCloud cloud;
  cloud.dimension = settings.featureDim;
  // Rows of d coordinates, each set scaled to unit Frobenius norm so every frame fits the same axes.
  auto append = [](const Eigen::MatrixXd& columns, std::vector<double>& out) {
    const double norm = columns.norm();
    for (Eigen::Index i = 0; i < columns.cols(); ++i)
      for (Eigen::Index j = 0; j < columns.rows(); ++j) out.push_back(columns(j, i) / (norm > 0 ? norm : 1.0));
  };
  neural::trainUfm(settings, steps, rng, [&](int, const neural::LastLayer& layer) {
    std::vector<double> frame;
    append(neural::centredMeans(neural::classMeans(layer.features, layer.classes(), layer.perClass)), frame);
    append(layer.classifier.transpose(), frame);
    cloud.generations.push_back(std::move(frame));
  });
  if (!cloud.generations.empty())
    cloud.real.assign(cloud.generations.back().begin(), cloud.generations.back().begin() + settings.classes * settings.featureDim);
  return cloud;
}

}  // namespace collapse
