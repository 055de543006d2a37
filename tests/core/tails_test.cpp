// "tails" (Dohmatob et al. 2024, A Tale of Tails; docs/theory/tails.md): every exact sum and recursion against the
// simulator's own Monte Carlo, |MC − theory| ≤ 4 SE (statistics.hpp; the theories are exact, so no finite-size
// allowance), and the helpers (ζ, occupancy law, cuts) against independent computations.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "collapse/theory/tails_theory.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using nlohmann::json;
using testing::checkAgainstTheory;
namespace T = collapse::theory::tails;

namespace {
testing::ExperimentRun run(json config, const std::string& x = "", const std::string& series = "") {
  return testing::runExperiment("tails", config, x, series);
}
}  // namespace

TEST_CASE("tails: ζ(β) and the clean constant", "[tails]") {
  CHECK(T::zeta(2.0) == Approx(3.14159265358979323846 * 3.14159265358979323846 / 6.0).epsilon(1e-12));
  CHECK(T::zeta(1.5) == Approx(2.6123753486854883).epsilon(1e-11));
  CHECK(T::zeta(3.0) == Approx(1.2020569031595942).epsilon(1e-12));
  // C_2 = Γ(1/2) ζ(2)^(−1/2) / 2 = √π / (2·π/√6) = √6 / (2√π).
  CHECK(T::cleanConstant(2.0) == Approx(std::sqrt(6.0) / (2.0 * std::sqrt(3.14159265358979323846))).epsilon(1e-12));
}

TEST_CASE("tails: tail cutting keeps min(k, top-p rank) items; temperature is β → β/τ", "[tails]") {
  const auto p = T::zipfLaw(2.0, 1000);
  CHECK(T::keptRank(p, 50, 1.0) == 50);
  int topP = 0;
  for (double mass = 0.0; mass < 0.9; ++topP) mass += p[static_cast<std::size_t>(topP)];
  CHECK(T::keptRank(p, 1000, 0.9) == topP);
  CHECK(T::keptRank(p, 3, 0.9) == 3);
  const auto cut = T::tailCut(p, 50, 1.0);
  CHECK(cut[49] == Approx(p[49] / std::accumulate(p.begin(), p.begin() + 50, 0.0)));
  CHECK(cut[50] == 0.0);
  const auto narrowed = T::withTemperature(p, 0.5), zipf4 = T::zipfLaw(4.0, 1000);
  for (std::size_t i : {0u, 9u, 999u}) CHECK(narrowed[i] == Approx(zipf4[i]).epsilon(1e-12));
}

TEST_CASE("tails: the occupancy law has the exact mean M(1 − (1 − 1/M)^j) and variance", "[tails]") {
  for (std::int64_t lines : {1, 7, 300, 5000})
    for (std::int64_t slots : {1, 10, 1000}) {
      const auto law = T::distinctSlots(T::CountLaw::point(lines), slots);
      const double m = static_cast<double>(slots), j = static_cast<double>(lines);
      const double a = std::pow(1.0 - 1.0 / m, j), b = std::pow(1.0 - 2.0 / m, j);
      double mean = law.mean(), second = 0.0;
      for (std::size_t k = 0; k < law.prob.size(); ++k) second += law.prob[k] * std::pow(double(law.lo + std::int64_t(k)) - mean, 2);
      INFO("lines " << lines << ", slots " << slots);
      CHECK(mean == Approx(m * (1.0 - a)).epsilon(1e-10));
      // Var D = M(M − 1)(1 − 2/M)^j + M(1 − 1/M)^j − M²(1 − 1/M)^(2j) (the number of empty slots).
      CHECK(second == Approx(m * (m - 1.0) * b + m * a - m * m * a * a).epsilon(1e-8).margin(1e-12));
    }
}

TEST_CASE("tails, clean data: Monte Carlo against Σ p_i (1 − p_i)^T over a sweep of T", "[tails]") {
  for (double beta : {1.3, 2.0}) {
    INFO("β = " << beta);
    const auto r = run({{"zipfExponent", beta}, {"support", 3000}, {"cleanFraction", 1}, {"generations", 1}, {"trials", 200}},
                       "samples=1:100000:log:6");
    checkAgainstTheory(r.result.series[0], 0.0);
  }
}

