// Monte Carlo of "strong-collapse" (docs/theory/strong-collapse.md §2 pseudo-code, §7 implementation notes).
#include <algorithm>
#include <map>

#include "collapse/experiments/strong_collapse.hpp"
#include "collapse/linalg/checked_factorisation.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/simd/matrix_kernels.hpp"

namespace collapse {

namespace {

/// Sufficient statistics of a design that grows: XᵀX and Xᵀε of the real and of the synthetic rows. A block of
/// at least d rows comes from the Bartlett factor (O(d²) randomness), a smaller one from explicit rows.
class GrowingDesign {
 public:
  GrowingDesign(const Eigen::VectorXd& spectrum)
      : spectrum_(spectrum), sqrtSpectrum_(spectrum.cwiseSqrt()),
        gram_{Eigen::MatrixXd::Zero(spectrum.size(), spectrum.size()), Eigen::MatrixXd::Zero(spectrum.size(), spectrum.size())},
        noise_{Eigen::VectorXd::Zero(spectrum.size()), Eigen::VectorXd::Zero(spectrum.size())} {}

  /// Grows to `real` real rows and `synthetic` synthetic rows (never shrinks).
  void growTo(int real, int synthetic, NormalSampler& normal, Rng& rng) {
    addRows(0, real - rows_[0], normal, rng);
    addRows(1, synthetic - rows_[1], normal, rng);
  }

  const Eigen::MatrixXd& gram(int block) const { return gram_[block]; }
  const Eigen::VectorXd& noise(int block) const { return noise_[block]; }
  int rows() const { return rows_[0] + rows_[1]; }

 private:
  void addRows(int block, int count, NormalSampler& normal, Rng& rng) {
    if (count <= 0) return;
    const Eigen::Index d = spectrum_.size();
    if (count >= d) {
      const Eigen::MatrixXd scaled = sqrtSpectrum_.asDiagonal() * sampleBartlettFactor(static_cast<int>(d), count, normal, rng);
      Eigen::VectorXd z(d);
      normal.fill(z.data(), d);
      gram_[block] += simd::lowerGram(scaled);  // D·A is lower triangular: L·Lᵀ in d³/6
      noise_[block].noalias() += scaled * z;
    } else {
      const Eigen::MatrixXd x = sampleGaussianRows(count, spectrum_, normal);
      Eigen::VectorXd e(count);
      normal.fill(e.data(), count);
      gram_[block] += simd::columnGram(x);
      noise_[block].noalias() += x.transpose() * e;
    }
    rows_[block] += count;
  }

