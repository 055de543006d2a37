// "strong-collapse" (Dohmatob et al., ICLR 2025): theory against the simulator's own Monte Carlo.
// Tolerances are 4 SE plus a finite-size allowance measured by a convergence study (seed 5, p₂ = 0.2, c² = 2):
//   linear, λ = 0.1, n = 4d: bias gap +2.80 ± 0.47 % (d = 25), +2.00 ± 0.47 % (d = 50), +0.37 ± 0.47 % (d = 100);
//     total within 1 % at every size  →  allowance 1/d relative;
//   random projections, λ = 0.01, d = 2n, m ∈ {n/2, 3n}: total gap +1.9 ± 0.6 % (n = 50), +1.1 ± 0.6 % (n = 100),
//     −0.1 ± 0.6 % (n = 200)  →  allowance 1/n relative.
#include <catch2/catch.hpp>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/theory/strong_collapse_theory.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;
using testing::kZ;

namespace {
/// A run of strong-collapse (config, optional x sweep and series).
testing::ExperimentRun run(const json& config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("strong-collapse", config, x, series);
}
}  // namespace

TEST_CASE("strong-collapse, linear: Theorem 1 (B + V + ζ) against Monte Carlo, by component") {
  const int d = 50;
  for (const char* spectrum : {"isotropic", "power"}) {
    for (double lambda : {0.0, 0.1}) {
      INFO(spectrum << ", λ = " << lambda);
      const auto r = run({{"dim", d}, {"syntheticFraction", 0.2}, {"syntheticQuality", 2.0}, {"ridge", lambda},
                          {"spectrum", spectrum}, {"decay", 1.0}, {"trials", 2000}},
                         "samples=150,600", "component=total,bias,variance,synthetic");
      for (const auto& series : r.result.series) checkAgainstTheory(series, 1.0 / d);
    }
  }
}

TEST_CASE("strong-collapse: the error settles on the floor p₂²c² (and the theory's limit is that floor)") {
  // Sufficient statistics make n = 10⁶ as cheap as n = 10³.
  const auto r = run({{"dim", 20}, {"syntheticFraction", 0.1}, {"syntheticQuality", 3.0}, {"trials", 400}},
                     "samples=1000,1000000");
  const auto& series = r.result.series.front();
  REQUIRE(series.references.size() == 2);
  CHECK(series.references[0].value == Approx(0.01 * 3.0));  // λ = 0: p₂²c²
  CHECK(series.references[1].value == Approx(0.03 / 1.03));  // best λ: p₂²c²r²/(r² + p₂²c²)
  checkAgainstTheory(series, 1.0 / 20);
  CHECK(series.mean[1] == Approx(0.03).epsilon(0.05));
  // The floor is the n → ∞ limit: the nominal p₂ even where round(p₂·n) = 0 at the sweep's first n.
  const auto tiny = run({{"dim", 20}, {"syntheticFraction", 0.001}, {"trials", 2}}, "samples=200,1000");
  CHECK(tiny.result.series.front().references.at(0).value == Approx(1e-6));
  // Tuning λ does not remove it: Theorem 1 at λ* = p₂²c²/r² and huge n equals the best-λ floor.
  theory::MixtureSetting s{Eigen::VectorXd::Ones(20), Eigen::VectorXd::Constant(20, 1.0 / 20), 1e12, 0.1, 3.0, 1.0, 0.03};
  CHECK(theory::classicalMixtureError(s).total() == Approx(theory::bestRidgeFloor(1.0, 0.1, 3.0)).epsilon(1e-6));
  CHECK(theory::classicalFloor(s) == Approx(theory::bestRidgeFloor(1.0, 0.1, 3.0)).epsilon(1e-9));
}

TEST_CASE("strong-collapse: a fixed count of synthetic samples does not stop the scaling law") {
  const auto r = run({{"dim", 20}, {"mixing", "count"}, {"syntheticCount", 50}, {"syntheticQuality", 3.0}, {"trials", 400}},
                     "samples=1000,100000");
  checkAgainstTheory(r.result.series.front(), 1.0 / 20);
  CHECK(r.result.series.front().mean[1] < 0.003 / 3);  // far below the fraction-0.05 floor p₂²c² = 0.0075
}

TEST_CASE("strong-collapse, random projections: Marchenko–Pastur theory against Monte Carlo") {
  const int n = 100;
  const auto r = run({{"model", "random-projection"}, {"dim", 200}, {"samples", n}, {"syntheticFraction", 0.2},
                      {"syntheticQuality", 2.0}, {"noise", 0.5}, {"ridge", 0.01}, {"trials", 600}},
                     "width=30,60,300", "component=total,gap");
  for (const auto& series : r.result.series) checkAgainstTheory(series, 1.0 / n);
}

