// Catalogue entry, validation, notes and theory of "gaussian-fitting" (simulation in gaussian_fitting_simulation.cpp).
#include "collapse/experiments/gaussian_fitting.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/theory/gaussian_fitting_theory.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse {

namespace {

ExperimentInfo gaussianFittingInfo() {
  namespace P = parameters;
  Parameter samples = P::withDefault(P::samples(), 20);
  samples.min = 2;
  samples.symbol = "m";
  samples.description = "Samples drawn from the current fit (the real data at generation 1) to make the next fit.";
  const Parameter generations =
      P::makeNumber(ParameterType::Integer, "generations", "t", "generations", "", 100, 1, 1000, false,
                    "Number of fits; generation 1 fits the real data (Kazdan et al.'s model-fitting iteration).");

  ExperimentInfo info;
  info.key = "gaussian-fitting";
  info.title = "Recursive Gaussian fitting: the curse of recursion";
  info.source = "Shumailov et al. 2024, AI models collapse when trained on recursively generated data (Nature 631); "
                "Kazdan et al. 2025, Collapse or Thrive? (arXiv 2410.16713)";
  info.summary =
      "A Gaussian is fitted to samples of the previous generation's Gaussian. Under replace its variance collapses to "
      "zero almost surely and its mean drifts away, even with unbiased estimators whose expected variance never "
      "changes; accumulating the samples keeps the fit near the truth.";
  info.parameters = {
      P::seed(),
      P::trials(),
      [] {
        // The common `dim` speaks of regression inputs; here d is the dimension of the Gaussian itself.
        Parameter dim = P::withDefault(P::dim(), 1);
        dim.label = "data dimension";
        dim.description = "Dimension d of the Gaussian N(0, I_d) that is fitted, sampled and refitted; its mean and covariance are "
                          "estimated from the m samples of each generation (the W₂ closed form is for d = 1).";
        return dim;
      }(),
      samples,
      generations,
      P::makeChoice("workflow", "", "data workflow", {"replace", "accumulate", "accumulate-subsample"}, {"Replace", "Accumulate", "Accumulate-subsample"}, "replace", "replace: fit the newest samples only; accumulate: all samples so far; accumulate-subsample: m samples "
             "drawn without replacement from all so far (Kazdan et al.)."),
      P::makeChoice("estimator", "", "covariance estimator", {"mle", "unbiased"}, {"MLE (÷ m)", "unbiased (÷ (m − 1))"}, "mle", "mle: divide the scatter by m (Kazdan et al.); unbiased: by m − 1 (Shumailov et al.)."),
      P::makeChoice("metric", "", "metric", {"traceRatio", "meanError", "determinantRatio", "logDeterminantRatio", "wasserstein"}, {"variance ratio tr Σ̂/tr Σ", "mean error ‖μ̂ − μ‖²", "determinant ratio det Σ̂/det Σ",
              "log determinant ratio", "squared Wasserstein-2 distance W₂²"}, "traceRatio", "What is measured of each fit against the truth N(0, I). Ratios are heavy-tailed: compare the median."),
      P::makeChoice("sampler", "", "sampler", {"auto", "explicit"}, {"automatic", "explicit samples"}, "auto", "auto: sufficient statistics (mean and Bartlett scatter, exact for every m ≥ 2, singular fits included) except for accumulate-subsample, which needs the samples; explicit: draw every sample."),
  };
  info.x = {"generation", "model-fitting iteration t (1 = fit on real data)"};
  info.metric = {"value", "metric of the fit (see metric)"};
  info.naturalSeries = "workflow";
  const std::string shumailov = "Shumailov et al. 2024, Nature 631", kazdan = "Kazdan et al. 2025, Collapse or Thrive?";
  using S = std::string;
  info.presets = {
      {"curse-of-recursion", "The curse of recursion",
       "With unbiased estimators the expected variance stays at 1 for ever, yet the typical (median) variance decays "
       "to zero: the fitted Gaussian collapses almost surely.",
       shumailov, "https://doi.org/10.1038/s41586-024-07566-y",
       {{"estimator", S("unbiased")}, {"samples", 10.0}, {"generations", 200.0}, {"workflow", S("replace")}}, "", ""},
      {"replace-vs-accumulate", "Replace vs accumulate for a Gaussian",
       "Replacing the data shrinks the fitted variance geometrically, ((m−1)/m)ᵗ; accumulating it keeps the variance "
       "above sin(π/√m)/(π/√m) of the truth.",
       kazdan, "https://arxiv.org/abs/2410.16713", {{"samples", 10.0}}, "", "workflow=replace,accumulate"},
      {"mean-drift", "The mean drifts: replace vs accumulate",
       "Under replace the fitted mean random-walks away from the truth; under accumulate its error stays below "
       "(π²/6)·d/m.",
       kazdan, "https://arxiv.org/abs/2410.16713", {{"metric", S("meanError")}, {"samples", 10.0}, {"estimator", S("unbiased")}},
       "", "workflow=replace,accumulate"},
      {"fixed-compute", "Fixed compute budget (accumulate-subsample)",
       "Fitting m samples drawn from everything so far costs what replace costs, degrades slowly and converges "
       "instead of collapsing.",
       kazdan, "https://arxiv.org/abs/2410.16713", {{"samples", 10.0}, {"generations", 200.0}}, "",
       "workflow=replace,accumulate,accumulate-subsample"},
      {"wasserstein", "Distance to the truth (W₂; derived closed form)",
       "The squared Wasserstein-2 distance to the truth grows without bound under replace (Shumailov et al.). The "
       "drawn theory E W₂² = t/M + 2(1 − cᵗ), c = E√(X/(M−1)) for X ~ χ² with M − 1 degrees of freedom, is derived in docs/theory/generative.md §3 from "
       "the moments of their recursion; it is not a formula of their paper, which states the leading order only.",
       shumailov + " (the W₂ curve: derived, docs/theory/generative.md §3)", "https://doi.org/10.1038/s41586-024-07566-y",
       {{"metric", S("wasserstein")}, {"estimator", S("unbiased")}, {"samples", 10.0}}, "", "workflow=replace,accumulate"},
  };
  return info;
}

theory::Estimator estimatorOf(const Config& c) {
  return c.choice("estimator") == "mle" ? theory::Estimator::Mle : theory::Estimator::Unbiased;
}

/// Why no closed form is drawn, if that is so.
std::optional<std::string> whyNoTheory(const Config& c) {
  const std::string& metric = c.choice("metric");
  const std::string& workflow = c.choice("workflow");
  const double d = c.number("dim"), m = c.number("samples");
  if ((metric == "determinantRatio" || metric == "logDeterminantRatio") && m <= d)
    return "samples = " + formatNumber(m) + " ≤ dim = " + formatNumber(d) + ": every fitted covariance is singular (determinant 0).";
  if (workflow == "accumulate-subsample" && (c.choice("estimator") != "mle" || (metric != "traceRatio" && metric != "meanError")))
    return "Accumulate-subsample has closed forms for the MLE's variance ratio and mean error only (docs/theory/generative.md §2).";
  if (workflow == "accumulate" && metric != "traceRatio" && metric != "meanError")
    return "Accumulate has closed forms for the variance ratio and the mean error only.";
  if (metric == "wasserstein" && d != 1) return "The W₂ closed form is for dim = 1 (docs/theory/generative.md §3).";
  return std::nullopt;
}

}  // namespace

