#include "collapse/linalg/ridge_solver.hpp"

#include <string>
#include <utility>

#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {
/// L with L·Lᵀ = G/rows + λI on two lanes (simd::cholesky). False when a pivot is not positive, or — for
/// λ = 0, where the caller falls back to the complete orthogonal decomposition — when some column of X is so
/// nearly in the span of the previous ones that its pivot keeps less than kPivotFloor of its squared norm
/// (then κ(X)² ≥ 10¹⁰ and the normal equations would keep fewer than about six digits;
/// docs/theory/recursive-regression.md §7, item 9).
constexpr double kPivotFloor = 1e-10;
bool factorRowGram(const Eigen::MatrixXd& gram, double rows, double lambda, Eigen::MatrixXd& lower) {
  Eigen::MatrixXd m = gram / rows;
  m.diagonal().array() += lambda;
  if (!allFinite(m)) throw NumericalError("ridge solver: XᵀX/T + λI (or XXᵀ/T + λI) is not finite");
  if (!simd::cholesky(m, lower)) return false;
  if (lambda == 0.0)
    for (Eigen::Index j = 0; j < m.rows(); ++j)
      if (!(lower(j, j) * lower(j, j) >= kPivotFloor * m(j, j))) return false;
  return true;
}
}  // namespace

RowRidgeSolver::RowRidgeSolver(const Eigen::MatrixXd& x, double lambda) : x_(x), rows_(static_cast<double>(x.rows())) {
  constexpr std::string_view what = "ridge solver: Cholesky factor of XᵀX/T + λI (or XXᵀ/T + λI)";
  if (x.rows() >= x.cols()) {
    if (factorRowGram(simd::columnGram(x), rows_, lambda, lower_)) {
      mode_ = Mode::primal;
      return;
    }
    if (lambda > 0.0) requireSuccess(Eigen::NumericalIssue, what);
  } else if (lambda > 0.0) {
    if (!factorRowGram(simd::columnGram(x.transpose()), rows_, lambda, lower_)) requireSuccess(Eigen::NumericalIssue, what);
    mode_ = Mode::dual;
    return;
  }
  mode_ = Mode::orthogonal;  // λ = 0 and T < d, or a numerically rank-deficient X
  cod_.compute(x);
}

Eigen::VectorXd RowRidgeSolver::solve(const Eigen::VectorXd& y) const {
  switch (mode_) {
    case Mode::orthogonal:
      return cod_.solve(y);
    case Mode::dual:
      return simd::transposedMatVec(x_, simd::solveCholesky(lower_, y)) / rows_;
    case Mode::primal:
      break;
  }
  return simd::solveCholesky(lower_, simd::transposedMatVec(x_, y) / rows_);  // Xᵀy on two lanes, Eigen's bits
}

Eigen::VectorXd fitRidgeRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda) {
  return RowRidgeSolver(x, lambda).solve(y);
}

namespace {

/// The factor of G/rows + λI into work.lower.
void factorShiftedGram(const Eigen::MatrixXd& gram, double rows, double lambda, std::string_view what,
                       RidgeGramWorkspace& work) {
  work.shifted = gram / rows;
  work.shifted.diagonal().array() += lambda;
  checkedCholesky(work.shifted, what, work.lower);
}

}  // namespace

Eigen::MatrixXd ridgeGramFactor(const Eigen::MatrixXd& gram, double rows, double lambda, std::string_view what) {
  RidgeGramWorkspace work;
  factorShiftedGram(gram, rows, lambda, what, work);
  return std::move(work.lower);
}

Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows, double lambda,
                             RidgeGramWorkspace& work) {
  // The two-lane factor and solves (simd/matrix_kernels.hpp): the same bits in every build; at d = 200 the factor
  // is about 3× faster than Eigen's LLT in WebAssembly SIMD (docs/benchmarks.md).
  factorShiftedGram(gram, rows, lambda, "ridge solver: Cholesky factor of XᵀX/T + λI", work);
  return simd::solveCholesky(work.lower, moment / rows);
}

Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows,
                             double lambda) {
  RidgeGramWorkspace work;
  return fitRidgeGram(gram, moment, rows, lambda, work);
}

}  // namespace collapse
