// The 2-lane kernels (collapse/simd/) against their scalar references: identical bits, in every build (native
// SSE2, WebAssembly SIMD128, WebAssembly scalar), and close to Eigen's own products (a different summation order).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/simd/matrix_kernels.hpp"
#include "collapse/simd/vector_math.hpp"

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool sameBits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0;
}

Eigen::MatrixXd randomMatrix(int rows, int cols, std::uint64_t stream) {
  collapse::Rng rng(17, stream);
  collapse::NormalSampler normal(rng);
  Eigen::MatrixXd m(rows, cols);
  normal.fill(m.data(), m.size());
  return m;
}

}  // namespace

TEST_CASE("simd exp and log: bit-identical to the scalar portable functions, special values included", "[simd]") {
  INFO("F64x2 backend: " << collapse::simd::kF64x2Backend);
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  collapse::Rng rng(5, 5);
  std::vector<double> x = {nan, inf, -inf, 0.0, -0.0, 1e-310, 4.9e-324, 709.7, 709.79, -745.1, -745.2, 1.0, -1.0, 0.5};
  for (int i = 0; i < 20000; ++i) x.push_back(-750.0 + 1500.0 * rng.uniform());
  for (int i = 0; i < 20000; ++i) x.push_back(std::ldexp(rng.uniform(), static_cast<int>(2100 * rng.uniform()) - 1074));
  std::vector<double> out(x.size());
  collapse::simd::expArray(x.data(), out.data(), x.size());
  int mismatches = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mismatches += !sameBits(out[i], collapse::math::exp(x[i]));
  CHECK(mismatches == 0);
  collapse::simd::logArray(x.data(), out.data(), x.size());
  mismatches = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mismatches += !sameBits(out[i], collapse::math::log(x[i]));
  CHECK(mismatches == 0);
  // log1p over its own range too: tiny x (where 1 + x rounds to 1), near −1, and large x.
  std::vector<double> y = x;
  for (double v : {-1.0, -0.999999999, 1e-17, -1e-17, 1e-300, 1.7e308, -2.0})
    y.push_back(v);
  for (int i = 0; i < 20000; ++i) y.push_back(std::ldexp(rng.uniform() - 0.5, -static_cast<int>(60 * rng.uniform())));
  out.resize(y.size());
  collapse::simd::log1pArray(y.data(), out.data(), y.size());
  mismatches = 0;
  for (std::size_t i = 0; i < y.size(); ++i) mismatches += !sameBits(out[i], collapse::math::log1p(y[i]));
  CHECK(mismatches == 0);
  // pow(x, y) for every x above and the exponents that matter (1/τ of decoding), and the ones math::pow treats apart.
  std::vector<double> z = x;
  for (int i = 0; i < 20000; ++i) z.push_back(rng.uniform());
  out.resize(z.size());
  for (double e : {1.0 / 0.7, 1.0 / 0.9, 2.0, 0.5, -1.5, 1e-3, 0.0, -0.0, inf, -inf, nan}) {
    INFO("y = " << e);
    collapse::simd::powArray(z.data(), e, out.data(), z.size());
    mismatches = 0;
    for (std::size_t i = 0; i < z.size(); ++i) mismatches += !sameBits(out[i], collapse::math::pow(z[i], e));
    CHECK(mismatches == 0);
    std::vector<double> inPlace(z.begin(), z.begin() + 101);  // odd length, in place
    collapse::simd::powArray(inPlace.data(), e, inPlace.data(), inPlace.size());
    for (std::size_t i = 0; i < inPlace.size(); ++i) CHECK(sameBits(inPlace[i], collapse::math::pow(z[i], e)));
  }
  out.resize(x.size());
  for (std::size_t n : {0, 1, 2, 7, 100}) {
    const double a = collapse::simd::sumExpShifted(x.data() + 20, n, 3.0);
    CHECK(sameBits(a, collapse::simd::sumExpShiftedReference(x.data() + 20, n, 3.0)));
  }
}

TEST_CASE("allFinite: the same answer as std::isfinite entry by entry, at every length and position", "[simd]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double max = std::numeric_limits<double>::max(), tiny = std::numeric_limits<double>::denorm_min();
  for (std::size_t n : {0, 1, 2, 3, 4, 5, 7, 8, 9, 400}) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = (i % 3 == 0 ? max : i % 3 == 1 ? -tiny : -0.0) * (i % 2 ? 1.0 : -1.0);
    CHECK(collapse::simd::allFinite(x.data(), n));  // ±max, subnormals and −0 are finite (max·0 = 0, no overflow)
    int missed = 0, disagreements = 0;  // a non-finite value at every position: the lanes, the tail, the rest
    for (std::size_t at = 0; at < n; ++at)
      for (double bad : {inf, -inf, nan}) {
        std::vector<double> y = x;
        y[at] = bad;
        missed += collapse::simd::allFinite(y.data(), n);
        disagreements += collapse::simd::allFinite(y.data(), n) != collapse::simd::allFiniteReference(y.data(), n);
      }
    INFO("n = " << n);
    CHECK(missed == 0);
    CHECK(disagreements == 0);
  }
}

