// Catalogue entry, validation, notes and theory of "kernel-chain" (simulation in kernel_chain_simulation.cpp).
#include "collapse/experiments/kernel_parameters.hpp"
#include "collapse/experiments/kernel_chain.hpp"

#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/data/mnist_digits.hpp"
#include "collapse/experiments/kernel_chain_design.hpp"
#include "collapse/theory/kernel_chain_theory.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse {

namespace {


ExperimentInfo kernelChainInfo() {
  namespace P = parameters;
  namespace K = kernel_parameters;
  Parameter ridge = P::ridge();
  ridge.defaultNumber = 1e-3;
  ridge.min = 1e-9;
  ridge.max = 1e3;
  ridge.description = "Ridge λ of the downstream kernel model, f = k(x, X)(K + TλI)⁻¹y (T training digits); λ > 0.";
  Parameter generatorRidge = P::ridge();
  generatorRidge.key = "generatorRidge";
  generatorRidge.symbol = "λ₀";
  generatorRidge.label = "generators' ridge";
  generatorRidge.max = 1e3;
  generatorRidge.description = "Ridge λ₀ of every generator in the chain; 0 interpolates (each generation keeps the previous labels and adds noise).";
  Parameter generatorNoise = P::noise();
  generatorNoise.key = "generatorNoise";
  generatorNoise.symbol = "σ₀";
  generatorNoise.label = "generator label noise";
  generatorNoise.defaultNumber = 0.5;
  generatorNoise.description = "Standard deviation of the noise each generation adds to the previous model's predictions.";

  ExperimentInfo info;
  info.key = "kernel-chain";
  info.title = "Kernel ridge on MNIST: a chain of synthetic labels on real digits";
  info.source = "Dohmatob, Feng & Kempe 2024, Model Collapse Demystified: The Case of Regression (NeurIPS 2024, arXiv 2402.07712), "
                "kernel ridge experiment on MNIST";
  info.summary =
      "Kernel ridge regression on real handwritten digits (MNIST): each generation relabels the training digits with the previous "
      "model's predictions plus noise, and a model fitted on generation n is tested on real held-out digits. The error grows with "
      "n, and the best ridge λ moves with it; with a fixed design an exact trace formula predicts the error.";
  info.datasets = {"mnist-digits"};
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 100),
      K::kernel("The kernel on pixel vectors in [0, 1]⁷⁸⁴."),
      K::bandwidth("Bandwidth h of the RBF kernel; 0 = the median rule (the median distance between two training digits)."),
      K::degree(),
      K::target("What is regressed: the digit's parity as ±1, or the one-hot class vector with the squared error summed over the 10 outputs."),
      P::makeNumber(ParameterType::Integer, "samples", "T/10", "training digits per class", "", 30, 1, data::MnistDigits::kSmallestClass - 1, true,
                    "Training digits per class: the first ones of each class in the package's order (T = 10 × samples)."),
      P::makeNumber(ParameterType::Integer, "testSamples", "N/10", "test digits per class", "", 30, 1, data::MnistDigits::kSmallestClass - 1, true,
                    "Test digits per class: the ones after the training digits of each class (N = 10 × testSamples)."),
      P::makeNumber(ParameterType::Integer, "generations", "n", "generations", "", 10, 0, 200, false,
                    "Synthetic generations before the downstream model; n = 0 trains on the real targets."),
      generatorNoise,
      generatorRidge,
      ridge,
      P::makeChoice("design", "", "design", {"fixed", "fresh"}, {"fixed training digits", "fresh digits each generation"}, "fixed",
                    "fixed: every generation relabels the same training digits (exact theory); fresh: each generation draws new "
                    "training digits (samples per class) from the pool of non-test digits (Monte Carlo only)."),
  };
  info.x = {"generation", "synthetic generations n (0 = real labels)"};
  info.metric = {"testError", "test error (1/N)Σ‖f(x) − y(x)‖² on real test digits"};
  info.naturalSeries = "";
  const std::string paper = "Dohmatob, Feng & Kempe 2024, Model Collapse Demystified";
  const std::string url = "https://arxiv.org/abs/2402.07712";
  info.presets = {
      {"mnist-error-grows", "Kernel ridge on MNIST: error grows with each generation",
       "On real handwritten digits, each generation of synthetic labels adds to the test error of a kernel ridge model, as "
       "the linear theory predicts: with interpolating generators the noise part grows linearly in n.",
       paper + ", kernel ridge on MNIST (appendix)", url, {{"trials", 100.0}}, "", "ridge=0.0001,0.01"},
      {"mnist-best-ridge", "The best λ moves with n, on real data",
       "Error against the ridge λ is U-shaped on real digits too, and its minimiser moves to larger λ as generations of "
       "synthetic labels accumulate (Fig. 1a, now on MNIST).",
       paper + ", Fig. 1a on MNIST", url, {{"trials", 50.0}}, "ridge=0.00001:1:log:11", "generations=0,1,5,20"},
  };
  return info;
}

}  // namespace

