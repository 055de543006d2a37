#include "collapse/neural/ufm_training.hpp"

#include <cmath>

#include "collapse/random/samplers.hpp"
#include "collapse/neural/softmax.hpp"
#include "collapse/simd/f64x2.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse::neural {

namespace {

// The gradient step's products go through the two-lane GEMM (simd/matrix_kernels.hpp): the same bits in every build;
// Eigen's scalar product and its packing were 40 % of the UFM presets' time in WebAssembly (node --cpu-prof).

bool spherical(const UfmSettings& s) { return s.loss == UfmLoss::SphericalCrossEntropy; }

/// Logits Z (C × N): WH + b1ᵀ, or WH/τ for spherical-ce.
Eigen::MatrixXd logits(const UfmSettings& s, const LastLayer& state) {
  if (spherical(s)) return simd::product(state.classifier, state.features) / s.temperature;
  Eigen::MatrixXd z = simd::product(state.classifier, state.features);
  if (s.useBias()) z.colwise() += state.bias;
  return z;
}

/// Column-wise softmax (columnSoftmax); also returns Σ_i −log P_{y_i, i}.
Eigen::MatrixXd softmax(const Eigen::MatrixXd& z, int perClass, double& crossEntropySum) {
  Eigen::MatrixXd p;
  Eigen::VectorXd logPartition;
  columnSoftmax(z, p, logPartition);
  crossEntropySum = 0;
  for (Eigen::Index i = 0; i < z.cols(); ++i) crossEntropySum += logPartition[i] - z(i / perClass, i);
  return p;
}

/// One heavy-ball step of a parameter block x with velocity v, on two lanes: g = gradient + decay·x,
/// v ← momentum·v + g, x ← x − rate·v. These are the operations, entry by entry and in the same order, of the
/// Eigen expressions the step had been (g = G + λX; V = μV + g; X −= ηV), so the same bits, without the
/// temporary g and in one pass instead of four: those passes had been a quarter of the MSE presets in
/// WebAssembly, where Eigen runs scalar.
void momentumStep(Eigen::MatrixXd& x, Eigen::MatrixXd& v, const Eigen::MatrixXd& gradient, double decay, double momentum, double rate) {
  using namespace simd;
  const std::size_t size = static_cast<std::size_t>(x.size());
  double* px = x.data();
  double* pv = v.data();
  const double* pg = gradient.data();
  const F64x2 lambda = splat(decay), mu = splat(momentum), eta = splat(rate);
  std::size_t i = 0;
  for (; i + 2 <= size; i += 2) {
    const F64x2 xi = load(px + i);
    const F64x2 vi = mu * load(pv + i) + (load(pg + i) + lambda * xi);
    store(pv + i, vi);
    store(px + i, xi - eta * vi);
  }
  for (; i < size; ++i) {
    pv[i] = momentum * pv[i] + (pg[i] + decay * px[i]);
    px[i] = px[i] - rate * pv[i];
  }
}

void subtractOneHot(Eigen::MatrixXd& m, int perClass) {
  for (Eigen::Index i = 0; i < m.cols(); ++i) m(i / perClass, i) -= 1.0;
}

// The norms are evaluated first: a diagonal product is lazy, and m is written while it is read.
void normaliseRows(Eigen::MatrixXd& m) {
  const Eigen::VectorXd inverse = m.rowwise().norm().cwiseInverse();
  m = inverse.asDiagonal() * m;
}
void normaliseColumns(Eigen::MatrixXd& m) {
  const Eigen::VectorXd inverse = m.colwise().norm().cwiseInverse().transpose();
  m = m * inverse.asDiagonal();
}

/// Σ_W^{-1/2} applied to every feature (symmetric inverse square root; the caller ensures N − C ≥ d).
void whiten(LastLayer& state) {
  const Eigen::MatrixXd means = classMeans(state.features, state.classes(), state.perClass);
  Eigen::MatrixXd z = state.features;
  for (Eigen::Index i = 0; i < z.cols(); ++i) z.col(i) -= means.col(i / state.perClass);
  const Eigen::MatrixXd sigmaW = z * z.transpose() / static_cast<double>(z.cols());
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(sigmaW);
  const Eigen::MatrixXd inverseRoot = eigen.eigenvectors() * eigen.eigenvalues().cwiseSqrt().cwiseInverse().asDiagonal() *
                                      eigen.eigenvectors().transpose();
  state.features = inverseRoot * state.features;
}

void setLeastSquaresClassifier(LastLayer& state) {
  const Eigen::MatrixXd theta = leastSquaresClassifier(state.features, state.perClass, state.classes(), 0.0, true);
  state.classifier = theta.leftCols(state.features.rows());
  state.bias = theta.col(theta.cols() - 1);
}

bool finite(const LastLayer& state) {
  return state.features.allFinite() && state.classifier.allFinite() && state.bias.allFinite();
}

}  // namespace

