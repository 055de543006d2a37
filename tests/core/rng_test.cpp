#include <catch2/catch.hpp>
#include <set>

#include "collapse/random/rng.hpp"
#include "statistics.hpp"

using collapse::Rng;

TEST_CASE("Rng: the same (seed, trial) gives the same stream; different pairs give different streams") {
  Rng a(7, 3), b(7, 3), c(7, 4), d(8, 3);
  std::set<std::uint64_t> firsts;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.nextU64();
    REQUIRE(x == b.nextU64());
    if (i == 0) firsts.insert(x);
  }
  firsts.insert(c.nextU64());
  firsts.insert(d.nextU64());
  REQUIRE(firsts.size() == 3);
}

TEST_CASE("Rng: xoshiro256** known answers (state {1, 2, 3, 4}, the reference C code's outputs)") {
  Rng rng = Rng::fromState(1, 2, 3, 4);
  CHECK(rng.nextU64() == 11520ULL);
  CHECK(rng.nextU64() == 0ULL);
  CHECK(rng.nextU64() == 1509978240ULL);
  CHECK(rng.nextU64() == 1215971899390074240ULL);
}

TEST_CASE("Rng: the (seed, trial) streams are fixed (recorded values)") {
  // xoshiro256** seeded through SplitMix64 as in rng.hpp; values recorded from this implementation. A change
  // here changes every published curve, so it must be deliberate.
  Rng rng(1, 0);
  const std::uint64_t first = rng.nextU64(), second = rng.nextU64();
  Rng again(1, 0);
  REQUIRE(again.nextU64() == first);
  REQUIRE(again.nextU64() == second);
  CHECK(first == 0x794C584B08C83783ULL);
  CHECK(second == 0x8FCEBF1676CE459EULL);
}

TEST_CASE("Rng: uniform() lies in [0, 1) with mean 1/2 and variance 1/12") {
  Rng rng(42, 0);
  std::vector<double> u(200000), centredSquare(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    u[i] = rng.uniform();
    REQUIRE(u[i] >= 0.0);
    REQUIRE(u[i] < 1.0);
    centredSquare[i] = (u[i] - 0.5) * (u[i] - 0.5);
  }
  CHECK(collapse::testing::withinStandardErrors(collapse::testing::meanAndError(u), 0.5));
  CHECK(collapse::testing::withinStandardErrors(collapse::testing::meanAndError(centredSquare), 1.0 / 12.0));
}

TEST_CASE("Rng: below(n) is uniform on [0, n)") {
  Rng rng(5, 1);
  const int n = 7, draws = 70000;
  std::vector<int> counts(n, 0);
  for (int i = 0; i < draws; ++i) {
    const auto k = rng.below(n);
    REQUIRE(k < static_cast<std::uint64_t>(n));
    ++counts[k];
  }
  // Each count is Binomial(draws, 1/n): standard deviation √(draws·p·(1 − p)).
  const double expected = draws / static_cast<double>(n), sd = std::sqrt(draws * (1.0 / n) * (1.0 - 1.0 / n));
  for (int c : counts) CHECK(std::fabs(c - expected) <= collapse::testing::kZ * sd);
}

TEST_CASE("Rng: below(n) for n < 2^32 gives belowWide's values and consumes the same draws") {
  // The 64-bit fast path must be the 128-bit Lemire draw exactly (the determinism hashes depend on it): the same
  // value and the same stream position afterwards, for small n, powers of two, odd n near 2^31 and 2^32, and
  // n = 2^32 − 1, the path's bound. (A redraw has probability below n / 2^64 < 2^−32 here, so this compares the
  // products, not the rejection loop, which is the same code in both.)
  const std::uint64_t ns[] = {1, 2, 3, 7, 10, 1000, 65536, 1ULL << 31, (1ULL << 31) + 1, 3000000019ULL,
                              0xFFFFFFFEULL, 0xFFFFFFFFULL};
  for (const std::uint64_t n : ns) {
    Rng fast(11, n), wide(11, n);
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t a = fast.below(n), b = wide.belowWide(n);
      REQUIRE(a == b);
      REQUIRE(a < n);
    }
    CHECK(fast.nextU64() == wide.nextU64());
  }
  // Above the bound below() defers to belowWide itself.
  Rng a(3, 0), b(3, 0);
  CHECK(a.below(0x100000000ULL) == b.belowWide(0x100000000ULL));
}
