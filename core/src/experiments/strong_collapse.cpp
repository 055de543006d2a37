// Catalogue entry, validation, notes and theory of "strong-collapse" (simulation in strong_collapse_simulation.cpp).
#include "collapse/experiments/strong_collapse.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/linalg/spectrum.hpp"

namespace collapse {

namespace {

/// Anisotropic random projections: theory averages the conditional-on-S form over these many seeded draws of S.
constexpr int kProjectionDraws = 8;
constexpr double kMaxTheoryWidth = 1000;  // each draw eigendecomposes an m×m matrix

ExperimentInfo strongCollapseInfo() {
  namespace P = parameters;
  ExperimentInfo info;
  info.key = "strong-collapse";
  info.title = "Strong model collapse: a small synthetic fraction and model size";
  info.source = "Dohmatob, Feng, Subramonian & Kempe 2025, Strong Model Collapse (ICLR 2025, arXiv 2410.04840)";
  info.summary =
      "A ridge model is trained on n samples, a fraction of which carry labels from a slightly wrong model. However "
      "small the fraction, the test error stops falling with n and settles on a floor p₂²c²: larger training sets stop "
      "helping. In a random-projections model, widening the model first amplifies the damage, up to the "
      "interpolation threshold m = n, then mitigates it.";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 200),
      P::withDefault(P::dim(), 100),
      P::makeNumber(ParameterType::Integer, "samples", "n", "total samples", "", 1000, 1, 10000000, true, "Training samples in all, real and synthetic together."),
      P::makeChoice("mixing", "", "synthetic share", {"fraction", "count"}, {"a fraction p₂ of n", "a fixed count n₂"}, "fraction", "fraction: n₂ = round(p₂·n) synthetic samples; count: a fixed n₂ whatever n (so p₂ = n₂/n → 0)."),
      P::makeNumber(ParameterType::Real, "syntheticFraction", "p₂", "synthetic fraction", "", 0.01, 0, 1, false, "Share of the n samples whose labels come from the shifted model w₁ + δ (mixing = fraction)."),
      P::makeNumber(ParameterType::Integer, "syntheticCount", "n₂", "synthetic samples", "", 10, 0, 10000000, true, "Number of synthetic samples (mixing = count); at most n are used."),
      P::makeNumber(ParameterType::Real, "syntheticQuality", "c²", "synthetic quality c²", "", 1, 0, 10000, true, "E δᵀΣδ: the test error of the synthetic-label model itself (0 = perfect; small is good)."),
      P::noise(),
      P::ridge(),
      P::spectrum(),
      P::decay(),
      P::signal(),
      P::makeChoice("model", "", "model", {"linear", "random-projection"}, {"linear (classical)", "random projections vᵀSx"}, "linear", "linear: ridge on x; random-projection: ridge on m random features Sx, the paper's proxy for model size."),
      P::makeNumber(ParameterType::Integer, "width", "m", "model width", "", 200, 1, 8000, true, "Number of random features m of the random-projections model (S has N(0, 1/d) entries)."),
      P::makeChoice("component", "", "error component", {"total", "bias", "variance", "synthetic", "gap"}, {"total error", "bias B", "variance V", "synthetic ζ", "gap over real-only"}, "total", "total; its clean bias B, clean variance V or synthetic-data term ζ (linear model); or the gap: the error "
             "minus that of the same model on the same inputs with all labels real."),
  };
  info.x = {"samples", "total samples n"};
  info.metric = {"testError", "test error E (ŵ − w₁)ᵀΣ(ŵ − w₁)"};
  const std::string paper = "Dohmatob et al. 2025, Strong Model Collapse";
  using S = std::string;
  info.presets = {
      {"scaling-plateau", "Larger training sets stop helping",
       "With any fixed fraction p₂ of synthetic data the test error stops following the clean scaling law and "
       "settles on a plateau near p₂²c², even at p₂ = 0.1%.",
       paper + ", Section 3", "https://arxiv.org/abs/2410.04840", {{"trials", 100.0}}, "samples=200:1000000:log:16", "syntheticFraction=0,0.001,0.01,0.1"},
      {"fixed-count", "How much synthetic data a scaling law tolerates",
       "A fixed number of synthetic samples (p₂ = n₂/n → 0) only slows the scaling law, while a fixed fraction "
       "stops it: the clean rate survives if n₂ grows no faster than about n to the power 1 − a/2.",
       paper + ", Section 4", "https://arxiv.org/abs/2410.04840", {{"trials", 100.0}, {"syntheticFraction", 0.01}, {"syntheticCount", 100.0}},
       "samples=200:1000000:log:16", "mixing=fraction,count"},
      {"width-gap", "Model size: amplify, then mitigate",
       "In the random-projections model the extra error caused by synthetic data grows with the width m up to the "
       "interpolation threshold m = n and shrinks beyond it, without vanishing.",
       paper + ", Section 5", "https://arxiv.org/abs/2410.04840",
       {{"model", S("random-projection")}, {"dim", 200.0}, {"samples", 100.0}, {"syntheticFraction", 0.1},
        {"syntheticQuality", 4.0}, {"noise", 0.5}, {"ridge", 0.001}, {"trials", 100.0}, {"component", S("gap")}},
       "width=10:1000:log:21", "syntheticQuality=1,4"},
      {"width-errors", "Error against model size, real-only and mixed",
       "Both the real-only and the mixed model have a peak at the interpolation threshold m = n; the mixed one sits "
       "above everywhere.",
       paper + ", Section 5", "https://arxiv.org/abs/2410.04840",
       {{"model", S("random-projection")}, {"dim", 200.0}, {"samples", 100.0}, {"syntheticQuality", 4.0},
        {"noise", 0.5}, {"ridge", 0.001}, {"trials", 100.0}},
       "width=10:1000:log:21", "syntheticFraction=0,0.1,0.5"},
      {"pareto", "Pareto view: mixed against real-only error (Fig. 1)",
       "Across model sizes, the error with a real+synthetic mix is plotted against the error with real data only "
       "(same n = 500, as in Fig. 1): every point lies above the diagonal, more so for poorer synthetic data. The "
       "paper does not publish d, p₂, c² or its widths; d = 600 > n puts the interpolation threshold m = n inside the "
       "width grid, and 8 trials keep the browser run to a few seconds.",
       paper + ", Fig. 1", "https://arxiv.org/abs/2410.04840",
       {{"model", S("random-projection")}, {"dim", 600.0}, {"samples", 500.0}, {"syntheticFraction", 0.5},
        {"noise", 0.5}, {"ridge", 0.01}, {"trials", 8.0}},
       "width=10:800:log:15", "syntheticQuality=0,0.1,1,10"},
      {"breakdown", "Where the error comes from: B, V and ζ",
       "The clean bias and variance keep falling with n; only the synthetic term ζ stays, and it is what sets the "
       "plateau.",
       paper + ", Theorem 1", "https://arxiv.org/abs/2410.04840", {{"trials", 100.0}, {"syntheticFraction", 0.05}, {"ridge", 0.01}},
       "samples=200:100000:log:12", "component=total,bias,variance,synthetic"},
  };
  return info;
}

