#include "collapse/linalg/ridge_solver.hpp"

#include "collapse/linalg/checked_factorisation.hpp"
namespace collapse {

namespace {
Eigen::LLT<Eigen::MatrixXd> factorShiftedGram(const Eigen::MatrixXd& gram, double rows, double lambda) {
  Eigen::MatrixXd m = gram / rows;
  m.diagonal().array() += lambda;
  return checkedLlt(m, "ridge solver: Cholesky factor of XᵀX/T + λI (or XXᵀ/T + λI)");
}
}  // namespace

RowRidgeSolver::RowRidgeSolver(const Eigen::MatrixXd& x, double lambda)
    : x_(x), rows_(static_cast<double>(x.rows())), factor_(Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>()) {
  if (lambda == 0.0) {
    factor_ = Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(x);
  } else if (x.rows() >= x.cols()) {
    factor_ = factorShiftedGram(x.transpose() * x, rows_, lambda);
  } else {
    dual_ = true;
    factor_ = factorShiftedGram(x * x.transpose(), rows_, lambda);
  }
}

Eigen::VectorXd RowRidgeSolver::solve(const Eigen::VectorXd& y) const {
  if (const auto* cod = std::get_if<Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>>(&factor_))
    return cod->solve(y);
  const auto& llt = std::get<Eigen::LLT<Eigen::MatrixXd>>(factor_);
  if (dual_) return x_.transpose() * llt.solve(y) / rows_;
  return llt.solve(x_.transpose() * y / rows_);
}

Eigen::VectorXd fitRidgeRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda) {
  return RowRidgeSolver(x, lambda).solve(y);
}

Eigen::VectorXd fitRidgeGram(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double rows,
                             double lambda) {
  return factorShiftedGram(gram, rows, lambda).solve(moment / rows);
}

}  // namespace collapse
