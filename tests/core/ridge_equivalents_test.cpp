// The κ solver and the closed forms of docs/theory/recursive-regression.md §2–3, checked against their own
// limits and against each other (the Monte Carlo checks are in synthetic_chain_test.cpp).
#include <catch2/catch.hpp>

#include "collapse/linalg/spectrum.hpp"
#include "collapse/theory/ridge_equivalents.hpp"

using namespace collapse;
using namespace collapse::theory;

namespace {
ChainSetting isotropic(int d, double lambda, double t, double t0, double n) {
  return {Eigen::VectorXd::Ones(d), Eigen::VectorXd::Constant(d, 1.0 / d), lambda, t, 1.0, t0, 0.8, n};
}
}  // namespace

TEST_CASE("κ solves κ − λ = κ·df₁(κ)/T, for any spectrum") {
  const Eigen::VectorXd s = makeSpectrum("power", 80, 1.5);
  for (double lambda : {1e-6, 0.01, 1.0, 100.0})
    for (double t : {20.0, 80.0, 500.0}) {
      const auto [kappa, df1, df2] = solveRidgeEquivalent(s, lambda, t);
      INFO("λ = " << lambda << ", T = " << t);
      CHECK(kappa >= lambda);
      CHECK(kappa - lambda == Approx(kappa * df1 / t).epsilon(1e-9));
      CHECK(df2 <= df1);
    }
}

TEST_CASE("κ limits: λ = 0 gives 0 when d ≤ T and φ − 1 (isotropic) when d > T; λ → ∞ gives κ ≈ λ") {
  const Eigen::VectorXd iso = Eigen::VectorXd::Ones(50);
  CHECK(solveRidgeEquivalent(iso, 0.0, 100).kappa == 0.0);
  CHECK(solveRidgeEquivalent(iso, 0.0, 20).kappa == Approx(50.0 / 20.0 - 1.0).epsilon(1e-10));
  CHECK(solveRidgeEquivalent(iso, 0.0, 20).df1 == Approx(20.0));
  CHECK(solveRidgeEquivalent(iso, 1e6, 100).kappa / 1e6 == Approx(1.0).epsilon(1e-6));
  // Isotropic closed form κ = ½(λ + φ − 1 + √((λ + φ − 1)² + 4λ)).
  for (double lambda : {0.01, 0.3, 4.0})
    for (double t : {25.0, 100.0}) {
      const double phi = 50.0 / t, a = lambda + phi - 1.0;
      CHECK(solveRidgeEquivalent(iso, lambda, t).kappa == Approx(0.5 * (a + std::sqrt(a * a + 4 * lambda))).epsilon(1e-10));
    }
}

TEST_CASE("B3 (general spectrum) equals the isotropic closed form B4 when Σ = I") {
  for (double lambda : {0.001, 0.1, 1.0, 10.0})
    for (double t : {50.0, 200.0}) {  // φ > 1 and φ < 1
      const auto setting = isotropic(100, lambda, t, 300, 5);
      const auto general = chainError(setting), closed = isotropicChainError(100, 1.0, setting);
      INFO("λ = " << lambda << ", T = " << t);
      CHECK(general.bias == Approx(closed.bias).epsilon(1e-9));
      CHECK(general.variance == Approx(closed.variance).epsilon(1e-9));
      CHECK(general.collapse == Approx(closed.collapse).epsilon(1e-9));
    }
}

TEST_CASE("B3 limits: λ → 0 with d < T recovers B1; λ → ∞ kills the collapse term; min-norm bracket → T") {
  // λ = 0, T ≥ d + 2 is the exact B1.
  const auto exact = chainError(isotropic(40, 0.0, 100, 90, 3));
  CHECK(exact.bias == 0.0);
  CHECK(exact.variance == Approx(40.0 / 59.0));
  CHECK(exact.collapse == Approx(3 * 0.64 * 40.0 / 49.0));
  // λ → 0⁺ (the asymptotic form) has the bracket df₂(T + d − 2df₁)/(T − df₂) → d.
  CHECK(chainError(isotropic(40, 1e-10, 100, 90, 3)).collapse == Approx(exact.collapse).epsilon(1e-6));
  CHECK(chainError(isotropic(40, 1e9, 100, 90, 3)).collapse < 1e-12);
  // Minimum-norm downstream, d > T, isotropic: the bracket tends to T.
  const auto minNorm = chainError(isotropic(200, 0.0, 50, 300, 1));
  CHECK(minNorm.collapse / (0.64 / (300 - 200 - 1.0)) == Approx(50.0).epsilon(1e-8));
}

TEST_CASE("optimal λ: σ²φ/r² when clean (isotropic), and it grows with n") {
  auto setting = isotropic(100, 0.0, 400, 300, 0);
  CHECK(optimalRidge(setting) == Approx(0.25).epsilon(1e-5));  // σ² = 1, φ = 1/4, r² = 1
  double previous = 0.25;
  for (double n : {1.0, 5.0, 20.0}) {
    setting.generations = n;
    const double best = optimalRidge(setting);
    CHECK(best > previous);
    previous = best;
    // A minimum: nearby λ are worse.
    setting.lambda = best;
    const double at = chainError(setting).total();
    for (double factor : {0.8, 1.25}) {
      setting.lambda = best * factor;
      CHECK(chainError(setting).total() > at);
    }
  }
}

TEST_CASE("B5: over-parameterised generators") {
  CHECK(overparameterisedGeneratorError(100, 20, 0.0, 2.0, 0) == 0.0);
  CHECK(overparameterisedGeneratorError(100, 20, 0.0, 2.0, 3) == Approx(2.0 * (1 - 0.2 * 0.2 * 0.2)));
  CHECK(overparameterisedGeneratorError(100, 20, 1.0, 0.0, 1e9) == Approx(20.0 * 100 / (80.0 * 79.0)));
}
