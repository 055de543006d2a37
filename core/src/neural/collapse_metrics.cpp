#include "collapse/neural/collapse_metrics.hpp"

#include <cmath>
#include <limits>

#include "collapse/neural/hull_distance.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse::neural {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kRelativeTolerance = 1e-10;

/// Unbiased standard deviation of `values` (ddof = 1).
double sampleStd(const Eigen::VectorXd& values) {
  const Eigen::Index k = values.size();
  if (k < 2) return 0.0;
  return std::sqrt((values.array() - values.mean()).square().sum() / static_cast<double>(k - 1));
}

/// Pseudo-inverse of a symmetric positive semi-definite matrix, eigenvalues below tolerance·λ_max dropped.
Eigen::MatrixXd symmetricPseudoInverse(const Eigen::MatrixXd& symmetric) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(symmetric);
  const Eigen::VectorXd& values = eigen.eigenvalues();
  const double cut = kRelativeTolerance * values.cwiseAbs().maxCoeff();
  Eigen::VectorXd inverse = Eigen::VectorXd::Zero(values.size());
  for (Eigen::Index j = 0; j < values.size(); ++j)
    if (values(j) > cut) inverse(j) = 1.0 / values(j);
  return eigen.eigenvectors() * inverse.asDiagonal() * eigen.eigenvectors().transpose();
}

/// Within-class deviations z_i = h_i − μ_{y_i} (d × N).
Eigen::MatrixXd withinClassDeviations(const Eigen::MatrixXd& features, const Eigen::MatrixXd& means, int perClass) {
  Eigen::MatrixXd z = features;
  for (Eigen::Index i = 0; i < z.cols(); ++i) z.col(i) -= means.col(i / perClass);
  return z;
}

Eigen::VectorXd unitRowsNorms(const Eigen::MatrixXd& m) { return m.rowwise().norm(); }
}  // namespace

Eigen::MatrixXd classMeans(const Eigen::MatrixXd& features, int classes, int perClass) {
  Eigen::MatrixXd means(features.rows(), classes);
  for (int c = 0; c < classes; ++c) means.col(c) = features.middleCols(static_cast<Eigen::Index>(c) * perClass, perClass).rowwise().mean();
  return means;
}

Eigen::MatrixXd centredMeans(const Eigen::MatrixXd& means) {
  return means.colwise() - means.rowwise().mean();
}

double nc1(const Eigen::MatrixXd& features, int classes, int perClass) {
  const Eigen::MatrixXd means = classMeans(features, classes, perClass);
  const Eigen::MatrixXd centred = centredMeans(means);
  if (centred.squaredNorm() == 0.0) return kNaN;
  const Eigen::MatrixXd gramPinv = symmetricPseudoInverse(centred.transpose() * centred);
  const Eigen::MatrixXd projected = centred.transpose() * withinClassDeviations(features, means, perClass);  // C × N
  const Eigen::MatrixXd k = projected * projected.transpose() / static_cast<double>(features.cols());
  return (gramPinv * gramPinv * k).trace();
}

