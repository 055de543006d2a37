// "gaussian-fitting" at d = 1 in doubles (collapse/experiments/gaussian_fitting_chain.hpp): every step of
// gaussian_fitting_simulation.cpp at d = 1, on the same random numbers drawn in the same order, with the IEEE
// operations Eigen performs on 1 × 1 matrices there, in the same order. Where Eigen adds a product to a zeroed
// result (its blocked and matrix-vector products) the sum can differ from the product only in the sign of a zero,
// which no metric sees (each squares the mean, or takes |root|); the test compares both implementations bit for bit.
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "collapse/experiments/gaussian_fitting_chain.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/random/paired_samplers.hpp"
#include "collapse/random/samplers.hpp"

namespace collapse::gaussian_fitting {

namespace {

/// A fitted N(mean, variance) with its square root, as gaussian_fitting_simulation.cpp's Fit at d = 1: under
/// replace through sufficient statistics only the root is carried forward (hasVariance false) and it is the
/// product of Cholesky factors (triangularRoot); every fit of a pool's moments keeps its variance.
struct UnivariateFit {
  double mean = 0.0, variance = 1.0, root = 1.0;
  bool hasVariance = true, triangularRoot = true;
};

/// Eigen's 1 × 1 eigenvalues clamped at 0 (cwiseMax(0.0) is std::max(λ, 0.0)), after checkedEigenvalues' check.
double clampedEigenvalue(double variance) {
  if (!std::isfinite(variance))
    throw NumericalError("gaussian-fitting: eigenvalues of the fitted covariance: the matrix to decompose is not finite");
  return variance < 0.0 ? 0.0 : variance;
}

/// measureFit at d = 1 (the division by d = 1 is exact and left out).
double measureUnivariate(const UnivariateFit& fit, Metric metric) {
  if (metric == Metric::MeanError) return fit.mean * fit.mean;
  if (metric == Metric::TraceRatio) return fit.hasVariance ? fit.variance : fit.root * fit.root;
  if (fit.triangularRoot && (metric == Metric::DeterminantRatio || metric == Metric::LogDeterminantRatio)) {
    const double logDeterminant = 2.0 * math::log(std::fabs(fit.root));
    return metric == Metric::LogDeterminantRatio ? logDeterminant : math::exp(logDeterminant);
  }
  const double lambda = clampedEigenvalue(fit.hasVariance ? fit.variance : fit.root * fit.root);
  if (metric == Metric::DeterminantRatio) return lambda;
  if (metric == Metric::LogDeterminantRatio) return 0.0 + math::log(lambda);  // the matrix code's sum from 0
  const double rootGap = std::sqrt(lambda) - 1.0;  // W₂² = μ̂² + (√λ − 1)²
  return fit.mean * fit.mean + rootGap * rootGap;
}

/// covarianceRoot at d = 1: Cholesky's √v when v > 0; otherwise the eigen root 1·√max(v, 0). Both are √ of the
/// clamped value.
double univariateRoot(double variance) {
  if (!std::isfinite(variance))
    throw NumericalError("gaussian-fitting: square root of the fitted covariance: the covariance is not finite");
  return std::sqrt(variance < 0.0 ? 0.0 : variance);
}

/// PooledMoments at d = 1: running count, mean and scatter Σ(x − x̄)², merged as Chan et al. 1979.
struct UnivariateMoments {
  double count = 0.0, mean = 0.0, scatter = 0.0;

  void add(double blockCount, double blockMean, double blockScatter) {
    if (count == 0.0) {
      count = blockCount, mean = blockMean, scatter = blockScatter;
      return;
    }
    const double shift = blockMean - mean;
    const double total = count + blockCount, weight = count * blockCount / total;
    scatter += blockScatter + (weight * shift) * shift;
    mean += (blockCount / total) * shift;
    count = total;
  }

  void fit(bool unbiased, UnivariateFit& model) const {
    model.mean = mean;
    model.variance = scatter / (unbiased ? count - 1.0 : count);
    model.root = univariateRoot(model.variance);
    model.hasVariance = true;
    model.triangularRoot = false;
  }

  /// momentsOf: the mean summed from the first point; the scatter as simd::columnGramInto sums it, the even
  /// and the odd points in two running sums (the last point of an odd count joining the even one), then added.
  static UnivariateMoments of(const double* points, int count) {
    UnivariateMoments moments;
    moments.count = count;
    double sum = points[0];
    for (int i = 1; i < count; ++i) sum += points[i];
    moments.mean = sum / static_cast<double>(count);
    double even = 0.0, odd = 0.0;
    int i = 0;
    for (; i + 2 <= count; i += 2) {
      const double a = points[i] - moments.mean, b = points[i + 1] - moments.mean;
      even = even + a * a;
      odd = odd + b * b;
    }
    if (i < count) {
      const double a = points[i] - moments.mean;
      even = even + a * a;
    }
    moments.scatter = even + odd;
    return moments;
  }
};

/// One trial's chain through sufficient statistics: each generation's block mean and scatter from two draws, z ~
/// N(0, 1) and a χ²(m − 1), as gaussian_fitting_simulation.cpp draws them at d = 1.
class SufficientChain {
 public:
  // √m and √divisor once: the matrix code takes them in every generation (the same values).
  explicit SufficientChain(const Settings& s)
      : s_(s), m_(s.samples), rootM_(std::sqrt(m_)), rootDivisor_(std::sqrt(s.unbiased ? m_ - 1.0 : m_)) {
    values_.reserve(static_cast<std::size_t>(s.generations));
  }

