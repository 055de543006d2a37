// Catalogue entry, cell design, Monte Carlo and exact theory of "kernel-real-vs-synthetic"
// (docs/theory/real-vs-synthetic.md §5).
#include "collapse/experiments/kernel_parameters.hpp"
#include "collapse/experiments/kernel_real_vs_synthetic.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/data/dataset_store.hpp"
#include "collapse/data/mnist_digits.hpp"
#include "collapse/experiments/kernel_chain_design.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {


ExperimentInfo kernelRealVsSyntheticInfo() {
  namespace P = parameters;
  namespace K = kernel_parameters;
  Parameter ridge = P::ridge();
  ridge.defaultNumber = 1e-3;
  ridge.min = 1e-9;
  ridge.max = 1e3;
  ridge.description = "Ridge λ of the downstream kernel model on the real + synthetic digits; λ > 0.";
  Parameter generatorRidge = P::ridge();
  generatorRidge.key = "generatorRidge";
  generatorRidge.symbol = "λ₀";
  generatorRidge.label = "generator's ridge";
  generatorRidge.defaultNumber = 1e-3;
  generatorRidge.min = 1e-9;
  generatorRidge.max = 1e3;
  generatorRidge.description = "Ridge λ₀ of the generator, fitted on generatorSamples real digits per class.";
  Parameter generatorNoise = P::noise();
  generatorNoise.key = "generatorNoise";
  generatorNoise.symbol = "σ₀";
  generatorNoise.label = "synthetic label noise";
  generatorNoise.defaultNumber = 0.5;
  generatorNoise.description = "Standard deviation of the noise on each synthetic label (the generator's sampling noise).";

  ExperimentInfo info;
  info.key = "kernel-real-vs-synthetic";
  info.title = "Real vs synthetic MNIST digits: cardinality or proportion";
  info.source = "Kazdan et al. 2025, Collapse or Thrive? (ICML 2025, arXiv 2410.16713), cardinality vs proportion, with kernel "
                "ridge on MNIST as in Dohmatob, Feng & Kempe 2024 (arXiv 2402.07712)";
  info.summary =
      "A kernel ridge generator is fitted on real MNIST digits and labels other digits; a fresh kernel model is trained on "
      "n_real real and n_synth synthetic digits per class, for every cell of a grid, and tested on real held-out digits. "
      "With few real digits some synthetic ones help; with many, they hurt.";
  info.datasets = {"mnist-digits"};
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 50),
      K::kernel("The kernel on pixel vectors in [0, 1]⁷⁸⁴ (generator and downstream model)."),
      K::bandwidth("Bandwidth h of the RBF kernel; 0 = the median rule on the generator's digits."),
      K::degree(),
      K::target("What is regressed: the digit's parity as ±1, or the one-hot class vector (squared error summed over 10 outputs)."),
      P::makeNumber(ParameterType::Integer, "generatorSamples", "T₀/10", "generator's digits per class", "", 10, 1, data::MnistDigits::kSmallestClass - 1, true,
                    "Real digits per class the generator is fitted on: the first ones of each class."),
      P::makeNumber(ParameterType::Integer, "testSamples", "N/10", "test digits per class", "", 30, 1, data::MnistDigits::kSmallestClass - 1, true,
                    "Test digits per class: the ones after the generator's digits."),
      P::makeNumber(ParameterType::Integer, "realSamples", "n_real", "real digits per class", "", 5, 0, data::MnistDigits::kSmallestClass - 2, false,
                    "Real training digits per class of the downstream model: the first ones after the test digits (nested)."),
      P::makeNumber(ParameterType::Integer, "syntheticSamples", "n_synth", "synthetic digits per class", "", 20, 0, data::MnistDigits::kSmallestClass - 2, false,
                    "Synthetic training digits per class: digits from the end of each class, labelled by the generator plus noise σ₀ (nested)."),
      generatorNoise,
      generatorRidge,
      ridge,
  };
  info.x = {"syntheticSamples", "synthetic digits per class n_synth"};
  info.metric = {"testError", "test error (1/N)Σ‖f(x) − y(x)‖² on real test digits"};
  info.naturalSeries = "";
  info.presets = {
      {"mnist-cardinality-vs-proportion", "Cardinality vs proportion of real data (Kazdan et al.), on MNIST",
       "On real digits with a kernel model, synthetic digits lower the error when real digits are scarce and raise it when "
       "they are plentiful: the same real proportion helps or hurts depending on the real count.",
       "Kazdan et al. 2025, Collapse or Thrive?, proportion_of_data_experiment (kernel ridge analogue on MNIST)",
       "https://arxiv.org/abs/2410.16713", {{"trials", 50.0}}, "syntheticSamples=0,4,8,16,32", "realSamples=0,2,5,10,20"},
  };
  return info;
}

