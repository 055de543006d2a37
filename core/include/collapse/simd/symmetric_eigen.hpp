#pragma once
/// @file symmetric_eigen.hpp
/// Eigenvalues and eigenvectors of a real symmetric matrix on two lanes: Householder reduction to tridiagonal form
/// with the transformations accumulated (EISPACK tred2), then the implicit QL iteration with shifts (EISPACK tql2),
/// as in the public-domain JAMA translation (Hicklin, Moler, Webb et al., NIST/MathWorks 1998), itself after
/// Bowdler, Martin, Reinsch & Wilkinson, Numer. Math. 11 (1968) and Wilkinson & Reinsch, Handbook for Automatic
/// Computation II (1971). Only the lower triangle is read, as by Eigen::SelfAdjointEigenSolver.
///
/// Why not Eigen's solver: Eigen 3.4 has no WebAssembly SIMD backend, so its O(d³) loops ran scalar in the browser.
/// Here every O(d³) loop — the rank-2 updates of the reduction, the accumulation of the reflections, and each Givens
/// rotation of the QL sweeps applied to two columns of V — runs over contiguous rows of a column-major matrix in
/// two f64 lanes (collapse/simd/f64x2.hpp). Reductions (dot products) sum in two lanes (lane 0: the first row of the
/// range and every second one after it; lane 1 the others), lane 0 + lane 1 at the end. Every operation is one IEEE
/// operation and `hypot` is written out, so native, WebAssembly SIMD and WebAssembly scalar give the same bits
/// (recorded hash in tests/core/symmetric_eigen_test.cpp).
#include <Eigen/Dense>

namespace collapse::simd {

class SymmetricEigen {
 public:
  SymmetricEigen() = default;
  /// Decomposes `matrix` (square; its lower triangle is used). info() tells whether the QL iteration converged.
  explicit SymmetricEigen(const Eigen::MatrixXd& matrix);

  /// Ascending eigenvalues.
  const Eigen::VectorXd& eigenvalues() const { return values_; }
  /// Orthonormal eigenvectors, column j for eigenvalue j: A = V·diag(λ)·Vᵀ.
  const Eigen::MatrixXd& eigenvectors() const { return vectors_; }
  Eigen::ComputationInfo info() const { return info_; }

 private:
  Eigen::VectorXd values_;
  Eigen::MatrixXd vectors_;
  Eigen::ComputationInfo info_ = Eigen::InvalidInput;
};

}  // namespace collapse::simd
