// simd::SymmetricEigen (tred2 + tql2 on two lanes) against Eigen's SelfAdjointEigenSolver: a backward-stable
// decomposition (residual and orthogonality at rounding level), the same ascending eigenvalues, and the same bits
// in every build (a recorded hash; the Catch2 suite runs natively, as WebAssembly SIMD and as WebAssembly scalar).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "collapse/random/samplers.hpp"
#include "collapse/result/determinism_hash.hpp"
#include "collapse/simd/symmetric_eigen.hpp"

namespace {

Eigen::MatrixXd randomSymmetric(int n, std::uint64_t stream) {
  collapse::Rng rng(23, stream);
  collapse::NormalSampler normal(rng);
  Eigen::MatrixXd x(n, n);
  normal.fill(x.data(), x.size());
  return x + x.transpose();
}

Eigen::MatrixXd randomGram(int rows, int n, std::uint64_t stream) {  // XᵀX/rows: PSD, singular when rows < n
  collapse::Rng rng(29, stream);
  collapse::NormalSampler normal(rng);
  Eigen::MatrixXd x(rows, n);
  normal.fill(x.data(), x.size());
  return x.transpose() * x / rows;
}

void checkDecomposition(const Eigen::MatrixXd& a) {
  const collapse::simd::SymmetricEigen eigen(a);
  REQUIRE(eigen.info() == Eigen::Success);
  const Eigen::Index n = a.rows();
  const Eigen::VectorXd& values = eigen.eigenvalues();
  const Eigen::MatrixXd& vectors = eigen.eigenvectors();
  const double scale = std::max(a.norm(), 1e-300);
  const double tolerance = 50.0 * static_cast<double>(n) * 0x1.0p-52;  // backward error of a stable method: O(n·ε)
  CHECK((a * vectors - vectors * values.asDiagonal()).norm() <= tolerance * scale);
  CHECK((vectors.transpose() * vectors - Eigen::MatrixXd::Identity(n, n)).norm() <= tolerance);
  for (Eigen::Index i = 1; i < n; ++i) CHECK(values[i - 1] <= values[i]);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> reference(a, Eigen::EigenvaluesOnly);
  CHECK((values - reference.eigenvalues()).cwiseAbs().maxCoeff() <= tolerance * scale);
}

}  // namespace

TEST_CASE("symmetric eigen: accurate on random, graded, singular and degenerate matrices", "[simd]") {
  for (int n : {1, 2, 3, 4, 7, 8, 17, 64, 101}) {
    INFO("n = " << n);
    checkDecomposition(randomSymmetric(n, static_cast<std::uint64_t>(n)));
    checkDecomposition(randomGram(std::max(1, n / 3), n, static_cast<std::uint64_t>(n)));  // rank n/3: a null space
    checkDecomposition(randomGram(4 * n, n, static_cast<std::uint64_t>(n) + 100));
  }
  checkDecomposition(Eigen::MatrixXd::Zero(5, 5));
  checkDecomposition(Eigen::MatrixXd::Identity(6, 6) * 3.0);  // one eigenvalue, six times
  Eigen::MatrixXd graded = Eigen::MatrixXd::Zero(12, 12);
  for (int i = 0; i < 12; ++i) graded(i, i) = std::pow(10.0, -i);  // eigenvalues over twelve decades
  graded += 1e-14 * randomSymmetric(12, 7);
  checkDecomposition(graded);
  checkDecomposition(1e150 * randomSymmetric(9, 8));   // no overflow
  checkDecomposition(1e-150 * randomSymmetric(9, 9));  // no underflow to zero
}

TEST_CASE("symmetric eigen: only the lower triangle is read", "[simd]") {
  const Eigen::MatrixXd a = randomSymmetric(10, 3);
  Eigen::MatrixXd junk = a;
  junk.triangularView<Eigen::StrictlyUpper>().setConstant(1e300);
  const collapse::simd::SymmetricEigen clean(a), dirty(junk);
  CHECK(clean.eigenvalues() == dirty.eigenvalues());
  CHECK(clean.eigenvectors() == dirty.eigenvectors());
}

TEST_CASE("symmetric eigen: the same bits in every build (recorded hash)", "[simd][determinism]") {
  std::vector<double> out;
  for (int n : {1, 5, 16, 33, 100}) {
    const collapse::simd::SymmetricEigen eigen(randomGram(n + 7, n, 500 + static_cast<std::uint64_t>(n)));
    out.insert(out.end(), eigen.eigenvalues().data(), eigen.eigenvalues().data() + n);
    out.insert(out.end(), eigen.eigenvectors().data(), eigen.eigenvectors().data() + n * n);
  }
  const std::string hash = collapse::trialValuesHash(out);
  INFO("computed " << hash);
  CHECK(hash == "435f6b3ce84a5bc3ca71070ddd21f733292b9c483cd04344534e077b1328d2a8");
}