bool randomProjection(const Config& c) { return c.choice("model") == "random-projection"; }

/// Why no theory is drawn for this configuration, if that is so.
std::optional<std::string> whyNoTheory(const Config& c) {
  const double d = c.number("dim"), n = c.number("samples"), m = c.number("width");
  if (c.number("ridge") == 0.0) {
    const double effective = randomProjection(c) ? std::min(m, d) : d;
    if (std::fabs(n - effective) <= 1.0)
      return "samples = " + formatNumber(n) + " is at the interpolation threshold (" + formatNumber(effective) +
             "): ridgeless least squares has no finite mean error there; theory not drawn.";
  }
  if (randomProjection(c) && c.choice("spectrum") != "isotropic" && m > kMaxTheoryWidth)
    return "width = " + formatNumber(m) + ": the anisotropic random-projection theory is evaluated for width ≤ 1000 only.";
  return std::nullopt;
}

}  // namespace

const ExperimentInfo& StrongCollapse::info() const {
  static const ExperimentInfo info = strongCollapseInfo();
  return info;
}

int StrongCollapse::syntheticRows(const Config& c) {
  const double n = c.number("samples");
  if (c.choice("mixing") == "count") return static_cast<int>(std::min(c.number("syntheticCount"), n));
  return static_cast<int>(std::round(c.number("syntheticFraction") * n));
}

theory::MixtureSetting StrongCollapse::mixtureSetting(const Config& c) {
  const int d = c.integer("dim");
  const Eigen::VectorXd truth = makeGroundTruth(d, c.number("signal"));
  return {makeSpectrum(c.choice("spectrum"), d, c.number("decay")),
          truth.array().square(),
          c.number("samples"),
          syntheticRows(c) / c.number("samples"),
          c.number("syntheticQuality"),
          c.number("noise"),
          c.number("ridge")};
}

