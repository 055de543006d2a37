// Monte Carlo of "synthetic-chain" (Dohmatob, Feng & Kempe 2024; docs/theory/recursive-regression.md §3 pseudo-code).
// One trial draws the downstream data first, then the generator chain, from Rng(seed, trial); every point of
// the trial that shares those data settings (any n, any λ, any component) is evaluated on the same draw.
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "collapse/experiments/synthetic_chain.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

/// One trial's randomness: the downstream statistics Ĝ = XᵀX/T and σ·Xᵀε/T, and the chain's errors δ_n.
/// A point (λ, n) is evaluated either through one eigendecomposition Ĝ = V·diag(μ)·Vᵀ shared by all λ (a λ
/// sweep; also the minimum-norm fit when λ = 0 and T < d, and any λ too small for a Cholesky factor of the
/// singular Ĝ + λI to be accurate), or through one Cholesky factor of Ĝ + λI per λ (about twenty times cheaper
/// when a draw serves only a few λ values, as in a sample-size sweep, also when T < d).
class ChainDraw {
 public:
  /// `smallestRidge`: the least λ the draw will serve; `manyRidges`: it serves more than two.
  ChainDraw(const Config& c, int maxGenerations, bool manyRidges, double smallestRidge, Rng& rng) {
    NormalSampler normal(rng);
    const int d = c.integer("dim"), t = c.integer("samples"), t0 = c.integer("generatorSamples");
    spectrum_ = makeSpectrum(c.choice("spectrum"), d, c.number("decay"));
    const Eigen::VectorXd sqrtSpectrum = spectrum_.cwiseSqrt();
    truth_ = makeGroundTruth(d, c.number("signal"));

    // Downstream data: XᵀX and Xᵀε through the Bartlett factor when T ≥ d, explicit rows otherwise.
    Eigen::VectorXd noiseMoment(d);
    if (t >= d) {
      const Eigen::MatrixXd scaled = sqrtSpectrum.asDiagonal() * sampleBartlettFactor(d, t, normal, rng);
      gram_ = simd::lowerGram(scaled);  // D·A is lower triangular: L·Lᵀ in d³/6
      Eigen::VectorXd z(d);
      normal.fill(z.data(), d);
      noiseMoment = simd::matVec(scaled, z);
    } else {
      const Eigen::MatrixXd x = sampleGaussianRows(t, spectrum_, normal);
      Eigen::VectorXd e(t);
      normal.fill(e.data(), t);
      simd::columnGramInto(x, gram_);
      noiseMoment = x.transpose() * e;
    }
    gram_ /= static_cast<double>(t);
    noise_ = c.number("noise") * noiseMoment / static_cast<double>(t);

    // Generator chain: δ_k = ŵ_k − w*, from δ₀ = 0.
    deltas_.push_back(Eigen::VectorXd::Zero(d));
    const double sigma0 = c.number("generatorNoise");
    for (int k = 1; k <= maxGenerations; ++k) {
      Eigen::VectorXd delta = deltas_.back();
      if (t0 >= d) {
        // OLS refit: δ_k = δ_{k−1} + σ₀·D⁻¹·A⁻ᵀ·z (the labeller's signal passes through exactly), and
        // A⁻ᵀz has the law of g/√c, g ~ N(0, I_d), c ~ χ²(T₀ − d + 1) independent: d + 1 variates instead of a
        // Bartlett factor's d²/2 and a triangular solve (docs/theory/recursive-regression.md §7, item 7).
        Eigen::VectorXd g(d);
        normal.fill(g.data(), d);
        const double chiSquare = sampleChiSquare(static_cast<double>(t0 - d + 1), normal, rng);
        delta += (sigma0 / std::sqrt(chiSquare)) * g.cwiseQuotient(sqrtSpectrum);
      } else {
        // Minimum-norm refit on T₀ < d rows: ŵ_k = Xᵀ(XXᵀ)⁻¹(X·ŵ_{k−1} + σ₀e).
        const Eigen::MatrixXd x = sampleGaussianRows(t0, spectrum_, normal);
        Eigen::VectorXd e(t0);
        normal.fill(e.data(), t0);
        const Eigen::VectorXd labels = simd::matVec(x, truth_ + delta) + sigma0 * e;
        // On the two-lane kernels (simd/matrix_kernels.hpp): XXᵀ as the column Gram of Xᵀ, its Cholesky factor, Xᵀ·v.
        const Eigen::MatrixXd xt = x.transpose();
        const Eigen::MatrixXd lower = checkedCholesky(simd::columnGram(xt), "synthetic-chain: Cholesky factor of XXᵀ (minimum-norm refit)");
        delta = simd::matVec(xt, simd::solveCholesky(lower, labels)) - truth_;
      }
      deltas_.push_back(delta);
    }
    // T < d: Ĝ is singular and Ĝ + λI has condition number about μ_max/λ; a Cholesky solve loses about
    // log10 of it in digits, so below λ = 1e-6·max Ĝ_jj (at most ~1e-9 relative error) the eigen route is taken.
    const bool choleskyAccurate = t >= d || smallestRidge >= 1e-6 * gram_.diagonal().maxCoeff();
    if (manyRidges || !choleskyAccurate) decompose();
  }

