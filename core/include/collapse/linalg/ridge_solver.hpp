#pragma once
/// @file ridge_solver.hpp
/// Ridge regression with the project's per-sample normalisation (docs/theory/recursive-regression.md §1):
///   ŵ = argmin_w (1/m)‖Xw − y‖² + λ‖w‖² = (XᵀX/m + λI)⁻¹ Xᵀy/m,
/// λ = 0 meaning ordinary least squares, or the minimum-norm interpolator when X has rank < d.
/// From explicit rows, systems are solved by the normal equations: the Gram matrix by simd::columnGram and its
/// Cholesky factor by simd::cholesky (primal d×d when m ≥ d, dual m×m otherwise: ŵ = Xᵀ(XXᵀ/m + λI)⁻¹y/m), the
/// same algorithm as bench/numpy_explicit.py. For λ = 0 with m < d, or when the Cholesky factor shows X to be
/// numerically rank-deficient, a complete orthogonal decomposition of X gives the exact minimum-norm
/// least-squares fit (docs/theory/recursive-regression.md §7, items 8 and 9).

#include <string>
#include <string_view>

#include <Eigen/Dense>

namespace collapse {

/// Factors a design once and fits any number of label vectors to it (a fixed design relabelled each generation).
class RowRidgeSolver {
 public:
  RowRidgeSolver(const Eigen::MatrixXd& x, double lambda);
  Eigen::VectorXd solve(const Eigen::VectorXd& y) const;

 private:
  enum class Mode { primal, dual, orthogonal };
  const Eigen::MatrixXd& x_;
  double rows_;
  Mode mode_ = Mode::primal;
  Eigen::MatrixXd lower_;                                       // primal, dual: the Cholesky factor
  Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod_;  // orthogonal
};

/// One ridge fit from explicit rows.
Eigen::VectorXd fitRidgeRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda);

/// The lower Cholesky factor of G/rows + λI (checkedCholesky: two lanes, throws naming `what`), for a design whose
/// factor is kept and reused; fitRidgeGram factors with it once per call.
Eigen::MatrixXd ridgeGramFactor(const Eigen::MatrixXd& gram, double rows, double lambda, std::string_view what);

/// One ridge fit from sufficient statistics G = XᵀX and b = Xᵀy of `rows` samples. G/rows + λI must be
/// positive definite (true for λ > 0, or for rows ≥ d Gaussian rows).
Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows,
                             double lambda);

/// fitRidgeGram's matrices, kept by a caller that fits many times at one dimension (a fit per cell of a grid, per
/// generation of a chain): allocating them fit by fit had been a tenth of real-vs-synthetic's WebAssembly time.
struct RidgeGramWorkspace {
  Eigen::MatrixXd shifted;  // G/rows + λI
  Eigen::MatrixXd lower;    // its Cholesky factor
};

/// fitRidgeGram in `work`'s buffers: the same bits.
Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows, double lambda,
                             RidgeGramWorkspace& work);

}  // namespace collapse
