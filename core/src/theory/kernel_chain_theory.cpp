// Exact fixed-design error of the kernel-ridge chain (docs/theory/kernel-chain.md §2).
#include "collapse/theory/kernel_chain_theory.hpp"

#include "collapse/simd/matrix_kernels.hpp"

namespace collapse::theory {

Eigen::VectorXd generatorFactors(const Eigen::VectorXd& mu, double rows, double generatorRidge) {
  if (generatorRidge == 0.0) return Eigen::VectorXd::Ones(mu.size());  // interpolation: S = I
  return (mu.array() / (mu.array() + rows * generatorRidge)).matrix();
}

Eigen::VectorXd downstreamFactors(const Eigen::VectorXd& mu, double rows, double ridge) {
  return (mu.array() + rows * ridge).inverse().matrix();
}

Eigen::VectorXd kernelChainError(const KernelChainDesign& design, double ridge, double generatorRidge, double generatorNoise,
                                 int generations) {
  const double rows = static_cast<double>(design.eigenvalues.size());
  const double tests = static_cast<double>(design.testTargets.rows());
  const double outputs = static_cast<double>(design.testTargets.cols());
  const Eigen::ArrayXd g = generatorFactors(design.eigenvalues, rows, generatorRidge).array();
  const Eigen::ArrayXd h = downstreamFactors(design.eigenvalues, rows, ridge).array();
  Eigen::VectorXd error(generations + 1);
  // Every generation's predictions in one product (test basis × all signals side by side): the basis, far larger
  // than the cache, is read once instead of once per generation — a matrix-vector product is bound by memory, not
  // by lanes. Each entry is the same sum as a product per generation would form (simd/matrix_kernels.hpp).
  const Eigen::Index q = design.coefficients.cols();
  Eigen::MatrixXd signals(design.coefficients.rows(), q * (generations + 1));
  Eigen::ArrayXd power = Eigen::ArrayXd::Ones(g.size());     // gⁿ
  for (int n = 0; n <= generations; ++n) {
    signals.middleCols(n * q, q) = design.coefficients.array().colwise() * (h * power);
    power *= g;
  }
  const Eigen::MatrixXd predictions = simd::product(design.testBasis, signals);
  power = Eigen::ArrayXd::Ones(g.size());
  Eigen::ArrayXd squares = Eigen::ArrayXd::Zero(g.size());   // Σ_{j<n} g^{2j}
  for (int n = 0; n <= generations; ++n) {
    const double bias = (predictions.middleCols(n * q, q) - design.testTargets).squaredNorm() / tests;
    const double noise = generatorNoise * generatorNoise * outputs / tests *
                         (design.testWeights.array() * h.square() * squares).sum();
    error(n) = bias + noise;
    squares += power.square();
    power *= g;
  }
  return error;
}

}  // namespace collapse::theory
