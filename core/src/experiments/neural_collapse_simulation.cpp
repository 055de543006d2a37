// The Monte Carlo of "neural-collapse": one trial trains one initialisation and measures every metric at every
// checkpoint (docs/theory/neural-collapse.md; metrics in neural/collapse_metrics.hpp).
#include <cmath>
#include <limits>

#include "collapse/data/mnist_digits.hpp"
#include "collapse/experiments/neural_collapse.hpp"
#include "collapse/neural/mlp_training.hpp"

namespace collapse {

std::vector<double> NeuralCollapse::measure(const neural::UfmSettings& s, const neural::LastLayer& layer, double objective) {
  const int classes = layer.classes();
  const Eigen::MatrixXd centred = neural::centredMeans(neural::classMeans(layer.features, classes, layer.perClass));
  // Spherical CE has no bias; its logits are Wh/τ, whose argmax is that of Wh (b = 0 in the layer).
  return {
      neural::trainError(layer),
      objective,
      neural::nc1(layer.features, classes, layer.perClass),
      neural::equinorm(centred),
      neural::equiangularity(centred),
      neural::maxAngle(centred),
      neural::selfDuality(layer.classifier, centred),
      neural::nccMismatch(layer),
      // Term B of the MSE objective (λ_W, the model's bias or none); for CE-trained classifiers the same quantity:
      // how much MSE the classifier gives away against the least-squares one of the same features.
      neural::lsDeviation(layer, s.centralPath ? 0.0 : s.weightDecay, s.useBias()),
      neural::gnc2(layer.classifier),
      neural::gnc3(layer.classifier, centred),
      layer.classifier.squaredNorm() / classes,
      layer.features.colwise().squaredNorm().mean(),
      neural::trueClassOutput(s, layer),
  };
}

Eigen::MatrixXd NeuralCollapse::mnistInputs(int classes, int perClass) {
  // 2 × 2 average pooling to 14 × 14 (196 inputs), grey levels scaled to [0, 1]: the first layer, which dominates the
  // cost, shrinks 4×, and the digits stay recognisable (docs/theory/neural-collapse.md, "A real network").
  const data::MnistDigits digits = data::mnistDigits();
  constexpr int side = data::MnistDigits::kRows / 2;
  Eigen::MatrixXd inputs(side * side, static_cast<Eigen::Index>(classes) * perClass);
  for (int c = 0; c < classes; ++c)
    for (int k = 0; k < perClass; ++k) {
      const std::uint8_t* pixels = digits.image(c, k);
      const Eigen::Index column = static_cast<Eigen::Index>(c) * perClass + k;
      for (int r = 0; r < side; ++r)
        for (int q = 0; q < side; ++q) {
          const int at = 2 * r * data::MnistDigits::kCols + 2 * q;
          const double sum = pixels[at] + pixels[at + 1] + pixels[at + data::MnistDigits::kCols] + pixels[at + data::MnistDigits::kCols + 1];
          inputs(r * side + q, column) = sum / (4.0 * 255.0);
        }
    }
  return inputs;
}

neural::MlpSettings NeuralCollapse::mlpSettings(const Config& c) {
  neural::MlpSettings s;
  s.mse = c.choice("loss") == "mse";
  s.classes = c.integer("classes");
  s.perClass = c.integer("samplesPerClass");
  s.hiddenWidth = c.integer("hiddenWidth");
  s.depth = c.integer("depth");
  s.featureDim = c.integer("featureDim");
  s.weightDecay = c.number("weightDecay");
  s.learningRate = c.number("learningRate");
  s.momentum = c.number("momentum");
  return s;
}

void NeuralCollapse::train(const Config& c, Rng& rng, const std::function<void(const neural::LastLayer&, double)>& observe) {
  const auto steps = checkpoints(c.integer("steps"));
  if (c.choice("model") == "mlp") {
    const neural::MlpSettings settings = mlpSettings(c);
    const Eigen::MatrixXd inputs = mnistInputs(settings.classes, settings.perClass);
    neural::trainMlp(settings, inputs, steps, rng, [&](int, const neural::MlpParameters& parameters) {
      observe(neural::mlpLastLayer(settings, parameters, inputs), neural::mlpObjective(settings, parameters, inputs));
    });
    return;
  }
  const neural::UfmSettings settings = ufmSettings(c);
  neural::trainUfm(settings, steps, rng, [&](int, const neural::LastLayer& layer) { observe(layer, neural::ufmObjective(settings, layer)); });
}

std::vector<double> NeuralCollapse::simulateTrial(const Config& c, Rng& rng) const {
  const std::size_t points = checkpoints(c.integer("steps")).size(), metricCount = metrics(c).size();
  // Checkpoints after a divergence (a step beyond the stability limit) stay +∞: the mean over trials is then ∞
  // (null in JSON), and ∞, unlike NaN, keeps the summaries' sorting well defined when only some trials diverge.
  std::vector<double> values(metricCount * points, std::numeric_limits<double>::infinity());
  const neural::UfmSettings settings = ufmSettings(c);  // the MLP's loss kind (ce or mse, with a bias) for the metrics
  std::size_t k = 0;
  train(c, rng, [&](const neural::LastLayer& layer, double objective) {
    const auto measured = measure(settings, layer, objective);
    for (std::size_t m = 0; m < metricCount; ++m) values[m * points + k] = measured[m];
    ++k;
  });
  return values;
}

std::optional<PointCloud> NeuralCollapse::pointCloud(const Config& c, Rng& rng) const {
  PointCloud cloud;
  const int classes = c.integer("classes");
  cloud.dimension = c.integer("featureDim");
  // Rows of d coordinates, each set scaled to unit Frobenius norm so every frame fits the same axes.
  auto append = [](const Eigen::MatrixXd& columns, std::vector<double>& out) {
    const double norm = columns.norm();
    for (Eigen::Index i = 0; i < columns.cols(); ++i)
      for (Eigen::Index j = 0; j < columns.rows(); ++j) out.push_back(columns(j, i) / (norm > 0 ? norm : 1.0));
  };
  train(c, rng, [&](const neural::LastLayer& layer, double) {
    std::vector<double> frame;
    append(neural::centredMeans(neural::classMeans(layer.features, layer.classes(), layer.perClass)), frame);
    append(layer.classifier.transpose(), frame);
    cloud.generations.push_back(std::move(frame));
  });
  if (!cloud.generations.empty())
    cloud.real.assign(cloud.generations.back().begin(), cloud.generations.back().begin() + classes * cloud.dimension);
  return cloud;
}

}  // namespace collapse
