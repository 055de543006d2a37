#include "collapse/linalg/kernels.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/matrix_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace collapse {

namespace {
/// ‖a_i − b_j‖² from the Gram matrix, clamped at 0 against rounding.
Eigen::MatrixXd squaredDistances(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  const Eigen::VectorXd an = a.rowwise().squaredNorm(), bn = b.rowwise().squaredNorm();
  Eigen::MatrixXd d = -2.0 * simd::product(a, b.transpose());  // the two-lane GEMM: the same bits in every build
  d.colwise() += an;
  d.rowwise() += bn.transpose();
  return d.cwiseMax(0.0);
}
}  // namespace

Eigen::MatrixXd kernelMatrix(const KernelSpec& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (kernel.kind == "rbf") {
    const double scale = -1.0 / (2.0 * kernel.bandwidth * kernel.bandwidth);
    return (scale * squaredDistances(a, b)).array().unaryExpr([](double v) { return math::exp(v); }).matrix();
  }
  if (kernel.kind == "polynomial") {
    const double columns = static_cast<double>(a.cols());
    // An integer power by repeated products: the same bits in every build (std::pow is libm's).
    const int degree = static_cast<int>(kernel.degree);
    return ((a * b.transpose()).array() / columns + 1.0).unaryExpr([degree](double v) { return math::powInt(v, degree); }).matrix();
  }
  throw std::invalid_argument("unknown kernel '" + kernel.kind + "'");
}

double medianDistance(const Eigen::MatrixXd& x) {
  const Eigen::MatrixXd d = squaredDistances(x, x);
  std::vector<double> pairs;
  pairs.reserve(static_cast<std::size_t>(x.rows() * (x.rows() - 1) / 2));
  for (Eigen::Index j = 1; j < x.rows(); ++j)
    for (Eigen::Index i = 0; i < j; ++i) pairs.push_back(d(i, j));
  const auto middle = pairs.begin() + static_cast<std::ptrdiff_t>(pairs.size() / 2);
  std::nth_element(pairs.begin(), middle, pairs.end());
  return std::sqrt(*middle);
}

}  // namespace collapse
