// Monte Carlo of "real-vs-synthetic" (docs/theory/real-vs-synthetic.md §1): one generator per trial, nested pools of
// real and synthetic rows, a ridge fit per cell of the (n_real, n_synth) grid.
#include <algorithm>
#include <map>

#include "collapse/experiments/real_vs_synthetic.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/ridge_solver.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

/// Sufficient statistics of `rows` Gaussian rows: XᵀX and Xᵀε (ε standard normal label noise).
struct DesignStatistics {
  Eigen::MatrixXd gram;
  Eigen::VectorXd noise;
  int rows = 0;
};

DesignStatistics emptyStatistics(Eigen::Index d) { return {Eigen::MatrixXd::Zero(d, d), Eigen::VectorXd::Zero(d), 0}; }

/// Adds `count` rows: a block of at least d rows through the Bartlett factor (exact in law, O(d³) whatever the
/// count; gaussian_design.hpp), a smaller one as explicit rows.
void addRows(DesignStatistics& s, int count, const Eigen::VectorXd& spectrum, NormalSampler& normal, Rng& rng) {
  if (count <= 0) return;
  const Eigen::Index d = spectrum.size();
  if (count >= d) {
    const Eigen::MatrixXd scaled = spectrum.cwiseSqrt().asDiagonal() * sampleBartlettFactor(static_cast<int>(d), count, normal, rng);
    Eigen::VectorXd z(d);
    normal.fill(z.data(), d);
    s.gram += simd::lowerGram(scaled);  // D·A is lower triangular: L·Lᵀ in d³/6
    s.noise += simd::matVec(scaled, z);
  } else {
    const Eigen::MatrixXd x = sampleGaussianRows(count, spectrum, normal);
    Eigen::VectorXd e(count);
    normal.fill(e.data(), count);
    s.gram += simd::columnGram(x);
    s.noise.noalias() += x.transpose() * e;
  }
  s.rows += count;
}

/// The statistics of the first n rows of one pool, for every n in `counts`: the pool grows through the sorted
/// counts, so smaller sets are prefixes of larger ones (Kazdan et al. take the first rows of their data sets).
std::map<int, DesignStatistics> nestedPrefixes(std::vector<int> counts, const Eigen::VectorXd& spectrum, Rng& stream) {
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  NormalSampler normal(stream);
  std::map<int, DesignStatistics> prefixes;
  DesignStatistics s = emptyStatistics(spectrum.size());
  for (int n : counts) {
    addRows(s, n - s.rows, spectrum, normal, stream);
    prefixes.emplace(n, s);
  }
  return prefixes;
}

/// The ridge fit from XᵀX and Xᵀy of `rows` rows; λ = 0 with fewer rows than d is the minimum-norm fit
/// (the pseudo-inverse of XᵀX applied to Xᵀy equals X⁺y), no rows the zero model.
Eigen::VectorXd fitFromStatistics(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, int rows, double lambda) {
  const Eigen::Index d = gram.rows();
  if (rows == 0) return Eigen::VectorXd::Zero(d);
  if (lambda > 0.0 || rows >= d) return fitRidgeGram(gram, moment, rows, lambda);
  const auto eigen = checkedEigen(gram, "real-vs-synthetic: eigen decomposition of the Gram matrix");
  const Eigen::VectorXd mu = eigen.eigenvalues();
  const double tolerance = 1e-10 * std::max(mu.maxCoeff(), 1e-300);
  const Eigen::VectorXd projected = eigen.eigenvectors().transpose() * moment;
  Eigen::VectorXd scaled = Eigen::VectorXd::Zero(d);
  for (Eigen::Index j = 0; j < d; ++j)
    if (mu(j) > tolerance) scaled(j) = projected(j) / mu(j);
  return eigen.eigenvectors() * scaled;
}

/// What one trial shares between its cells: the truth, the generator and the pools' streams.
struct TrialSetting {
  Eigen::VectorXd spectrum, truth, generator;
  double noise, lambda;
  std::uint64_t realSeed, syntheticSeed;
};

