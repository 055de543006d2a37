#pragma once
/// @file ufm_training.hpp
/// The unconstrained-features model (UFM): the features H (d × N) are free parameters trained jointly with the
/// classifier (W, b) by full-batch gradient descent with heavy-ball momentum (docs/theory/neural-collapse.md,
/// "The unconstrained-features model"). Objectives:
///   ce           (1/N)Σ CE(Wh_i + b, y_i) + (λ_W/2)‖W‖² + (λ_H/2)‖H‖²            (Zhu et al. 2021, arXiv 2105.02375)
///   mse          (1/2N)‖WH + b1ᵀ − Y‖² + (λ_W/2)‖W‖² + (λ_H/2)‖H‖², b unregularised (Zhou et al. 2022; Tirer & Bruna 2022)
///   mse-nobias   the same without b (orthogonal-frame optimum)
///   spherical-ce (1/N)Σ CE(Wh_i/τ, y_i) with ‖w_c‖ = ‖h_i‖ = 1 (Jiang et al. 2024, arXiv 2310.05351): Riemannian
///                gradient step on the spheres, then renormalisation
/// Central path (Han, Papyan & Donoho 2022, arXiv 2106.02073, mse only): the classifier is the least-squares one
/// (λ = 0) at every step; the features, whitened once so that Σ_W = I, move by the class-averaged gradient (the
/// projected flow on {Σ_W = I}, which moves only the class means).
#include <functional>
#include <vector>

#include "collapse/neural/collapse_metrics.hpp"
#include "collapse/random/rng.hpp"

namespace collapse::neural {

enum class UfmLoss { CrossEntropy, Mse, MseNoBias, SphericalCrossEntropy };

struct UfmSettings {
  UfmLoss loss = UfmLoss::CrossEntropy;
  int classes = 4;          ///< C
  int featureDim = 16;      ///< d
  int perClass = 20;        ///< n
  double weightDecay = 5e-3;   ///< λ_W
  double featureDecay = 5e-3;  ///< λ_H
  double learningRate = 1.0;
  double momentum = 0.0;    ///< heavy ball: v ← μv + g, θ ← θ − lr·v
  double initScale = 0.1;   ///< W, H ~ N(0, initScale²) entrywise
  double temperature = 0.2; ///< τ (spherical-ce)
  bool centralPath = false;
  bool useBias() const { return loss == UfmLoss::CrossEntropy || loss == UfmLoss::Mse; }
};

/// The random initial state: W (C × d) then H (d × N) drawn entrywise N(0, initScale²) from `rng` in that order,
/// b = 0; normalised rows/columns for spherical-ce; whitened features (Σ_W = I) and the least-squares classifier
/// for the central path. Shared by training and the central path's closed form (same stream → same start).
LastLayer initialUfmState(const UfmSettings& settings, Rng& rng);

/// The objective of `settings.loss` at `state` (for the central path: the MSE loss without weight decay).
double ufmObjective(const UfmSettings& settings, const LastLayer& state);

/// The model's output on the true class, averaged over samples: the softmax probability for ce and
/// spherical-ce, (Wh_i + b)_{y_i} for mse and mse-nobias.
double trueClassOutput(const UfmSettings& settings, const LastLayer& state);

/// Trains for max(checkpoints) steps from initialUfmState(settings, rng) and calls observe(step, state) at every
/// checkpoint (ascending, 0 = the initial state, before any step). Stops early, reporting nothing more, if
/// the state stops being finite (a step size beyond the stability limit).
void trainUfm(const UfmSettings& settings, const std::vector<int>& checkpoints, Rng& rng,
              const std::function<void(int, const LastLayer&)>& observe);

}  // namespace collapse::neural