/// Everything a cell's error depends on besides the synthetic noise, computed once per cell and cached:
/// the prediction error of the noise-free labels and the map from the synthetic noise to the test predictions.
struct CellDesign {
  Eigen::MatrixXd meanResidual;    ///< A·[y_real; generator labels] − Y_test (N × q)
  Eigen::MatrixXd noiseMap;        ///< A restricted to the synthetic columns (N × 10·n_synth)
  std::vector<std::uint64_t> syntheticIds;  ///< a stream id per synthetic digit (class·1000 + position)
  double tests = 0;
};

/// The kernel on the pools of one setting (everything but the two counts, λ and λ₀'s downstream use): the first R
/// real and S synthetic digits of each class, their Gram matrix, their kernel against the test digits, and the
/// generator's labels of the synthetic digits. Cells take submatrices, so a grid computes each kernel value once.
struct PoolKernel {
  int real = -1, synthetic = -1;  ///< R, S per class
  Eigen::MatrixXd gram;           ///< P × P over [real digits of every class; synthetic digits of every class]
  Eigen::MatrixXd test;           ///< P × N
  Eigen::MatrixXd labels;         ///< P × q: real targets, then the generator's predictions
  Eigen::MatrixXd testTargets;    ///< N × q
};

std::shared_ptr<const PoolKernel> computePool(const Config& c, int real, int synthetic) {
  const std::string& target = c.choice("target");
  const auto generatorSet = kernel_chain::firstOfEachClass(c.integer("generatorSamples"), 0);
  const auto testSet = kernel_chain::firstOfEachClass(c.integer("testSamples"), c.integer("generatorSamples"));
  const auto realSet = kernel_chain::firstOfEachClass(real, c.integer("generatorSamples") + c.integer("testSamples"));
  std::vector<kernel_chain::DigitIndex> syntheticSet;
  for (int digit = 0; digit < 10; ++digit)
    for (int i = 0; i < synthetic; ++i) syntheticSet.push_back({digit, data::MnistDigits::kPerClass[digit] - 1 - i});
  const Eigen::MatrixXd generatorRows = kernel_chain::digitRows(generatorSet);
  const KernelSpec kernel = kernel_chain::kernelOf(c, generatorRows);
  // The generator: kernel ridge λ₀ on its real digits.
  const Eigen::Index g = generatorRows.rows();
  const Eigen::MatrixXd generatorGram = kernelMatrix(kernel, generatorRows, generatorRows) +
                                        static_cast<double>(g) * c.number("generatorRidge") * Eigen::MatrixXd::Identity(g, g);
  const Eigen::MatrixXd generatorWeights = checkedLlt(generatorGram, "kernel-real-vs-synthetic: Cholesky factor of the generator's K + gλ₀I")
                                              .solve(kernel_chain::digitTargets(generatorSet, target));
  const Eigen::Index nr = static_cast<Eigen::Index>(realSet.size()), ns = static_cast<Eigen::Index>(syntheticSet.size());
  const Eigen::MatrixXd testRows = kernel_chain::digitRows(testSet);
  auto pool = std::make_shared<PoolKernel>();
  pool->real = real;
  pool->synthetic = synthetic;
  pool->testTargets = kernel_chain::digitTargets(testSet, target);
  Eigen::MatrixXd rows(nr + ns, 784);
  pool->labels.resize(nr + ns, pool->testTargets.cols());
  if (nr) {
    rows.topRows(nr) = kernel_chain::digitRows(realSet);
    pool->labels.topRows(nr) = kernel_chain::digitTargets(realSet, target);
  }
  if (ns) {
    rows.bottomRows(ns) = kernel_chain::digitRows(syntheticSet);
    pool->labels.bottomRows(ns) = simd::product(kernelMatrix(kernel, rows.bottomRows(ns), generatorRows), generatorWeights);
  }
  pool->gram = kernelMatrix(kernel, rows, rows);
  pool->test = kernelMatrix(kernel, rows, testRows);
  return pool;
}

