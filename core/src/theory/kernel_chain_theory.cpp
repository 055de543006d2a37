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

std::vector<double> blockTestErrors(const KernelChainDesign& design, const Eigen::MatrixXd& stacked) {
  const Eigen::Index q = design.testTargets.cols();
  const double tests = static_cast<double>(design.testTargets.rows());
  const Eigen::MatrixXd predictions = simd::product(design.testBasis, stacked);
  std::vector<double> errors;
  for (Eigen::Index k = 0; k + q <= predictions.cols(); k += q)
    errors.push_back((predictions.middleCols(k, q) - design.testTargets).squaredNorm() / tests);
  return errors;
}

Eigen::VectorXd kernelChainError(const KernelChainDesign& design, double ridge, double generatorRidge, double generatorNoise,
                                 int generations) {
  const double rows = static_cast<double>(design.eigenvalues.size());
  const double tests = static_cast<double>(design.testTargets.rows());
  const double outputs = static_cast<double>(design.testTargets.cols());
  const Eigen::ArrayXd g = generatorFactors(design.eigenvalues, rows, generatorRidge).array();
  const Eigen::ArrayXd h = downstreamFactors(design.eigenvalues, rows, ridge).array();
  Eigen::VectorXd error(generations + 1);
  const Eigen::Index q = design.coefficients.cols();
  Eigen::MatrixXd signals(design.coefficients.rows(), q * (generations + 1));
  Eigen::ArrayXd power = Eigen::ArrayXd::Ones(g.size());     // gⁿ
  Eigen::ArrayXd squares = Eigen::ArrayXd::Zero(g.size());   // Σ_{j<n} g^{2j}
  for (int n = 0; n <= generations; ++n) {
    signals.middleCols(n * q, q) = design.coefficients.array().colwise() * (h * power);
    error(n) = generatorNoise * generatorNoise * outputs / tests * (design.testWeights.array() * h.square() * squares).sum();
    squares += power.square();
    power *= g;
  }
  const std::vector<double> bias = blockTestErrors(design, signals);  // every generation's predictions at once
  for (int n = 0; n <= generations; ++n) error(n) += bias[static_cast<std::size_t>(n)];  // noise + bias
  return error;
}

}  // namespace collapse::theory