/// Draws, in this order from the trial's stream: the seeds of the real and the synthetic pool, then the
/// generator's T₀ real rows and its least-squares fit (minimum norm when T₀ < d).
TrialSetting drawTrial(const Config& c, Rng& rng) {
  TrialSetting t;
  const int d = c.integer("dim");
  t.spectrum = makeSpectrum(c.choice("spectrum"), d, c.number("decay"));
  t.truth = makeGroundTruth(d, c.number("signal"));
  t.noise = c.number("noise");
  t.lambda = c.number("ridge");
  t.realSeed = rng.nextU64();
  t.syntheticSeed = rng.nextU64();
  NormalSampler normal(rng);
  DesignStatistics g = emptyStatistics(d);
  addRows(g, c.integer("generatorSamples"), t.spectrum, normal, rng);
  t.generator = fitFromStatistics(g.gram, simd::matVec(g.gram, t.truth) + t.noise * g.noise, g.rows, 0.0);
  return t;
}

/// Test error of the downstream fit on the first nReal real and nSynthetic synthetic rows of the trial's pools.
double cellError(const TrialSetting& t, const DesignStatistics& real, const DesignStatistics& synthetic) {
  const Eigen::MatrixXd gram = real.gram + synthetic.gram;
  // Real labels xᵀw* + σε, synthetic labels xᵀŵ₀ + σε: Xᵀy = XᵀX·w + σ·Xᵀε per pool.
  const Eigen::VectorXd moment = simd::matVec(real.gram, t.truth) + simd::matVec(synthetic.gram, t.generator) +
                                 t.noise * (real.noise + synthetic.noise);
  const Eigen::VectorXd fit = fitFromStatistics(gram, moment, real.rows + synthetic.rows, t.lambda);
  return excessRisk(fit - t.truth, t.spectrum);
}

/// Whether two configs differ at most in the grid's two counts (then their cells can share a trial's pools).
/// Compared in place: copying both maps per cell and trial had been most of the Config traffic of a run.
bool sameButCounts(const Config& a, const Config& b) {
  const auto counted = [](const std::string& key) { return key == "realSamples" || key == "syntheticSamples"; };
  auto i = a.values().begin(), j = b.values().begin();
  const auto iEnd = a.values().end(), jEnd = b.values().end();
  for (;; ++i, ++j) {
    while (i != iEnd && counted(i->first)) ++i;
    while (j != jEnd && counted(j->first)) ++j;
    if (i == iEnd || j == jEnd) return i == iEnd && j == jEnd;
    if (i->first != j->first || !(i->second == j->second)) return false;
  }
}

}  // namespace

std::vector<double> RealVsSynthetic::simulateTrial(const Config& c, Rng& rng) const {
  const TrialSetting t = drawTrial(c, rng);
  Rng realStream(t.realSeed, 0), syntheticStream(t.syntheticSeed, 0);
  const auto real = nestedPrefixes({c.integer("realSamples")}, t.spectrum, realStream);
  const auto synthetic = nestedPrefixes({c.integer("syntheticSamples")}, t.spectrum, syntheticStream);
  return {cellError(t, real.begin()->second, synthetic.begin()->second)};
}

void RealVsSynthetic::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                          std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                          double* out) const {
  const Config& first = points.front().front();
  const bool shared = std::all_of(points.begin(), points.end(), [&](const std::vector<Config>& series) {
    return std::all_of(series.begin(), series.end(), [&](const Config& p) { return sameButCounts(p, first); });
  });
  if (!shared) return Experiment::simulateTrialPoints(points, sweptX, pointsPerSeries, seed, trial, out);
  // One generator and one pair of pools for the whole grid; each cell reads its prefixes.
  Rng rng(seed, trial);
  const TrialSetting t = drawTrial(first, rng);
  std::vector<int> realCounts, syntheticCounts;
  for (const auto& series : points)
    for (const auto& p : series) {
      realCounts.push_back(p.integer("realSamples"));
      syntheticCounts.push_back(p.integer("syntheticSamples"));
    }
  Rng realStream(t.realSeed, 0), syntheticStream(t.syntheticSeed, 0);
  const auto real = nestedPrefixes(realCounts, t.spectrum, realStream);
  const auto synthetic = nestedPrefixes(syntheticCounts, t.spectrum, syntheticStream);
  for (const auto& series : points)
    for (std::size_t i = 0; i < pointsPerSeries; ++i) {
      const Config& p = series[sweptX ? i : 0];
      *out++ = cellError(t, real.at(p.integer("realSamples")), synthetic.at(p.integer("syntheticSamples")));
    }
}

}  // namespace collapse
