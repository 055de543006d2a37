// Monte Carlo of "real-vs-synthetic" (docs/theory/real-vs-synthetic.md §1): one generator per trial, nested pools of
// real and synthetic rows, a ridge fit per cell of the (n_real, n_synth) grid.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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

/// The statistics of the first n rows of one pool, for every n of `counts` (sorted, distinct), into `prefixes`
/// (whose buffers are reused from trial to trial): the pool grows through the counts, so smaller sets are prefixes
/// of larger ones (Kazdan et al. take the first rows of their data sets).
void nestedPrefixes(const std::vector<int>& counts, const Eigen::VectorXd& spectrum, Rng& stream,
                    std::vector<DesignStatistics>& prefixes) {
  NormalSampler normal(stream);
  DesignStatistics s = emptyStatistics(spectrum.size());
  prefixes.resize(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    addRows(s, counts[i] - s.rows, spectrum, normal, stream);
    prefixes[i] = s;
  }
}

/// The buffers of a trial's fits, kept across cells and trials.
struct FitBuffers {
  Eigen::MatrixXd gram;  // the cell's XᵀX
  RidgeGramWorkspace ridge;
};

/// The ridge fit from XᵀX and Xᵀy of `rows` rows; λ = 0 with fewer rows than d is the minimum-norm fit
/// (the pseudo-inverse of XᵀX applied to Xᵀy equals X⁺y), no rows the zero model.
Eigen::VectorXd fitFromStatistics(const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, int rows, double lambda,
                                  RidgeGramWorkspace& work) {
  const Eigen::Index d = gram.rows();
  if (rows == 0) return Eigen::VectorXd::Zero(d);
  if (lambda > 0.0 || rows >= d) return fitRidgeGram(gram, moment, rows, lambda, work);
  const auto eigen = checkedEigen(gram, "real-vs-synthetic: eigen decomposition of the Gram matrix");
  const Eigen::VectorXd mu = eigen.eigenvalues();
  const double tolerance = 1e-10 * std::max(mu.maxCoeff(), 1e-300);
  const Eigen::VectorXd projected = eigen.eigenvectors().transpose() * moment;
  Eigen::VectorXd scaled = Eigen::VectorXd::Zero(d);
  for (Eigen::Index j = 0; j < d; ++j)
    if (mu(j) > tolerance) scaled(j) = projected(j) / mu(j);
  return eigen.eigenvectors() * scaled;
}

/// What every trial of a config shares, read once: the truth, its spectrum and the scalar settings.
struct Setting {
  Eigen::VectorXd spectrum, truth;
  double noise, lambda;
  int generatorSamples;

  explicit Setting(const Config& c)
      : spectrum(makeSpectrum(c.choice("spectrum"), c.integer("dim"), c.number("decay"))),
        truth(makeGroundTruth(c.integer("dim"), c.number("signal"))), noise(c.number("noise")),
        lambda(c.number("ridge")), generatorSamples(c.integer("generatorSamples")) {}
};

/// What one trial draws before its cells: the generator and the seeds of its two pools.
struct TrialDraw {
  Eigen::VectorXd generator;
  std::uint64_t realSeed, syntheticSeed;
};

/// Draws, in this order from the trial's stream: the seeds of the real and the synthetic pool, then the
/// generator's T₀ real rows and its least-squares fit (minimum norm when T₀ < d).
TrialDraw drawTrial(const Setting& s, Rng& rng, FitBuffers& buffers) {
  TrialDraw t;
  t.realSeed = rng.nextU64();
  t.syntheticSeed = rng.nextU64();
  NormalSampler normal(rng);
  DesignStatistics g = emptyStatistics(s.spectrum.size());
  addRows(g, s.generatorSamples, s.spectrum, normal, rng);
  t.generator = fitFromStatistics(g.gram, simd::matVec(g.gram, s.truth) + s.noise * g.noise, g.rows, 0.0, buffers.ridge);
  return t;
}

/// Test error of the downstream fit on the first nReal real and nSynthetic synthetic rows of the trial's pools.
double cellError(const Setting& s, const TrialDraw& t, const DesignStatistics& real, const DesignStatistics& synthetic,
                 FitBuffers& buffers) {
  Eigen::MatrixXd& gram = buffers.gram;
  gram = real.gram + synthetic.gram;
  // Real labels xᵀw* + σε, synthetic labels xᵀŵ₀ + σε: Xᵀy = XᵀX·w + σ·Xᵀε per pool.
  const Eigen::VectorXd moment = simd::matVec(real.gram, s.truth) + simd::matVec(synthetic.gram, t.generator) +
                                 s.noise * (real.noise + synthetic.noise);
  const Eigen::VectorXd fit = fitFromStatistics(gram, moment, real.rows + synthetic.rows, s.lambda, buffers.ridge);
  return excessRisk(fit - s.truth, s.spectrum);
}

