// Monte Carlo of "gaussian-fitting" in Eigen matrices, for any d (docs/theory/generative.md §1 pseudo-code; Kazdan et
// al.'s fit_gaussians.py); simulateTrial runs d = 1 through gaussian_fitting_univariate.cpp, the same values in doubles.
#include <cmath>
#include <stdexcept>

#include "collapse/experiments/gaussian_fitting.hpp"
#include "collapse/experiments/gaussian_fitting_chain.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {
namespace gaussian_fitting {

namespace {

/// A fitted Gaussian N(mean, covariance) with a square root of its covariance, root·rootᵀ = covariance. Under
/// replace the root is carried forward exactly (root_t = root_{t−1}·A/√divisor, a product of lower-triangular
/// factors), so no fitted covariance is ever factorised: after many generations it is so ill-conditioned that
/// a Cholesky factorisation fails by round-off (docs/theory/generative.md §2, "Carrying the root forward").
struct Fit {
  Eigen::VectorXd mean;
  Eigen::MatrixXd covariance;   // empty when only the root is kept (replace through sufficient statistics)
  Eigen::MatrixXd root;
  bool triangularRoot = false;  // root is lower triangular (a Cholesky factor, possibly with zero pivots)
};

Fit truth(int dim) {
  return {Eigen::VectorXd::Zero(dim), Eigen::MatrixXd::Identity(dim, dim), Eigen::MatrixXd::Identity(dim, dim), true};
}

Workflow workflowOf(const std::string& key) {
  if (key == "replace") return Workflow::Replace;
  if (key == "accumulate") return Workflow::Accumulate;
  if (key == "accumulate-subsample") return Workflow::AccumulateSubsample;
  throw std::logic_error("gaussian-fitting: unknown workflow '" + key + "' (the catalogue validates choices)");
}

Metric metricOf(const std::string& key) {
  if (key == "meanError") return Metric::MeanError;
  if (key == "traceRatio") return Metric::TraceRatio;
  if (key == "determinantRatio") return Metric::DeterminantRatio;
  if (key == "logDeterminantRatio") return Metric::LogDeterminantRatio;
  if (key == "wasserstein") return Metric::Wasserstein;
  throw std::logic_error("gaussian-fitting: unknown metric '" + key + "' (the catalogue validates choices)");
}

/// measureFit's buffers, kept across generations: the fitted covariance, the eigen solver and its eigenvalues had
/// been about a fifth of the wasserstein preset's WebAssembly time in dlmalloc and dlfree. The same bits.
struct MetricWorkspace {
  Eigen::MatrixXd covariance;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen;
  Eigen::VectorXd lambda;
};

/// The metric of a fit against the truth N(0, I).
double measureFit(const Fit& fit, Metric metric, MetricWorkspace& work) {
  const double d = static_cast<double>(fit.mean.size());
  if (metric == Metric::MeanError) return fit.mean.squaredNorm();
  if (metric == Metric::TraceRatio)  // tr(R·Rᵀ) = ‖R‖²_F when only the root is kept
    return (fit.covariance.size() ? fit.covariance.trace() : fit.root.squaredNorm()) / d;
  if (fit.triangularRoot && (metric == Metric::DeterminantRatio || metric == Metric::LogDeterminantRatio)) {
    // det Σ̂ = Π root_ii²: exact from the carried factor, however small (a zero pivot gives det 0, log −∞).
    double logPivots = math::log(std::fabs(fit.root(0, 0)));  // summed in order from the first, as Eigen's sum()
    for (Eigen::Index i = 1; i < fit.root.rows(); ++i) logPivots += math::log(std::fabs(fit.root(i, i)));
    const double logDeterminant = 2.0 * logPivots;
    return metric == Metric::LogDeterminantRatio ? logDeterminant : math::exp(logDeterminant);
  }
  if (!fit.covariance.size()) work.covariance.noalias() = fit.root * fit.root.transpose();  // only the root is kept
  const Eigen::MatrixXd& covariance = fit.covariance.size() ? fit.covariance : work.covariance;
  work.lambda = checkedEigenvalues(covariance, "gaussian-fitting: eigenvalues of the fitted covariance", work.eigen).cwiseMax(0.0);
  const Eigen::VectorXd& lambda = work.lambda;
  if (metric == Metric::DeterminantRatio) return lambda.prod();
  if (metric == Metric::LogDeterminantRatio) {
    double sum = 0.0;  // portable log (collapse/math/portable_math.hpp): the same bits in every build
    for (Eigen::Index i = 0; i < lambda.size(); ++i) sum += math::log(lambda[i]);
    return sum;
  }
  // W₂² between N(μ̂, Σ̂) and N(0, I): ‖μ̂‖² + tr(Σ̂ + I − 2Σ̂^{1/2}) = ‖μ̂‖² + Σ(√λ_i − 1)² (Σ₀ = I commutes).
  return fit.mean.squaredNorm() + (lambda.array().sqrt() - 1.0).square().sum();
}

/// Running mean and scatter Σ(x − x̄)(x − x̄)ᵀ of a pool of points, merged block by block (Chan et al. 1979).
struct PooledMoments {
  double count = 0.0;
  Eigen::VectorXd mean;
  Eigen::MatrixXd scatter;
  Eigen::VectorXd shift;  // a buffer kept across generations

