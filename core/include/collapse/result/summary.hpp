#pragma once
/// @file summary.hpp
/// Monte Carlo summaries of one point over trials.
#include <vector>

namespace collapse {

struct PointSummary {
  double mean, sem, lo, hi, median;
};

/// Mean; standard error s/√R (s with the R − 1 denominator; 0 for one trial); the 10% and 90% quantiles and
/// the median by linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
/// Sums run in trial order, so the result does not depend on how trials were split.
PointSummary summarise(std::vector<double> samples);

/// Quantile p ∈ [0, 1] of sorted samples (type 7).
double sortedQuantile(const std::vector<double>& sorted, double p);

}  // namespace collapse