  /// The next generation from its draws; its metric is appended to values().
  void step(double z, double chiSquare) {
    const double blockMean = model_.mean + model_.root * z / rootM_;
    // The 1 × 1 Bartlett factor of Wishart(m − 1): √χ²(m − 1), drawn as sampleBartlettFactor draws it.
    const double root = model_.root * std::sqrt(chiSquare);
    if (s_.workflow == Workflow::Replace) {
      model_.mean = blockMean;
      model_.root = root / rootDivisor_;
      model_.hasVariance = false;
    } else {
      pool_.add(m_, blockMean, root * root);
      pool_.fit(s_.unbiased, model_);
    }
    values_.push_back(measureUnivariate(model_, s_.metric));
  }

  std::vector<double>& values() { return values_; }

 private:
  const Settings& s_;
  const double m_, rootM_, rootDivisor_;
  UnivariateFit model_;
  UnivariateMoments pool_;
  std::vector<double> values_;
};

std::vector<double> sufficientUnivariate(const Settings& s, Rng& rng) {
  NormalSampler normal(rng);
  SufficientChain chain(s);
  for (int t = 1; t <= s.generations; ++t) {
    double z;
    normal.fill(&z, 1);
    chain.step(z, sampleChiSquare(static_cast<double>(s.samples - 1), normal, rng));
  }
  return std::move(chain.values());
}

std::vector<double> explicitUnivariate(const Settings& s, Rng& rng) {
  NormalSampler normal(rng);
  const int m = s.samples;
  UnivariateFit model;
  UnivariateMoments pooled;
  // Accumulate-subsample's pool of every sample so far; points [0, poolSize) hold data.
  std::vector<double> pool(s.workflow == Workflow::AccumulateSubsample ? static_cast<std::size_t>(m) * s.generations : 0);
  std::size_t poolSize = 0;
  std::vector<double> block(static_cast<std::size_t>(m)), subsample(static_cast<std::size_t>(m));
  SubsetSampler subsets;
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(s.generations));
  for (int t = 1; t <= s.generations; ++t) {
    normal.fill(block.data(), block.size());  // samplePoints: z·root + mean
    for (double& x : block) x = x * model.root + model.mean;
    if (s.workflow == Workflow::Replace) {
      UnivariateMoments::of(block.data(), m).fit(s.unbiased, model);
    } else if (s.workflow == Workflow::Accumulate) {
      const UnivariateMoments moments = UnivariateMoments::of(block.data(), m);
      pooled.add(moments.count, moments.mean, moments.scatter);
      pooled.fit(s.unbiased, model);
    } else {
      std::copy(block.begin(), block.end(), pool.begin() + static_cast<std::ptrdiff_t>(poolSize));
      poolSize += block.size();
      const std::vector<std::uint32_t>& picked = subsets.sample(static_cast<std::uint32_t>(poolSize), m, rng);
      for (int i = 0; i < m; ++i) subsample[i] = pool[picked[i]];
      UnivariateMoments::of(subsample.data(), m).fit(s.unbiased, model);
    }
    values.push_back(measureUnivariate(model, s.metric));
  }
  return values;
}

}  // namespace

std::vector<double> simulateUnivariate(const Settings& settings, Rng& rng) {
  return settings.sufficient ? sufficientUnivariate(settings, rng) : explicitUnivariate(settings, rng);
}

bool pairable(const Settings& settings) { return settings.dim == 1 && settings.sufficient && settings.samples >= 3; }

std::array<std::vector<double>, 2> simulateUnivariatePair(const Settings& settings, Rng& first, Rng& second) {
  if (!pairable(settings)) throw std::invalid_argument("simulateUnivariatePair: settings not pairable");
  RngPair rng(first, second);
  NormalPairSampler normal(rng);
  SufficientChain chains[2] = {SufficientChain(settings), SufficientChain(settings)};
  const simd::U64x2 both = simd::splatBits(~0ULL);
  const double degrees = static_cast<double>(settings.samples - 1);
  for (int t = 1; t <= settings.generations; ++t) {
    // sufficientUnivariate's draws in its order in each lane: z, then the χ², whose first draw is a normal too;
    // both normals at once share one logarithm of the two lanes whatever their caches hold.
    const std::array<simd::F64x2, 2> normals = normal.nextTwo(both);
    const simd::F64x2 chiSquare = sampleChiSquarePair(degrees, both, normal, rng, &normals[1]);
    for (int lane = 0; lane < 2; ++lane) chains[lane].step(simd::lane(normals[0], lane), simd::lane(chiSquare, lane));
  }
  first = rng.lane(0);
  second = rng.lane(1);
  return {std::move(chains[0].values()), std::move(chains[1].values())};
}

}  // namespace collapse::gaussian_fitting
