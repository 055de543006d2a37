#include <catch2/catch.hpp>
#include <set>

#include "collapse/random/samplers.hpp"
#include "statistics.hpp"

using namespace collapse;
using testing::meanAndError;
using testing::withinStandardErrors;

TEST_CASE("NormalSampler: moments of N(0, 1)") {
  Rng rng(11, 0);
  NormalSampler normal(rng);
  const std::size_t n = 200000;
  std::vector<double> x(n), x2(n), x4(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = normal();
    x2[i] = x[i] * x[i];
    x4[i] = x2[i] * x2[i];
  }
  CHECK(withinStandardErrors(meanAndError(x), 0.0));
  CHECK(withinStandardErrors(meanAndError(x2), 1.0));
  CHECK(withinStandardErrors(meanAndError(x4), 3.0));  // kurtosis 3: tails are right, not only the variance
}

TEST_CASE("NormalSampler: tail probability P(|X| > 2)") {
  Rng rng(12, 0);
  NormalSampler normal(rng);
  const std::size_t n = 200000;
  std::vector<double> beyond(n);
  for (auto& b : beyond) b = std::fabs(normal()) > 2.0 ? 1.0 : 0.0;
  CHECK(withinStandardErrors(meanAndError(beyond), std::erfc(2.0 / std::sqrt(2.0))));
}

TEST_CASE("sampleChiSquare: mean k and variance 2k, for small and large k") {
  for (double k : {0.6, 1.0, 3.0, 25.0, 900.0}) {
    Rng rng(13, static_cast<std::uint64_t>(k * 10));
    NormalSampler normal(rng);
    const std::size_t n = 40000;
    std::vector<double> x(n), centred(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = sampleChiSquare(k, normal, rng);
      REQUIRE(x[i] > 0.0);
      centred[i] = (x[i] - k) * (x[i] - k);
    }
    INFO("k = " << k);
    CHECK(withinStandardErrors(meanAndError(x), k));
    CHECK(withinStandardErrors(meanAndError(centred), 2.0 * k));
  }
}

TEST_CASE("sampleWithoutReplacement: distinct, in range, each index equally likely") {
  Rng rng(14, 0);
  const std::uint32_t population = 10, count = 4;
  const int draws = 20000;
  std::vector<int> hits(population, 0);
  for (int i = 0; i < draws; ++i) {
    const auto picked = sampleWithoutReplacement(population, count, rng);
    REQUIRE(picked.size() == count);
    REQUIRE(std::set<std::uint32_t>(picked.begin(), picked.end()).size() == count);
    for (auto k : picked) {
      REQUIRE(k < population);
      ++hits[k];
    }
  }
  const double p = static_cast<double>(count) / population, sd = std::sqrt(draws * p * (1 - p));
  for (int h : hits) CHECK(std::fabs(h - draws * p) <= testing::kZ * sd);
  REQUIRE_THROWS(sampleWithoutReplacement(3, 4, rng));
}