TEST_CASE("tails, tail cutting (top-k and repeated top-p) and narrowing: exact sums per generation", "[tails]") {
  SECTION("top-k with a clean share") {
    checkAgainstTheory(run({{"generator", "tail-cut"}, {"cutRank", 30}, {"support", 2000}, {"samples", 3000},
                            {"cleanFraction", 0.05}, {"generations", 2}, {"trials", 300}})
                           .result.series[0], 0.0);
  }
  SECTION("top-p cuts deeper every generation") {
    const auto r = run({{"generator", "tail-cut"}, {"cutRank", 2000}, {"topP", 0.8}, {"support", 2000}, {"samples", 500},
                        {"generations", 4}, {"trials", 300}});
    checkAgainstTheory(r.result.series[0], 0.0);
    CHECK((*r.result.series[0].theory)[3] > (*r.result.series[0].theory)[0]);
  }
  SECTION("temperature") {
    checkAgainstTheory(run({{"generator", "narrowed"}, {"temperature", 0.7}, {"support", 2000}, {"samples", 2000},
                            {"generations", 3}, {"trials", 300}})
                           .result.series[0], 0.0);
  }
}

TEST_CASE("tails, finite-sample generators: the genealogy recursion against Monte Carlo", "[tails]") {
  SECTION("a learner with fewer samples than the generator (T < T₀: collisions matter)") {
    checkAgainstTheory(run({{"generatorSamples", 200}, {"samples", 150}, {"support", 3000}, {"generations", 6}, {"trials", 600}})
                           .result.series[0], 0.0);
  }
  SECTION("a learner that sees every generator sample (T → ∞ limit: the support loss)") {
    const auto r = run({{"generatorSamples", 100}, {"samples", 100000}, {"support", 3000}, {"generations", 12}, {"trials", 600}});
    checkAgainstTheory(r.result.series[0], 0.0);
    const auto exact = T::finiteSampleSupportLoss(T::zipfLaw(2.0, 3000), 100, 12);
    for (std::size_t g = 0; g < exact.size(); ++g) CHECK((*r.result.series[0].theory)[g] == Approx(exact[g]).epsilon(1e-12));
  }
  SECTION("with a clean share, once every generator sample is surely seen") {
    checkAgainstTheory(run({{"generatorSamples", 50}, {"samples", 20000}, {"cleanFraction", 0.001}, {"support", 3000},
                            {"generations", 5}, {"trials", 600}})
                           .result.series[0], 0.0);
  }
}

TEST_CASE("tails, bigram task (Hutter++): exact double sums against Monte Carlo", "[tails]") {
  checkAgainstTheory(run({{"task", "bigram"}, {"support", 60}, {"generator", "tail-cut"}, {"cutRank", 10}, {"samples", 2000},
                          {"generations", 1}, {"cleanFraction", 0.1}, {"trials", 300}})
                         .result.series[0], 0.0);
  checkAgainstTheory(run({{"task", "bigram"}, {"support", 40}, {"generatorSamples", 300}, {"samples", 400}, {"generations", 3},
                          {"trials", 400}})
                         .result.series[0], 0.0);
}

TEST_CASE("tails: the Poisson Galton–Watson law is close to the exact support loss and both grow sublinearly", "[tails]") {
  const auto p = T::zipfLaw(2.0, 100000);
  const auto exact = T::finiteSampleSupportLoss(p, 1000, 10), poisson = T::poissonSupportLoss(p, 1000, 10);
  const double first = T::missedMass(p, p, 1000.0);
  CHECK(exact[0] == Approx(first).epsilon(1e-9));  // generation 1 misses what T₀ real draws miss
  for (std::size_t g = 0; g < exact.size(); ++g) {
    INFO("generation " << g + 1);
    CHECK(poisson[g] == Approx(exact[g]).epsilon(0.05));  // Poissonisation changes the law by O(1/√T₀) relatively
    CHECK(exact[g] < (g + 1) * first + 1e-15);             // the linear headline is an upper bound
  }
  CHECK(exact[9] < 0.5 * 10 * first);  // and far from tight after 10 generations
}

TEST_CASE("tails: bad combinations name the parameter; markers on T sweeps", "[tails]") {
  Request request;
  request.experiment = "tails";
  request.config = {{"task", "bigram"}, {"support", 5000}};
  CHECK_THROWS_WITH(makePlan(request), Catch::Contains("support = 5000"));
  const auto r = run({{"generator", "tail-cut"}, {"cutRank", 10}, {"generations", 1}, {"support", 1000}, {"trials", 4}},
                     "samples=10:100000:log:5");
  REQUIRE(r.result.series[0].markers.size() == 2);
  CHECK(r.result.series[0].markers[1].x == 100.0);  // k^β with k = 10, β = 2
  REQUIRE(r.result.series[0].references.size() == 1);
}
