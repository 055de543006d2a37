#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "collapse/random/rng.hpp"
#include "collapse/result/order_statistics.hpp"
#include "collapse/result/summary.hpp"

using namespace collapse;

TEST_CASE("summarise: mean, standard error and type-7 quantiles") {
  const PointSummary s = summarise({4, 1, 3, 2, 5, 6, 8, 7, 9, 10, 11});
  CHECK(s.mean == 6.0);
  CHECK(s.sem == Approx(std::sqrt(11.0 / 11.0)));  // sample variance 11, n = 11
  CHECK(s.lo == Approx(2.0));   // h = 10·0.1 = 1 → second order statistic
  CHECK(s.hi == Approx(10.0));
  CHECK(s.median == 6.0);
  const PointSummary pair = summarise({0.0, 1.0});
  CHECK(pair.lo == Approx(0.1));
  CHECK(pair.hi == Approx(0.9));
  CHECK(summarise({3.0}).sem == 0.0);
}

TEST_CASE("summarise: its quantiles by selection are, bit for bit, the type-7 quantiles of the sorted finite values", "[summary]") {
  const auto sameBits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
  Rng rng(5, 0);
  for (int size : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 21, 101, 400, 1000}) {  // every way the three selections share or abut
    for (int round = 0; round < 20; ++round) {
      // Few distinct values (many ties), both zeros, and now and then a non-finite one.
      std::vector<double> values(static_cast<std::size_t>(size));
      for (double& v : values) {
        const auto pick = rng.below(12);
        // Also ±∞ (dropped, like NaN), subnormals and the largest finite magnitudes (the ends of the key order).
        const double big = std::numeric_limits<double>::max(), tiny = std::numeric_limits<double>::denorm_min();
        v = pick == 0   ? 0.0
            : pick == 1 ? -0.0
            : pick == 2 && round % 3 == 0 ? std::numeric_limits<double>::quiet_NaN()
            : pick == 3 && round % 4 == 1 ? (rng.below(2) ? 1.0 : -1.0) * std::numeric_limits<double>::infinity()
            : pick == 4 && round % 2 == 1 ? (rng.below(2) ? big : -big) * (rng.below(2) ? 1.0 : 0.5)
            : pick == 5 && round % 2 == 0 ? (rng.below(2) ? tiny : -tiny) * static_cast<double>(1 + rng.below(3))
                                          : static_cast<double>(rng.below(7)) - 3.0 + 0.25 * rng.uniform();
      }
      std::vector<double> sorted;
      for (double v : values)
        if (std::isfinite(v)) sorted.push_back(v);
      std::sort(sorted.begin(), sorted.end(), [](double a, double b) { return a < b || (a == b && std::signbit(a) && !std::signbit(b)); });
      const PointSummary s = summarise(values);
      INFO("size " << size << ", round " << round);
      REQUIRE(s.nonFinite == values.size() - sorted.size());
      if (sorted.empty()) continue;
      CHECK(sameBits(s.lo, sortedQuantile(sorted, 0.1)));
      CHECK(sameBits(s.hi, sortedQuantile(sorted, 0.9)));
      CHECK(sameBits(s.median, sortedQuantile(sorted, 0.5)));
    }
  }
}

TEST_CASE("selectRanks places each requested rank's order statistic, the smaller keys before it and the larger after", "[summary]") {
  // Against std::sort, across the insertion-sort boundary (16 keys), in orders that defeat a median-of-three pivot
  // (sorted, reversed, organ pipe) or make every partition lopsided (all equal, two values), with repeated ranks,
  // and with no partition allowed (depthBudget 0: std::nth_element finishes at once) or one.
  Rng rng(11, 0);
  int checked = 0;
  for (std::size_t n : {1u, 2u, 3u, 15u, 16u, 17u, 18u, 33u, 100u, 401u, 1000u})
    for (int pattern = 0; pattern < 6; ++pattern)
      for (int depthBudget : {-1, 0, 1}) {
        std::vector<std::uint64_t> keys(n);
        for (std::size_t i = 0; i < n; ++i)
          keys[i] = pattern == 0   ? rng.nextU64()
                    : pattern == 1 ? i
                    : pattern == 2 ? n - i
                    : pattern == 3 ? (i < n / 2 ? i : n - i)
                    : pattern == 4 ? 7
                                   : rng.below(2);
        std::vector<std::uint64_t> sorted = keys;
        std::sort(sorted.begin(), sorted.end());
        const std::vector<std::vector<std::size_t>> rankSets = {
            {0}, {n - 1}, {n / 2}, {(n - 1) / 10, (n - 1) / 2, (n - 1) * 9 / 10}, {n / 3, n / 3, n / 3 + (n > 1 ? 1 : 0)}};
        for (const std::vector<std::size_t>& ranks : rankSets) {
          std::vector<std::uint64_t> selected = keys;
          selectRanks(selected.data(), n, ranks.data(), ranks.size(), depthBudget);
          INFO("n = " << n << ", pattern " << pattern << ", depth budget " << depthBudget);
          std::vector<std::uint64_t> resorted = selected;
          std::sort(resorted.begin(), resorted.end());
          REQUIRE(resorted == sorted);  // a permutation of the keys
          for (std::size_t r : ranks) {
            INFO("rank " << r);
            CHECK(selected[r] == sorted[r]);
            CHECK(std::all_of(selected.begin(), selected.begin() + static_cast<std::ptrdiff_t>(r), [&](std::uint64_t k) { return k <= selected[r]; }));
            CHECK(std::all_of(selected.begin() + static_cast<std::ptrdiff_t>(r), selected.end(), [&](std::uint64_t k) { return k >= selected[r]; }));
          }
          ++checked;
        }
      }
  CHECK(checked == 11 * 6 * 3 * 5);
}
