#include <catch2/catch.hpp>
#include <cstring>
#include <limits>
#include <set>

#include "collapse/math/portable_math.hpp"
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

TEST_CASE("sampleWithoutReplacement: a few from many (the sparse form) picks exactly what the dense partial Fisher-Yates picks", "[samplers]") {
  // The reference: the partial Fisher–Yates on the whole index, with the same draws.
  const auto dense = [](std::uint32_t population, std::uint32_t count, Rng& rng) {
    std::vector<std::uint32_t> index(population);
    for (std::uint32_t k = 0; k < population; ++k) index[k] = k;
    for (std::uint32_t i = 0; i < count; ++i) std::swap(index[i], index[i + rng.below(population - i)]);
    index.resize(count);
    return index;
  };
  const std::pair<std::uint32_t, std::uint32_t> cases[] = {{100000, 50}, {2000, 124}, {2000, 125}, {17, 1}, {5000, 0}, {64, 4},
      {65, 4}, {2000, 10}, {200, 10}, {161, 10}, {513, 32}, {5000, 32}, {5000, 33}, {2, 1}};  // the listed form: count ≤ 32
  for (const auto& [population, count] : cases) {
    INFO("population " << population << ", count " << count);
    for (std::uint64_t stream = 0; stream < 20; ++stream) {
      Rng a(31, stream), b(31, stream);
      REQUIRE(sampleWithoutReplacement(population, count, a) == dense(population, count, b));
      REQUIRE(a.nextU64() == b.nextU64());  // and the same number of draws taken
    }
  }
}

TEST_CASE("SubsetSampler: one sampler reused across calls of both forms picks what fresh sampleWithoutReplacement calls pick", "[samplers]") {
  // A growing pool, as in accumulate-subsample: dense while count·16 ≥ population, sparse after; then a smaller
  // pool again, so a larger earlier table or index cannot leak into a later call.
  SubsetSampler sampler;
  Rng a(41, 3), b(41, 3);
  std::uint32_t population = 10;
  for (int call = 0; call < 60; ++call, population += 10) {
    const std::uint32_t size = call == 50 ? 12 : population;
    INFO("call " << call << ", population " << size);
    const std::vector<std::uint32_t> fresh = sampleWithoutReplacement(size, 10, b);
    REQUIRE(sampler.sample(size, 10, a) == fresh);
  }
  REQUIRE(a.nextU64() == b.nextU64());
  REQUIRE_THROWS(sampler.sample(3, 4, a));
}

TEST_CASE("sampleBinomial: mean np and variance np(1 − p), by inversion and by Beta splitting", "[samplers][tails]") {
  // (n, p) pairs cover inversion (n·p ≤ 16), splitting (large n·p), reflection (p > 1/2) and the edges.
  const std::pair<std::uint64_t, double> cases[] = {{10, 0.3}, {1000, 0.001}, {200, 0.5}, {1000000, 0.37},
                                                    {3000000000ULL, 2e-7}, {50, 0.97}, {7, 0.0}, {7, 1.0}};
  for (const auto& [n, p] : cases) {
    INFO("n = " << n << ", p = " << p);
    Rng rng(21, n);
    NormalSampler normal(rng);
    const std::size_t draws = 20000;
    std::vector<double> x(draws), centred(draws);
    const double mean = static_cast<double>(n) * p, variance = mean * (1.0 - p);
    for (std::size_t i = 0; i < draws; ++i) {
      const auto k = sampleBinomial(n, p, normal, rng);
      REQUIRE(k <= n);
      x[i] = static_cast<double>(k);
      centred[i] = (x[i] - mean) * (x[i] - mean);
    }
    if (variance == 0.0) {
      CHECK(x.front() == mean);
      continue;
    }
    CHECK(withinStandardErrors(meanAndError(x), mean));
    CHECK(withinStandardErrors(meanAndError(centred), variance));
  }
}

TEST_CASE("sampleBinomial given log(1 − p): the same values and the same random numbers as without it", "[samplers][tails]") {
  // Inversion (n·p ≤ 16), reflection (p > 1/2, where the given logarithm is of the old p and must not be used),
  // splitting (large n·p), and the edges p = 0 and p = 1.
  const std::pair<std::uint64_t, double> cases[] = {{10, 0.3}, {1000, 0.001}, {200, 0.5}, {1000000, 0.37},
                                                    {50, 0.97}, {20, 0.9}, {7, 0.0}, {7, 1.0}, {3000000000ULL, 2e-7}};
  for (const auto& [n, p] : cases) {
    INFO("n = " << n << ", p = " << p);
    Rng a(23, n), b(23, n);
    NormalSampler normalA(a), normalB(b);
    const double logKeep = p < 1.0 ? collapse::math::log1p(-p) : -std::numeric_limits<double>::infinity();
    for (int i = 0; i < 2000; ++i) REQUIRE(sampleBinomial(n, p, logKeep, normalA, a) == sampleBinomial(n, p, normalB, b));
    REQUIRE(a.nextU64() == b.nextU64());
  }
}

TEST_CASE("sampleBinomial: the probability of each value for a small n", "[samplers][tails]") {
  Rng rng(22, 0);
  NormalSampler normal(rng);
  const std::uint64_t n = 40;  // n·p = 28 > 16: one split, then inversion
  const double p = 0.7;
  const std::size_t draws = 100000;
  std::vector<double> is20(draws), is28(draws);
  for (std::size_t i = 0; i < draws; ++i) {
    const auto k = sampleBinomial(n, p, normal, rng);
    is20[i] = k == 20, is28[i] = k == 28;
  }
  const auto pmf = [&](double k) {
    return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) + (n - k) * std::log1p(-p));
  };
  CHECK(withinStandardErrors(meanAndError(is20), pmf(20)));
  CHECK(withinStandardErrors(meanAndError(is28), pmf(28)));
}

TEST_CASE("normalsOfStreams: each stream's first normals, bit for bit as NormalSampler draws them", "[samplers]") {
  const std::vector<std::uint64_t> streams = {0, 1, 7, 1000, 9999, 123456789};
  for (std::size_t count : {1u, 2u, 3u, 5u, 8u}) {
    std::vector<double> out(streams.size() * count);
    normalsOfStreams(42, streams.data(), streams.size(), count, out.data());
    for (std::size_t i = 0; i < streams.size(); ++i) {
      Rng rng(42, streams[i]);
      NormalSampler normal(rng);
      for (std::size_t k = 0; k < count; ++k) {
        const double expected = normal();
        INFO("stream " << streams[i] << ", normal " << k << " of " << count);
        CHECK(std::memcmp(&out[i * count + k], &expected, sizeof expected) == 0);
      }
    }
  }
  normalsOfStreams(42, streams.data(), 0, 3, nullptr);  // no streams: nothing drawn, nothing written
}
