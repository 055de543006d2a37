// Monte Carlo of "kernel-chain" (docs/theory/kernel-chain.md §1–2).
#include "collapse/data/mnist_digits.hpp"
#include "collapse/experiments/kernel_chain.hpp"
#include "collapse/experiments/kernel_chain_design.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

/// Fixed design: the chain in the eigenbasis of K, where a generation's noise Vᵀε is again N(0, I) (V orthogonal),
/// so the labels' coefficients evolve as c ← g ∘ c + σ₀ξ and only the predictions cost O(N·T·q). With `lastOnly`
/// (a swept point reports its last generation) the same stream is consumed but only the last error is computed.
std::vector<double> simulateFixed(const Config& c, Rng& rng, bool lastOnly = false) {
  const auto design = kernel_chain::fixedDesign(c);
  const auto& chain = design->chain;
  const Eigen::Index t = chain.eigenvalues.size(), q = chain.testTargets.cols();
  const double rows = static_cast<double>(t);
  const Eigen::ArrayXd g = theory::generatorFactors(chain.eigenvalues, rows, c.number("generatorRidge")).array();
  const Eigen::ArrayXd h = theory::downstreamFactors(chain.eigenvalues, rows, c.number("ridge")).array();
  const double sigma = c.number("generatorNoise");
  NormalSampler normal(rng);
  Eigen::MatrixXd coefficients = chain.coefficients;  // Vᵀy⁽ⁿ⁾, starting from the real targets
  Eigen::MatrixXd xi(t, q);
  // The weights of every generation reported, side by side; their errors come from one product (blockTestErrors).
  const int generations = c.integer("generations"), first = lastOnly ? generations : 0;
  Eigen::MatrixXd weights(t, q * (generations - first + 1));
  for (int n = 0; n <= generations; ++n) {
    if (n > 0) {
      normal.fill(xi.data(), static_cast<std::size_t>(xi.size()));
      // c ← g ∘ c + σ₀ξ as a plain loop over contiguous columns: the loop vectoriser takes it in the SIMD flavour
      // (Eigen's broadcast expression it did not, and the SLP vectoriser is off there: docs/determinism.md). The
      // same two products and one sum per entry as the expression, so the same bits.
      for (Eigen::Index j = 0; j < q; ++j) {
        double* column = coefficients.col(j).data();
        const double* noise = xi.col(j).data();
        for (Eigen::Index i = 0; i < t; ++i) column[i] = column[i] * g[i] + sigma * noise[i];
      }
    }
    if (n >= first) weights.middleCols((n - first) * q, q) = coefficients.array().colwise() * h;
  }
  return theory::blockTestErrors(chain, weights);
}

/// Kernel ridge weights α = (K + TλI)⁻¹y from K's eigendecomposition; λ = 0 is the minimum-norm interpolator
/// (eigenvalues below 10⁻¹⁰ of the largest count as 0).
Eigen::MatrixXd ridgeWeights(const simd::SymmetricEigen& eigen, const Eigen::MatrixXd& y, double lambda) {
  const Eigen::VectorXd mu = eigen.eigenvalues().cwiseMax(0.0);
  const double rows = static_cast<double>(mu.size()), tolerance = 1e-10 * mu.maxCoeff();
  Eigen::VectorXd inverse(mu.size());
  for (Eigen::Index i = 0; i < mu.size(); ++i)
    inverse(i) = lambda > 0.0 ? 1.0 / (mu(i) + rows * lambda) : (mu(i) > tolerance ? 1.0 / mu(i) : 0.0);
  const Eigen::MatrixXd transposed = eigen.eigenvectors().transpose();
  return simd::product(eigen.eigenvectors(), inverse.asDiagonal() * simd::product(transposed, y));
}

/// `perClass` digits of every class drawn without replacement from the pool: all but the test block
/// [samples, samples + testSamples) of the class.
std::vector<kernel_chain::DigitIndex> drawFromPool(int perClass, int samples, int tests, Rng& rng) {
  std::vector<kernel_chain::DigitIndex> digits;
  for (int digit = 0; digit < 10; ++digit) {
    const int pool = data::MnistDigits::kPerClass[digit] - tests;
    for (std::uint32_t k : sampleWithoutReplacement(static_cast<std::uint32_t>(pool), static_cast<std::uint32_t>(perClass), rng)) {
      const int position = static_cast<int>(k);
      digits.push_back({digit, position < samples ? position : position + tests});  // skip the test block
    }
  }
  return digits;
}

/// Fresh design: generation k ≥ 1 draws new training digits and labels them with generator k − 1's predictions
/// plus noise; a kernel ridge fit per generation (generator λ₀ and downstream λ share K's eigendecomposition).
std::vector<double> simulateFresh(const Config& c, Rng& rng) {
  const int samples = c.integer("samples"), tests = c.integer("testSamples");
  const auto test = kernel_chain::firstOfEachClass(tests, samples);
  const Eigen::MatrixXd testRows = kernel_chain::digitRows(test);
  const Eigen::MatrixXd testTargets = kernel_chain::digitTargets(test, c.choice("target"));
  const auto first = kernel_chain::firstOfEachClass(samples, 0);
  Eigen::MatrixXd rows = kernel_chain::digitRows(first);
  Eigen::MatrixXd labels = kernel_chain::digitTargets(first, c.choice("target"));
  const KernelSpec kernel = kernel_chain::kernelOf(c, rows);  // the median rule on the first design, kept for the chain
  const double sigma = c.number("generatorNoise"), tested = static_cast<double>(testRows.rows());
  NormalSampler normal(rng);
  std::vector<double> curve;
  for (int n = 0; n <= c.integer("generations"); ++n) {
    const auto eigen = checkedEigen(kernelMatrix(kernel, rows, rows), "kernel-chain: eigen decomposition of the kernel matrix");
    const Eigen::MatrixXd downstream = ridgeWeights(eigen, labels, c.number("ridge"));
    curve.push_back((kernelMatrix(kernel, testRows, rows) * downstream - testTargets).squaredNorm() / tested);
    if (n == c.integer("generations")) break;
    const Eigen::MatrixXd generator = ridgeWeights(eigen, labels, c.number("generatorRidge"));
    const Eigen::MatrixXd next = kernel_chain::digitRows(drawFromPool(samples, samples, tests, rng));
    Eigen::MatrixXd noise(next.rows(), labels.cols());
    normal.fill(noise.data(), static_cast<std::size_t>(noise.size()));
    labels = kernelMatrix(kernel, next, rows) * generator + sigma * noise;
    rows = next;
  }
  return curve;
}

}  // namespace

std::vector<double> KernelChain::simulateTrial(const Config& c, Rng& rng) const {
  return c.choice("design") == "fixed" ? simulateFixed(c, rng) : simulateFresh(c, rng);
}

void KernelChain::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries,
                                      std::uint64_t seed, std::uint64_t trial, double* out) const {
  if (!sweptX) return Experiment::simulateTrialPoints(points, sweptX, pointsPerSeries, seed, trial, out);
  // A swept point reports its last generation: the same stream as simulateTrial, the predictions of that one only.
  for (const auto& series : points)
    for (const auto& point : series) {
      Rng rng(seed, trial);
      *out++ = point.choice("design") == "fixed" ? simulateFixed(point, rng, true).back() : simulateFresh(point, rng).back();
    }
}

}  // namespace collapse