  /// The chosen component of ‖ŵ − w*‖²_Σ of the downstream ridge fit on generation-n data, where
  /// ŵ − w* = −λ·Q·w*  +  Q·Ĝ·δ_n  +  Q·σXᵀε/T  (bias, collapse, variance), Q = (Ĝ + λI)⁻¹.
  double error(double lambda, int n, const std::string& component) const {
    const bool total = component == "total";
    const bool bias = total || component == "bias", variance = total || component == "variance",
               collapse = total || component == "collapse";
    Eigen::VectorXd difference;
    if (basis_.size() > 0) {
      const Eigen::Index d = eigenvalues_.size();
      Eigen::VectorXd filter(d), inverse(d);  // μ/(μ + λ), 1/(μ + λ); zero on null directions at λ = 0
      for (Eigen::Index j = 0; j < d; ++j) {
        const double mu = eigenvalues_[j];
        const bool visible = lambda > 0.0 || mu > nullThreshold_;
        filter[j] = visible ? mu / (mu + lambda) : 0.0;
        inverse[j] = visible ? 1.0 / (mu + lambda) : 0.0;
      }
      Eigen::VectorXd rotated = Eigen::VectorXd::Zero(d);
      if (bias) rotated += (filter.array() - 1.0).matrix().cwiseProduct(rotatedTruth_);
      if (variance) rotated += inverse.cwiseProduct(rotatedNoise_);
      if (collapse) rotated += filter.cwiseProduct(rotatedDeltas_[n]);
      difference = simd::matVec(basis_, rotated);
    } else {
      Eigen::VectorXd rhs = Eigen::VectorXd::Zero(truth_.size());
      if (bias) rhs -= lambda * truth_;
      if (variance) rhs += noise_;
      if (collapse) rhs += simd::matVec(gram_, deltas_[n]);
      const Eigen::MatrixXd& lower = factorFor(lambda);  // (Ĝ + λI)⁻¹·rhs = L⁻ᵀ·L⁻¹·rhs, both solves on two lanes
      difference = simd::solveCholesky(lower, rhs);
    }
    return excessRisk(difference, spectrum_);
  }

 private:
  void decompose() {
    const auto eigen = checkedEigen(gram_, "synthetic-chain: eigen decomposition of XᵀX/T");
    basis_ = eigen.eigenvectors();
    eigenvalues_ = eigen.eigenvalues();
    // Vᵀw*, Vᵀ(σXᵀε/T) and Vᵀδ_n serve every λ: rotated once here instead of once per point.
    const Eigen::MatrixXd transposed = basis_.transpose();
    rotatedTruth_ = simd::matVec(transposed, truth_);
    rotatedNoise_ = simd::matVec(transposed, noise_);
    for (const Eigen::VectorXd& delta : deltas_) rotatedDeltas_.push_back(simd::matVec(transposed, delta));
    // Directions XᵀX cannot see (T < d) are exactly null; rounding leaves them at ~ε·μ_max.
    nullThreshold_ = eigenvalues_.maxCoeff() * static_cast<double>(eigenvalues_.size()) * 1e-13;
  }