/// Whether two configs differ at most in the grid's two counts (then their cells can share a trial's pools).
/// Compared in place: copying both maps per cell had been most of the Config traffic of a run.
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

/// The sorted distinct values of `counts`, and each count's index among them.
std::pair<std::vector<int>, std::vector<std::size_t>> distinctCounts(const std::vector<int>& counts) {
  std::vector<int> distinct = counts;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::size_t> index;
  for (int n : counts) index.push_back(static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), n) - distinct.begin()));
  return {distinct, index};
}

/// A grid whose cells differ only in their two counts, laid out once for a block of trials: reading the configs
/// (string keys in maps) trial by trial had been a tenth of scarce-vs-plentiful's WebAssembly time.
struct SharedGrid {
  Setting setting;
  std::vector<int> realCounts, syntheticCounts;     // the pools' prefixes, sorted and distinct
  std::vector<std::size_t> realIndex, syntheticIndex;  // each output value's prefixes, in output order

  SharedGrid(const std::vector<std::vector<Config>>& points, bool sweptX, std::size_t pointsPerSeries)
      : setting(points.front().front()) {
    std::vector<int> real, synthetic;
    for (const auto& series : points)
      for (std::size_t i = 0; i < pointsPerSeries; ++i) {
        const Config& p = series[sweptX ? i : 0];
        real.push_back(p.integer("realSamples"));
        synthetic.push_back(p.integer("syntheticSamples"));
      }
    std::tie(realCounts, realIndex) = distinctCounts(real);
    std::tie(syntheticCounts, syntheticIndex) = distinctCounts(synthetic);
  }
};

}  // namespace

std::vector<double> RealVsSynthetic::simulateTrial(const Config& c, Rng& rng) const {
  const Setting s(c);
  FitBuffers buffers;
  const TrialDraw t = drawTrial(s, rng, buffers);
  Rng realStream(t.realSeed, 0), syntheticStream(t.syntheticSeed, 0);
  std::vector<DesignStatistics> real, synthetic;
  nestedPrefixes({c.integer("realSamples")}, s.spectrum, realStream, real);
  nestedPrefixes({c.integer("syntheticSamples")}, s.spectrum, syntheticStream, synthetic);
  return {cellError(s, t, real.front(), synthetic.front(), buffers)};
}

void RealVsSynthetic::simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                         std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                         std::size_t trials, std::size_t valuesPerTrial, double* out) const {
  const Config& first = points.front().front();
  const bool shared = std::all_of(points.begin(), points.end(), [&](const std::vector<Config>& series) {
    return std::all_of(series.begin(), series.end(), [&](const Config& p) { return sameButCounts(p, first); });
  });
  if (!shared) return Experiment::simulateTrialBlock(points, sweptX, pointsPerSeries, seed, firstTrial, trials, valuesPerTrial, out);
  // One generator and one pair of pools per trial for the whole grid; each cell reads its prefixes.
  const SharedGrid grid(points, sweptX, pointsPerSeries);
  if (grid.realIndex.size() != valuesPerTrial)  // one metric: a value per cell
    throw std::logic_error("real-vs-synthetic: " + std::to_string(valuesPerTrial) + " values per trial for " +
                           std::to_string(grid.realIndex.size()) + " cells");
  std::vector<DesignStatistics> real, synthetic;  // buffers kept across trials
  FitBuffers buffers;
  for (std::size_t trial = 0; trial < trials; ++trial) {
    Rng rng(seed, firstTrial + trial);
    const TrialDraw t = drawTrial(grid.setting, rng, buffers);
    Rng realStream(t.realSeed, 0), syntheticStream(t.syntheticSeed, 0);
    nestedPrefixes(grid.realCounts, grid.setting.spectrum, realStream, real);
    nestedPrefixes(grid.syntheticCounts, grid.setting.spectrum, syntheticStream, synthetic);
    double* values = out + trial * valuesPerTrial;
    for (std::size_t cell = 0; cell < grid.realIndex.size(); ++cell)
      values[cell] = cellError(grid.setting, t, real[grid.realIndex[cell]], synthetic[grid.syntheticIndex[cell]], buffers);
  }
}

}  // namespace collapse
