// "synthetic-chain" (Dohmatob, Feng & Kempe 2024): theory against the simulator's own Monte Carlo.
// Exact formulas (B1, B5): |MC − theory| ≤ 4 SE. The ridge deterministic equivalent (B3) is exact only as
// d → ∞; its finite-size gap was measured (seed 3, bias component, λ = 0.5, T = 4d, T₀ = 3d) at
// +1.24 ± 0.29 % (d = 25), +0.48 ± 0.30 % (d = 50), +0.33 ± 0.30 % (d = 100): about 0.3/d relative. The
// tests allow 4 SE plus 1/d relative, about three times the measured finite-size term.
#include <catch2/catch.hpp>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/linalg/gaussian_design.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"
#include "collapse/theory/ridge_equivalents.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;
using testing::kZ;

namespace {
/// A run of synthetic-chain (config, optional x sweep and series).
testing::ExperimentRun run(const json& config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("synthetic-chain", config, x, series);
}
}  // namespace

TEST_CASE("synthetic-chain, OLS: E = σ²d/(T − d − 1) + n·σ₀²d/(T₀ − d − 1) exactly (B1), by component") {
  for (const char* spectrum : {"isotropic", "power"}) {
    INFO("spectrum " << spectrum);
    const auto r = run({{"dim", 20}, {"samples", 60}, {"generatorSamples", 45}, {"generatorNoise", 0.7}, {"generations", 6},
                        {"trials", 3000}, {"spectrum", spectrum}},
                       "", "component=total,variance,collapse,bias");
    for (std::size_t s = 0; s < 3; ++s) checkAgainstTheory(r.result.series[s], 0.0);
    for (double bias : r.result.series[3].mean) CHECK(std::fabs(bias) < 1e-20);  // OLS is unbiased
    CHECK((*r.result.series[0].theory)[6] == Approx(20.0 / 39.0 + 6 * 0.49 * 20.0 / 24.0));
  }
}

TEST_CASE("synthetic-chain, ridge: Monte Carlo meets the deterministic equivalent (B3) within 4 SE + 1/d") {
  const int d = 50;
  for (double lambda : {0.05, 0.5, 3.0}) {
    INFO("λ = " << lambda);
    const auto r = run({{"dim", d}, {"samples", 200}, {"generatorSamples", 150}, {"generations", 5}, {"trials", 2500},
                        {"ridge", lambda}},
                       "", "component=total,bias,variance,collapse");
    for (const auto& series : r.result.series) checkAgainstTheory(series, 1.0 / d);
  }
  // A power-law spectrum and an under-determined downstream model (T < d, ridge).
  const auto r = run({{"dim", d}, {"samples", 30}, {"generatorSamples", 150}, {"generations", 5}, {"trials", 2500},
                      {"ridge", 0.2}, {"spectrum", "power"}, {"decay", 1.0}});
  checkAgainstTheory(r.result.series[0], 1.0 / d);
}

TEST_CASE("synthetic-chain, over-parameterised generators collapse exponentially (B5)") {
  for (double sigma0 : {0.0, 0.5}) {
    INFO("σ₀ = " << sigma0);
    const auto r = run({{"dim", 40}, {"generatorSamples", 20}, {"generatorNoise", sigma0}, {"samples", 120}, {"generations", 6},
                        {"trials", 3000}, {"signal", 1.5}});
    checkAgainstTheory(r.result.series[0], 0.0);
    // Without noise the error approaches ‖w*‖² (plus the downstream variance) exponentially: (1 − 2⁻ⁿ).
    if (sigma0 == 0.0)
      CHECK((*r.result.series[0].theory)[3] == Approx(40.0 / 79.0 + 2.25 * (1 - 0.125)));
  }
}

TEST_CASE("synthetic-chain: the λ figure has U-shapes, a moving optimum and its markers") {
  const auto r = run({{"dim", 30}, {"samples", 120}, {"generatorSamples", 90}, {"trials", 300}}, "ridge=0.001:100:log:9",
                     "generations=0,5,20");
  REQUIRE(r.result.series.size() == 3);
  double previousBest = 0.0;
  for (const auto& series : r.result.series) {
    REQUIRE(series.markers.size() == 1);
    const auto& marker = series.markers.front();
    CHECK(marker.label == "optimal λ");
    CHECK(marker.x > previousBest);  // the optimum moves right with n
    previousBest = marker.x;
    // The marked minimum lies below every theory point of the grid.
    for (double value : *series.theory) CHECK(marker.y <= value + 1e-12);
    // U-shape in the simulation: both ends above the middle's minimum.
    const double lowest = *std::min_element(series.mean.begin(), series.mean.end());
    CHECK(series.mean.front() > lowest);
    CHECK(series.mean.back() > lowest);
  }
  CHECK(resultJson(r.result)["series"][0]["markers"][0]["label"] == "optimal λ");
}

