// "real-vs-synthetic" (Kazdan et al. 2025's cardinality-vs-proportion grid, linear analogue): the exact OLS mixture
// theory (docs/theory/real-vs-synthetic.md §2) against the simulator's own Monte Carlo, 4 SE and no allowance
// (the formula is exact for λ = 0); the λ > 0 deterministic equivalent with a measured allowance; nested pools; the
// finding itself (synthetic data help scarce real data and hurt plentiful real data).
#include <catch2/catch.hpp>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/catalogue/catalogue.hpp"
#include "collapse/experiments/real_vs_synthetic.hpp"
#include "collapse/theory/real_vs_synthetic_theory.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;

namespace {
testing::ExperimentRun run(const json& config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("real-vs-synthetic", config, x, series);
}
}  // namespace

TEST_CASE("real-vs-synthetic: exact OLS mixture theory against Monte Carlo on a grid", "[real-vs-synthetic]") {
  // Cells with n = n_real + n_synth ≥ d + 6, where the OLS error has a finite variance (n > d + 3).
  for (const char* spectrum : {"isotropic", "power"}) {
    INFO(spectrum);
    const auto r = run({{"dim", 10}, {"generatorSamples", 30}, {"noise", 1.0}, {"spectrum", spectrum}, {"decay", 1.0}, {"trials", 3000}},
                       "syntheticSamples=10,40,120", "realSamples=6,20,60");
    REQUIRE(r.result.series.size() == 3);
    for (const auto& series : r.result.series) checkAgainstTheory(series, 0.0);
  }
}

TEST_CASE("real-vs-synthetic: the synthetic factor's limits", "[real-vs-synthetic]") {
  const double d = 10;
  // No synthetic rows: no synthetic term. Only synthetic rows: the fit reproduces the generator, term = c².
  CHECK(theory::olsMixtureSyntheticFactor(d, 50, 0) == Approx(0.0).margin(1e-12));
  CHECK(theory::olsMixtureSyntheticFactor(d, 0, 50) == Approx(d));
  // Against the deterministic equivalent p₂²d + p₁p₂·d·d/(n − d − 1): equal to leading order at large n.
  const double n = 4000, ns = 1000, p2 = ns / n;
  CHECK(theory::olsMixtureSyntheticFactor(d, n - ns, ns) == Approx(p2 * p2 * d + (1 - p2) * p2 * d * d / (n - d - 1)).epsilon(2e-3));
  CHECK(theory::olsGeneratorQuality(d, 30, 2.0) == Approx(4.0 * 10 / 19));
}

TEST_CASE("real-vs-synthetic: ridge λ > 0, deterministic equivalent within its finite-size allowance", "[real-vs-synthetic]") {
  // Allowance 2/d relative. Convergence study (λ = 0.1, T₀ = 2d, n_real ∈ {d/2, 2d}, n_synth ∈ {0, d, 4d}, 4000 trials,
  // seed 7): largest |MC − theory| 2.5 % at d = 20, 1.2 % at d = 40, 1.1 % at d = 80; the real-only cell n = d/2 has
  // +1.0 ± 0.4 % at d = 40 and −0.0 ± 0.2 % at d = 160 (docs/theory/real-vs-synthetic.md §3).
  const int d = 40;
  const auto r = run({{"dim", d}, {"generatorSamples", 80}, {"ridge", 0.1}, {"trials", 1500}},
                     "syntheticSamples=0,40,160", "realSamples=20,80");
  for (const auto& series : r.result.series) checkAgainstTheory(series, 2.0 / d);
}

TEST_CASE("real-vs-synthetic: Kazdan et al.'s finding, in Monte Carlo and theory", "[real-vs-synthetic]") {
  const auto r = run({{"dim", 20}, {"generatorSamples", 40}, {"trials", 2000}}, "syntheticSamples=0,100,3200", "realSamples=25,400");
  const auto& scarce = r.result.series[0];
  const auto& plentiful = r.result.series[1];
  // 25 real samples: 100 synthetic ones lower the error (real-only σ²d/(n−d−1) = 5), far more of them raise it again.
  CHECK(scarce.mean[1] + 4 * scarce.sem[1] < scarce.mean[0] - 4 * scarce.sem[0]);
  CHECK(scarce.mean[1] + 4 * scarce.sem[1] < scarce.mean[2] - 4 * scarce.sem[2]);
  // 400 real samples: any synthetic data raise it.
  CHECK(plentiful.mean[0] + 4 * plentiful.sem[0] < plentiful.mean[1] - 4 * plentiful.sem[1]);
  CHECK(plentiful.mean[1] + 4 * plentiful.sem[1] < plentiful.mean[2] - 4 * plentiful.sem[2]);
  // Towards the generator's own error c² as synthetic rows dominate (reference line).
  REQUIRE(!plentiful.references.empty());
  CHECK(plentiful.references[0].value == Approx(20.0 / 19.0));
}

TEST_CASE("real-vs-synthetic: a grid shares one generator and nested pools; single points have the same law", "[real-vs-synthetic]") {
  // The grid path (shared pools, Wishart increments) and the per-point path (one block per pool) agree in law.
  const json config = {{"dim", 8}, {"generatorSamples", 20}, {"realSamples", 30}, {"syntheticSamples", 30}, {"trials", 3000}};
  const auto single = run(config);
  const auto grid = run(config, "syntheticSamples=5,30", "realSamples=3,30");
  const auto& cell = grid.result.series[1];
  CHECK(testing::agree({single.result.series[0].mean[0], single.result.series[0].sem[0]}, {cell.mean[1], cell.sem[1]}));
  // The same trial seed gives the same generator in every cell: with n_real = 0 and many synthetic rows, cells of
  // the grid are fits to the same ŵ₀ (their errors are correlated, not independent): checked through determinism.
  const auto again = run(config, "syntheticSamples=5,30", "realSamples=3,30");
  CHECK(again.result.series[1].mean == cell.mean);
  // Few rows (n < d): the minimum-norm fit, finite error; no theory there.
  CHECK(std::isfinite(grid.result.series[0].mean[0]));
  REQUIRE(grid.result.series[0].theory);
  CHECK(std::isnan((*grid.result.series[0].theory)[0]));
}

TEST_CASE("real-vs-synthetic: bad input names the parameter and its range", "[real-vs-synthetic]") {
  try {
    run({{"realSamples", -1}});
    FAIL("expected a ValidationError");
  } catch (const ValidationError& error) {
    REQUIRE(!error.issues().empty());
    CHECK(error.issues()[0].parameter == "realSamples");
  }
  const auto r = run({{"generatorSamples", 15}, {"trials", 10}});
  CHECK(!r.result.series[0].theory);
  REQUIRE(!r.result.notes.empty());
  CHECK(r.result.notes[0].find("generatorSamples = 15") != std::string::npos);
}