  Eigen::VectorXd spectrum_, sqrtSpectrum_;
  Eigen::MatrixXd gram_[2];
  Eigen::VectorXd noise_[2];
  int rows_[2] = {0, 0};
};

/// The reported number for a fit: ŵ − w₁ = clean part + synthetic part (linear in the labels).
double reported(const std::string& component, const Eigen::VectorXd& bias, const Eigen::VectorXd& variance,
                const Eigen::VectorXd& synthetic, const Eigen::VectorXd& spectrum) {
  if (component == "bias") return excessRisk(bias, spectrum);
  if (component == "variance") return excessRisk(variance, spectrum);
  if (component == "synthetic") return excessRisk(synthetic, spectrum);
  const Eigen::VectorXd clean = bias + variance;
  const double total = excessRisk(clean + synthetic, spectrum);
  return component == "gap" ? total - excessRisk(clean, spectrum) : total;
}

/// Linear model on the current statistics: ŵ = (G/n + λI)⁻¹ b/n, b = G·w₁ + G_syn·δ + σ·Xᵀε; the
/// minimum-norm fit (pseudo-inverse of G) when λ = 0 and n < d.
double linearError(const GrowingDesign& design, const Eigen::VectorXd& truth, const Eigen::VectorXd& delta,
                   const Config& c, const Eigen::VectorXd& spectrum) {
  const double n = design.rows(), lambda = c.number("ridge"), sigma = c.number("noise");
  const Eigen::MatrixXd gram = design.gram(0) + design.gram(1);
  const Eigen::VectorXd noiseMoment = sigma * (design.noise(0) + design.noise(1)) / n;
  const Eigen::VectorXd syntheticMoment = design.gram(1) * delta / n;
  const Eigen::Index d = truth.size();
  Eigen::VectorXd bias, variance, synthetic;
  if (lambda > 0.0 || n >= d) {
    Eigen::MatrixXd shifted = gram / n;
    shifted.diagonal().array() += lambda;
    const auto factor = checkedLlt(shifted, "strong-collapse: Cholesky factor of XᵀX/n + λI");
    bias = -lambda * factor.solve(truth);
    variance = factor.solve(noiseMoment);
    synthetic = factor.solve(syntheticMoment);
  } else {
    const auto eigen = checkedEigen(gram / n, "strong-collapse: eigen decomposition of XᵀX/n (minimum-norm fit)");
    const double cutoff = eigen.eigenvalues().maxCoeff() * d * 1e-13;
    const Eigen::VectorXd inverse =
        eigen.eigenvalues().unaryExpr([cutoff](double mu) { return mu > cutoff ? 1.0 / mu : 0.0; });
    const Eigen::VectorXd seen = eigen.eigenvalues().unaryExpr([cutoff](double mu) { return mu > cutoff ? 1.0 : 0.0; });
    const Eigen::MatrixXd& v = eigen.eigenvectors();
    bias = v * (seen.array() - 1.0).matrix().cwiseProduct(v.transpose() * truth);
    variance = v * inverse.cwiseProduct(v.transpose() * noiseMoment);
    synthetic = v * inverse.cwiseProduct(v.transpose() * syntheticMoment);
  }
  return reported(c.choice("component"), bias, variance, synthetic, spectrum);
}

/// One trial's data for the random-projections model at a fixed n: the statistics (n ≥ d) or the rows.
struct ProjectionData {
  bool explicitRows = false;
  GrowingDesign design;
  Eigen::MatrixXd rows;                           // n × d, synthetic rows first (n < d)
  Eigen::MatrixXd features;                       // Z = X·Sᵀ for the widest S; a narrower model takes its first columns
  Eigen::VectorXd cleanLabels, syntheticLabels;   // y = clean + synthetic (n < d)
  explicit ProjectionData(const Eigen::VectorXd& spectrum) : design(spectrum) {}
};

/// Random-projections fit of width m = projection.rows(): v̂ = argmin (1/n)‖XSᵀv − y‖² + λ‖v‖², error of Sᵀv̂.
/// With statistics (n ≥ d): the m×m system S·G·Sᵀ/n + λI when m ≤ d, else the d×d form given by the
/// push-through identity, Sᵀv̂ = K(G·K/n + λI)⁻¹·b/n with K = SᵀS. With rows: the smaller of the m×m (primal)
/// and n×n (dual) systems. λ = 0 gives the minimum-norm fit.
double projectionError(const ProjectionData& data, const Eigen::MatrixXd& projection, const Eigen::VectorXd& truth,
                       const Eigen::VectorXd& delta, const Config& c, const Eigen::VectorXd& spectrum) {
  const double lambda = c.number("ridge"), sigma = c.number("noise");
  const Eigen::Index m = projection.rows(), d = projection.cols();
  Eigen::VectorXd cleanFit, syntheticFit;  // Sᵀv̂ for the clean and the synthetic part of the labels
  if (!data.explicitRows) {
    const double n = data.design.rows();
    const Eigen::MatrixXd gram = data.design.gram(0) + data.design.gram(1);
    const Eigen::VectorXd clean = (gram * truth + sigma * (data.design.noise(0) + data.design.noise(1))) / n;
    const Eigen::VectorXd synthetic = data.design.gram(1) * delta / n;
    if (m <= d) {
      // The dense products through the 2-lane GEMM (collapse/simd/matrix_kernels.hpp): the hot spot of this model.
      Eigen::MatrixXd system = simd::product(simd::product(projection, gram), projection.transpose()) / n;
      system.diagonal().array() += lambda;
      const Eigen::LDLT<Eigen::MatrixXd> factor(system);
      requireSuccess(factor.info(), "strong-collapse: LDLT factor of S·XᵀX·Sᵀ/n + λI");
      cleanFit = projection.transpose() * factor.solve(projection * clean);
      syntheticFit = projection.transpose() * factor.solve(projection * synthetic);
    } else {
      const Eigen::MatrixXd k = simd::columnGram(projection);
      Eigen::MatrixXd system = simd::product(gram, k) / n;
      system.diagonal().array() += lambda;
      const Eigen::PartialPivLU<Eigen::MatrixXd> factor(system);
      cleanFit = k * factor.solve(clean);
      syntheticFit = k * factor.solve(synthetic);  // PartialPivLU has no status: the finiteness check below
    }
  } else {
    const double n = static_cast<double>(data.rows.rows());
    const auto features = data.features.leftCols(m);  // Z = X·Sᵀ, n × m
    Eigen::MatrixXd fits(m, 2);
    Eigen::MatrixXd labels(data.rows.rows(), 2);
    labels << data.cleanLabels, data.syntheticLabels;
    if (lambda == 0.0) {
      fits = Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(features).solve(labels);
    } else if (m <= data.rows.rows()) {
      Eigen::MatrixXd system = simd::columnGram(features) / n;
      system.diagonal().array() += lambda;
      fits = checkedLlt(system, "strong-collapse: Cholesky factor of ZᵀZ/n + λI").solve(features.transpose() * labels / n);
    } else {
      Eigen::MatrixXd system = simd::product(features, features.transpose()) / n;
      system.diagonal().array() += lambda;
      fits = features.transpose() * checkedLlt(system, "strong-collapse: Cholesky factor of ZZᵀ/n + λI").solve(labels) / n;
    }
    cleanFit = projection.transpose() * fits.col(0);
    syntheticFit = projection.transpose() * fits.col(1);
  }
  requireFinite(cleanFit, "strong-collapse: random-projections fit");
  requireFinite(syntheticFit, "strong-collapse: random-projections fit");
  // Split for "gap": the clean fit's error and the synthetic part's contribution.
  return reported(c.choice("component") == "gap" ? "gap" : "total", cleanFit - truth, Eigen::VectorXd::Zero(d),
                  syntheticFit, spectrum);
}

/// Everything but the swept size must match for points to share a draw.
std::string sharedDrawKey(const Config& c, const char* shared) {
  std::string key;
  for (const auto& [name, value] : c.values())
    if (name != shared && name != "component") key += name + "=" + formatValue(value) + "|";
  return key;
}

Eigen::VectorXd drawMismatch(const Config& c, const Eigen::VectorXd& spectrum, NormalSampler& normal) {
  // δ ~ N(0, (c²/d)·Σ⁻¹), so that E‖δ‖²_Σ = c².
  Eigen::VectorXd delta(spectrum.size());
  normal.fill(delta.data(), delta.size());
  return delta.cwiseQuotient(spectrum.cwiseSqrt()) * std::sqrt(c.number("syntheticQuality") / spectrum.size());
}

/// The linear-model points of one group, ascending in n, on one growing design.
void simulateLinearGroup(const std::vector<const Config*>& group, Rng& rng, std::map<const Config*, double>& values) {
  const Config& first = *group.front();
  NormalSampler normal(rng);
  const Eigen::VectorXd spectrum = makeSpectrum(first.choice("spectrum"), first.integer("dim"), first.number("decay"));
  const Eigen::VectorXd truth = makeGroundTruth(first.integer("dim"), first.number("signal"));
  const Eigen::VectorXd delta = drawMismatch(first, spectrum, normal);
  GrowingDesign design(spectrum);
  for (const Config* point : group) {
    const int synthetic = StrongCollapse::syntheticRows(*point);
    design.growTo(point->integer("samples") - synthetic, synthetic, normal, rng);
    values[point] = linearError(design, truth, delta, *point, spectrum);
  }
}

/// The random-projection points of one group (same n, any widths) on one draw of the data and of S.
void simulateProjectionGroup(const std::vector<const Config*>& group, Rng& rng, std::map<const Config*, double>& values) {
  const Config& first = *group.front();
  NormalSampler normal(rng);
  const int d = first.integer("dim"), n = first.integer("samples"), synthetic = StrongCollapse::syntheticRows(first);
  const Eigen::VectorXd spectrum = makeSpectrum(first.choice("spectrum"), d, first.number("decay"));
  const Eigen::VectorXd truth = makeGroundTruth(d, first.number("signal"));
  const Eigen::VectorXd delta = drawMismatch(first, spectrum, normal);
  ProjectionData data(spectrum);
  if (n >= d) {
    data.design.growTo(n - synthetic, synthetic, normal, rng);
  } else {
    data.explicitRows = true;
    data.rows = sampleGaussianRows(n, spectrum, normal);
    Eigen::VectorXd e(n);
    normal.fill(e.data(), n);
    data.cleanLabels = data.rows * truth + first.number("noise") * e;
    data.syntheticLabels = Eigen::VectorXd::Zero(n);
    data.syntheticLabels.head(synthetic) = data.rows.topRows(synthetic) * delta;
  }
  int widest = 0;
  for (const Config* point : group) widest = std::max(widest, point->integer("width"));
  // S row by row: a narrower model uses the first rows of a wider one's S.
  const Eigen::MatrixXd projection = sampleGaussianRows(widest, Eigen::VectorXd::Constant(d, 1.0 / d), normal);
  if (data.explicitRows) data.features = simd::product(data.rows, projection.transpose());
  for (const Config* point : group)
    values[point] = projectionError(data, projection.topRows(point->integer("width")), truth, delta, *point, spectrum);
}

}  // namespace

std::vector<double> StrongCollapse::simulateTrial(const Config& config, Rng& rng) const {
  // A single point is a group of one.
  std::map<const Config*, double> values;
  (config.choice("model") == "linear" ? simulateLinearGroup : simulateProjectionGroup)({&config}, rng, values);
  return {values.at(&config)};
}

void StrongCollapse::simulateTrialPoints(const std::vector<std::vector<Config>>& points, bool /*sweptX*/,
                                         std::size_t /*pointsPerSeries*/, std::uint64_t seed, std::uint64_t trial,
                                         double* out) const {
  // Group the points that can share a draw: by everything but n (linear) or m (random projections).
  std::map<std::string, std::vector<const Config*>> groups;
  for (const auto& series : points)
    for (const auto& point : series) {
      const bool linear = point.choice("model") == "linear";
      groups[sharedDrawKey(point, linear ? "samples" : "width")].push_back(&point);
    }
  std::map<const Config*, double> values;
  for (auto& [key, group] : groups) {
    const bool linear = group.front()->choice("model") == "linear";
    if (linear)
      std::stable_sort(group.begin(), group.end(),
                       [](const Config* a, const Config* b) { return a->number("samples") < b->number("samples"); });
    Rng rng(seed, trial);  // every group draws from the trial's own stream, as simulateTrial would
    (linear ? simulateLinearGroup : simulateProjectionGroup)(group, rng, values);
  }
  for (const auto& series : points)
    for (const auto& point : series) *out++ = values.at(&point);
}

}  // namespace collapse
