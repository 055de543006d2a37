#include "collapse/theory/neural_collapse_theory.hpp"
#include "collapse/math/portable_math.hpp"

#include <algorithm>
#include <cmath>

namespace collapse::theory {

UfmOptimum ufmOptimum(const std::string& loss, int classes, int perClass, double weightDecay, double featureDecay) {
  const double c = classes, n = perClass;
  const double s = std::sqrt(n * weightDecay * featureDecay);
  const double wScale = std::sqrt(n * featureDecay / weightDecay), hScale = std::sqrt(weightDecay / (n * featureDecay));
  if (s * c >= 1.0) {
    if (loss == "ce") return {math::log(c), 0, 0, 1.0 / c, true};
    if (loss == "mse") return {(c - 1) / (2 * c), 0, 0, 1.0 / c, true};
    return {0.5, 0, 0, 0, true};
  }
  if (loss == "ce") {
    const double p = (c - 1) / c * math::log(1.0 / s - (c - 1));
    const double objective = math::log1p((c - 1) * math::exp(-p * c / (c - 1))) + c * s * p;
    return {objective, p * wScale, p * hScale, 1 - (c - 1) * s, false};
  }
  if (loss == "mse") {
    const double product = (c - 1) / c * (1 - c * s);
    return {(c - 1) * (s - c * s * s / 2), product * wScale, product * hScale, 1 - (c - 1) * s, false};
  }
  const double product = 1 - c * s;
  return {c * (s - c * s * s / 2), product * wScale, product * hScale, 1 - c * s, false};
}

std::optional<double> gnc2Optimum(int classes, int featureDim) {
  const double pi = 3.14159265358979323846;
  if (classes <= featureDim + 1) return static_cast<double>(classes) / (classes - 1);
  if (featureDim == 2) return 1 - math::cos(2 * pi / classes);
  if (classes == 2 * featureDim) return 1.0;
  if (classes == 12 && featureDim == 3) return 1 - 1 / std::sqrt(5.0);
  return std::nullopt;
}

double centralPathSnrSquared(double u0, double t, int classes, int perClass) {
  const double c = classes, n = perClass;
  auto f = [&](double u) { return n * (c * c / 2 * math::log(u) + c * u + u * u / 4); };
  auto slope = [&](double u) { return n * (c * c / (2 * u) + c + u / 2); };
  const double target = f(u0) + t;
  double u = u0;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double next = std::max(u - (f(u) - target) / slope(u), u / 10);
    if (std::abs(next - u) <= 1e-15 * u) {
      u = next;
      break;
    }
    u = next;
  }
  return u;
}

CentralPathState centralPathAt(const Eigen::MatrixXd& initialCentredMeans, double t, int perClass) {
  const int classes = static_cast<int>(initialCentredMeans.cols());
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(initialCentredMeans, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::VectorXd& sigma = svd.singularValues();
  Eigen::Index rank = 0;
  while (rank < sigma.size() && sigma(rank) > 1e-10 * sigma(0)) ++rank;
  CentralPathState state;
  state.snr.resize(rank);
  Eigen::VectorXd gain(rank);
  for (Eigen::Index j = 0; j < rank; ++j) {
    state.snr(j) = std::sqrt(centralPathSnrSquared(sigma(j) * sigma(j), t, classes, perClass));
    gain(j) = state.snr(j) / (classes + state.snr(j) * state.snr(j));
  }
  const Eigen::MatrixXd u = svd.matrixU().leftCols(rank), v = svd.matrixV().leftCols(rank);
  state.centredMeans = u * state.snr.asDiagonal() * v.transpose();
  state.classifier = v * gain.asDiagonal() * u.transpose();
  return state;
}

}  // namespace collapse::theory