  /// The Cholesky factor of Ĝ + λI on two lanes (simd::cholesky), once per λ.
  const Eigen::MatrixXd& factorFor(double lambda) const {
    auto found = factors_.find(lambda);
    if (found == factors_.end()) {
      const std::string what = "synthetic-chain: Cholesky factor of XᵀX/T + λI";
      Eigen::MatrixXd shifted = gram_;
      shifted.diagonal().array() += lambda;
      Eigen::MatrixXd lower;
      checkedCholesky(shifted, what, lower);
      found = factors_.emplace(lambda, std::move(lower)).first;
    }
    return found->second;
  }

  Eigen::VectorXd spectrum_, truth_, noise_, eigenvalues_, rotatedTruth_, rotatedNoise_;
  Eigen::MatrixXd gram_, basis_;
  std::vector<Eigen::VectorXd> deltas_, rotatedDeltas_;
  double nullThreshold_ = 0.0;
  mutable std::map<double, Eigen::MatrixXd> factors_;
};

/// Points that can share one draw: everything but n, λ (and its rule) and the component is equal.
std::string chainDrawKey(const Config& c) {
  std::string key;
  for (const char* name : {"dim", "samples", "noise", "generatorSamples", "generatorNoise", "spectrum", "decay", "signal"})
    key += formatValue(c.get(name)) + "|";
  return key;
}

}  // namespace

std::vector<double> SyntheticChain::simulateTrial(const Config& config, Rng& rng) const {
  const int generations = config.integer("generations");
  const ChainDraw draw(config, generations, false, config.number("ridge"), rng);
  std::vector<double> curve;
  for (int n = 0; n <= generations; ++n) curve.push_back(draw.error(config.number("ridge"), n, config.choice("component")));
  return curve;
}

void SyntheticChain::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool sweptX,
                                         std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t trial,
                                         double* out) const {
  // Per group of points: the longest chain it needs and how many ridge values it asks for; then one draw each.
  // Each point's key is formatted once (it is text: formatting it per use cost more than a triangular solve).
  std::vector<std::vector<std::string>> keys;
  std::map<std::string, int> longestChain;
  std::map<std::string, std::set<double>> ridges;
  for (const auto& series : points) {
    keys.emplace_back();
    for (const auto& point : series) {
      const std::string& key = keys.back().emplace_back(chainDrawKey(point));
      longestChain[key] = std::max(longestChain[key], point.integer("generations"));
      ridges[key].insert(point.number("ridge"));
    }
  }
  std::map<std::string, ChainDraw> draws;
  for (std::size_t si = 0; si < points.size(); ++si)
    for (std::size_t pi = 0; pi < points[si].size(); ++pi) {
      const std::string& key = keys[si][pi];
      if (draws.count(key)) continue;
      Rng rng(seed, trial);  // the same stream simulateTrial would use: draws are identical
      draws.emplace(key, ChainDraw(points[si][pi], longestChain[key], ridges[key].size() > 2, *ridges[key].begin(), rng));
    }
  for (std::size_t si = 0; si < points.size(); ++si) {
    for (std::size_t pi = 0; pi < points[si].size(); ++pi) {
      const Config& point = points[si][pi];
      const ChainDraw& draw = draws.at(keys[si][pi]);
      const double lambda = point.number("ridge");
      const std::string& component = point.choice("component");
      if (sweptX) {
        *out++ = draw.error(lambda, point.integer("generations"), component);
      } else {
        for (std::size_t n = 0; n < pointsPerSeries; ++n) *out++ = draw.error(lambda, static_cast<int>(n), component);
      }
    }
  }
}

}  // namespace collapse
