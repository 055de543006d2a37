#include "collapse/experiments/recursive_regression.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/theory/replace_accumulate.hpp"

namespace collapse {

namespace {

constexpr double kWorkingSetBudgetBytes = 1024.0 * 1024.0 * 1024.0;  // 1 GiB per trial

ExperimentInfo recursiveRegressionInfo() {
  namespace P = parameters;
  const Parameter generations =
      P::makeNumber(ParameterType::Integer, "generations", "n", "generations", "", 20, 1, 1000, false,
                    "Number of successive fits; generation 1 is the fit on real data (Gerstgrasser et al.).");

  // Kazdan et al.'s code (fit_linear_regressions.py) draws w* ~ N(0, I_d), so ‖w*‖² ≈ d, and takes a noise
  // variance sigma_squared; here ‖w*‖ = signal and noise is a standard deviation (docs/theory/recursive-regression.md §1.1).
  Parameter noise = P::noise();
  noise.description += " A standard deviation, not a variance: Kazdan et al.'s sigma_squared corresponds to "
                       "noise = √sigma_squared (docs/theory/recursive-regression.md §1.1).";
  Parameter signal = P::signal();
  signal.description += " Kazdan et al.'s code draws w* ~ N(0, I_d) (‖w*‖² ≈ d): their minimum-norm numbers (samples < dim) "
                        "need signal = √dim; with samples ≥ dim + 2 the OLS error does not depend on w*.";

  ExperimentInfo info;
  info.key = "recursive-regression";
  info.title = "Recursive regression: replace, accumulate, accumulate-subsample";
  info.source =
      "Gerstgrasser et al. 2024, Is Model Collapse Inevitable? (arXiv 2404.01413); "
      "Kazdan et al. 2025, Collapse or Thrive? (arXiv 2410.16713)";
  info.summary =
      "Each generation fits a linear model to labels made by the previous generation's model. Replacing the data "
      "makes the error grow linearly in the number of generations; accumulating it keeps the error below "
      "π²/6 times the error of the first fit. Conventions: ‖w*‖ = signal (default 1) and noise is a standard "
      "deviation; Kazdan et al.'s code uses w* ~ N(0, I_d) and a noise variance, so reproduce it with "
      "--design fixed --signal √d --noise √sigma_squared.";
  info.parameters = {
      P::seed(),
      P::trials(),
      P::dim(),
      P::samples(),
      noise,
      generations,
      P::ridge(),
      P::makeChoice("design", "X", "input design", {"fixed", "fresh"}, {"fixed design (relabelled)", "fresh inputs"}, "fixed", "fixed: one set of T inputs relabelled every generation (Gerstgrasser et al.); "
                      "fresh: new inputs for every generation."),
      P::makeChoice("workflow", "", "data workflow", {"replace", "accumulate", "accumulate-subsample"}, {"Replace", "Accumulate", "Accumulate-subsample"}, "replace", "replace: fit on the newest data only; accumulate: on all data so far; accumulate-subsample: "
                      "on T points drawn without replacement from all data so far (Kazdan et al.)."),
      P::spectrum(),
      P::decay(),
      signal,
      P::makeChoice("sampler", "", "sampler", {"auto", "sufficient", "explicit"}, {"automatic", "sufficient statistics", "explicit rows"}, "auto", "How designs are drawn: XᵀX by the Bartlett decomposition (exact when T ≥ d and no "
                      "subsampling), or explicit rows. auto picks the sufficient statistics whenever they are exact."),
  };
  info.x = {"generation", "model-fitting iteration n (1 = fit on real data)"};
  info.metric = {"testError", "test error E (ŵ − w*)ᵀΣ(ŵ − w*)"};
  info.naturalSeries = "workflow";
  const std::string gerstgrasser = "Gerstgrasser et al. 2024, Is Model Collapse Inevitable?";
  const std::string kazdan = "Kazdan et al. 2025, Collapse or Thrive?";
  info.presets = {
      {"replace-vs-accumulate", "Replace vs accumulate",
       "Replacing data with each generation's synthetic data makes the test error grow linearly without bound, while "
       "accumulating it keeps the error below π²/6 times that of the first fit.",
       gerstgrasser, "https://arxiv.org/abs/2404.01413", {}, "", "workflow=replace,accumulate"},
      {"fixed-compute", "Fixed compute: accumulate-subsample",
       "Training every generation on a fixed-size subsample of all accumulated data (the compute of replace) still "
       "avoids the unbounded growth of replace, ending between replace and accumulate.",
       kazdan, "https://arxiv.org/abs/2410.16713", {{"generations", 50.0}}, "", "workflow=replace,accumulate,accumulate-subsample"},
      {"fresh-vs-fixed", "Fresh inputs vs fixed design",
       "Under replace, fresh inputs each generation give the same expected error n·σ²d/(T−d−1) as relabelling one "
       "fixed design: the error comes from the labels, not from reused inputs.",
       gerstgrasser, "https://arxiv.org/abs/2404.01413", {{"workflow", std::string("replace")}}, "", "design=fixed,fresh"},
      {"ridge-sweep", "Regularisation: error against ridge λ",
       "A moderate ridge penalty slows recursive collapse, most for late generations, while a large one sends every "
       "generation to the null predictor's error ‖w*‖².",
       gerstgrasser, "https://arxiv.org/abs/2404.01413", {{"workflow", std::string("replace")}}, "ridge=0.001:10:log:15", "generations=1,5,10"},
  };
  return info;
}

}  // namespace

const ExperimentInfo& RecursiveRegression::info() const {
  static const ExperimentInfo info = recursiveRegressionInfo();
  return info;
}

bool RecursiveRegression::sufficientStatisticsApply(const Config& config) {
  return config.choice("workflow") != "accumulate-subsample" && config.number("samples") >= config.number("dim");
}

RecursiveRegressionSettings RecursiveRegressionSettings::from(const Config& config) {
  RecursiveRegressionSettings s;
  s.dim = config.integer("dim");
  s.samples = config.integer("samples");
  s.generations = config.integer("generations");
  s.noise = config.number("noise");
  s.ridge = config.number("ridge");
  s.fixedDesign = config.choice("design") == "fixed";
  s.workflow = config.choice("workflow");
  s.spectrum = makeSpectrum(config.choice("spectrum"), s.dim, config.number("decay"));
  s.groundTruth = makeGroundTruth(s.dim, config.number("signal"));
  const std::string& sampler = config.choice("sampler");
  s.sufficientStatistics =
      sampler == "sufficient" || (sampler == "auto" && RecursiveRegression::sufficientStatisticsApply(config));
  return s;
}

double RecursiveRegression::workingSetBytes(const Config& config) {
  const double d = config.number("dim"), t = config.number("samples"), n = config.number("generations");
  const double matrices = 8.0 * d * d * 6.0;  // Bartlett factor, Gram sums, factorisations
  const auto settings = RecursiveRegressionSettings::from(config);
  if (settings.sufficientStatistics) return matrices;
  const double design = 8.0 * t * d * 3.0;  // rows, their decomposition, a subsample
  if (config.choice("workflow") != "accumulate-subsample") return matrices + design;
  // Subsampling keeps every block: labels only for a fixed design, rows and labels for fresh inputs.
  const double pool = settings.fixedDesign ? 8.0 * n * t + 4.0 * n * t : 8.0 * n * t * (d + 1) + 4.0 * n * t;
  return matrices + design + pool;
}

std::vector<Issue> RecursiveRegression::checkCombination(const Config& config) const {
  std::vector<Issue> issues;
  if (config.choice("sampler") == "sufficient" && !sufficientStatisticsApply(config)) {
    const std::string why = config.choice("workflow") == "accumulate-subsample"
                                ? "workflow = accumulate-subsample needs the rows themselves"
                                : "it needs samples ≥ dim, but samples = " + formatNumber(config.number("samples")) +
                                      " < dim = " + formatNumber(config.number("dim"));
    issues.push_back({"sampler", "sufficient",
                      "sampler = sufficient is not exact here: " + why +
                          ". Use sampler = auto (sufficient statistics wherever exact) or explicit."});
  }
  const double bytes = workingSetBytes(config);
  if (bytes > kWorkingSetBudgetBytes) {
    issues.push_back({"samples", formatNumber(config.number("samples")),
                      "dim = " + formatNumber(config.number("dim")) + ", samples = " + formatNumber(config.number("samples")) +
                          " and generations = " + formatNumber(config.number("generations")) + " need about " +
                          formatNumber(std::round(bytes / 1048576.0)) +
                          " MiB per trial; the limit is 1024 MiB. Reduce samples, dim or generations."});
  }
  return issues;
}

std::vector<std::string> RecursiveRegression::notes(const Config& config) const {
  const std::string& workflow = config.choice("workflow");
  const double d = config.number("dim"), t = config.number("samples");
  if (workflow == "accumulate-subsample")
    return {"Accumulate-subsample has no closed form (Kazdan et al.): simulation only."};
  if (config.number("ridge") != 0.0)
    return {"ridge = " + formatNumber(config.number("ridge")) +
            ": recursive ridge fits (ridge > 0) have no closed form, so this curve is simulation only (the theory exists for "
            "OLS, ridge = 0)."};
  if (t < d + 2)
    return {"samples = " + formatNumber(t) + ": the OLS theory needs samples ≥ dim + 2 = " + formatNumber(d + 2) +
            " (below that its moments are infinite); theory not drawn."};
  if (workflow == "accumulate" && config.choice("design") == "fresh")
    return {"Accumulate with fresh inputs has no closed form (docs/theory/recursive-regression.md §5); theory not drawn."};
  return {};
}

std::vector<double> RecursiveRegression::naturalX(const Config& config) const {
  return generationAxis(1, config.integer("generations"));
}

namespace {

std::vector<double> simulateRecursiveRegression(const RecursiveRegressionSettings& settings, Rng& rng) {
  return settings.sufficientStatistics ? simulateRecursiveRegressionSufficient(settings, rng)
                                       : simulateRecursiveRegressionExplicit(settings, rng);
}

}  // namespace

std::vector<double> RecursiveRegression::simulateTrial(const Config& config, Rng& rng) const {
  return simulateRecursiveRegression(RecursiveRegressionSettings::from(config), rng);
}

void RecursiveRegression::simulateTrialBlock(const std::vector<std::vector<Config>>& points, bool sweptX,
                                             std::size_t pointsPerSeries, std::uint64_t seed, std::uint64_t firstTrial,
                                             std::size_t trials, std::size_t valuesPerTrial, double* out) const {
  simulatePreparedBlock(points, sweptX, pointsPerSeries, seed, firstTrial, trials, valuesPerTrial, out,
                        RecursiveRegressionSettings::from, simulateRecursiveRegression);
}

std::optional<std::vector<double>> RecursiveRegression::theory(const Config& config) const {
  if (!notes(config).empty()) return std::nullopt;  // every case without a closed form carries a note
  const int d = config.integer("dim"), t = config.integer("samples"), n = config.integer("generations");
  const double sigma = config.number("noise");
  if (config.choice("workflow") == "replace") return theory::replaceOls(d, t, sigma, n);
  return theory::accumulateOls(d, t, sigma, n);
}

std::vector<ReferenceLine> RecursiveRegression::referenceLines(const Config& config, const std::string& xKey) const {
  // The bound depends on d, T and σ: it is a horizontal line only on the generation axis.
  if (xKey != "generation" || config.choice("workflow") != "accumulate" || !theory(config)) return {};
  return {{"π²/6 bound", theory::accumulateBound(config.integer("dim"), config.integer("samples"),
                                                  config.number("noise"))}};
}

}  // namespace collapse
