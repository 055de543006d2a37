// Catalogue entry, validation, notes and theory of "real-vs-synthetic" (simulation in real_vs_synthetic_simulation.cpp).
#include "collapse/experiments/real_vs_synthetic.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/linalg/spectrum.hpp"
#include "collapse/theory/real_vs_synthetic_theory.hpp"
#include "collapse/theory/strong_collapse_theory.hpp"

namespace collapse {

namespace {

ExperimentInfo realVsSyntheticInfo() {
  namespace P = parameters;
  ExperimentInfo info;
  info.key = "real-vs-synthetic";
  info.title = "Real vs synthetic data: cardinality or proportion";
  info.source = "Kazdan et al. 2025, Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World "
                "(ICML 2025, arXiv 2410.16713); mixture theory after Dohmatob et al. 2025, Strong Model Collapse (arXiv 2410.04840)";
  info.summary =
      "A generator is fitted on real data; a fresh model is trained on n_real real and n_synth synthetic samples from it, "
      "for every cell of a grid, and tested on real data. With few real samples some synthetic data help; with many, "
      "synthetic data only hurt: their value depends on the amount of real data, not only on its proportion.";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 200),
      P::withDefault(P::dim(), 20),
      P::makeNumber(ParameterType::Integer, "generatorSamples", "T₀", "generator's real samples", "", 40, 1, 100000, true,
                    "Real samples the generator is fitted on by least squares (minimum norm when T₀ < d); its error c² = "
                    "σ²d/(T₀ − d − 1) comes from this fit."),
      P::makeNumber(ParameterType::Integer, "realSamples", "n_real", "real samples", "", 50, 0, 100000, false,
                    "Real training samples of the downstream model: the first n_real of one pool per trial (nested across a grid)."),
      P::makeNumber(ParameterType::Integer, "syntheticSamples", "n_synth", "synthetic samples", "", 100, 0, 100000, false,
                    "Synthetic training samples (fresh inputs labelled by the generator plus noise σ): the first n_synth of one pool per trial."),
      P::noise(),
      P::ridge(),
      P::spectrum(),
      P::decay(),
      P::signal(),
  };
  info.x = {"syntheticSamples", "synthetic samples n_synth"};
  info.metric = {"testError", "test error E (ŵ − w*)ᵀΣ(ŵ − w*)"};
  info.naturalSeries = "";
  const std::string paper = "Kazdan et al. 2025, Collapse or Thrive?";
  const std::string url = "https://arxiv.org/abs/2410.16713";
  info.presets = {
      {"cardinality-vs-proportion", "Cardinality vs proportion of real data (Kazdan et al.)",
       "On a grid of real and synthetic sample counts, synthetic data lower the error when real data are scarce and "
       "raise it when real data are plentiful: the same real proportion helps or hurts depending on the real count.",
       paper + ", proportion_of_data_experiment (linear analogue)", url, {{"trials", 100.0}},
       "syntheticSamples=0,25,50,100,200,400,800,1600", "realSamples=0,25,50,100,200,400,800"},
      {"scarce-vs-plentiful", "Synthetic data help scarce real data, hurt plentiful",
       "Against the number of synthetic samples, the error of a model with 25 real samples first falls (a U), while "
       "with 400 real samples it only rises, towards the generator's own error c².",
       paper + ", proportion_of_data_experiment (linear analogue)", url, {{"trials", 200.0}},
       "syntheticSamples=10:3200:log:11", "realSamples=25,100,400"},
  };
  return info;
}

}  // namespace

const ExperimentInfo& RealVsSynthetic::info() const {
  static const ExperimentInfo info = realVsSyntheticInfo();
  return info;
}

double RealVsSynthetic::generatorQuality(const Config& c) {
  const double d = c.number("dim"), t0 = c.number("generatorSamples");
  if (t0 < d + 2.0) return -1.0;
  return theory::olsGeneratorQuality(d, t0, c.number("noise"));
}

std::vector<Issue> RealVsSynthetic::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double d = c.number("dim");
  // Peak memory: the two pools and the generator's rows (d + 1 numbers each), and a few d×d matrices per cell.
  const double rows = c.number("generatorSamples") + c.number("realSamples") + c.number("syntheticSamples");
  const double bytes = 8.0 * (rows * (d + 1.0) + 6.0 * d * d);
  if (bytes > 512.0 * 1024.0 * 1024.0)
    issues.push_back({"dim", formatNumber(d),
                      "dim = " + formatNumber(d) + " with " + formatNumber(rows) + " samples in all needs about " +
                          formatNumber(std::round(bytes / 1048576.0)) + " MiB per trial; the limit is 512 MiB."});
  return issues;
}

std::vector<std::string> RealVsSynthetic::notes(const Config& c) const {
  const double d = c.number("dim"), t0 = c.number("generatorSamples");
  const double n = c.number("realSamples") + c.number("syntheticSamples");
  if (t0 < d + 2.0)
    return {"generatorSamples = " + formatNumber(t0) + " < dim + 2 = " + formatNumber(d + 2) +
            ": the generator's error has no finite mean; theory not drawn."};
  if (c.number("ridge") == 0.0) {
    if (n < d + 2.0)
      return {"n_real + n_synth = " + formatNumber(n) + " < dim + 2 = " + formatNumber(d + 2) +
              ": least squares has no finite mean error there; theory not drawn at such cells."};
    return {};
  }
  if (n < 1.0) return {"n_real + n_synth = 0: no training data; theory not drawn."};
  return {"Theory: for λ > 0 the deterministic equivalent of the mixture (Dohmatob et al. 2025, Theorem 1), exact as "
          "d → ∞; expect O(1/d) differences at small d (exact for λ = 0)."};
}

std::vector<double> RealVsSynthetic::naturalX(const Config& c) const { return {c.number("syntheticSamples")}; }

std::optional<std::vector<double>> RealVsSynthetic::theory(const Config& c) const {
  const double d = c.number("dim"), nReal = c.number("realSamples"), nSynthetic = c.number("syntheticSamples");
  const double n = nReal + nSynthetic, quality = generatorQuality(c), sigma = c.number("noise"), lambda = c.number("ridge");
  if (quality < 0.0) return std::nullopt;
  if (lambda == 0.0) {
    if (n < d + 2.0) return std::nullopt;
    return std::vector<double>{theory::olsMixtureError(d, nReal, nSynthetic, sigma, quality)};
  }
  if (n < 1.0) return std::nullopt;
  const int dim = c.integer("dim");
  const Eigen::VectorXd truth = makeGroundTruth(dim, c.number("signal"));
  theory::MixtureSetting setting{makeSpectrum(c.choice("spectrum"), dim, c.number("decay")), truth.array().square(),
                                 n, nSynthetic / n, quality, sigma, lambda};
  return std::vector<double>{theory::classicalMixtureError(setting).total()};
}

std::vector<ReferenceLine> RealVsSynthetic::referenceLines(const Config& c, const std::string& xKey) const {
  // Against the synthetic count, the error tends to the generator's own c² (the downstream model learns ŵ₀).
  const double quality = generatorQuality(c);
  if (xKey != "syntheticSamples" || quality < 0.0) return {};
  return {{"generator's error c²", quality}};
}

}  // namespace collapse