TEST_CASE("synthetic-chain: ridge rules resolve λ per point (power: T^−ℓ; optimal: the theory's minimiser)") {
  Request r;
  r.experiment = "synthetic-chain";
  r.config = {{"ridgeRule", "power"}, {"ridgeExponent", 0.5}, {"trials", 2}};
  r.x = "samples=100,400";
  const Plan power = makePlan(r);
  CHECK(power.pointConfigs[0][0].number("ridge") == Approx(0.1));
  CHECK(power.pointConfigs[0][1].number("ridge") == Approx(0.05));
  r.config = {{"ridgeRule", "optimal"}, {"trials", 2}, {"generations", 0}, {"dim", 40}, {"samples", 160}, {"generatorSamples", 100}};
  r.x = "";
  CHECK(makePlan(r).pointConfigs[0][0].number("ridge") == Approx(0.25).epsilon(1e-4));  // σ²φ/r²
  r.config = {{"ridgeRule", "optimal"}, {"dim", 40}, {"generatorSamples", 30}};
  CHECK_THROWS_WITH(makePlan(r), Catch::Contains("ridgeRule = optimal needs"));
}

TEST_CASE("synthetic-chain: shared draws give the values of point-by-point simulation") {
  // The experiment's simulateTrialPoints shares one draw across points; the default evaluates each point
  // alone with the same stream. Both must agree (up to the rounding of eigen- vs Cholesky solves), also for
  // T < d, where a point alone takes the Cholesky factor of the singular Ĝ + λI.
  for (const int samples : {40, 8}) {
    INFO("samples " << samples);
    Request r;
    r.experiment = "synthetic-chain";
    r.config = {{"dim", 12}, {"samples", samples}, {"generatorSamples", 30}, {"trials", 3}};
    r.x = "ridge=0.01,0.1,1,10";
    r.series = "generations=0,3";
    const Plan plan = makePlan(r);
    const auto shared = simulateTrials(plan, 0, 3);
    const Experiment& experiment = *plan.experiment;
    std::vector<double> alone(shared.size());
    for (int t = 0; t < 3; ++t)
      experiment.Experiment::simulateTrialPoints(plan.pointConfigs, true, 4, plan.seed, t, alone.data() + t * 8);
    for (std::size_t i = 0; i < shared.size(); ++i) CHECK(shared[i] == Approx(alone[i]).epsilon(1e-9));
  }
}

TEST_CASE("synthetic-chain: validation and notes") {
  Request r;
  r.experiment = "synthetic-chain";
  r.config = {{"generatorSamples", 0}};
  CHECK_THROWS_WITH(makePlan(r), Catch::Contains("generatorSamples = 0") && Catch::Contains("from 1 to 1000000"));
  r.config = {{"dim", 20}, {"generatorSamples", 20}, {"trials", 2}};
  CHECK_THAT(runPlan(makePlan(r)).notes.at(0), Catch::Contains("generatorSamples = 20") && Catch::Contains("dim + 2 = 22"));
  r.config = {{"dim", 20}, {"samples", 20}, {"trials", 2}};
  CHECK_THAT(runPlan(makePlan(r)).notes.at(0), Catch::Contains("samples = 20 is within 1 of dim = 20"));
}

TEST_CASE("synthetic-chain: an OLS refit's error A⁻ᵀz has the law of g/√c, c ~ χ²(T₀ − d + 1) (docs/theory/recursive-regression.md §7)") {
  // The simulator draws g/√c; here the Bartlett construction it replaced and the shortcut both meet the exact
  // moments of g/√c: E|v|² = d/(k−2), E|v|⁴ = d(d+2)/((k−2)(k−4)), E v₁²v₂² = 1/((k−2)(k−4)), k = T₀ − d + 1
  // (k = 16: every estimate has finite variance). Tolerance 4 SE of each sample mean (statistics.hpp).
  const int d = 5, t0 = 20, draws = 20000;
  const double k = t0 - d + 1;
  const double expected[3] = {d / (k - 2.0), d * (d + 2.0) / ((k - 2.0) * (k - 4.0)), 1.0 / ((k - 2.0) * (k - 4.0))};
  Rng rng(11, 0);
  NormalSampler normal(rng);
  for (const bool bartlett : {true, false}) {
    INFO((bartlett ? "A⁻ᵀz through a Bartlett factor" : "g/√c"));
    std::vector<double> norm2, norm4, cross;
    for (int i = 0; i < draws; ++i) {
      Eigen::VectorXd v(d);
      normal.fill(v.data(), d);
      if (bartlett) v = sampleBartlettFactor(d, t0, normal, rng).triangularView<Eigen::Lower>().transpose().solve(v);
      else v /= std::sqrt(sampleChiSquare(k, normal, rng));
      norm2.push_back(v.squaredNorm());
      norm4.push_back(v.squaredNorm() * v.squaredNorm());
      cross.push_back(v[0] * v[0] * v[1] * v[1]);
    }
    CHECK(testing::withinStandardErrors(testing::meanAndError(norm2), expected[0]));
    CHECK(testing::withinStandardErrors(testing::meanAndError(norm4), expected[1]));
    CHECK(testing::withinStandardErrors(testing::meanAndError(cross), expected[2]));
  }
}