TEST_CASE("batched normal sampler: the same numbers in the same order as one call at a time", "[simd]") {
  for (std::size_t n : {0, 1, 2, 3, 5, 64, 127, 128, 129, 1001}) {
    for (int skip : {0, 1}) {  // with and without a cached second variate
      collapse::Rng a(3, n), b(3, n);
      collapse::NormalSampler batched(a), single(b);
      for (int s = 0; s < skip; ++s) {
        batched();
        single();
      }
      std::vector<double> out(n + 1);
      batched.fill(out.data(), n);
      out[n] = batched();  // the state after the batch is the same too
      int mismatches = 0;
      for (std::size_t i = 0; i <= n; ++i) mismatches += !sameBits(out[i], single());
      INFO("n = " << n << ", skip = " << skip);
      CHECK(mismatches == 0);
    }
  }
}

TEST_CASE("Bartlett factor and Gaussian rows: the batched draws equal one draw per entry in stream order", "[simd]") {
  collapse::Rng a(9, 1), b(9, 1);
  collapse::NormalSampler na(a), nb(b);
  const Eigen::MatrixXd factor = collapse::sampleBartlettFactor(7, 12, na, a);
  for (int i = 0; i < 7; ++i) {
    for (int j = 0; j < i; ++j) CHECK(sameBits(factor(i, j), nb()));
    CHECK(sameBits(factor(i, i), std::sqrt(collapse::sampleChiSquare(12.0 - i, nb, b))));
  }
  const Eigen::MatrixXd rows = collapse::sampleGaussianRows(5, Eigen::VectorXd::Constant(3, 4.0), na);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 3; ++j) CHECK(sameBits(rows(i, j), nb() * 2.0));
}

TEST_CASE("gemm: bit-identical to its reference and close to Eigen for ragged shapes", "[simd]") {
  for (const auto& [m, n, k] : std::vector<std::array<int, 3>>{{1, 1, 1}, {4, 4, 4}, {5, 7, 3}, {13, 9, 17}, {64, 33, 50}, {3, 1, 0}, {37, 1, 23}}) {
    const Eigen::MatrixXd a = randomMatrix(m, k, 1), b = randomMatrix(k, n, 2);
    Eigen::MatrixXd c(m, n), reference(m, n);
    collapse::simd::gemm(a.data(), m, b.data(), k, c.data(), m, m, n, k);
    collapse::simd::gemmReference(a.data(), m, b.data(), k, reference.data(), m, m, n, k);
    INFO(m << "×" << k << " · " << k << "×" << n);
    CHECK(sameBits(c, reference));
    CHECK(sameBits(collapse::simd::product(a, b), reference));
    CHECK((c - a * b).norm() <= 1e-13 * std::max(1.0, (a * b).norm()));
  }
}

TEST_CASE("lowerGram and columnGram: bit-identical to their references and close to Eigen", "[simd]") {
  for (int d : {1, 2, 3, 4, 5, 8, 11, 33}) {
    const Eigen::MatrixXd lower = randomMatrix(d, d, 3).triangularView<Eigen::Lower>();
    const Eigen::MatrixXd g = collapse::simd::lowerGram(lower);
    INFO("d = " << d);
    CHECK(sameBits(g, collapse::simd::lowerGramReference(lower)));
    CHECK((g - lower * lower.transpose()).norm() <= 1e-13 * (lower * lower.transpose()).norm());
    const Eigen::MatrixXd upperJunk = lower + randomMatrix(d, d, 4).triangularView<Eigen::StrictlyUpper>().toDenseMatrix();
    CHECK(sameBits(collapse::simd::lowerGram(upperJunk), g));  // only the lower triangle is read
    for (int rows : {1, 2, 7, 40, 261, 1031}) {  // 1031: an odd count over three chunks of 256 row pairs
      const Eigen::MatrixXd x = randomMatrix(rows, d, 5 + rows);
      const Eigen::MatrixXd h = collapse::simd::columnGram(x);
      INFO("rows = " << rows);
      CHECK(sameBits(h, collapse::simd::columnGramReference(x)));
      CHECK((h - x.transpose() * x).norm() <= 1e-13 * (x.transpose() * x).norm());
      CHECK(sameBits(h, h.transpose()));
      // Into a matrix kept from a call of another shape (the scratch too): the same bits.
      static Eigen::MatrixXd kept = Eigen::MatrixXd::Constant(3, 5, 7.0);
      collapse::simd::columnGramInto(x, kept);
      CHECK(sameBits(kept, h));
    }
  }
}