TEST_CASE("strong-collapse, random projections: the MP form is the average of the conditional-on-S form") {
  const double d = 200;
  theory::MixtureSetting s{Eigen::VectorXd::Ones(200), Eigen::VectorXd::Constant(200, 1.0 / 200), 100, 0.2, 2.0, 0.5, 0.01};
  for (int m : {50, 300}) {
    double average = 0.0;
    const int draws = 16;
    for (int k = 0; k < draws; ++k) {
      Rng rng(99, k);
      NormalSampler normal(rng);
      Eigen::MatrixXd projection(m, 200);
      for (int i = 0; i < m; ++i)
        for (int j = 0; j < 200; ++j) projection(i, j) = normal() / std::sqrt(d);
      average += theory::randomProjectionErrorGivenS(projection, s).total() / draws;
    }
    INFO("m = " << m);
    CHECK(average == Approx(theory::randomProjectionErrorIsotropic(d, m, 1.0, s).total()).epsilon(0.03));
  }
}

TEST_CASE("strong-collapse: the synthetic-data gap peaks at the interpolation threshold m = n") {
  const int n = 60;
  const auto r = run({{"model", "random-projection"}, {"dim", 120}, {"samples", n}, {"syntheticFraction", 0.2},
                      {"syntheticQuality", 4.0}, {"noise", 0.5}, {"ridge", 0.01}, {"component", "gap"}, {"trials", 600}},
                     "width=15,30,60,120,240");
  const auto& series = r.result.series.front();
  const auto peak = std::max_element(series.mean.begin(), series.mean.end()) - series.mean.begin();
  CHECK(r.plan.xValues[peak] == n);
  const auto theoryPeak = std::max_element(series.theory->begin(), series.theory->end()) - series.theory->begin();
  CHECK(r.plan.xValues[theoryPeak] == n);
  // Beyond the threshold the gap shrinks but stays positive.
  CHECK(series.mean[4] < series.mean[2]);
  CHECK(series.mean[4] - kZ * series.sem[4] > 0.0);
}

TEST_CASE("strong-collapse: nested sample sizes have the law of independent draws") {
  // A sweep shares one growing design per trial; single points draw their own. Independent seeds, so the two
  // estimates of each point are independent: they must agree within 4 combined standard errors.
  const auto swept = run({{"dim", 15}, {"syntheticFraction", 0.3}, {"ridge", 0.05}, {"trials", 3000}}, "samples=20,60,200");
  for (std::size_t i = 0; i < 3; ++i) {
    const auto single = run({{"dim", 15}, {"syntheticFraction", 0.3}, {"ridge", 0.05}, {"trials", 3000}, {"seed", 77},
                             {"samples", swept.plan.xValues[i]}});
    const auto& a = swept.result.series.front();
    const auto& b = single.result.series.front();
    INFO("n = " << swept.plan.xValues[i]);
    CHECK(testing::agree({a.mean[i], a.sem[i]}, {b.mean[0], b.sem[0]}));
  }
}

TEST_CASE("strong-collapse: validation and notes") {
  Request r;
  r.experiment = "strong-collapse";
  r.config = {{"model", "random-projection"}, {"component", "bias"}};
  CHECK_THROWS_WITH(makePlan(r), Catch::Contains("component = bias is split for the linear model only"));
  r.config = {{"syntheticFraction", 1.5}};
  CHECK_THROWS_WITH(makePlan(r), Catch::Contains("syntheticFraction = 1.5") && Catch::Contains("from 0 to 1"));
  r.config = {{"dim", 40}, {"samples", 40}, {"trials", 2}};
  const auto result = runPlan(makePlan(r));
  CHECK_THAT(result.notes.at(0), Catch::Contains("interpolation threshold"));
  CHECK_FALSE(result.series.front().theory);
}

TEST_CASE("strong-collapse: the Fig. 1 preset uses the figure's n = 500, and the authors are cited correctly (issue 9, item 6)",
          "[strong-collapse][audit-science]") {
  Request request;
  request.experiment = "strong-collapse";
  request.preset = "pareto";
  const Plan plan = makePlan(request);
  CHECK(plan.config.integer("samples") == 500);  // Fig. 1 caption: "total n = 500 in both cases"
  CHECK_THAT(plan.experiment->info().source, Catch::Contains("Dohmatob, Feng, Subramonian & Kempe"));
}