/// The pool of a cell's setting, grown (to at least twice its size) when the cell needs more digits than it holds.
std::shared_ptr<const PoolKernel> poolFor(const Config& c) {
  std::string key;
  for (const char* k : {"kernel", "target"}) key += c.choice(k) + "|";
  for (const char* k : {"bandwidth", "degree", "generatorSamples", "testSamples", "generatorRidge"}) key += formatNumber(c.number(k)) + "|";
  key += std::to_string(data::storeGeneration());
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const PoolKernel>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  const int real = c.integer("realSamples"), synthetic = c.integer("syntheticSamples");
  auto& pool = cache[key];
  if (!pool || pool->real < real || pool->synthetic < synthetic) {
    if (cache.size() > 4) {  // a few settings at most
      cache.clear();
      return cache[key] = computePool(c, real, synthetic);
    }
    // Only the short side grows, to twice its size (within the class): a grid recomputes the pool O(log) times.
    const int limit = data::MnistDigits::kSmallestClass - c.integer("generatorSamples") - c.integer("testSamples");
    const int heldReal = pool ? pool->real : 0, heldSynthetic = pool ? pool->synthetic : 0;
    const int grownSynthetic = synthetic > heldSynthetic ? std::min(std::max(synthetic, 2 * heldSynthetic), limit - real) : heldSynthetic;
    const int grownReal = real > heldReal ? std::min(std::max(real, 2 * heldReal), limit - grownSynthetic) : heldReal;
    pool = computePool(c, std::max(grownReal, real), std::max(grownSynthetic, synthetic));
  }
  return pool;
}

std::shared_ptr<const CellDesign> computeCell(const Config& c) {
  const auto pool = poolFor(c);
  const int real = c.integer("realSamples"), synthetic = c.integer("syntheticSamples");
  std::vector<Eigen::Index> index;
  auto cell = std::make_shared<CellDesign>();
  for (int digit = 0; digit < 10; ++digit)
    for (int i = 0; i < real; ++i) index.push_back(digit * pool->real + i);
  for (int digit = 0; digit < 10; ++digit)
    for (int i = 0; i < synthetic; ++i) {
      index.push_back(10 * pool->real + digit * pool->synthetic + i);
      cell->syntheticIds.push_back(static_cast<std::uint64_t>(digit * 1000 + data::MnistDigits::kPerClass[digit] - 1 - i));
    }
  cell->tests = static_cast<double>(pool->testTargets.rows());
  const Eigen::Index n = static_cast<Eigen::Index>(index.size()), ns = 10 * synthetic;
  if (n == 0) {  // no training digits: the zero function
    cell->meanResidual = -pool->testTargets;
    cell->noiseMap = Eigen::MatrixXd::Zero(pool->testTargets.rows(), 0);
    return cell;
  }
  const Eigen::MatrixXd gram = pool->gram(index, index) + static_cast<double>(n) * c.number("ridge") * Eigen::MatrixXd::Identity(n, n);
  // A = K_*(K + nλI)⁻¹ = ((K + nλI)⁻¹K_*ᵀ)ᵀ (the Gram is symmetric positive definite for λ > 0).
  const Eigen::MatrixXd map = checkedLlt(gram, "kernel-real-vs-synthetic: Cholesky factor of K + nλI")
                                  .solve(pool->test(index, Eigen::all)).transpose();
  cell->meanResidual = simd::product(map, pool->labels(index, Eigen::all)) - pool->testTargets;
  cell->noiseMap = map.rightCols(ns);
  return cell;
}