LastLayer initialUfmState(const UfmSettings& s, Rng& rng) {
  const int n = s.classes * s.perClass;
  LastLayer state;
  state.perClass = s.perClass;
  state.classifier.resize(s.classes, s.featureDim);
  state.features.resize(s.featureDim, n);
  NormalSampler normal(rng);
  // Row-major draw order for W, column-major for H: sample by sample, as a loop over i would draw them.
  for (int c = 0; c < s.classes; ++c)
    for (int j = 0; j < s.featureDim; ++j) state.classifier(c, j) = s.initScale * normal();
  normal.fill(state.features.data(), state.features.size());
  state.features *= s.initScale;
  state.bias = Eigen::VectorXd::Zero(s.classes);
  if (spherical(s)) {
    normaliseRows(state.classifier);
    normaliseColumns(state.features);
  }
  if (s.centralPath) {
    whiten(state);
    setLeastSquaresClassifier(state);
  }
  return state;
}

double ufmObjective(const UfmSettings& s, const LastLayer& state) {
  const Eigen::MatrixXd z = logits(s, state);
  const double n = static_cast<double>(state.features.cols());
  double data;
  if (s.loss == UfmLoss::Mse || s.loss == UfmLoss::MseNoBias) {
    Eigen::MatrixXd residual = z;
    subtractOneHot(residual, state.perClass);
    data = 0.5 * residual.squaredNorm() / n;
  } else {
    double sum;
    softmax(z, state.perClass, sum);
    data = sum / n;
  }
  if (spherical(s) || s.centralPath) return data;
  return data + 0.5 * s.weightDecay * state.classifier.squaredNorm() + 0.5 * s.featureDecay * state.features.squaredNorm();
}

double trueClassOutput(const UfmSettings& s, const LastLayer& state) {
  const Eigen::MatrixXd z = logits(s, state);
  double sum = 0, ignored;
  const Eigen::MatrixXd values = (s.loss == UfmLoss::Mse || s.loss == UfmLoss::MseNoBias) ? z : softmax(z, state.perClass, ignored);
  for (Eigen::Index i = 0; i < values.cols(); ++i) sum += values(i / state.perClass, i);
  return sum / static_cast<double>(values.cols());
}

