// GuideTable must find exactly what std::upper_bound finds (the draws of the n-gram model and the decoder depend
// on it): every u that matters — each running sum itself, its neighbours, 0, the total and beyond — on tables with
// ties, zero weights, one huge weight and a single entry.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "collapse/random/guide_table.hpp"
#include "collapse/random/rng.hpp"

using namespace collapse;

namespace {

std::size_t byBinarySearch(const std::vector<double>& cumulative, double u) {
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end() - 1, u) - cumulative.begin());
}

void checkAgainstBinarySearch(const std::vector<double>& weights, Rng& rng) {
  std::vector<double> cumulative(weights.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) cumulative[i] = sum += weights[i];
  const GuideTable guide(cumulative.data(), cumulative.size());
  std::vector<double> us = {0.0, -0.0, sum, std::nextafter(sum, 0.0), 2.0 * sum, std::numeric_limits<double>::infinity()};
  for (double c : cumulative) us.insert(us.end(), {c, std::nextafter(c, 0.0), std::nextafter(c, 2.0 * sum)});
  for (int k = 0; k < 2000; ++k) us.push_back(rng.uniform() * sum);
  for (double u : us) {
    INFO("u = " << u << ", " << weights.size() << " entries");
    REQUIRE(guide.find(cumulative.data(), u) == byBinarySearch(cumulative, u));
  }
}

}  // namespace

TEST_CASE("GuideTable: the index std::upper_bound gives, for every u", "[samplers]") {
  Rng rng(77, 0);
  checkAgainstBinarySearch({1.0}, rng);
  checkAgainstBinarySearch({0.0, 0.0, 3.0}, rng);
  checkAgainstBinarySearch({2.0, 0.0, 0.0, 1.0, 0.0}, rng);  // ties in the running sums, a zero last weight
  checkAgainstBinarySearch({1e-12, 1.0, 1e12, 1e-12, 5.0}, rng);  // one entry holds almost everything
  for (std::size_t n : {2u, 7u, 64u, 1000u, 20000u}) {
    std::vector<double> zipf(n), flat(n, 0.25), sparse(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) zipf[i] = 1.0 / std::pow(static_cast<double>(i + 1), 1.2);
    for (std::size_t i = 0; i < n; i += 5) sparse[i] = rng.uniform();
    sparse[n / 2] = 1.0;
    std::reverse(zipf.begin() + static_cast<std::ptrdiff_t>(n / 2), zipf.end());
    checkAgainstBinarySearch(zipf, rng);
    checkAgainstBinarySearch(flat, rng);
    checkAgainstBinarySearch(sparse, rng);
  }
}

TEST_CASE("GuideTable: refuses an empty table and a zero or infinite total", "[samplers]") {
  const std::vector<double> zeros = {0.0, 0.0}, huge = {1.0, std::numeric_limits<double>::infinity()};
  CHECK_THROWS_AS(GuideTable(zeros.data(), 0), std::invalid_argument);
  CHECK_THROWS_AS(GuideTable(zeros.data(), zeros.size()), std::invalid_argument);
  CHECK_THROWS_AS(GuideTable(huge.data(), huge.size()), std::invalid_argument);
}