/// Everything a cell depends on, as a cache key: the choices' text and the numbers' bit patterns. It is made for
/// every trial of every cell; formatting its eight numbers as text (formatNumber: snprintf, then strtod to check)
/// had been about a sixth of a warm run in WebAssembly, where musl's printf works in 128-bit soft-float long double.
std::string cellKey(const Config& c) {
  std::string key;
  for (const char* k : {"kernel", "target"}) key += c.choice(k) + "|";
  for (const char* k : {"bandwidth", "degree", "generatorSamples", "testSamples", "realSamples", "syntheticSamples", "ridge", "generatorRidge"}) {
    char bits[sizeof(double)];
    const double value = c.number(k);
    std::memcpy(bits, &value, sizeof bits);
    key.append(bits, sizeof bits);
  }
  return key + std::to_string(data::storeGeneration());
}

std::mutex cellDesignMutex;
std::map<std::string, std::shared_ptr<const CellDesign>> cellDesignCache;

std::shared_ptr<const CellDesign> cellDesign(const Config& c) {
  const std::string key = cellKey(c);
  std::lock_guard<std::mutex> lock(cellDesignMutex);
  if (const auto found = cellDesignCache.find(key); found != cellDesignCache.end()) return found->second;
  if (cellDesignCache.size() >= 100) cellDesignCache.clear();  // one grid's cells at a time
  return cellDesignCache.emplace(key, computeCell(c)).first->second;
}

/// What the theory needs of a cell: ‖A·m − Y‖², ‖A_synth‖²_F, N and the number of outputs q. The theory is
/// evaluated at every point of the fine theory grid on every run (the preset: 5 × 17 cells), and the two norms of
/// an N × 10·n_synth map had been recomputed each time (a tenth of the warm run); they are kept, four numbers a
/// cell. A cell no trial needs gets no cached design (the map is large); one whose design is cached gives them.
struct CellNorms {
  double meanResidual, noiseMap, tests, outputs;
};

CellNorms cellNorms(const Config& c) {
  const std::string key = cellKey(c);
  static std::mutex mutex;  // taken before cellDesignMutex, never after it
  static std::map<std::string, CellNorms> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto found = cache.find(key); found != cache.end()) return found->second;
  std::shared_ptr<const CellDesign> cell;
  {
    std::lock_guard<std::mutex> designs(cellDesignMutex);
    if (const auto found = cellDesignCache.find(key); found != cellDesignCache.end()) cell = found->second;
  }
  if (!cell) cell = computeCell(c);
  if (cache.size() >= 100000) cache.clear();
  return cache.emplace(key, CellNorms{cell->meanResidual.squaredNorm(), cell->noiseMap.squaredNorm(), cell->tests,
                                        static_cast<double>(cell->meanResidual.cols())}).first->second;
}

}  // namespace

const ExperimentInfo& KernelRealVsSynthetic::info() const {
  static const ExperimentInfo info = kernelRealVsSyntheticInfo();
  return info;
}

std::vector<Issue> KernelRealVsSynthetic::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double used = c.number("generatorSamples") + c.number("testSamples") + c.number("realSamples") + c.number("syntheticSamples");
  if (used > data::MnistDigits::kSmallestClass)
    issues.push_back({"syntheticSamples", formatNumber(c.number("syntheticSamples")),
                      "generatorSamples + testSamples + realSamples + syntheticSamples = " + formatNumber(used) +
                          " digits per class is more than the smallest class has (" + std::to_string(data::MnistDigits::kSmallestClass) + ")."});
  const double rows = 10.0 * (c.number("realSamples") + c.number("syntheticSamples"));
  if (rows > 3000.0)
    issues.push_back({"syntheticSamples", formatNumber(c.number("syntheticSamples")),
                      "realSamples + syntheticSamples = " + formatNumber(rows / 10.0) + " digits per class gives a " + formatNumber(rows) +
                          "×" + formatNumber(rows) + " kernel system per cell; the limit is 300 digits per class."});
  return issues;
}

std::vector<std::string> KernelRealVsSynthetic::notes(const Config&) const {
  return {"Theory: the exact expected error given the digits, (1/N)‖A·m − Y‖² + σ₀²q‖A_synth‖²_F/N "
          "(docs/theory/real-vs-synthetic.md §5); the trials replicate the synthetic labels' noise, the digits are fixed."};
}