double nc1ExplicitPseudoInverse(const Eigen::MatrixXd& features, int classes, int perClass) {
  const Eigen::MatrixXd means = classMeans(features, classes, perClass);
  const Eigen::MatrixXd centred = centredMeans(means);
  const Eigen::MatrixXd z = withinClassDeviations(features, means, perClass);
  const Eigen::MatrixXd sigmaW = z * z.transpose() / static_cast<double>(features.cols());
  const Eigen::MatrixXd sigmaB = centred * centred.transpose() / static_cast<double>(classes);
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(sigmaB, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::VectorXd& s = svd.singularValues();
  Eigen::VectorXd inverse = Eigen::VectorXd::Zero(s.size());
  for (Eigen::Index j = 0; j < s.size(); ++j)
    if (s(j) > kRelativeTolerance * s(0)) inverse(j) = 1.0 / s(j);
  const Eigen::MatrixXd pinv = svd.matrixV() * inverse.asDiagonal() * svd.matrixU().transpose();
  return (sigmaW * pinv).trace() / classes;
}

double equinorm(const Eigen::MatrixXd& centred) {
  const Eigen::VectorXd norms = centred.colwise().norm().transpose();
  return sampleStd(norms) / norms.mean();
}

Eigen::MatrixXd cosines(const Eigen::MatrixXd& vectors) {
  const Eigen::VectorXd norms = vectors.colwise().norm().transpose();
  const Eigen::MatrixXd gram = vectors.transpose() * vectors;
  return norms.cwiseInverse().asDiagonal() * gram * norms.cwiseInverse().asDiagonal();
}

double equiangularity(const Eigen::MatrixXd& centred) {
  const Eigen::MatrixXd cos = cosines(centred);
  const Eigen::Index classes = cos.rows();
  Eigen::VectorXd pairs(classes * (classes - 1) / 2);
  Eigen::Index k = 0;
  for (Eigen::Index a = 0; a < classes; ++a)
    for (Eigen::Index b = a + 1; b < classes; ++b) pairs(k++) = cos(a, b);
  return sampleStd(pairs);
}

double maxAngle(const Eigen::MatrixXd& centred) {
  const Eigen::MatrixXd cos = cosines(centred);
  const Eigen::Index classes = cos.rows();
  double sum = 0;
  for (Eigen::Index a = 0; a < classes; ++a)
    for (Eigen::Index b = 0; b < classes; ++b)
      if (a != b) sum += std::abs(cos(a, b) + 1.0 / static_cast<double>(classes - 1));
  return sum / static_cast<double>(classes * (classes - 1));
}

double selfDuality(const Eigen::MatrixXd& classifier, const Eigen::MatrixXd& centred) {
  return (classifier.transpose() / classifier.norm() - centred / centred.norm()).squaredNorm();
}

namespace {
int argmaxOutput(const Eigen::VectorXd& output) {
  Eigen::Index best = 0;
  output.maxCoeff(&best);
  return static_cast<int>(best);
}
}  // namespace

double nccMismatch(const LastLayer& layer) {
  const Eigen::MatrixXd means = classMeans(layer.features, layer.classes(), layer.perClass);
  const Eigen::MatrixXd outputs = (layer.classifier * layer.features).colwise() + layer.bias;
  // ‖h − μ_c‖² = ‖h‖² − 2μ_cᵀh + ‖μ_c‖²: the nearest mean maximises μ_cᵀh − ½‖μ_c‖².
  const Eigen::MatrixXd scores = (means.transpose() * layer.features).colwise() - 0.5 * means.colwise().squaredNorm().transpose();
  int mismatches = 0;
  for (Eigen::Index i = 0; i < layer.features.cols(); ++i)
    if (argmaxOutput(outputs.col(i)) != argmaxOutput(scores.col(i))) ++mismatches;
  return static_cast<double>(mismatches) / static_cast<double>(layer.features.cols());
}

double trainError(const LastLayer& layer) {
  const Eigen::MatrixXd outputs = (layer.classifier * layer.features).colwise() + layer.bias;
  int errors = 0;
  for (Eigen::Index i = 0; i < layer.features.cols(); ++i)
    if (argmaxOutput(outputs.col(i)) != static_cast<int>(i / layer.perClass)) ++errors;
  return static_cast<double>(errors) / static_cast<double>(layer.features.cols());
}

namespace {
/// X̃ = [H; 1ᵀ] (or H without bias), its second moment A = X̃X̃ᵀ/N + diag(λ_W I, 0) and YX̃ᵀ/N.
void leastSquaresSystem(const Eigen::MatrixXd& features, int perClass, int classes, double weightDecay, bool useBias,
                        Eigen::MatrixXd& moment, Eigen::MatrixXd& crossMoment) {
  const Eigen::Index d = features.rows(), n = features.cols(), p = d + (useBias ? 1 : 0);
  Eigen::MatrixXd augmented(p, n);
  augmented.topRows(d) = features;
  if (useBias) augmented.row(d).setOnes();
  // X̃X̃ᵀ as the column Gram of X̃ᵀ on two lanes (simd/matrix_kernels.hpp): Eigen's scalar product here had been a fifth
  // of the MSE presets' WebAssembly time (every central-path step refits Θ_LS).
  moment = simd::columnGram(augmented.transpose()) / static_cast<double>(n);
  moment.diagonal().head(d).array() += weightDecay;
  crossMoment = Eigen::MatrixXd::Zero(classes, p);  // YX̃ᵀ/N: row c is the sum of class c's columns over N
  for (int c = 0; c < classes; ++c)
    crossMoment.row(c) = augmented.middleCols(static_cast<Eigen::Index>(c) * perClass, perClass).rowwise().sum().transpose() / static_cast<double>(n);
}
}  // namespace

Eigen::MatrixXd leastSquaresClassifier(const Eigen::MatrixXd& features, int perClass, int classes, double weightDecay, bool useBias) {
  Eigen::MatrixXd moment, crossMoment;
  leastSquaresSystem(features, perClass, classes, weightDecay, useBias, moment, crossMoment);
  // Θ_LS A = YX̃ᵀ/N, A symmetric: Θ_LSᵀ = A⁻¹ (YX̃ᵀ/N)ᵀ. LDLT with a pseudo-inverse fallback would hide a
  // singular A; the caller's validation keeps A invertible (N − C ≥ d, or λ_W > 0).
  return moment.ldlt().solve(crossMoment.transpose()).transpose();
}

double lsDeviation(const LastLayer& layer, double weightDecay, bool useBias) {
  Eigen::MatrixXd moment, crossMoment;
  leastSquaresSystem(layer.features, layer.perClass, layer.classes(), weightDecay, useBias, moment, crossMoment);
  const Eigen::MatrixXd optimum = moment.ldlt().solve(crossMoment.transpose()).transpose();
  Eigen::MatrixXd theta(layer.classes(), moment.rows());
  theta.leftCols(layer.classifier.cols()) = layer.classifier;
  if (useBias) theta.col(theta.cols() - 1) = layer.bias;
  const Eigen::MatrixXd delta = theta - optimum;
  return 0.5 * (delta * moment * delta.transpose()).trace();
}

double gnc2(const Eigen::MatrixXd& classifier) {
  const Eigen::Index classes = classifier.rows();
  const Eigen::MatrixXd unit = (unitRowsNorms(classifier).cwiseInverse().asDiagonal() * classifier).transpose();  // d × C
  double smallest = std::numeric_limits<double>::infinity();
  Eigen::MatrixXd others(unit.rows(), classes - 1);
  for (Eigen::Index k = 0; k < classes; ++k) {
    for (Eigen::Index j = 0, col = 0; j < classes; ++j)
      if (j != k) others.col(col++) = unit.col(j);
    smallest = std::min(smallest, distanceToHull(unit.col(k), others));
  }
  return smallest;
}

double gnc3(const Eigen::MatrixXd& classifier, const Eigen::MatrixXd& centred) {
  const Eigen::Index classes = classifier.rows();
  double sum = 0;
  for (Eigen::Index k = 0; k < classes; ++k)
    sum += 1.0 - classifier.row(k).dot(centred.col(k).transpose()) / (classifier.row(k).norm() * centred.col(k).norm());
  return sum / static_cast<double>(classes);
}

}  // namespace collapse::neural