  void add(double blockCount, const Eigen::VectorXd& blockMean, const Eigen::MatrixXd& blockScatter) {
    if (count == 0.0) {
      count = blockCount, mean = blockMean, scatter = blockScatter;
      return;
    }
    shift = blockMean - mean;
    const double total = count + blockCount, weight = count * blockCount / total;
    // scatter += blockScatter + (weight·shift)·shiftᵀ entry by entry: the operations, in the order, of Eigen's
    // outer product (its lhs weight·shift evaluated first), without its two temporaries; the same bits.
    const Eigen::Index d = scatter.rows();
    for (Eigen::Index j = 0; j < d; ++j)
      for (Eigen::Index i = 0; i < d; ++i) scatter(i, j) += blockScatter(i, j) + (weight * shift[i]) * shift[j];
    mean += (blockCount / total) * shift;
    count = total;
  }

  /// The fit of the pool, into `model` (whose buffers, and the Cholesky workspace `factor`, are reused).
  void fit(bool unbiased, Fit& model, Eigen::LLT<Eigen::MatrixXd>& factor) const {
    model.mean = mean;
    model.covariance = scatter / (unbiased ? count - 1.0 : count);
    covarianceRoot(model.covariance, "gaussian-fitting: square root of the fitted covariance", factor, model.root);
    model.triangularRoot = false;
  }
};

/// The buffers of one trial's explicit generations, kept across generations: Eigen's temporaries and the samples'
/// matrices had been a sixth of accumulate-subsample's WebAssembly time in dlmalloc/dlfree. The same expressions
/// are evaluated, so the same bits.
struct ExplicitBuffers {
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> draws;
  Eigen::MatrixXd z, block, centred, subsample;
  Eigen::LLT<Eigen::MatrixXd> factor;
};

/// Mean and scatter of explicit rows, into `moments`.
void momentsOf(const Eigen::MatrixXd& points, Eigen::MatrixXd& centred, PooledMoments& moments) {
  moments.count = static_cast<double>(points.rows());
  moments.mean = points.colwise().mean().transpose();
  centred = points.rowwise() - moments.mean.transpose();
  simd::columnGramInto(centred, moments.scatter);
}

/// m rows from N(fit.mean, fit.covariance), into buffers.block: standard normal rows in stream order (as
/// sampleGaussianRows with a unit spectrum, whose scaling by 1 is exact), times rootᵀ, plus the mean.
void samplePoints(const Fit& fit, int m, NormalSampler& normal, ExplicitBuffers& buffers) {
  const Eigen::Index d = fit.mean.size();
  buffers.draws.resize(m, d);
  normal.fill(buffers.draws.data(), static_cast<std::size_t>(buffers.draws.size()));
  buffers.z = buffers.draws;
  buffers.block.noalias() = buffers.z * fit.root.transpose();
  buffers.block.rowwise() += fit.mean.transpose();
}

/// The generations' fits through sufficient statistics: a block of m samples of N(μ, RRᵀ) has mean μ + Rz/√m
/// and scatter R·A·Aᵀ·Rᵀ, A ~ Bartlett(m − 1) (singular when m − 1 < d; exact either way).
std::vector<double> simulateSufficient(const Settings& s, Rng& rng) {
  NormalSampler normal(rng);
  const double m = s.samples, divisor = s.unbiased ? m - 1.0 : m;
  Fit model = truth(s.dim);
  PooledMoments pool;
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(s.generations));
  // Buffers kept across generations (assigning an expression of the same size reuses their storage): Eigen's
  // temporaries had been a fifth of the short presets' WebAssembly time in dlmalloc/dlfree. The same expressions
  // are evaluated, so the same bits.
  Eigen::VectorXd z(s.dim), rootTimesZ(s.dim), blockMean(s.dim);
  Eigen::MatrixXd root(s.dim, s.dim), bartlett(s.dim, s.dim);
  Eigen::LLT<Eigen::MatrixXd> factor;
  MetricWorkspace metricWork;
  for (int t = 1; t <= s.generations; ++t) {
    normal.fill(z.data(), s.dim);
    rootTimesZ.noalias() = model.root * z;
    blockMean = model.mean + rootTimesZ / std::sqrt(m);
    sampleBartlettFactor(s.dim, s.samples - 1, normal, rng, bartlett);
    if (model.triangularRoot) root.noalias() = model.root.triangularView<Eigen::Lower>() * bartlett;
    else root.noalias() = model.root * bartlett;
    if (s.workflow == Workflow::Replace) {
      // The block's fit, its Cholesky factor carried forward (a product of lower-triangular factors is lower
      // triangular) instead of recomputed from an ever worse conditioned covariance.
      model.mean = blockMean;
      model.root = root / std::sqrt(divisor);
      model.covariance.resize(0, 0);
    } else {
      // L·A is lower triangular when the fitted root is: its Gram matrix by the 2-lane kernel.
      pool.add(m, blockMean, model.triangularRoot ? simd::lowerGram(root) : Eigen::MatrixXd(root * root.transpose()));
      pool.fit(s.unbiased, model, factor);
    }
    values.push_back(measureFit(model, s.metric, metricWork));
  }
  return values;
}

/// The same with every sample drawn; `cloud` (if given) receives each generation's samples.
std::vector<double> simulateExplicit(const Settings& s, Rng& rng, PointCloud* cloud) {
  NormalSampler normal(rng);
  Fit model = truth(s.dim);
  // Accumulate-subsample's pool of every sample so far, allocated once for all generations (growing it by
  // conservativeResize copied the whole pool each generation: quadratic in the generations); rows [0, poolRows) hold data.
  Eigen::MatrixXd pool(s.workflow == Workflow::AccumulateSubsample ? static_cast<Eigen::Index>(s.samples) * s.generations : 0, s.dim);
  Eigen::Index poolRows = 0;
  PooledMoments pooled, moments;
  ExplicitBuffers buffers;
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(s.generations));
  SubsetSampler subsets;
  MetricWorkspace metricWork;
  for (int t = 1; t <= s.generations; ++t) {
    samplePoints(model, s.samples, normal, buffers);
    const Eigen::MatrixXd& block = buffers.block;
    if (cloud) {
      std::vector<double>& target = t == 1 ? cloud->real : cloud->generations.emplace_back();
      const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = block;
      target.assign(rows.data(), rows.data() + rows.size());
    }
    if (s.workflow == Workflow::Replace) {
      momentsOf(block, buffers.centred, moments);
      moments.fit(s.unbiased, model, buffers.factor);
    } else if (s.workflow == Workflow::Accumulate) {
      momentsOf(block, buffers.centred, moments);
      pooled.add(moments.count, moments.mean, moments.scatter);
      pooled.fit(s.unbiased, model, buffers.factor);
    } else {
      pool.middleRows(poolRows, block.rows()) = block;
      poolRows += block.rows();
      const std::vector<std::uint32_t>& picked = subsets.sample(static_cast<std::uint32_t>(poolRows), s.samples, rng);
      buffers.subsample.resize(s.samples, s.dim);
      for (int i = 0; i < s.samples; ++i) buffers.subsample.row(i) = pool.row(picked[i]);
      momentsOf(buffers.subsample, buffers.centred, moments);
      moments.fit(s.unbiased, model, buffers.factor);
    }
    values.push_back(measureFit(model, s.metric, metricWork));
  }
  if (cloud) {  // the samples the last fit would produce, so every fit has its picture
    samplePoints(model, s.samples, normal, buffers);
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = buffers.block;
    cloud->generations.emplace_back(rows.data(), rows.data() + rows.size());
  }
  return values;
}

}  // namespace

