#pragma once
/// @file checked_factorisation.hpp
/// Factorisations whose failure is never silent. Eigen reports a failed Cholesky (a pivot ≤ 0) or an eigen
/// decomposition that did not converge only through `info()`, and then hands back a factor of garbage: every
/// factorisation in the core goes through these functions, which check the status and throw a
/// NumericalError naming what was being factorised (docs/design.md §7, "Failures are loud").
#include <stdexcept>
#include <string>
#include <string_view>

#include <Eigen/Dense>

#include "collapse/simd/symmetric_eigen.hpp"
#include "collapse/simd/vector_math.hpp"

namespace collapse {

/// A factorisation failed or produced a non-finite result. The CLI reports it as an error (exit 1), the
/// WebAssembly boundary as a JS Error; it is never turned into a number.
class NumericalError : public std::runtime_error {
 public:
  explicit NumericalError(const std::string& message) : std::runtime_error(message) {}
};

/// Whether every entry of a matrix or vector is finite: Eigen's allFinite, on two lanes (simd::allFinite).
template <typename Derived>
bool allFinite(const Eigen::PlainObjectBase<Derived>& m) {
  return simd::allFinite(m.data(), static_cast<std::size_t>(m.size()));
}

/// Throws NumericalError("<what>: <reason>") unless `info` is Eigen::Success.
void requireSuccess(Eigen::ComputationInfo info, std::string_view what);

/// Cholesky factorisation of a symmetric positive-definite matrix; throws when a pivot is not positive.
Eigen::LLT<Eigen::MatrixXd> checkedLlt(const Eigen::MatrixXd& matrix, std::string_view what);

/// The lower Cholesky factor L (L·Lᵀ = matrix) on two lanes (simd::cholesky: the same bits in every build); throws when
/// the matrix is not finite or a pivot is not positive.
Eigen::MatrixXd checkedCholesky(const Eigen::MatrixXd& matrix, std::string_view what);

/// The same into `lower` (its storage reused when it has the size already).
void checkedCholesky(const Eigen::MatrixXd& matrix, std::string_view what, Eigen::MatrixXd& lower);

/// Eigen decomposition of a symmetric matrix (simd::SymmetricEigen: two lanes, the same bits in every build);
/// throws when the matrix is not finite or the iteration does not converge.
simd::SymmetricEigen checkedEigen(const Eigen::MatrixXd& matrix, std::string_view what);

/// Eigenvalues only, ascending (Eigen's solver without vectors: a third of the work); throws as checkedEigen.
Eigen::VectorXd checkedEigenvalues(const Eigen::MatrixXd& matrix, std::string_view what);

/// The same with `solver` as the workspace, kept from call to call (the same algorithm, so the same bits, without
/// its five allocations per call); the eigenvalues are valid until its next use.
const Eigen::VectorXd& checkedEigenvalues(const Eigen::MatrixXd& matrix, std::string_view what,
                                          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>& solver);

/// A square root R with R·Rᵀ = Σ of a symmetric positive semi-definite Σ (singular allowed): its Cholesky factor
/// when that exists, otherwise the symmetric eigen root V·diag(√max(λ, 0)) (backward stable for any PSD Σ).
Eigen::MatrixXd covarianceRoot(const Eigen::MatrixXd& covariance, std::string_view what);

/// The same into `root`, with `factor` as the Cholesky workspace: both keep their storage from call to call (a
/// generation loop then allocates nothing here). The same bits as the function above.
void covarianceRoot(const Eigen::MatrixXd& covariance, std::string_view what, Eigen::LLT<Eigen::MatrixXd>& factor,
                    Eigen::MatrixXd& root);

/// Throws NumericalError unless every entry of `values` is finite (the result of a solve with a factor that
/// has no status, e.g. Eigen::PartialPivLU or a triangular solve).
void requireFinite(const Eigen::MatrixXd& values, std::string_view what);

}  // namespace collapse