void trainUfm(const UfmSettings& s, const std::vector<int>& checkpoints, Rng& rng,
              const std::function<void(int, const LastLayer&)>& observe) {
  LastLayer state = initialUfmState(s, rng);
  const int steps = checkpoints.empty() ? 0 : checkpoints.back();
  const double n = static_cast<double>(state.features.cols());
  Eigen::MatrixXd velocityW = Eigen::MatrixXd::Zero(state.classifier.rows(), state.classifier.cols());
  Eigen::MatrixXd velocityH = Eigen::MatrixXd::Zero(state.features.rows(), state.features.cols());
  Eigen::VectorXd velocityB = Eigen::VectorXd::Zero(s.classes);
  Eigen::MatrixXd velocityMeans = Eigen::MatrixXd::Zero(state.features.rows(), s.classes);  // central path: per class
  std::size_t next = 0;
  for (int step = 0; step <= steps; ++step) {
    if (!finite(state)) return;
    if (next < checkpoints.size() && checkpoints[next] == step) {
      observe(step, state);
      ++next;
    }
    if (step == steps) break;
    if (s.centralPath) {
      // Envelope gradient of the LS loss, ∇_{h_i} = (1/N) W_LSᵀ(W_LS h_i + b_LS − e_{y_i}), averaged over each
      // class: the within-class part is normal to {Σ_W = I}, so only the class means move (docs/theory/neural-collapse.md, "The central path").
      Eigen::MatrixXd residual = simd::product(state.classifier, state.features).colwise() + state.bias;
      subtractOneHot(residual, state.perClass);
      const Eigen::MatrixXd gradient = simd::product(state.classifier.transpose(), residual) / n;
      for (int c = 0; c < s.classes; ++c) {
        const Eigen::VectorXd classGradient =
            gradient.middleCols(static_cast<Eigen::Index>(c) * s.perClass, s.perClass).rowwise().mean();
        velocityMeans.col(c) = s.momentum * velocityMeans.col(c) + classGradient;
        state.features.middleCols(static_cast<Eigen::Index>(c) * s.perClass, s.perClass).colwise() -= s.learningRate * velocityMeans.col(c);
      }
      setLeastSquaresClassifier(state);
      continue;
    }
    // G = ∂(data loss)/∂Z: (P − Y)/N for CE, (Z − Y)/N for MSE, (P − Y)/τ for spherical CE (per-sample scale).
    Eigen::MatrixXd g = logits(s, state);
    if (s.loss == UfmLoss::Mse || s.loss == UfmLoss::MseNoBias) {
      subtractOneHot(g, state.perClass);
      g /= n;
    } else {
      double ignored;
      g = softmax(g, state.perClass, ignored);
      subtractOneHot(g, state.perClass);
      g /= spherical(s) ? s.temperature : n;
    }
    // G·Hᵀ as (H·Gᵀ)ᵀ: the small transposes (C × N and d × C) are copied, not the d × N features.
    const Eigen::MatrixXd gHt = simd::product(state.features, g.transpose()).transpose();
    const Eigen::MatrixXd wtG = simd::product(state.classifier.transpose(), g);
    if (spherical(s)) {
      Eigen::MatrixXd gradW = gHt / n, gradH = wtG;
      // Riemannian gradients: remove the radial part of each row w_c and each column h_i.
      const Eigen::VectorXd radialW = gradW.cwiseProduct(state.classifier).rowwise().sum();
      const Eigen::VectorXd radialH = gradH.cwiseProduct(state.features).colwise().sum().transpose();
      gradW -= radialW.asDiagonal() * state.classifier;
      gradH -= state.features * radialH.asDiagonal();
      velocityW = s.momentum * velocityW + gradW;
      velocityH = s.momentum * velocityH + gradH;
      state.classifier -= s.learningRate * velocityW;
      state.features -= s.learningRate * velocityH;
    } else {
      // Both gradients are of the parameters before the step (gHt and wtG were formed first), so each block's
      // decay, momentum and step can be one pass.
      momentumStep(state.classifier, velocityW, gHt, s.weightDecay, s.momentum, s.learningRate);
      momentumStep(state.features, velocityH, wtG, s.featureDecay, s.momentum, s.learningRate);
    }
    if (s.useBias()) {
      velocityB = s.momentum * velocityB + g.rowwise().sum();
      state.bias -= s.learningRate * velocityB;
    }
    if (spherical(s)) {
      normaliseRows(state.classifier);
      normaliseColumns(state.features);
    }
  }
}

}  // namespace collapse::neural
