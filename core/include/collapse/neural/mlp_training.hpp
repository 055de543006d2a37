#pragma once
/// @file mlp_training.hpp
/// A small real network for neural collapse on real data (docs/theory/neural-collapse.md, "A real network"):
/// a fully connected ReLU network x → h = φ(x) ∈ R^d → Wh + b, `depth` hidden layers (the first depth − 1 of width
/// `hiddenWidth`, the last of width d: the features, as Papyan et al. measure a network's last layer), trained by
/// full-batch gradient descent with heavy-ball momentum on
///   (1/N) Σ_i ℓ(f(x_i), y_i) + (λ/2) Σ_l ‖W_l‖²_F   (every weight matrix, no bias; ℓ = CE, or ½‖·‖² for MSE).
/// He initialisation (Kaiming, He et al. 2015): W_l ~ N(0, 2/fan_in), the classifier N(0, 1/d), biases 0.
#include <functional>
#include <vector>

#include <Eigen/Dense>

#include "collapse/neural/collapse_metrics.hpp"
#include "collapse/random/rng.hpp"

namespace collapse::neural {

struct MlpSettings {
  bool mse = false;  ///< false: cross-entropy
  int classes = 10, perClass = 10, hiddenWidth = 64, depth = 2, featureDim = 32;
  double weightDecay = 5e-4, learningRate = 0.1, momentum = 0.9;
};

/// Weights[l] is (out × in); layer l maps activations of layer l − 1 (the input for l = 0); the last entry is the
/// classifier W (C × d).
struct MlpParameters {
  std::vector<Eigen::MatrixXd> weights;
  std::vector<Eigen::VectorXd> biases;
};

MlpParameters initialMlp(const MlpSettings& settings, int inputDim, Rng& rng);

/// The objective on inputs X (p × N, samples ordered by class, n per class).
double mlpObjective(const MlpSettings& settings, const MlpParameters& parameters, const Eigen::MatrixXd& inputs);

/// Its gradient by back-propagation (same shapes as the parameters).
MlpParameters mlpGradient(const MlpSettings& settings, const MlpParameters& parameters, const Eigen::MatrixXd& inputs);

/// The last layer: features H = the last hidden activations (d × N), the classifier and its bias.
LastLayer mlpLastLayer(const MlpSettings& settings, const MlpParameters& parameters, const Eigen::MatrixXd& inputs);

/// Trains from initialMlp(settings, rows of inputs, rng) and calls observe(step, parameters) at every checkpoint
/// (ascending; 0 = before any step); stops early if the parameters stop being finite.
void trainMlp(const MlpSettings& settings, const Eigen::MatrixXd& inputs, const std::vector<int>& checkpoints, Rng& rng,
              const std::function<void(int, const MlpParameters&)>& observe);

}  // namespace collapse::neural