const ExperimentInfo& KernelChain::info() const {
  static const ExperimentInfo info = kernelChainInfo();
  return info;
}

std::vector<Issue> KernelChain::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const double samples = c.number("samples"), tests = c.number("testSamples");
  if (samples + tests > data::MnistDigits::kSmallestClass)
    issues.push_back({"testSamples", formatNumber(tests),
                      "samples + testSamples = " + formatNumber(samples + tests) + " is more than the smallest class has (" +
                          std::to_string(data::MnistDigits::kSmallestClass) + " digits of 5); lower samples or testSamples."});
  // Work of one run: the fixed design's eigendecomposition once; a fresh design fits a T×T system per generation.
  const double t = 10.0 * samples, n = 10.0 * tests;
  const double perGeneration = t * t * (784.0 + t) + n * t * 784.0;
  if (c.choice("design") == "fresh" && c.number("trials") * (c.number("generations") + 1.0) * perGeneration > 2e12)
    issues.push_back({"samples", formatNumber(samples),
                      "design = fresh with samples = " + formatNumber(samples) + ", " + formatNumber(c.number("generations")) +
                          " generations and " + formatNumber(c.number("trials")) + " trials needs about " +
                          formatNumber(std::round(c.number("trials") * (c.number("generations") + 1.0) * perGeneration / 1e9)) +
                          " Gflop; the limit is 2000. Lower samples, generations or trials."});
  if (t > 4000.0)
    issues.push_back({"samples", formatNumber(samples),
                      "samples = " + formatNumber(samples) + " gives a " + formatNumber(t) + "×" + formatNumber(t) +
                          " kernel matrix; the limit is 4000 training digits (samples ≤ 400)."});
  return issues;
}

std::vector<std::string> KernelChain::notes(const Config& c) const {
  if (c.choice("design") == "fresh")
    return {"design = fresh: new training digits every generation make the chain non-linear in the design; no closed form, "
            "theory not drawn (Monte Carlo only)."};
  return {"Theory: the exact expected error given the digits (docs/theory/kernel-chain.md §2); the band is over the label noise "
          "only, the digits are the same in every trial."};
}

std::vector<double> KernelChain::naturalX(const Config& c) const { return generationAxis(0, c.integer("generations")); }

std::optional<std::vector<double>> KernelChain::theory(const Config& c) const {
  if (c.choice("design") != "fixed") return std::nullopt;
  const auto design = kernel_chain::fixedDesign(c);
  const Eigen::VectorXd error = theory::kernelChainError(design->chain, c.number("ridge"), c.number("generatorRidge"),
                                                         c.number("generatorNoise"), c.integer("generations"));
  return std::vector<double>(error.data(), error.data() + error.size());
}

std::vector<ReferencePoint> KernelChain::referencePoints(const Config& c, const std::string& xKey) const {
  if (xKey != "ridge" || c.choice("design") != "fixed") return {};
  const auto design = kernel_chain::fixedDesign(c);
  const int n = c.integer("generations");
  auto errorAt = [&](double logLambda) {
    return theory::kernelChainError(design->chain, math::exp(logLambda), c.number("generatorRidge"), c.number("generatorNoise"), n)(n);
  };
  // The theory's minimum over λ ∈ [1e-8, 1e2]: a coarse log grid, then golden-section search around its best point.
  // A minimum at either end (clean labels: the less regularisation the better) is not an optimum: no marker.
  const double lo = math::log(1e-8), hi = math::log(1e2);
  const int grid = 49;
  int best = 0;
  double bestValue = errorAt(lo);
  for (int i = 1; i < grid; ++i) {
    const double value = errorAt(lo + (hi - lo) * i / (grid - 1));
    if (value < bestValue) best = i, bestValue = value;
  }
  if (best == 0 || best == grid - 1) return {};
  const double step = (hi - lo) / (grid - 1);
  double a = lo + step * std::max(best - 1, 0), b = lo + step * std::min(best + 1, grid - 1);
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  for (int iteration = 0; iteration < 40; ++iteration) {
    const double x1 = b - ratio * (b - a), x2 = a + ratio * (b - a);
    if (errorAt(x1) < errorAt(x2)) b = x2;
    else a = x1;
  }
  const double lambda = math::exp((a + b) / 2.0);
  return {{"optimal λ", lambda, errorAt(math::log(lambda))}};
}

}  // namespace collapse
