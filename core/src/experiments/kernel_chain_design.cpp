// MNIST digits, targets, kernels and the cached fixed design of "kernel-chain" (docs/theory/kernel-chain.md §1–2).
#include "collapse/experiments/kernel_chain_design.hpp"
#include "collapse/linalg/checked_factorisation.hpp"

#include <map>
#include <mutex>

#include "collapse/catalogue/parameter.hpp"
#include "collapse/data/mnist_digits.hpp"
#include "collapse/data/dataset_store.hpp"

namespace collapse::kernel_chain {

std::vector<DigitIndex> firstOfEachClass(int perClass, int offset) {
  std::vector<DigitIndex> digits;
  for (int digit = 0; digit < 10; ++digit)
    for (int i = 0; i < perClass; ++i) digits.push_back({digit, offset + i});
  return digits;
}

Eigen::MatrixXd digitRows(const std::vector<DigitIndex>& digits) {
  const auto& mnist = data::mnistDigits();
  Eigen::MatrixXd rows(static_cast<Eigen::Index>(digits.size()), 784);
  for (std::size_t r = 0; r < digits.size(); ++r) {
    const auto image = mnist.image(digits[r].digit, digits[r].index);
    for (int p = 0; p < 784; ++p) rows(static_cast<Eigen::Index>(r), p) = static_cast<double>(image[p]) / 255.0;
  }
  return rows;
}

Eigen::MatrixXd digitTargets(const std::vector<DigitIndex>& digits, const std::string& target) {
  const bool oneHot = target == "one-hot";
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(digits.size()), oneHot ? 10 : 1);
  for (std::size_t r = 0; r < digits.size(); ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    if (oneHot) y(row, digits[r].digit) = 1.0;
    else y(row, 0) = digits[r].digit % 2 == 1 ? 1.0 : -1.0;
  }
  return y;
}

KernelSpec kernelOf(const Config& c, const Eigen::MatrixXd& trainRows) {
  const std::string& kind = c.choice("kernel");
  double bandwidth = c.number("bandwidth");
  if (kind == "rbf" && bandwidth == 0.0) bandwidth = medianDistance(trainRows);
  return {kind, bandwidth, c.integer("degree")};
}

namespace {

std::shared_ptr<const FixedDesign> computeFixedDesign(const Config& c) {
  const int samples = c.integer("samples"), tests = c.integer("testSamples");
  const auto train = firstOfEachClass(samples, 0), test = firstOfEachClass(tests, samples);
  const Eigen::MatrixXd trainRows = digitRows(train), testRows = digitRows(test);
  const KernelSpec kernel = kernelOf(c, trainRows);
  const auto eigen = checkedEigen(kernelMatrix(kernel, trainRows, trainRows), "kernel-chain: eigen decomposition of the training kernel matrix");
  auto design = std::make_shared<FixedDesign>();
  design->eigenvectors = eigen.eigenvectors();
  // A kernel matrix is positive semi-definite; rounding can leave its smallest eigenvalues slightly negative.
  design->chain.eigenvalues = eigen.eigenvalues().cwiseMax(0.0);
  design->chain.testBasis = kernelMatrix(kernel, testRows, trainRows) * design->eigenvectors;
  design->chain.testWeights = design->chain.testBasis.colwise().squaredNorm().transpose();
  design->chain.coefficients = design->eigenvectors.transpose() * digitTargets(train, c.choice("target"));
  design->chain.testTargets = digitTargets(test, c.choice("target"));
  design->bandwidth = kernel.bandwidth;
  return design;
}

}  // namespace

std::shared_ptr<const FixedDesign> fixedDesign(const Config& c) {
  // Only what shapes the design enters the key; a sweep over λ, σ₀ or n reuses one eigendecomposition.
  const std::string key = c.choice("kernel") + "|" + formatNumber(c.number("bandwidth")) + "|" + formatNumber(c.number("degree")) +
                          "|" + formatNumber(c.number("samples")) + "|" + formatNumber(c.number("testSamples")) + "|" +
                          c.choice("target") + "|" + std::to_string(data::storeGeneration());
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FixedDesign>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto found = cache.find(key); found != cache.end()) return found->second;
  if (cache.size() >= 4) cache.clear();  // a few designs at most: each holds T² + N·T numbers
  return cache.emplace(key, computeFixedDesign(c)).first->second;
}

}  // namespace collapse::kernel_chain
