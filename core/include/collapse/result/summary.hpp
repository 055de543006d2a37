#pragma once
/// @file summary.hpp
/// Monte Carlo summaries of one point over trials.
#include <vector>

namespace collapse {

struct PointSummary {
  double mean, sem, lo, hi, median;
  std::size_t nonFinite = 0;  ///< trials whose value was NaN or ±∞ (left out of every statistic above)
};

/// Mean; standard error s/√R (s with the R − 1 denominator; 0 for one trial); the 10% and 90% quantiles and
/// the median by linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
/// Sums run in trial order, so the result does not depend on how trials were split.
/// Non-finite values are counted, never summed: the statistics are over the R′ finite values (NaN when R′ = 0),
/// and the Result names every point that had any (result.cpp), so no NaN passes silently.
PointSummary summarise(std::vector<double> samples);

/// The same, dropping the non-finite values of `samples` (the others keep their order). No copy: result.cpp
/// summarises thousands of points with one buffer.
PointSummary summariseInPlace(std::vector<double>& samples);

/// Quantile p ∈ [0, 1] of sorted samples (type 7): the definition summarise's selections give the same values as.
double sortedQuantile(const std::vector<double>& sorted, double p);

}  // namespace collapse
