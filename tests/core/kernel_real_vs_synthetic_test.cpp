// "kernel-real-vs-synthetic" (Kazdan et al. 2025's grid with kernel ridge on real MNIST digits): the exact theory
// given the digits (docs/theory/real-vs-synthetic.md §5) against the simulator's own Monte Carlo, 4 SE without
// allowance; nested synthetic labels; the finding (synthetic digits help scarce real digits, hurt plentiful ones).
#include <catch2/catch.hpp>

#include <cstring>

#include "collapse/catalogue/validation_error.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;

namespace {
testing::ExperimentRun run(const json& config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("kernel-real-vs-synthetic", config, x, series);
}
}  // namespace

TEST_CASE("kernel-real-vs-synthetic: exact theory against Monte Carlo on a grid", "[kernel-real-vs-synthetic]") {
  for (const char* target : {"parity", "one-hot"}) {
    INFO(target);
    const auto r = run({{"target", target}, {"generatorSamples", 5}, {"testSamples", 10}, {"generatorNoise", 1.0}, {"trials", 1000}},
                       "syntheticSamples=0,5,15", "realSamples=0,3,10");
    for (const auto& series : r.result.series) checkAgainstTheory(series, 0.0);
  }
}

TEST_CASE("kernel-real-vs-synthetic: synthetic digits help scarce real digits and hurt plentiful ones", "[kernel-real-vs-synthetic]") {
  // The preset's grid at 200 trials: with 2 real digits per class, 40 synthetic ones lower the error; with 20, they raise it.
  const auto r = run({{"trials", 200}}, "syntheticSamples=0,40", "realSamples=2,20");
  const auto& scarce = r.result.series[0];
  const auto& plentiful = r.result.series[1];
  CHECK(scarce.mean[1] + 4 * scarce.sem[1] < scarce.mean[0]);
  CHECK(plentiful.mean[1] - 4 * plentiful.sem[1] > plentiful.mean[0]);
  // No synthetic digits: no noise, every trial gives the same error, equal to the theory.
  CHECK(plentiful.mean[0] == Approx((*plentiful.theory)[0]).epsilon(1e-12));
}

TEST_CASE("kernel-real-vs-synthetic: a block of trials gives every trial the bits of that trial alone", "[kernel-real-vs-synthetic]") {
  // simulateTrialBlock multiplies a cell's noise map by the noise of many trials at once (64 / q trials per product:
  // 6 for one-hot targets, so 15 trials take three products); shards, chunks and workers split trials anywhere,
  // so each trial's value must not depend on its block. Compared with simulateTrial on Rng(seed, trial) itself.
  for (const char* target : {"parity", "one-hot"}) {
    INFO(target);
    Request request;
    request.experiment = "kernel-real-vs-synthetic";
    request.config = {{"target", target}, {"generatorSamples", 4}, {"testSamples", 5}, {"trials", 15}, {"seed", 9}};
    request.x = "syntheticSamples=0,3,7";
    request.series = "realSamples=1,4";
    const Plan plan = makePlan(request);
    const std::vector<double> block = simulateTrials(plan, 0, 15), tail = simulateTrials(plan, 4, 11);
    const std::size_t perTrial = plan.valuesPerTrial();
    REQUIRE(perTrial == 6);
    for (std::size_t t = 0; t < 15; ++t)
      for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t i = 0; i < 3; ++i) {
          Rng rng(9, t);
          const double alone = plan.experiment->simulateTrial(plan.pointConfigs[s][i], rng).at(0);
          CHECK(std::memcmp(&block[t * perTrial + s * 3 + i], &alone, sizeof alone) == 0);
          if (t >= 4 && t < 11) CHECK(std::memcmp(&tail[(t - 4) * perTrial + s * 3 + i], &alone, sizeof alone) == 0);
        }
  }
}

TEST_CASE("kernel-real-vs-synthetic: bad input names the parameter", "[kernel-real-vs-synthetic]") {
  try {
    run({{"realSamples", 400}, {"syntheticSamples", 400}});
    FAIL("expected a ValidationError");
  } catch (const ValidationError& error) {
    REQUIRE(!error.issues().empty());
    CHECK(error.issues()[0].parameter == "syntheticSamples");
  }
}
