// "kernel-chain" (Dohmatob, Feng & Kempe 2024 on real MNIST digits): the exact fixed-design theory
// (docs/theory/kernel-chain.md §2) against the simulator's own Monte Carlo at 4 SE without allowance (the formula is
// exact given the digits, the Monte Carlo is over the label noise only), for both kernels, both targets and both kinds
// of generator; the optimal λ; the fresh design; the kernels and the median rule; bad input.
#include <catch2/catch.hpp>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/linalg/kernels.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;

namespace {
testing::ExperimentRun run(const json& config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("kernel-chain", config, x, series);
}
}  // namespace

TEST_CASE("kernel-chain, fixed design: exact trace formula against Monte Carlo", "[kernel-chain]") {
  for (const char* kernel : {"rbf", "polynomial"})
    for (const char* target : {"parity", "one-hot"}) {
      INFO(kernel << ", " << target);
      const auto r = run({{"kernel", kernel}, {"target", target}, {"samples", 10}, {"testSamples", 10}, {"generations", 6},
                          {"generatorNoise", 0.5}, {"trials", 1500}},
                         "", "generatorRidge=0,0.01");
      for (const auto& series : r.result.series) checkAgainstTheory(series, 0.0);
      // Collapse: the error after 6 generations is above the error on the real labels.
      for (const auto& series : r.result.series) CHECK(series.mean.back() > series.mean.front() + 4 * series.sem.back());
    }
}

TEST_CASE("kernel-chain: error against λ per generation count, with the theory's optimal λ", "[kernel-chain]") {
  const auto r = run({{"samples", 10}, {"testSamples", 10}, {"trials", 400}}, "ridge=0.00001:1:log:6", "generations=2,8");
  REQUIRE(r.result.series.size() == 2);
  double previous = 0.0;
  for (const auto& series : r.result.series) {
    checkAgainstTheory(series, 0.0);
    REQUIRE(series.markers.size() == 1);
    const auto& marker = series.markers[0];
    // The marked minimum is at or below the theory on every swept λ.
    for (double value : *series.theory) CHECK(marker.y <= value * (1 + 1e-9));
    CHECK(marker.x > previous);  // the best λ grows with the number of generations
    previous = marker.x;
  }
}

TEST_CASE("kernel-chain, fresh design: Monte Carlo only, error grows", "[kernel-chain]") {
  const auto r = run({{"design", "fresh"}, {"samples", 8}, {"testSamples", 8}, {"generations", 4}, {"generatorNoise", 1.0},
                      {"generatorRidge", 0.001}, {"trials", 40}});
  const auto& s = r.result.series[0];
  CHECK(!s.theory);
  CHECK(s.mean.back() > s.mean.front());
  REQUIRE(!r.result.notes.empty());
}

TEST_CASE("kernel matrices and the median rule", "[kernel-chain]") {
  Eigen::MatrixXd x(3, 2);
  x << 0, 0, 3, 4, 6, 8;  // distances 5, 10, 5
  CHECK(medianDistance(x) == Approx(5.0));
  const Eigen::MatrixXd rbf = kernelMatrix({"rbf", 5.0, 0}, x, x);
  CHECK(rbf(0, 1) == Approx(std::exp(-0.5)));
  CHECK(rbf(1, 1) == Approx(1.0));
  const Eigen::MatrixXd poly = kernelMatrix({"polynomial", 0.0, 2}, x, x);
  CHECK(poly(1, 2) == Approx(std::pow(1.0 + (18.0 + 32.0) / 2.0, 2)));
}

TEST_CASE("kernel-chain: bad input names the parameter and its range", "[kernel-chain]") {
  try {
    run({{"samples", 500}, {"testSamples", 500}});
    FAIL("expected a ValidationError");
  } catch (const ValidationError& error) {
    REQUIRE(!error.issues().empty());
    CHECK(error.issues()[0].parameter == "testSamples");
    CHECK(std::string(error.issues()[0].message).find("smallest class") != std::string::npos);
  }
}
