#include <catch2/catch.hpp>

#include "collapse/sweep/grid.hpp"

using namespace collapse;

namespace {
std::vector<double> grid(const std::string& text) {
  auto parsed = parseNumericGrid(text);
  REQUIRE(std::holds_alternative<std::vector<double>>(parsed));
  return std::get<std::vector<double>>(parsed);
}
std::string problem(const std::string& text) {
  auto parsed = parseNumericGrid(text);
  REQUIRE(std::holds_alternative<std::string>(parsed));
  return std::get<std::string>(parsed);
}
}  // namespace

TEST_CASE("grids: lists, linear and logarithmic spacing with exact end points") {
  CHECK(grid("1,5,10") == std::vector<double>{1, 5, 10});
  CHECK(grid("0:1:lin:5") == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  const auto log = grid("0.001:100:log:6");
  REQUIRE(log.size() == 6);
  CHECK(log.front() == 0.001);
  CHECK(log.back() == 100);
  CHECK(log[2] == Approx(0.1));
  CHECK(grid("3:9:lin:1") == std::vector<double>{3});
}

TEST_CASE("grids: malformed text gives a reason") {
  CHECK_THAT(problem("1,x,3"), Catch::Contains("'x'"));
  CHECK_THAT(problem("1:2:cubic:3"), Catch::Contains("lin or log"));
  CHECK_THAT(problem("0:2:log:3"), Catch::Contains("start > 0"));
  CHECK_THAT(problem("1:2:lin:0"), Catch::Contains("count"));
  CHECK_THAT(problem("1:2:lin"), Catch::Contains("start:stop"));
  CHECK_THAT(problem("1,,2"), Catch::Contains("''"));
}
