// Recursive regression with explicit rows: the pipeline of docs/theory/recursive-regression.md §5–6 written out
// (the Kazdan et al. code, fit_linear_regressions.py). It is the validation path for the sufficient-statistics
// sampler and the only exact one for accumulate-subsample and for T < d.
#include <memory>

#include "collapse/experiments/recursive_regression.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/ridge_solver.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

/// Every block generated so far, as accumulate-subsample needs them: with a fixed design only the labels
/// differ between blocks, so rows are stored once.
class BlockPool {
 public:
  BlockPool(const RecursiveRegressionSettings& s, const Eigen::MatrixXd* fixedDesign)
      : s_(s), fixedDesign_(fixedDesign), x_(s.samples, s.dim), y_(s.samples) {
    labels_.reserve(static_cast<std::size_t>(s.generations) * s.samples);
    if (!fixedDesign_) rows_.resize(static_cast<Eigen::Index>(s.generations) * s.samples, s.dim);
  }

  void add(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    if (!fixedDesign_) rows_.middleRows(static_cast<Eigen::Index>(blocks_) * s_.samples, s_.samples) = x;
    labels_.insert(labels_.end(), y.data(), y.data() + y.size());
    ++blocks_;
  }

  /// Fit on T rows drawn without replacement from all blocks.
  Eigen::VectorXd fitSubsample(Rng& rng) {
    const auto population = static_cast<std::uint32_t>(labels_.size());
    const auto& picked = subsets_.sample(population, static_cast<std::uint32_t>(s_.samples), rng);
    // The picked rows, gathered a column at a time (the matrices are column-major): one Eigen row assignment per
    // row, with its checks and a stride of T, had been most of this function's own time in WebAssembly.
    sourceRows_.resize(picked.size());
    for (int i = 0; i < s_.samples; ++i) {
      const std::uint32_t row = picked[i];
      sourceRows_[i] = fixedDesign_ ? row % static_cast<std::uint32_t>(s_.samples) : row;
      y_[i] = labels_[row];
    }
    const Eigen::MatrixXd& source = fixedDesign_ ? *fixedDesign_ : rows_;
    for (Eigen::Index c = 0; c < x_.cols(); ++c) {
      const double* from = source.col(c).data();
      double* to = x_.col(c).data();
      for (int i = 0; i < s_.samples; ++i) to[i] = from[sourceRows_[i]];
    }
    return fitRidgeRows(x_, y_, s_.ridge);
  }

 private:
  const RecursiveRegressionSettings& s_;
  const Eigen::MatrixXd* fixedDesign_;
  Eigen::MatrixXd rows_;
  std::vector<double> labels_;
  int blocks_ = 0;
  // Kept from generation to generation (the same draws as sampleWithoutReplacement): allocating them per
  // generation had been a tenth of fixed-compute's time in WebAssembly (dlmalloc, dlfree, memset).
  SubsetSampler subsets_;
  Eigen::MatrixXd x_;  // the subsample's rows and labels
  Eigen::VectorXd y_;
  std::vector<std::uint32_t> sourceRows_;  // where each of them comes from in the fixed design or the pooled rows
};

/// Accumulated fresh blocks: Gram sums once the pool can be full rank (or λ > 0), else the stacked rows, so
/// the minimum-norm fit of an under-determined pool stays exact.
class AccumulatedFreshBlocks {
 public:
  explicit AccumulatedFreshBlocks(const RecursiveRegressionSettings& s)
      : s_(s), gram_(Eigen::MatrixXd::Zero(s.dim, s.dim)), moment_(Eigen::VectorXd::Zero(s.dim)) {}

  Eigen::VectorXd addAndFit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    gram_.noalias() += x.transpose() * x;
    moment_ += simd::transposedMatVec(x, y);  // Eigen's Xᵀy, bit for bit
    rows_ += x.rows();
    if (s_.ridge > 0.0 || rows_ >= s_.dim) return fitRidgeGram(gram_, moment_, rows_, s_.ridge, ridge_);
    stackedRows_.conservativeResize(rows_, s_.dim);
    stackedRows_.bottomRows(x.rows()) = x;
    stackedLabels_.conservativeResize(rows_);
    stackedLabels_.tail(y.size()) = y;
    return fitRidgeRows(stackedRows_, stackedLabels_, 0.0);
  }

 private:
  const RecursiveRegressionSettings& s_;
  Eigen::MatrixXd gram_, stackedRows_;
  Eigen::VectorXd moment_, stackedLabels_;
  RidgeGramWorkspace ridge_;  // the fits' matrices, kept across generations
  Eigen::Index rows_ = 0;
};

}  // namespace

std::vector<double> simulateRecursiveRegressionExplicit(const RecursiveRegressionSettings& s, Rng& rng) {
  NormalSampler normal(rng);
  const bool replace = s.workflow == "replace";
  const bool subsample = s.workflow == "accumulate-subsample";

  Eigen::MatrixXd design;
  std::unique_ptr<RowRidgeSolver> fixedSolver;  // a fixed design is factored once per trial
  if (s.fixedDesign) {
    design = sampleGaussianRows(s.samples, s.spectrum, normal);
    fixedSolver = std::make_unique<RowRidgeSolver>(design, s.ridge);
  }
  std::unique_ptr<BlockPool> pool;
  if (subsample) pool = std::make_unique<BlockPool>(s, s.fixedDesign ? &design : nullptr);
  AccumulatedFreshBlocks freshBlocks(s);

  Eigen::VectorXd model = s.groundTruth;
  Eigen::VectorXd sumOfLabels = Eigen::VectorXd::Zero(s.samples);  // accumulate, fixed design
  Eigen::VectorXd noise(s.samples);
  std::vector<double> error(s.generations);
  for (int g = 1; g <= s.generations; ++g) {
    if (!s.fixedDesign) design = sampleGaussianRows(s.samples, s.spectrum, normal);
    normal.fill(noise.data(), noise.size());
    const Eigen::VectorXd labels = simd::matVec(design, model) + s.noise * noise;  // Eigen's X·w, bit for bit

    Eigen::VectorXd fit;
    if (subsample) {
      pool->add(design, labels);
      fit = pool->fitSubsample(rng);
    } else if (replace) {
      fit = s.fixedDesign ? fixedSolver->solve(labels) : fitRidgeRows(design, labels, s.ridge);
    } else if (s.fixedDesign) {
      // g stacked copies of X with labels y₁…y_g have the same minimisers as X with the mean label vector.
      sumOfLabels += labels;
      fit = fixedSolver->solve(sumOfLabels / g);
    } else {
      fit = freshBlocks.addAndFit(design, labels);
    }
    error[g - 1] = excessRisk(fit - s.groundTruth, s.spectrum);
    model = fit;
  }
  return error;
}

}  // namespace collapse