TEST_CASE("cholesky: bit-identical to its reference, close to Eigen's LLT, refuses what is not positive definite", "[simd]") {
  for (int d : {1, 2, 3, 7, 8, 9, 16, 17, 40, 101}) {  // odd d ends on a lone column, even d in pairs
    INFO("d = " << d);
    const Eigen::MatrixXd x = randomMatrix(d + 3, d, 5);
    Eigen::MatrixXd a = x.transpose() * x;
    a.diagonal().array() += 0.1;
    Eigen::MatrixXd upperJunk = a;
    upperJunk.triangularView<Eigen::StrictlyUpper>().setConstant(1e300);  // only the lower triangle is read
    Eigen::MatrixXd l, reference;
    REQUIRE(collapse::simd::cholesky(upperJunk, l));
    REQUIRE(collapse::simd::choleskyReference(a, reference));
    CHECK(sameBits(l, reference));
    CHECK(l.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0.0));
    const Eigen::MatrixXd eigenL = Eigen::LLT<Eigen::MatrixXd>(a).matrixL();
    CHECK((l - eigenL).norm() <= 1e-12 * eigenL.norm());
  }
  Eigen::MatrixXd l;
  Eigen::MatrixXd indefinite = Eigen::MatrixXd::Identity(5, 5);
  indefinite(3, 3) = -1.0;
  CHECK_FALSE(collapse::simd::cholesky(indefinite, l));
  CHECK_FALSE(collapse::simd::choleskyReference(indefinite, l));
  indefinite(3, 3) = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(collapse::simd::cholesky(indefinite, l));
  for (int bad : {2, 4}) {  // the first column of a pair, and the lone last column of an odd size
    Eigen::MatrixXd negative = Eigen::MatrixXd::Identity(5, 5);
    negative(bad, bad) = -1.0;
    CHECK_FALSE(collapse::simd::cholesky(negative, l));
  }
}

TEST_CASE("matVec and the triangular solves: bit-identical to their references, close to Eigen's", "[simd]") {
  for (int d : {1, 2, 3, 7, 8, 9, 16, 17, 40, 101}) {  // row counts around the 8- and 2-row blocks
    INFO("d = " << d);
    const Eigen::MatrixXd a = randomMatrix(d, d + 2, 6);
    const Eigen::VectorXd x = randomMatrix(d + 2, 1, 7);
    const Eigen::VectorXd y = collapse::simd::matVec(a, x);
    CHECK(sameBits(y, collapse::simd::matVecReference(a, x)));
    CHECK((y - a * x).norm() <= 1e-13 * (a.norm() * x.norm()));

    Eigen::MatrixXd lower = randomMatrix(d, d, 8);
    lower.diagonal().array() = lower.diagonal().array().abs() + 2.0 * std::sqrt(static_cast<double>(d));  // well conditioned
    Eigen::MatrixXd upperJunk = lower;
    upperJunk.triangularView<Eigen::StrictlyUpper>().setConstant(1e300);  // only the lower triangle is read
    lower.triangularView<Eigen::StrictlyUpper>().setZero();
    const Eigen::VectorXd b = randomMatrix(d, 1, 9);
    const Eigen::VectorXd forward = collapse::simd::solveLower(upperJunk, b);
    CHECK(sameBits(forward, collapse::simd::solveLowerReference(lower, b)));
    CHECK((forward - lower.triangularView<Eigen::Lower>().solve(b)).norm() <= 1e-12 * forward.norm());
    const Eigen::VectorXd back = collapse::simd::solveLowerTransposed(upperJunk, b);
    CHECK(sameBits(back, collapse::simd::solveLowerTransposedReference(lower, b)));
    CHECK((back - lower.transpose().triangularView<Eigen::Upper>().solve(b)).norm() <= 1e-12 * back.norm());
  }
}

TEST_CASE("transposedMatVec: bit-identical to its reference and to Eigen's unvectorised Aᵀ·x", "[simd]") {
  // Eigen is built with EIGEN_DONT_VECTORIZE (cmake/third_party.cmake), so its a.transpose() * x sums each column
  // in ascending rows from 0, as does the kernel: the experiments that swap one for the other keep their bits.
  // matVec likewise against Eigen's a * x.
  for (int cols : {1, 2, 3, 4, 5, 7, 8, 9, 10, 17}) {  // around the four-column blocks
    for (int rows : {1, 2, 9, 100}) {
      INFO("rows = " << rows << ", cols = " << cols);
      const Eigen::MatrixXd a = randomMatrix(rows, cols, 10);
      const Eigen::VectorXd x = randomMatrix(rows, 1, 11);
      const Eigen::VectorXd y = collapse::simd::transposedMatVec(a, x);
      CHECK(sameBits(y, collapse::simd::transposedMatVecReference(a, x)));
      const Eigen::VectorXd eigen = a.transpose() * x;
      CHECK(sameBits(y, eigen));
      const Eigen::VectorXd z = randomMatrix(cols, 1, 12);
      const Eigen::VectorXd eigenProduct = a * z;
      CHECK(sameBits(collapse::simd::matVec(a, z), eigenProduct));
    }
  }
}