std::vector<double> KernelRealVsSynthetic::naturalX(const Config& c) const { return {c.number("syntheticSamples")}; }

namespace {

/// The test errors of trials whose noise seeds are `noiseSeeds` (each trial's first draw of Rng(seed, trial)) in one
/// cell, into errors[t]. One stream per synthetic digit: its label's noise is the same in every cell of a trial
/// (nested data sets). The noise of all the trials is multiplied by the cell's noise map at once: one two-lane GEMM
/// (simd/matrix_kernels.hpp) instead of a matrix-vector product per trial, which had streamed the N × 10·n_synth map
/// from memory once per trial (half the warm run). Every entry of the product is Σ_k in ascending k from 0 whatever
/// the number of columns, so each trial gets the bits of its product alone.
void cellErrors(const Config& c, const std::vector<std::uint64_t>& noiseSeeds, double* errors) {
  const auto cell = cellDesign(c);
  const std::size_t q = static_cast<std::size_t>(cell->meanResidual.cols()), synthetic = cell->syntheticIds.size();
  const double sigma = c.number("generatorNoise");
  // Trials per product: about 64 columns, so the noise and the product stay small beside the N × 10·n_synth map.
  const std::size_t block = std::max<std::size_t>(1, 64 / q);
  std::vector<double> draws(synthetic * q);  // one trial's, stream by stream, q each
  for (std::size_t first = 0; first < noiseSeeds.size(); first += block) {
    const std::size_t count = std::min(block, noiseSeeds.size() - first);
    Eigen::MatrixXd noise(static_cast<Eigen::Index>(synthetic), static_cast<Eigen::Index>(count * q));
    for (std::size_t t = 0; t < count; ++t) {
      normalsOfStreams(noiseSeeds[first + t], cell->syntheticIds.data(), synthetic, q, draws.data());
      for (std::size_t i = 0; i < synthetic; ++i)
        for (std::size_t o = 0; o < q; ++o) noise(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(t * q + o)) = draws[i * q + o];
    }
    const Eigen::MatrixXd product = simd::product(cell->noiseMap, noise);
    for (std::size_t t = 0; t < count; ++t) {
      const auto columns = product.middleCols(static_cast<Eigen::Index>(t * q), static_cast<Eigen::Index>(q));
      errors[first + t] = (cell->meanResidual + sigma * columns).squaredNorm() / cell->tests;
    }
  }
}

}  // namespace

std::vector<double> KernelRealVsSynthetic::simulateTrial(const Config& c, Rng& rng) const {
  std::vector<double> error(1);
  cellErrors(c, {rng.nextU64()}, error.data());
  return error;
}

void KernelRealVsSynthetic::simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                               std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                               std::size_t trials, std::size_t valuesPerTrial, double* out) const {
  // simulateTrialPoints' values (one metric, one natural x value per cell), cell by cell over the whole block.
  std::vector<std::uint64_t> noiseSeeds(trials);
  for (std::size_t t = 0; t < trials; ++t) {
    Rng rng(seed, firstTrial + t);  // common random numbers: every cell of a trial sees the same stream
    noiseSeeds[t] = rng.nextU64();
  }
  std::vector<double> errors(trials);
  for (std::size_t s = 0; s < points.size(); ++s) {
    const std::size_t cells = sweptX ? points[s].size() : 1;
    for (std::size_t i = 0; i < cells; ++i) {
      cellErrors(points[s][i], noiseSeeds, errors.data());
      for (std::size_t t = 0; t < trials; ++t) out[t * valuesPerTrial + s * pointsPerSeries + i] = errors[t];
    }
  }
}

std::optional<std::vector<double>> KernelRealVsSynthetic::theory(const Config& c) const {
  const CellNorms norms = cellNorms(c);
  const double sigma = c.number("generatorNoise"), q = norms.outputs;
  return std::vector<double>{(norms.meanResidual + sigma * sigma * q * norms.noiseMap) / norms.tests};
}

}  // namespace collapse
