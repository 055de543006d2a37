// Catalogue entry, validation, notes and theory of "synthetic-chain" (simulation in synthetic_chain_simulation.cpp).
#include "collapse/experiments/synthetic_chain.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse {

namespace {

ExperimentInfo syntheticChainInfo() {
  namespace P = parameters;
  Parameter generatorNoise = P::noise();
  generatorNoise.key = "generatorNoise";
  generatorNoise.symbol = "σ₀";
  generatorNoise.label = "generator label noise";
  generatorNoise.description = "Standard deviation of the noise each generator adds when it labels the next one's data.";
  const Parameter ridgeExponent =
      P::makeNumber(ParameterType::Real, "ridgeExponent", "ℓ", "ridge decay exponent", "", 0.5, 0, 10, false,
                    "With ridgeRule = power, λ = T⁻ˡ: the adaptive regularisation of the scaling-law figure.");

  ExperimentInfo info;
  info.key = "synthetic-chain";
  info.title = "Model collapse demystified: a chain of synthetic-data generators";
  info.source = "Dohmatob, Feng & Kempe 2024, Model Collapse Demystified: The Case of Regression (NeurIPS 2024, arXiv 2402.07712)";
  info.summary =
      "A downstream ridge model is trained on data labelled by the n-th of a chain of regression generators, each "
      "fitted to its predecessor's labels. Its test error grows linearly in n: the generators' noise becomes a bias "
      "the downstream model cannot average away, which moves the best ridge λ and changes the scaling laws.";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 200),
      P::withDefault(P::dim(), 50),
      P::makeNumber(ParameterType::Integer, "generatorSamples", "T₀", "samples per generator", "", 100, 1, 1000000, true, "Fresh samples each generator is fitted on (OLS when T₀ ≥ d, minimum-norm when T₀ < d)."),
      generatorNoise,
      P::withDefault(P::samples(), 200),
      P::noise(),
      P::ridge(),
      P::makeNumber(ParameterType::Integer, "generations", "n", "generations", "", 20, 0, 1000, false, "Number of synthetic generations before the downstream model; n = 0 trains on clean data."),
      P::spectrum(),
      P::decay(),
      P::signal(),
      P::makeChoice("ridgeRule", "", "ridge rule", {"fixed", "power", "optimal"}, {"fixed λ", "λ = T⁻ˡ", "optimal λ (theory)"}, "fixed", "fixed: λ = ridge; power: λ = T⁻ˡ (adaptive regularisation); optimal: the λ minimising the "
             "theoretical error for this n, T, T₀ (docs/theory/recursive-regression.md §3 B4)."),
      ridgeExponent,
      P::makeChoice("component", "", "error component", {"total", "bias", "variance", "collapse"}, {"total error", "bias", "variance", "collapse term"}, "total", "Which part of the test error to report: the total, or its bias, variance or model-collapse term "
             "(E = Bias + Var + n·σ₀²·ρ)."),
  };
  info.x = {"generation", "synthetic generations n (0 = clean data)"};
  info.metric = {"testError", "test error E (ŵ − w*)ᵀΣ(ŵ − w*)"};
  info.naturalSeries = "";
  const std::string paper = "Dohmatob, Feng & Kempe 2024, Model Collapse Demystified";
  using S = std::string;
  info.presets = {
      {"linear-growth", "Error grows linearly in the generations",
       "Each generation of synthetic data adds the same amount n·σ₀²d/(T₀−d−1) to the downstream test error: it grows "
       "linearly in n above the clean level, whatever the downstream sample size.",
       paper + ", Theorem (OLS)", "https://arxiv.org/abs/2402.07712", {}, "", ""},
      {"ridge-u-shapes", "Error against ridge λ, one curve per n (Fig. 1a)",
       "Error against λ is U-shaped and its minimiser moves to larger λ as generations accumulate: the "
       "regularisation must adapt to the amount of synthetic data.",
       paper + ", Fig. 1a", "https://arxiv.org/abs/2402.07712", {{"dim", 100.0}, {"samples", 400.0}, {"generatorSamples", 300.0}, {"trials", 200.0}},
       "ridge=0.001:100:log:21", "generations=0,1,5,10,20"},
      {"scaling-law", "Scaling law with adaptive λ = T⁻ˡ (Fig. 1b)",
       "With a power-law spectrum and λ = T⁻ˡ, clean data follow a fast scaling law in T, while synthetic "
       "generations make the error cross over to a slower rate and eventually grow with T.",
       paper + ", Fig. 1b", "https://arxiv.org/abs/2402.07712",
       {{"dim", 100.0}, {"spectrum", S("power")}, {"decay", 2.0}, {"generatorSamples", 200.0}, {"ridgeRule", S("power")},
        {"ridgeExponent", 1.0}, {"trials", 100.0}},
       "samples=30:30000:log:13", "generations=0,1,10"},
      {"tuned-ridge", "Tuned λ stops the linear growth",
       "With λ re-tuned for each number of generations the error saturates below the null predictor's ‖w*‖², "
       "whereas with a fixed small λ it grows linearly.",
       paper + ", Section 4", "https://arxiv.org/abs/2402.07712", {{"dim", 100.0}, {"samples", 400.0}, {"generatorSamples", 300.0}, {"trials", 200.0}},
       "generations=0:30:lin:16", "ridgeRule=fixed,optimal"},
      {"overparameterised", "Over-parameterised generators collapse exponentially",
       "Generators fitted on fewer samples than dimensions lose signal exponentially fast, even without label "
       "noise: the error approaches ‖w*‖² as 1 − (T₀/d)ⁿ.",
       paper + ", abstract", "https://arxiv.org/abs/2402.07712", {{"dim", 100.0}, {"generatorSamples", 50.0}, {"samples", 300.0}, {"generations", 10.0}},
       "", "generatorNoise=0,0.5"},
      {"breakdown", "Bias, variance and the collapse term",
       "Only the model-collapse term grows with the generations; the downstream model's bias and variance stay at "
       "their clean-data levels.",
       paper + ", Theorem (ridge)", "https://arxiv.org/abs/2402.07712", {{"ridge", 0.3}}, "", "component=total,bias,variance,collapse"},
  };
  return info;
}

