#include "collapse/neural/mlp_training.hpp"

#include <cmath>

#include "collapse/random/samplers.hpp"
#include "collapse/neural/softmax.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse::neural {

namespace {

// The layers' products go through the two-lane GEMM (simd/matrix_kernels.hpp): the same bits in every build, and in
// WebAssembly SIMD about 1.8× faster than Eigen's scalar product (docs/benchmarks.md).

/// Pre-activations and activations of every layer: activations[0] = X, activations[l + 1] = ReLU(W_l a_l + b_l) for
/// hidden layers, and the output (logits) last, without ReLU.
struct Forward {
  std::vector<Eigen::MatrixXd> activations;
  Eigen::MatrixXd output;
};

Forward forward(const MlpParameters& p, const Eigen::MatrixXd& inputs) {
  Forward f;
  f.activations.push_back(inputs);
  const std::size_t layers = p.weights.size();
  for (std::size_t l = 0; l + 1 < layers; ++l) {
    Eigen::MatrixXd z = simd::product(p.weights[l], f.activations.back()).colwise() + p.biases[l];
    f.activations.push_back(z.cwiseMax(0.0));
  }
  f.output = simd::product(p.weights.back(), f.activations.back()).colwise() + p.biases.back();
  return f;
}

/// ∂(data loss)/∂(output) and the data loss: (softmax − Y)/N and mean CE, or (Z − Y)/N and (1/2N)‖Z − Y‖².
Eigen::MatrixXd outputGradient(const MlpSettings& s, const Eigen::MatrixXd& z, double& loss) {
  const double n = static_cast<double>(z.cols());
  Eigen::MatrixXd g(z.rows(), z.cols());
  loss = 0;
  if (s.mse) {
    for (Eigen::Index i = 0; i < z.cols(); ++i) {
      g.col(i) = z.col(i);
      g(i / s.perClass, i) -= 1.0;
      loss += 0.5 * g.col(i).squaredNorm();
    }
  } else {
    Eigen::VectorXd logPartition;
    columnSoftmax(z, g, logPartition);
    for (Eigen::Index i = 0; i < z.cols(); ++i) {
      const Eigen::Index y = i / s.perClass;
      loss += logPartition[i] - z(y, i);
      g(y, i) -= 1.0;
    }
  }
  loss /= n;
  return g / n;
}

double decay(const MlpSettings& s, const MlpParameters& p) {
  double sum = 0;
  for (const auto& w : p.weights) sum += w.squaredNorm();
  return 0.5 * s.weightDecay * sum;
}

}  // namespace

MlpParameters initialMlp(const MlpSettings& s, int inputDim, Rng& rng) {
  NormalSampler normal(rng);
  MlpParameters p;
  int fanIn = inputDim;
  for (int l = 0; l < s.depth; ++l) {
    const int out = l + 1 == s.depth ? s.featureDim : s.hiddenWidth;
    Eigen::MatrixXd w(out, fanIn);
    normal.fill(w.data(), w.size());
    p.weights.push_back(w * std::sqrt(2.0 / fanIn));
    p.biases.push_back(Eigen::VectorXd::Zero(out));
    fanIn = out;
  }
  Eigen::MatrixXd classifier(s.classes, fanIn);
  normal.fill(classifier.data(), classifier.size());
  p.weights.push_back(classifier * std::sqrt(1.0 / fanIn));
  p.biases.push_back(Eigen::VectorXd::Zero(s.classes));
  return p;
}

double mlpObjective(const MlpSettings& s, const MlpParameters& p, const Eigen::MatrixXd& inputs) {
  double loss;
  outputGradient(s, forward(p, inputs).output, loss);
  return loss + decay(s, p);
}

MlpParameters mlpGradient(const MlpSettings& s, const MlpParameters& p, const Eigen::MatrixXd& inputs) {
  const Forward f = forward(p, inputs);
  double loss;
  Eigen::MatrixXd delta = outputGradient(s, f.output, loss);  // ∂L/∂(pre-activation) of the current layer
  MlpParameters g = p;
  for (std::size_t l = p.weights.size(); l-- > 0;) {
    const Eigen::MatrixXd& below = f.activations[l];
    g.weights[l] = simd::product(delta, below.transpose()) + s.weightDecay * p.weights[l];
    g.biases[l] = delta.rowwise().sum();
    if (l == 0) break;
    // Through W_l, then the ReLU of layer l − 1 (its activation is positive exactly where it passed).
    delta = simd::product(p.weights[l].transpose(), delta).cwiseProduct((below.array() > 0.0).cast<double>().matrix());
  }
  return g;
}

LastLayer mlpLastLayer(const MlpSettings& s, const MlpParameters& p, const Eigen::MatrixXd& inputs) {
  LastLayer layer;
  layer.features = forward(p, inputs).activations.back();
  layer.classifier = p.weights.back();
  layer.bias = p.biases.back();
  layer.perClass = s.perClass;
  return layer;
}

void trainMlp(const MlpSettings& s, const Eigen::MatrixXd& inputs, const std::vector<int>& checkpoints, Rng& rng,
              const std::function<void(int, const MlpParameters&)>& observe) {
  MlpParameters p = initialMlp(s, static_cast<int>(inputs.rows()), rng);
  MlpParameters velocity = p;
  for (auto& w : velocity.weights) w.setZero();
  for (auto& b : velocity.biases) b.setZero();
  const int steps = checkpoints.empty() ? 0 : checkpoints.back();
  std::size_t next = 0;
  for (int step = 0; step <= steps; ++step) {
    bool finite = true;
    for (const auto& w : p.weights) finite = finite && w.allFinite();
    if (!finite) return;
    if (next < checkpoints.size() && checkpoints[next] == step) {
      observe(step, p);
      ++next;
    }
    if (step == steps) break;
    const MlpParameters g = mlpGradient(s, p, inputs);
    for (std::size_t l = 0; l < p.weights.size(); ++l) {
      velocity.weights[l] = s.momentum * velocity.weights[l] + g.weights[l];
      velocity.biases[l] = s.momentum * velocity.biases[l] + g.biases[l];
      p.weights[l] -= s.learningRate * velocity.weights[l];
      p.biases[l] -= s.learningRate * velocity.biases[l];
    }
  }
}

}  // namespace collapse::neural
