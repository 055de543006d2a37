#include <catch2/catch.hpp>

#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/ridge_solver.hpp"
#include "collapse/linalg/spectrum.hpp"

using namespace collapse;

namespace {
struct Problem {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};
Problem problem(int rows, int dim, std::uint64_t seed) {
  Rng rng(seed, 0);
  NormalSampler normal(rng);
  Problem p{sampleGaussianRows(rows, makeSpectrum("power", dim, 1.0), normal), Eigen::VectorXd(rows)};
  normal.fill(p.y.data(), rows);
  return p;
}
}  // namespace

TEST_CASE("ridge, over-determined: solves the per-sample normal equations (XᵀX/T + λI)w = Xᵀy/T") {
  const auto [x, y] = problem(30, 6, 1);
  for (double lambda : {0.0, 0.1, 10.0}) {
    const Eigen::VectorXd w = fitRidgeRows(x, y, lambda);
    const Eigen::VectorXd residual = (x.transpose() * x / 30.0 + lambda * Eigen::MatrixXd::Identity(6, 6)) * w - x.transpose() * y / 30.0;
    INFO("lambda = " << lambda);
    CHECK(residual.norm() < 1e-10);
    CHECK((fitRidgeGram(x.transpose() * x, x.transpose() * y, 30.0, lambda) - w).norm() < 1e-10);
  }
}

TEST_CASE("ridge, under-determined: dual form equals primal form; λ = 0 is the minimum-norm interpolator") {
  const auto [x, y] = problem(4, 9, 2);
  const double lambda = 0.3;
  const Eigen::VectorXd dual = fitRidgeRows(x, y, lambda);
  Eigen::MatrixXd primal = x.transpose() * x / 4.0;
  primal.diagonal().array() += lambda;
  CHECK((primal.llt().solve(x.transpose() * y / 4.0) - dual).norm() < 1e-10);

  const Eigen::VectorXd minNorm = fitRidgeRows(x, y, 0.0);
  CHECK((x * minNorm - y).norm() < 1e-10);  // interpolates
  // Minimum norm ⇔ lies in the row space of X: w = Xᵀα.
  const Eigen::VectorXd alpha = (x * x.transpose()).ldlt().solve(x * minNorm);
  CHECK((x.transpose() * alpha - minNorm).norm() < 1e-10);
  // The ridge path tends to it as λ → 0.
  CHECK((fitRidgeRows(x, y, 1e-9) - minNorm).norm() < 1e-6);
}

TEST_CASE("RowRidgeSolver reuses one factorisation for many label vectors") {
  const auto [x, y] = problem(20, 5, 3);
  for (double lambda : {0.0, 0.5}) {
    RowRidgeSolver solver(x, lambda);
    for (int k = 1; k <= 3; ++k) CHECK((solver.solve(k * y) - fitRidgeRows(x, k * y, lambda)).norm() < 1e-10);
  }
}

TEST_CASE("ridge with a rank-deficient design (repeated rows, as a subsample can have) stays exact") {
  auto [x, y] = problem(6, 4, 4);
  x.row(5) = x.row(0);
  x.row(4) = x.row(1);  // rank 4 = d still, but try rank 3:
  x.row(3) = x.row(2);
  const Eigen::VectorXd w = fitRidgeRows(x, y, 0.0);
  // Least-squares optimality: the residual is orthogonal to the columns.
  CHECK((x.transpose() * (x * w - y)).norm() < 1e-9);
  CHECK(w.allFinite());
}

TEST_CASE("OLS from rows: the normal equations when X is well conditioned, the orthogonal decomposition when not") {
  // Well conditioned (T = 60, d = 8): the Cholesky solve of the normal equations agrees with Householder QR of X
  // to rounding (κ(X)² ε ≈ 1e-15 here).
  const auto [x, y] = problem(60, 8, 5);
  const Eigen::VectorXd qr = x.householderQr().solve(y);
  CHECK((fitRidgeRows(x, y, 0.0) - qr).norm() <= 1e-12 * qr.norm());
  // Column 3 within 1e-6 of column 0: κ(X)² ≈ 1e12, so the normal equations would keep about four digits
  // (κ² ε ≈ 1e-4). The pivot test (docs/theory/recursive-regression.md §7, item 9) sends this design to the
  // complete orthogonal decomposition, whose error is about κ ε ≈ 1e-10: it must match QR to 1e-7.
  Eigen::MatrixXd nearlyDependent = x;
  nearlyDependent.col(3) = x.col(0) + 1e-6 * x.col(3);
  const Eigen::VectorXd reference = nearlyDependent.colPivHouseholderQr().solve(y);
  const Eigen::VectorXd w = fitRidgeRows(nearlyDependent, y, 0.0);
  CHECK((w - reference).norm() <= 1e-7 * reference.norm());
  RowRidgeSolver solver(nearlyDependent, 0.0);
  CHECK((solver.solve(y) - w).norm() == 0.0);
}