bool overparameterisedGenerators(const Config& c) { return c.number("generatorSamples") < c.number("dim"); }

}  // namespace

const ExperimentInfo& SyntheticChain::info() const {
  static const ExperimentInfo info = syntheticChainInfo();
  return info;
}

theory::ChainSetting SyntheticChain::theorySetting(const Config& c, double generations) {
  const int d = c.integer("dim");
  const Eigen::VectorXd truth = makeGroundTruth(d, c.number("signal"));
  return {makeSpectrum(c.choice("spectrum"), d, c.number("decay")),
          truth.array().square(),
          c.number("ridge"),
          c.number("samples"),
          c.number("noise"),
          c.number("generatorSamples"),
          c.number("generatorNoise"),
          generations};
}

double SyntheticChain::effectiveRidge(const Config& c) {
  const std::string& rule = c.choice("ridgeRule");
  if (rule == "power") return math::pow(c.number("samples"), -c.number("ridgeExponent"));
  if (rule == "optimal" && c.number("generatorSamples") >= c.number("dim") + 2)
    return theory::optimalRidge(theorySetting(c, c.number("generations")));
  return c.number("ridge");
}

Config SyntheticChain::resolve(const Config& config) const {
  Config resolved = config;
  resolved.set("ridge", effectiveRidge(config));
  resolved.set("ridgeRule", std::string("fixed"));
  return resolved;
}

