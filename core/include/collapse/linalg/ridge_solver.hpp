#pragma once
/// @file ridge_solver.hpp
/// Ridge regression with the project's per-sample normalisation (docs/theory/recursive-regression.md §1):
///   ŵ = argmin_w (1/m)‖Xw − y‖² + λ‖w‖² = (XᵀX/m + λI)⁻¹ Xᵀy/m,
/// λ = 0 meaning ordinary least squares, or the minimum-norm interpolator when X has rank < d.
/// Systems are solved by Cholesky (primal d×d when m ≥ d, dual m×m otherwise: ŵ = Xᵀ(XXᵀ/m + λI)⁻¹y/m) and,
/// for λ = 0, by a complete orthogonal decomposition, which is exact for rank-deficient X (docs/theory/recursive-regression.md §7, item 8).
#include <variant>

#include <Eigen/Dense>

namespace collapse {

/// Factors a design once and fits any number of label vectors to it (a fixed design relabelled each generation).
class RowRidgeSolver {
 public:
  RowRidgeSolver(const Eigen::MatrixXd& x, double lambda);
  Eigen::VectorXd solve(const Eigen::VectorXd& y) const;

 private:
  const Eigen::MatrixXd& x_;
  double rows_;
  std::variant<Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>,  // λ = 0
               Eigen::LLT<Eigen::MatrixXd>>                               // λ > 0
      factor_;
  bool dual_ = false;
};

/// One ridge fit from explicit rows.
Eigen::VectorXd fitRidgeRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda);

/// One ridge fit from sufficient statistics G = XᵀX and b = Xᵀy of `rows` samples. G/rows + λI must be
/// positive definite (true for λ > 0, or for rows ≥ d Gaussian rows).
Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows,
                             double lambda);

}  // namespace collapse
