// collapse/math/portable_math.hpp: accuracy against the platform's libm (both are within 1 ulp of the true
// value, so they agree within 2 ulp) and identical bits in every build (a recorded hash of many outputs).
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "collapse/math/portable_math.hpp"
#include "collapse/random/rng.hpp"
#include "collapse/result/determinism_hash.hpp"

namespace math = collapse::math;

namespace {

/// |a − b| in units of the last place of b.
double ulpDistance(double a, double b) {
  if (a == b) return 0.0;
  const double ulp = std::nextafter(std::fabs(b), std::numeric_limits<double>::infinity()) - std::fabs(b);
  return std::fabs(a - b) / ulp;
}

/// The largest distance over `count` points uniform in [lo, hi] (or e^uniform when `logScale`).
double worstUlps(const std::function<double(double)>& ours, const std::function<double(double)>& libm, double lo,
                 double hi, bool logScale = false, int count = 20000) {
  collapse::Rng rng(2024, 0);
  double worst = 0.0;
  for (int i = 0; i < count; ++i) {
    const double u = lo + (hi - lo) * rng.uniform();
    const double x = logScale ? std::exp(u) : u;
    worst = std::max(worst, ulpDistance(ours(x), libm(x)));
  }
  return worst;
}

}  // namespace

TEST_CASE("portable math: within 2 ulp of libm (each is within 1 ulp of the truth)", "[portable-math]") {
  CHECK(worstUlps(math::exp, [](double x) { return std::exp(x); }, -745.0, 709.0) <= 2.0);
  CHECK(worstUlps(math::exp, [](double x) { return std::exp(x); }, -1.0, 1.0) <= 2.0);
  CHECK(worstUlps(math::log, [](double x) { return std::log(x); }, -740.0, 709.0, true) <= 2.0);
  CHECK(worstUlps(math::log, [](double x) { return std::log(x); }, 0.5, 2.0) <= 2.0);
  CHECK(worstUlps(math::sin, [](double x) { return std::sin(x); }, -100.0, 100.0) <= 2.0);
  CHECK(worstUlps(math::cos, [](double x) { return std::cos(x); }, -100.0, 100.0) <= 2.0);
  // Measured worst cases against 80-bit references: log1p 2.4 ulp, pow (|y·log x| ≤ 23) 34 ulp.
  CHECK(worstUlps(math::log1p, [](double x) { return std::log1p(x); }, -0.9, 1.0) <= 4.0);
  CHECK(worstUlps([](double x) { return math::pow(x, -1.7); }, [](double x) { return std::pow(x, -1.7); }, 0.0, 4.6, true) <= 16.0);
  double worstGamma = 0.0;  // lgamma: absolute error (it crosses zero at 1 and 2)
  for (double x = 0.01; x < 60.0; x += 0.0137) worstGamma = std::max(worstGamma, std::fabs(math::lgamma(x) - std::lgamma(x)));
  CHECK(worstGamma < 1e-13);
}

TEST_CASE("portable math: special values", "[portable-math]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(math::exp(0.0) == 1.0);
  CHECK(math::exp(710.0) == inf);
  CHECK(math::exp(-746.0) == 0.0);
  CHECK(math::exp(-745.0) > 0.0);  // the smallest subnormal range
  CHECK(std::isnan(math::exp(std::nan(""))));
  CHECK(math::log(1.0) == 0.0);
  CHECK(math::log(0.0) == -inf);
  CHECK(math::log(inf) == inf);
  CHECK(std::isnan(math::log(-1.0)));
  CHECK(ulpDistance(math::log(4.9406564584124654e-324), std::log(4.9406564584124654e-324)) <= 1.0);  // subnormal
  CHECK(math::log1p(0.0) == 0.0);
  CHECK(math::log1p(1e-300) == 1e-300);
  CHECK(math::pow(2.0, 10.0) == 1024.0);
  CHECK(math::pow(0.0, 3.0) == 0.0);
  CHECK(math::pow(-2.0, 3.0) == Approx(-8.0).epsilon(1e-15));
  CHECK(std::isnan(math::pow(-2.0, 0.5)));
  CHECK(math::sin(0.0) == 0.0);
  CHECK(math::cos(0.0) == 1.0);
  CHECK(math::lgamma(1.0) == Approx(0.0).margin(1e-14));
  CHECK(math::lgamma(0.5) == Approx(0.5 * std::log(3.14159265358979323846)).epsilon(1e-15));
  CHECK(math::powInt(3.0, 0) == 1.0);
  CHECK(math::powInt(3.0, 2) == 9.0);
}

TEST_CASE("portable math: the same bits in every build (recorded hash of 7 × 4000 outputs)", "[portable-math][determinism]") {
  collapse::Rng rng(99, 1);
  std::vector<double> out;
  for (int i = 0; i < 4000; ++i) {
    const double u = rng.uniform();
    out.push_back(math::exp(-740.0 + 1450.0 * u));
    out.push_back(math::log(std::ldexp(0.5 + u, static_cast<int>(2000.0 * u) - 1000)));
    out.push_back(math::log1p(-0.99 + 2.0 * u));
    out.push_back(math::sin(-50.0 + 100.0 * u));
    out.push_back(math::cos(-50.0 + 100.0 * u));
    out.push_back(math::pow(100.0 * u, -3.0 + 6.0 * u));
    out.push_back(math::lgamma(0.01 + 100.0 * u));
  }
  const std::string hash = collapse::trialValuesHash(out);
  INFO("computed " << hash);
  CHECK(hash == "6a95ff6553e6dce782749d0aa7238b288e3b4f874d1cb246290a6f677ef5601a");
}
