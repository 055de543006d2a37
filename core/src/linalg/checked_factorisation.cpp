#include "collapse/linalg/checked_factorisation.hpp"

#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

void requireSuccess(Eigen::ComputationInfo info, std::string_view what) {
  if (info == Eigen::Success) return;
  const char* reason = info == Eigen::NumericalIssue ? "the matrix is not positive definite to working precision"
                       : info == Eigen::NoConvergence ? "the iteration did not converge"
                                                      : "the input is invalid";
  throw NumericalError(std::string(what) + ": factorisation failed (" + reason + ")");
}

void requireFinite(const Eigen::MatrixXd& values, std::string_view what) {
  if (!allFinite(values)) throw NumericalError(std::string(what) + ": the solution is not finite (singular or overflowing system)");
}

Eigen::LLT<Eigen::MatrixXd> checkedLlt(const Eigen::MatrixXd& matrix, std::string_view what) {
  if (!allFinite(matrix)) throw NumericalError(std::string(what) + ": the matrix to factorise is not finite");
  Eigen::LLT<Eigen::MatrixXd> factor(matrix);
  requireSuccess(factor.info(), what);
  return factor;
}

Eigen::MatrixXd checkedCholesky(const Eigen::MatrixXd& matrix, std::string_view what) {
  Eigen::MatrixXd lower;
  checkedCholesky(matrix, what, lower);
  return lower;
}

void checkedCholesky(const Eigen::MatrixXd& matrix, std::string_view what, Eigen::MatrixXd& lower) {
  if (!allFinite(matrix)) throw NumericalError(std::string(what) + ": the matrix to factorise is not finite");
  if (!simd::cholesky(matrix, lower)) requireSuccess(Eigen::NumericalIssue, what);
}

simd::SymmetricEigen checkedEigen(const Eigen::MatrixXd& matrix, std::string_view what) {
  if (!allFinite(matrix)) throw NumericalError(std::string(what) + ": the matrix to decompose is not finite");
  simd::SymmetricEigen eigen(matrix);
  requireSuccess(eigen.info(), what);
  return eigen;
}

Eigen::VectorXd checkedEigenvalues(const Eigen::MatrixXd& matrix, std::string_view what) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver;
  return checkedEigenvalues(matrix, what, solver);
}

const Eigen::VectorXd& checkedEigenvalues(const Eigen::MatrixXd& matrix, std::string_view what,
                                          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>& solver) {
  if (!allFinite(matrix)) throw NumericalError(std::string(what) + ": the matrix to decompose is not finite");
  solver.compute(matrix, Eigen::EigenvaluesOnly);
  requireSuccess(solver.info(), what);
  return solver.eigenvalues();
}

Eigen::MatrixXd covarianceRoot(const Eigen::MatrixXd& covariance, std::string_view what) {
  Eigen::LLT<Eigen::MatrixXd> factor;
  Eigen::MatrixXd root;
  covarianceRoot(covariance, what, factor, root);
  return root;
}

void covarianceRoot(const Eigen::MatrixXd& covariance, std::string_view what, Eigen::LLT<Eigen::MatrixXd>& factor,
                    Eigen::MatrixXd& root) {
  if (!allFinite(covariance)) throw NumericalError(std::string(what) + ": the covariance is not finite");
  factor.compute(covariance);
  if (factor.info() == Eigen::Success) {
    root = factor.matrixL();
    return;
  }
  // Singular or ill-conditioned: Cholesky meets a pivot ≤ 0 by round-off. The eigen root is exact in law
  // for any PSD Σ (R·Rᵀ = Σ up to round-off relative to ‖Σ‖); eigenvalues below 0 are round-off and clamp to 0.
  const auto eigen = checkedEigen(covariance, what);
  root = eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
}

}  // namespace collapse
