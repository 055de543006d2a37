#pragma once
/// @file kernels.hpp
/// Kernel matrices for kernel ridge regression on image rows (docs/theory/kernel-chain.md §1):
///   RBF         k(x, x') = exp(−‖x − x'‖²/(2h²)),
///   polynomial  k(x, x') = (1 + xᵀx'/D)^p   (D = the number of pixels, so the scale does not grow with D),
/// and the median rule for the RBF bandwidth: h = the median distance between two distinct rows.
#include <string>

#include <Eigen/Dense>

namespace collapse {

struct KernelSpec {
  std::string kind;  ///< "rbf" | "polynomial"
  double bandwidth;  ///< h (RBF)
  int degree;        ///< p (polynomial)
};

/// k(a_i, b_j) for rows a_i of `a` and b_j of `b` (both with the same number of columns).
Eigen::MatrixXd kernelMatrix(const KernelSpec& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);

/// The median of ‖x_i − x_j‖ over pairs i < j of the rows of `x` (needs at least 2 rows).
double medianDistance(const Eigen::MatrixXd& x);

}  // namespace collapse
