#include <catch2/catch.hpp>

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