Settings::Settings(const Config& c)
    : dim(c.integer("dim")), samples(c.integer("samples")), generations(c.integer("generations")),
      workflow(workflowOf(c.choice("workflow"))), metric(metricOf(c.choice("metric"))),
      unbiased(c.choice("estimator") == "unbiased"),
      sufficient(c.choice("sampler") == "auto" && workflow != Workflow::AccumulateSubsample) {}

std::vector<double> simulateMatrices(const Settings& settings, Rng& rng, PointCloud* cloud) {
  return settings.sufficient && !cloud ? simulateSufficient(settings, rng) : simulateExplicit(settings, rng, cloud);
}

}  // namespace gaussian_fitting

namespace {

std::vector<double> simulateGaussianFitting(const gaussian_fitting::Settings& settings, Rng& rng) {
  return settings.dim == 1 ? gaussian_fitting::simulateUnivariate(settings, rng) : gaussian_fitting::simulateMatrices(settings, rng);
}

}  // namespace

std::vector<double> GaussianFitting::simulateTrial(const Config& config, Rng& rng) const {
  return simulateGaussianFitting(gaussian_fitting::Settings(config), rng);
}

void GaussianFitting::simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                         std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                         std::size_t trials, std::size_t valuesPerTrial, double* out) const {
  simulatePreparedBlock(points, sweptX, pointsPerSeries, seed, firstTrial, trials, valuesPerTrial, out,
                        [](const Config& config) { return gaussian_fitting::Settings(config); }, simulateGaussianFitting,
                        gaussian_fitting::pairable, gaussian_fitting::simulateUnivariatePair);
}

std::optional<PointCloud> GaussianFitting::pointCloud(const Config& config, Rng& rng) const {
  PointCloud cloud;
  cloud.dimension = config.integer("dim");
  gaussian_fitting::simulateMatrices(gaussian_fitting::Settings(config), rng, &cloud);
  return cloud;
}

}  // namespace collapse
