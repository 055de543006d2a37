#pragma once
// Helpers for stochastic tests. Every tolerance is z standard errors of the Monte Carlo estimate; seeds are
// fixed, so each test is deterministic, and z = 4 keeps the chance that an arbitrary seed fails a correct
// implementation below 1e-4 per comparison (a few tenths of a percent over a whole curve).
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "collapse/result/result.hpp"

namespace collapse::testing {

inline constexpr double kZ = 4.0;

struct MeanAndError {
  double mean, sem;
};

inline MeanAndError meanAndError(const std::vector<double>& samples) {
  double sum = 0.0;
  for (double v : samples) sum += v;
  const double n = static_cast<double>(samples.size()), mean = sum / n;
  double squares = 0.0;
  for (double v : samples) squares += (v - mean) * (v - mean);
  return {mean, std::sqrt(squares / (n - 1.0) / n)};
}

/// |estimate − expected| ≤ z·sem.
inline bool withinStandardErrors(const MeanAndError& estimate, double expected, double z = kZ) {
  return std::fabs(estimate.mean - expected) <= z * estimate.sem;
}

/// Two independent estimates agree: |a − b| ≤ z·√(sem_a² + sem_b²).
inline bool agree(const MeanAndError& a, const MeanAndError& b, double z = kZ) {
  return std::fabs(a.mean - b.mean) <= z * std::hypot(a.sem, b.sem);
}

/// Every point of a series within z·SE + relativeAllowance·|theory| of its theory curve. The allowance is the
/// finite-size term of a deterministic equivalent (0 for exact formulas); callers cite its convergence study.
inline void checkAgainstTheory(const SeriesResult& series, double relativeAllowance) {
  REQUIRE(series.theory);
  for (std::size_t i = 0; i < series.mean.size(); ++i) {
    const double theory = (*series.theory)[i];
    INFO(series.label << ", point " << i << ": MC " << series.mean[i] << " ± " << series.sem[i] << ", theory " << theory);
    CHECK(std::fabs(series.mean[i] - theory) <= kZ * series.sem[i] + relativeAllowance * std::fabs(theory) + 1e-12);
  }
}

}  // namespace collapse::testing
