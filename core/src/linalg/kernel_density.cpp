#include "collapse/linalg/kernel_density.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/f64x2.hpp"
#include "collapse/simd/matrix_kernels.hpp"
#include "collapse/simd/vector_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace collapse {

namespace {

/// e_i ← ((2e_i − ‖x_i‖²) − ‖x‖²) / (2h²) in place, on two lanes, and returns max_i e_i. The same operations per
/// entry as the Eigen expression it replaced (so the same bits); the maximum is exact in any order (−∞ when n = 0).
/// A third of KDE's time was this loop in scalar Eigen code (callgrind, paper-blobs).
double scaleExponents(double* e, const double* centreNorms, std::size_t n, double testNorm, double denominator) {
  using simd::F64x2;
  const F64x2 two = simd::splat(2.0), t = simd::splat(testNorm), d = simd::splat(denominator);
  F64x2 high = simd::splat(-std::numeric_limits<double>::infinity());
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    const F64x2 v = ((two * simd::load(e + i) - simd::load(centreNorms + i)) - t) / d;
    simd::store(e + i, v);
    high = simd::select(simd::greaterThan(v, high), v, high);
  }
  double largest = std::max(simd::lane(high, 0), simd::lane(high, 1));
  for (; i < n; ++i) {
    e[i] = ((2.0 * e[i] - centreNorms[i]) - testNorm) / denominator;
    largest = std::max(largest, e[i]);
  }
  return largest;
}

/// Per test point, log Σ_i exp(−‖x − x_i‖²/(2h²)) by log-sum-exp.
Eigen::VectorXd logKernelSums(const Eigen::MatrixXd& centres, double h, const Eigen::MatrixXd& test) {
  const Eigen::VectorXd centreNorms = centres.rowwise().squaredNorm();
  Eigen::VectorXd sums(test.rows()), exponents(centres.rows());
  for (Eigen::Index k = 0; k < test.rows(); ++k) {
    // −‖x − x_i‖²/(2h²) = (2xᵀx_i − ‖x_i‖² − ‖x‖²)/(2h²), all centres at once.
    exponents = simd::matVec(centres, test.row(k).transpose());  // two lanes over the centres, no packing
    const double largest = scaleExponents(exponents.data(), centreNorms.data(), static_cast<std::size_t>(exponents.size()),
                                          test.row(k).squaredNorm(), 2.0 * h * h);
    // Two lanes of the portable exp (collapse/simd/vector_math.hpp): the same bits in every build.
    sums[k] = largest + math::log(simd::sumExpShifted(exponents.data(), static_cast<std::size_t>(exponents.size()), largest));
  }
  return sums;
}

/// log of the kernel's normalising constant over n centres: −log n − (D/2)·log(2πh²).
double logNormaliser(double centres, double dimension, double h) {
  const double pi = 3.14159265358979323846;
  return -math::log(centres) - 0.5 * dimension * math::log(2.0 * pi * h * h);
}

}  // namespace

double meanNegativeLogLikelihood(const Eigen::MatrixXd& centres, double h, const Eigen::MatrixXd& test) {
  const double normaliser = logNormaliser(static_cast<double>(centres.rows()), static_cast<double>(centres.cols()), h);
  return -(logKernelSums(centres, h, test).mean() + normaliser);
}

GrowingKernelDensity::GrowingKernelDensity(const Eigen::MatrixXd& test, double bandwidth)
    : test_(test), bandwidth_(bandwidth),
      logSums_(Eigen::VectorXd::Constant(test.rows(), -std::numeric_limits<double>::infinity())) {}

void GrowingKernelDensity::add(const Eigen::MatrixXd& centres) {
  const Eigen::VectorXd added = logKernelSums(centres, bandwidth_, test_);
  for (Eigen::Index k = 0; k < logSums_.size(); ++k) {  // log(e^a + e^b), stable
    const double a = logSums_[k], b = added[k], high = std::max(a, b);
    logSums_[k] = high + math::log1p(math::exp(std::min(a, b) - high));
  }
  centres_ += static_cast<double>(centres.rows());
}

double GrowingKernelDensity::meanNegativeLogLikelihood() const {
  return -(logSums_.mean() + logNormaliser(centres_, static_cast<double>(test_.cols()), bandwidth_));
}

Eigen::MatrixXd sampleKernelDensity(const Eigen::MatrixXd& centres, double h, int count, NormalSampler& normal, Rng& rng) {
  Eigen::MatrixXd draws(count, centres.cols());
  for (int i = 0; i < count; ++i) {
    const auto centre = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(centres.rows())));
    for (Eigen::Index j = 0; j < centres.cols(); ++j) draws(i, j) = centres(centre, j) + h * normal();
  }
  return draws;
}

double kernelBandwidth(const std::string& rule, double fixed, double points, double dimension) {
  if (rule == "scott") return math::pow(points, -1.0 / (dimension + 4.0));
  if (rule == "silverman") return math::pow(points * (dimension + 2.0) / 4.0, -1.0 / (dimension + 4.0));
  return fixed;
}

}  // namespace collapse
