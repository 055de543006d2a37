// Checked factorisations (docs/design.md §7): a failed factorisation throws a NumericalError, never returns a
// factor of garbage; the covariance root is exact for singular and ill-conditioned covariances.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include "collapse/linalg/checked_factorisation.hpp"

using namespace collapse;

TEST_CASE("checked factorisations throw instead of returning garbage", "[factorisation]") {
  Eigen::MatrixXd indefinite(2, 2);
  indefinite << 1.0, 2.0, 2.0, 1.0;  // eigenvalues 3 and −1: Eigen's LLT "succeeds" only through info()
  REQUIRE(Eigen::LLT<Eigen::MatrixXd>(indefinite).info() != Eigen::Success);
  CHECK_THROWS_AS(checkedLlt(indefinite, "test matrix"), NumericalError);
  CHECK_THROWS_WITH(checkedLlt(indefinite, "test matrix"), Catch::Contains("test matrix") && Catch::Contains("factorisation failed"));
  Eigen::MatrixXd notFinite = Eigen::MatrixXd::Identity(3, 3);
  notFinite(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(checkedEigen(notFinite, "nan matrix"), NumericalError);
  CHECK_THROWS_AS(covarianceRoot(notFinite, "nan covariance"), NumericalError);
  CHECK_THROWS_AS(requireFinite(notFinite, "solution"), NumericalError);
  CHECK_NOTHROW(checkedLlt(Eigen::MatrixXd::Identity(3, 3), "identity"));
  // The two-lane Cholesky factor: the same refusals, and the factor simd::cholesky gives when there is one.
  CHECK_THROWS_WITH(checkedCholesky(indefinite, "test matrix"), Catch::Contains("test matrix") && Catch::Contains("factorisation failed"));
  CHECK_THROWS_WITH(checkedCholesky(notFinite, "nan matrix"), Catch::Contains("nan matrix") && Catch::Contains("not finite"));
  Eigen::MatrixXd spd(3, 3);
  spd << 4.0, 2.0, 0.5, 2.0, 3.0, 0.25, 0.5, 0.25, 2.0;
  const Eigen::MatrixXd lower = checkedCholesky(spd, "spd");
  CHECK((lower * lower.transpose() - spd).norm() <= 1e-14 * spd.norm());
  CHECK(lower.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0.0));
}

TEST_CASE("covariance root: R·Rᵀ = Σ for singular and ill-conditioned Σ", "[factorisation]") {
  // Rank 2 in 4 dimensions (Cholesky meets a zero pivot) and a condition number of 1e20 (a negative one by round-off).
  Eigen::MatrixXd basis(4, 2);
  basis << 1, 0, 2, 1, -1, 3, 0.5, -2;
  const Eigen::MatrixXd singular = basis * basis.transpose();
  const Eigen::VectorXd spread = (Eigen::VectorXd(4) << 1.0, 1e-6, 1e-14, 1e-20).finished();
  const Eigen::MatrixXd rotation = Eigen::HouseholderQR<Eigen::MatrixXd>(Eigen::MatrixXd::Random(4, 4)).householderQ();
  const Eigen::MatrixXd illConditioned = rotation * spread.asDiagonal() * rotation.transpose();
  for (const Eigen::MatrixXd* sigma : {&singular, &illConditioned}) {
    const Eigen::MatrixXd root = covarianceRoot(*sigma, "test covariance");
    REQUIRE(root.allFinite());
    CHECK((root * root.transpose() - *sigma).norm() <= 1e-12 * sigma->norm());
  }
}
