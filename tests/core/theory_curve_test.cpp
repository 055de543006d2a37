// series[].theoryCurve: the theory of a swept-x series on a fine grid (result.hpp), so the page draws it as a smooth
// line. It must pass through the Monte Carlo points' theory exactly, lie on the experiment's own theory between
// them, and — like every theory curve — agree with the simulator's Monte Carlo at a point between the grid points.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;

namespace {

// Replace, fixed design, OLS: E error after n fits = n·σ²d/(T−d−1) exactly (Gerstgrasser et al. 2024; docs/theory/),
// so no finite-size allowance is needed. d = 4, 3 generations, T swept over a coarse linear grid.
const nlohmann::json kConfig = {{"dim", 4}, {"generations", 3}, {"workflow", "replace"}, {"design", "fixed"}, {"noise", 1.0}, {"trials", 4000}};

}  // namespace

TEST_CASE("theory curve: through every Monte Carlo point, sorted, only on a swept numeric x", "[theory-curve]") {
  const auto run = testing::runExperiment("recursive-regression", kConfig, "samples=12:48:lin:4");
  const auto& series = run.result.series.at(0);
  REQUIRE(series.theory);
  REQUIRE(series.theoryCurve);
  const auto& curve = *series.theoryCurve;
  CHECK(curve.x.size() == 4 + 3 * 3);  // a sparse grid gets three points between neighbours
  CHECK(std::is_sorted(curve.x.begin(), curve.x.end()));
  for (std::size_t i = 0; i < run.plan.xValues.size(); ++i) {
    const auto at = std::find(curve.x.begin(), curve.x.end(), run.plan.xValues[i]);
    REQUIRE(at != curve.x.end());
    CHECK(curve.y[static_cast<std::size_t>(at - curve.x.begin())] == (*series.theory)[i]);
  }
  // Integer samples: every fine x is an integer.
  for (double x : curve.x) CHECK(x == std::round(x));
  // Between the points it is the closed form itself: 3·σ²d/(T−d−1).
  for (std::size_t k = 0; k < curve.x.size(); ++k) CHECK(curve.y[k] == Approx(3.0 * 4.0 / (curve.x[k] - 4.0 - 1.0)));

  const auto json = resultJson(run.result);
  CHECK(json["series"][0]["theoryCurve"]["x"].size() == curve.x.size());

  const auto natural = testing::runExperiment("recursive-regression", {{"trials", 2}});
  CHECK_FALSE(natural.result.series.at(0).theoryCurve);
  CHECK_FALSE(resultJson(natural.result)["series"][0].contains("theoryCurve"));
}

TEST_CASE("theory curve: agrees with the Monte Carlo at a point between the grid points", "[theory-curve]") {
  const auto coarse = testing::runExperiment("recursive-regression", {{"dim", 4}, {"generations", 3}, {"workflow", "replace"}, {"trials", 2}},
                                             "samples=12:48:lin:4");
  const auto& curve = *coarse.result.series.at(0).theoryCurve;
  const double between = curve.x.at(2);  // strictly between the first two Monte Carlo points (12 and 24)
  REQUIRE(between > 12.0);
  REQUIRE(between < 24.0);
  const auto fine = testing::runExperiment("recursive-regression", kConfig, "samples=" + formatNumber(between));
  const auto& s = fine.result.series.at(0);
  INFO("T = " << between << ": MC " << s.mean.at(0) << " ± " << s.sem.at(0) << ", theory curve " << curve.y.at(2));
  CHECK(std::fabs(s.mean.at(0) - curve.y.at(2)) <= testing::kZ * s.sem.at(0));  // 4 standard errors
}

TEST_CASE("theory curve: log grids get log-spaced points; no curve where the theory applies nowhere", "[theory-curve]") {
  const auto ridge = testing::runExperiment("synthetic-chain", {{"dim", 20}, {"generatorSamples", 60}, {"samples", 80}, {"generations", 2}, {"trials", 2}},
                                            "ridge=0.01:10:log:13");
  const auto& curve = *ridge.result.series.at(0).theoryCurve;
  CHECK(curve.x.size() == 13 + 12);  // one point between neighbours on a paper-sized grid
  // The point between 0.01 and 0.01778 is their geometric mean.
  CHECK(curve.x.at(1) == Approx(std::sqrt(curve.x.at(0) * curve.x.at(2))));
  // Accumulate-subsample has no closed form: no theory, no curve.
  const auto subsample = testing::runExperiment("recursive-regression", {{"workflow", "accumulate-subsample"}, {"trials", 2}}, "samples=20:40:lin:3");
  CHECK_FALSE(subsample.result.series.at(0).theoryCurve);
}