std::vector<Issue> SyntheticChain::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double d = c.number("dim"), t = c.number("samples"), t0 = c.number("generatorSamples");
  // Peak memory: the eigendecomposition (4 d×d), the rows when T < d or T₀ < d, and one d-vector per generation.
  const double bytes = 8.0 * (4.0 * d * d + (t < d ? t * d : 0.0) + (t0 < d ? 2.0 * t0 * d : 0.0) +
                              (c.number("generations") + 1.0) * d);
  if (bytes > 1024.0 * 1024.0 * 1024.0)
    issues.push_back({"dim", formatNumber(d),
                      "dim = " + formatNumber(d) + " with samples = " + formatNumber(t) + " needs about " +
                          formatNumber(std::round(bytes / 1048576.0)) + " MiB per trial; the limit is 1024 MiB."});
  if (c.choice("ridgeRule") == "optimal" && t0 < d + 2)
    issues.push_back({"ridgeRule", "optimal",
                      "ridgeRule = optimal needs the ridge theory, which needs generatorSamples ≥ dim + 2 (now " + formatNumber(t0) +
                          " < " + formatNumber(d + 2) + "). Use ridgeRule = fixed or power."});
  return issues;
}

std::vector<std::string> SyntheticChain::notes(const Config& c) const {
  const double d = c.number("dim"), t = c.number("samples"), t0 = c.number("generatorSamples");
  const double lambda = c.number("ridge");
  if (overparameterisedGenerators(c)) {
    if (d < t0 + 2) return {"generatorSamples = " + formatNumber(t0) + " is within 1 of dim = " + formatNumber(d) + ": the generators' error has no finite mean; theory not drawn."};
    if (c.choice("spectrum") != "isotropic" || lambda != 0.0 || t < d + 2)
      return {"Over-parameterised generators (generatorSamples < dim) have a closed form only for an isotropic "
              "spectrum and a least-squares downstream model with samples ≥ dim + 2 (docs/theory/recursive-regression.md §3 B5); theory not drawn."};
    return {};
  }
  if (t0 < d + 2)
    return {"generatorSamples = " + formatNumber(t0) + ": the theory needs generatorSamples ≥ dim + 2 = " + formatNumber(d + 2) +
            " (the generators' error has no finite mean below); theory not drawn."};
  if (lambda == 0.0 && std::fabs(t - d) <= 1.0)
    return {"samples = " + formatNumber(t) + " is within 1 of dim = " + formatNumber(d) + ": least squares has no finite mean error there; theory not drawn."};
  if (lambda > 0.0 || t < d)
    return {"Theory: the deterministic equivalent of Dohmatob, Feng & Kempe (docs/theory/recursive-regression.md §3 B3), exact as d → ∞ "
            "with d/T fixed; expect O(1/d) differences at small d."};
  return {};
}

std::vector<double> SyntheticChain::naturalX(const Config& c) const {
  return generationAxis(0, c.integer("generations"));
}

std::optional<std::vector<double>> SyntheticChain::theory(const Config& c) const {
  const double d = c.number("dim"), t = c.number("samples"), t0 = c.number("generatorSamples");
  const std::string& component = c.choice("component");
  const bool overparameterised = overparameterisedGenerators(c);
  const auto notesNow = notes(c);
  if (!notesNow.empty() && notesNow.front().rfind("Theory:", 0) != 0) return std::nullopt;
  std::vector<double> curve;
  for (int n = 0; n <= c.integer("generations"); ++n) {
    theory::ChainError e;
    if (overparameterised) {
      // B5 with an OLS downstream model: the cross terms vanish, so the errors add.
      const double signal = c.number("signal");
      e = {0.0, c.number("noise") * c.number("noise") * d / (t - d - 1.0),
           theory::overparameterisedGeneratorError(d, t0, c.number("generatorNoise"), signal * signal, n)};
    } else {
      e = theory::chainError(theorySetting(c, n));
    }
    const double value = component == "bias" ? e.bias : component == "variance" ? e.variance
                       : component == "collapse" ? e.collapse : e.total();
    curve.push_back(value);
  }
  return curve;
}

std::vector<ReferencePoint> SyntheticChain::referencePoints(const Config& c, const std::string& xKey) const {
  if (xKey != "ridge" || c.choice("component") != "total" || overparameterisedGenerators(c) ||
      c.number("generatorSamples") < c.number("dim") + 2)
    return {};
  auto setting = theorySetting(c, c.number("generations"));
  setting.lambda = theory::optimalRidge(setting);
  return {{"optimal λ", setting.lambda, theory::chainError(setting).total()}};
}

}  // namespace collapse
