#include <catch2/catch.hpp>

#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "statistics.hpp"

using namespace collapse;
using testing::agree;
using testing::meanAndError;
using testing::withinStandardErrors;

namespace {
/// Statistics of W = XᵀX that the Bartlett and explicit samplers must share: a diagonal entry, an
/// off-diagonal entry, and the inverse-Wishart quantity tr(Σ(XᵀX)⁻¹) behind every OLS error.
struct GramStatistics {
  std::vector<double> diagonal, offDiagonal, inverseTrace;
};

GramStatistics collect(bool bartlett, int dim, int samples, const Eigen::VectorXd& spectrum, int draws) {
  GramStatistics stats;
  for (int t = 0; t < draws; ++t) {
    Rng rng(21, static_cast<std::uint64_t>(t) + (bartlett ? 0 : 1000000));
    NormalSampler normal(rng);
    Eigen::MatrixXd gram;
    if (bartlett) {
      const Eigen::MatrixXd scaled = spectrum.cwiseSqrt().asDiagonal() * sampleBartlettFactor(dim, samples, normal, rng);
      gram = scaled * scaled.transpose();
    } else {
      const Eigen::MatrixXd x = sampleGaussianRows(samples, spectrum, normal);
      gram = x.transpose() * x;
    }
    stats.diagonal.push_back(gram(dim - 1, dim - 1));
    stats.offDiagonal.push_back(gram(0, dim - 1));
    stats.inverseTrace.push_back((spectrum.asDiagonal() * gram.inverse()).trace());
  }
  return stats;
}
}  // namespace

TEST_CASE("Bartlett factor: lower triangular with a positive diagonal") {
  Rng rng(20, 0);
  NormalSampler normal(rng);
  const Eigen::MatrixXd a = sampleBartlettFactor(6, 9, normal, rng);
  for (int i = 0; i < 6; ++i) {
    CHECK(a(i, i) > 0.0);
    for (int j = i + 1; j < 6; ++j) CHECK(a(i, j) == 0.0);
  }
  REQUIRE_THROWS(sampleBartlettFactor(6, 0, normal, rng));
}

TEST_CASE("Bartlett factor into a reused matrix: the same draws, below and above the diagonal, whatever it held") {
  for (const int degrees : {9, 3}) {  // full rank, and singular (degrees < dim)
    Rng first(22, 0), second(22, 0);
    NormalSampler normalFirst(first), normalSecond(second);
    Eigen::MatrixXd reused = Eigen::MatrixXd::Constant(6, 6, 7.0);  // stale entries everywhere
    for (int generation = 0; generation < 3; ++generation) {
      const Eigen::MatrixXd fresh = sampleBartlettFactor(6, degrees, normalFirst, first);
      sampleBartlettFactor(6, degrees, normalSecond, second, reused);
      INFO("degrees = " << degrees << ", generation " << generation);
      CHECK(reused.cwiseEqual(fresh).all());
      CHECK(first.nextU64() == second.nextU64());  // both consumed the stream equally far
    }
    Eigen::MatrixXd wrongSize(2, 3);
    sampleBartlettFactor(6, degrees, normalSecond, second, wrongSize);
    CHECK(wrongSize.rows() == 6);
    CHECK(wrongSize.cols() == 6);
  }
}

TEST_CASE("Bartlett factor with fewer degrees than dimensions: the singular Wishart, moment by moment") {
  // W = A·Aᵀ against ZᵀZ with Z (n × d) standard Gaussian, n = 3 < d = 6: rank n, E W_ii = n, E W_ii² = n² + 2n,
  // E W_ij = 0, E W_ij² = n (i ≠ j), within 4 SE of 4000 draws (docs/theory/generative.md §2, "Singular fits").
  const int dim = 6, degrees = 3, draws = 4000;
  std::vector<double> diagonal, diagonalSquare, offDiagonal, offDiagonalSquare;
  for (int t = 0; t < draws; ++t) {
    Rng rng(22, static_cast<std::uint64_t>(t));
    NormalSampler normal(rng);
    const Eigen::MatrixXd a = sampleBartlettFactor(dim, degrees, normal, rng);
    CHECK(a.rightCols(dim - degrees).isZero(0.0));
    CHECK(a.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0.0));
    const Eigen::MatrixXd w = a * a.transpose();
    for (int i : {0, dim - 1}) diagonal.push_back(w(i, i)), diagonalSquare.push_back(w(i, i) * w(i, i));
    for (auto [i, j] : {std::pair{0, dim - 1}, std::pair{dim - 2, dim - 1}})
      offDiagonal.push_back(w(i, j)), offDiagonalSquare.push_back(w(i, j) * w(i, j));
  }
  const double n = degrees;
  CHECK(withinStandardErrors(meanAndError(diagonal), n));
  CHECK(withinStandardErrors(meanAndError(diagonalSquare), n * n + 2 * n));
  CHECK(withinStandardErrors(meanAndError(offDiagonal), 0.0));
  CHECK(withinStandardErrors(meanAndError(offDiagonalSquare), n));
}

TEST_CASE("Bartlett XᵀX has the Wishart moments, and matches explicit rows in law") {
  const int dim = 5, samples = 12, draws = 20000;
  const Eigen::VectorXd spectrum = makeSpectrum("power", dim, 1.0);
  const auto bartlett = collect(true, dim, samples, spectrum, draws);
  const auto rows = collect(false, dim, samples, spectrum, draws);
  const double s0 = spectrum[0], sLast = spectrum[dim - 1];

  // Wishart_d(T, Σ): E W_jj = T s_j, E W_0j = 0, E tr(Σ W⁻¹) = d / (T − d − 1).
  CHECK(withinStandardErrors(meanAndError(bartlett.diagonal), samples * sLast));
  CHECK(withinStandardErrors(meanAndError(bartlett.offDiagonal), 0.0));
  CHECK(withinStandardErrors(meanAndError(bartlett.inverseTrace), dim / static_cast<double>(samples - dim - 1)));
  // Second moments: Var W_jj = 2T s_j², Var W_0j = T s_0 s_j.
  std::vector<double> diagonalSpread, offSpread;
  for (double w : bartlett.diagonal) diagonalSpread.push_back((w - samples * sLast) * (w - samples * sLast));
  for (double w : bartlett.offDiagonal) offSpread.push_back(w * w);
  CHECK(withinStandardErrors(meanAndError(diagonalSpread), 2.0 * samples * sLast * sLast));
  CHECK(withinStandardErrors(meanAndError(offSpread), samples * s0 * sLast));

  CHECK(agree(meanAndError(bartlett.diagonal), meanAndError(rows.diagonal)));
  CHECK(agree(meanAndError(bartlett.inverseTrace), meanAndError(rows.inverseTrace)));
  CHECK(agree(meanAndError(offSpread), meanAndError([&] {
    std::vector<double> v;
    for (double w : rows.offDiagonal) v.push_back(w * w);
    return v;
  }())));
}

TEST_CASE("spectra and ground truth") {
  const auto iso = makeSpectrum("isotropic", 4, 2.0);
  CHECK(iso == Eigen::VectorXd::Ones(4));
  const auto power = makeSpectrum("power", 4, 2.0);
  CHECK(power[0] == 1.0);
  CHECK(power[3] == Approx(1.0 / 16.0));
  CHECK(makeGroundTruth(9, 3.0).norm() == Approx(3.0));
  REQUIRE_THROWS(makeSpectrum("cubic", 3, 1.0));
  Eigen::VectorXd delta(4);
  delta << 1, 1, 2, 0;
  CHECK(excessRisk(delta, power) == Approx(1.0 + 0.25 + 4.0 / 9.0));
}