std::vector<Issue> StrongCollapse::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double d = c.number("dim"), n = c.number("samples"), m = c.number("width");
  const std::string& component = c.choice("component");
  if (randomProjection(c) && component != "total" && component != "gap")
    issues.push_back({"component", component,
                      "component = " + component + " is split for the linear model only; with model = random-projection "
                      "use total or gap."});
  // Peak memory per trial: the d×d statistics; with random projections S (m×d) and its system — m×m when
  // m ≤ d, else d×d (push-through form) — or, when n < d, the rows, Z = X·Sᵀ and the smaller of m×m and n×n.
  double bytes = 8.0 * 8.0 * d * d;
  if (randomProjection(c)) {
    const double system = n < d ? std::min(m, n) * std::min(m, n) + n * d + 2.0 * n * m : (m <= d ? 2.0 * m * m : 2.0 * d * d);
    bytes += 8.0 * (2.0 * m * d + system);
  }
  if (bytes > 1024.0 * 1024.0 * 1024.0)
    issues.push_back({"width", formatNumber(m),
                      "dim = " + formatNumber(d) + ", samples = " + formatNumber(n) + " and width = " + formatNumber(m) + " need about " +
                          formatNumber(std::round(bytes / 1048576.0)) + " MiB per trial; the limit is 1024 MiB."});
  return issues;
}

std::vector<std::string> StrongCollapse::notes(const Config& c) const {
  std::vector<std::string> notes;
  const double n = c.number("samples");
  if (c.choice("mixing") == "count" && c.number("syntheticCount") > n)
    notes.push_back("syntheticCount = " + formatNumber(c.number("syntheticCount")) + " exceeds samples = " + formatNumber(n) +
                    ": all " + formatNumber(n) + " samples are synthetic.");
  if (auto why = whyNoTheory(c))
    notes.push_back(*why);
  else
    notes.push_back(randomProjection(c)
                        ? (c.choice("spectrum") == "isotropic"
                               ? "Theory: deterministic equivalent in Marchenko–Pastur form (docs/theory/strong-collapse.md §5.2); finite-size differences O(1/n) near m = n."
                               : "Theory: the conditional-on-S equivalent (docs/theory/strong-collapse.md §5.1) averaged over 8 fixed draws of S.")
                        : "Theory: Theorem 1 of Strong Model Collapse (B + V + ζ), exact as d → ∞; O(1/d) differences at small d.");
  return notes;
}

std::vector<double> StrongCollapse::naturalX(const Config& c) const { return {c.number("samples")}; }

std::optional<std::vector<double>> StrongCollapse::theory(const Config& c) const {
  if (whyNoTheory(c)) return std::nullopt;
  theory::MixtureSetting setting = mixtureSetting(c);
  const double d = c.number("dim"), m = c.number("width"), signal = c.number("signal");
  auto evaluate = [&](const theory::MixtureSetting& s) {
    if (!randomProjection(c)) return theory::classicalMixtureError(s);
    if (c.choice("spectrum") == "isotropic") return theory::randomProjectionErrorIsotropic(d, m, signal * signal, s);
    theory::MixtureError sum{0, 0, 0};
    for (int draw = 0; draw < kProjectionDraws; ++draw) {
      Rng rng(0x5EED5, static_cast<std::uint64_t>(draw));  // fixed draws: the theory is deterministic
      NormalSampler normal(rng);
      const Eigen::MatrixXd projection = sampleGaussianRows(c.integer("width"), Eigen::VectorXd::Constant(c.integer("dim"), 1.0 / d), normal);
      const auto e = theory::randomProjectionErrorGivenS(projection, s);
      sum = {sum.bias + e.bias / kProjectionDraws, sum.variance + e.variance / kProjectionDraws,
             sum.synthetic + e.synthetic / kProjectionDraws};
    }
    return sum;
  };
  const auto e = evaluate(setting);
  const std::string& component = c.choice("component");
  double value = e.total();
  if (component == "bias") value = e.bias;
  if (component == "variance") value = e.variance;
  if (component == "synthetic") value = e.synthetic;
  if (component == "gap") {
    setting.syntheticFraction = 0.0;
    value = e.total() - evaluate(setting).total();
  }
  return std::vector<double>{value};
}

std::vector<ReferenceLine> StrongCollapse::referenceLines(const Config& c, const std::string& xKey) const {
  // The n → ∞ floors, drawn on error-against-n figures of the linear model.
  if (xKey != "samples" || randomProjection(c) || c.choice("component") != "total" || c.choice("mixing") != "fraction" ||
      c.number("syntheticFraction") == 0.0)
    return {};
  // As n → ∞ the share round(p₂n)/n of the config's first point tends to the nominal p₂ itself.
  auto setting = mixtureSetting(c);
  setting.syntheticFraction = c.number("syntheticFraction");
  std::vector<ReferenceLine> lines = {{"floor as n → ∞", theory::classicalFloor(setting)}};
  if (c.choice("spectrum") == "isotropic" && c.number("ridge") == 0.0) {
    const double signal = c.number("signal");
    lines.push_back({"floor with the best λ", theory::bestRidgeFloor(signal * signal, setting.syntheticFraction, setting.quality)});
  }
  return lines;
}

}  // namespace collapse