const ExperimentInfo& GaussianFitting::info() const {
  static const ExperimentInfo info = gaussianFittingInfo();
  return info;
}

std::vector<Issue> GaussianFitting::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double d = c.number("dim"), m = c.number("samples"), t = c.number("generations");
  const bool pool = c.choice("workflow") == "accumulate-subsample" || c.choice("sampler") == "explicit";
  const double bytes = 8.0 * (6.0 * d * d + (pool ? t * m * d : m * d));
  if (bytes > 1024.0 * 1024.0 * 1024.0)
    issues.push_back({"samples", formatNumber(m),
                      "dim = " + formatNumber(d) + ", samples = " + formatNumber(m) + " and generations = " + formatNumber(t) + " need about " +
                          formatNumber(std::round(bytes / 1048576.0)) + " MiB per trial; the limit is 1024 MiB."});
  return issues;
}

std::vector<std::string> GaussianFitting::notes(const Config& c) const {
  std::vector<std::string> notes;
  if (auto why = whyNoTheory(c)) notes.push_back(*why);
  const std::string& metric = c.choice("metric");
  if (metric == "wasserstein" && !whyNoTheory(c))
    notes.push_back("The W₂ theory curve is a closed form derived from the moments of the recursion "
                    "(docs/theory/generative.md §3), not a formula stated by Shumailov et al.");
  if (metric == "traceRatio" || metric == "determinantRatio")
    notes.push_back("Ratios of fitted to true spread are products of random factors: heavy-tailed, so the mean sits "
                    "far above the typical run. The median and the 10–90% band show the typical behaviour.");
  else if ((metric == "meanError" || metric == "wasserstein") && c.choice("workflow") != "accumulate")
    notes.push_back("The drift of the mean is driven by the fitted spread, a heavy-tailed product of random factors: "
                    "a few runs carry the mean far above the typical run. The median and the 10–90% band show the "
                    "typical behaviour.");
  return notes;
}

Axis GaussianFitting::metricAxis(const Config& c) const {
  const Parameter& metric = *findParameter("metric");
  return {c.choice("metric"), metric.valueLabel(c.get("metric"))};
}

std::vector<double> GaussianFitting::naturalX(const Config& c) const {
  return generationAxis(1, c.integer("generations"));
}

std::optional<std::vector<double>> GaussianFitting::theory(const Config& c) const {
  if (whyNoTheory(c)) return std::nullopt;
  const int d = c.integer("dim"), m = c.integer("samples"), t = c.integer("generations");
  const std::string& workflow = c.choice("workflow");
  const std::string& metric = c.choice("metric");
  const auto estimator = estimatorOf(c);
  if (workflow == "accumulate-subsample") {
    std::vector<double> mean, trace;
    theory::subsampleMle(d, m, t, mean, trace);
    return metric == "meanError" ? mean : trace;
  }
  if (metric == "traceRatio") return theory::traceRatio(estimator, workflow, d, m, t);
  if (metric == "meanError") return theory::meanError(estimator, workflow, d, m, t);
  if (metric == "determinantRatio") return theory::determinantRatio(estimator, d, m, t);
  if (metric == "logDeterminantRatio") return theory::logDeterminantRatio(estimator, d, m, t);
  return theory::wassersteinReplace(estimator, m, t);
}

std::vector<ReferenceLine> GaussianFitting::referenceLines(const Config& c, const std::string& xKey) const {
  if (xKey != "generation" || c.choice("workflow") != "accumulate") return {};
  const double m = c.number("samples"), pi = 3.14159265358979323846;
  if (c.choice("metric") == "traceRatio" && c.choice("estimator") == "mle")
    return {{"limit sin(π/√m)/(π/√m)", math::sin(pi / std::sqrt(m)) / (pi / std::sqrt(m))}};
  if (c.choice("metric") == "meanError") return {{"π²/6 · d/m bound", pi * pi / 6.0 * c.number("dim") / m}};
  return {};
}

}  // namespace collapse
