#include "collapse/result/summary.hpp"

#include <algorithm>
#include <cmath>

namespace collapse {

double sortedQuantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

PointSummary summarise(std::vector<double> samples) {
  const auto finiteEnd = std::stable_partition(samples.begin(), samples.end(), [](double v) { return std::isfinite(v); });
  const std::size_t nonFinite = static_cast<std::size_t>(samples.end() - finiteEnd);
  samples.erase(finiteEnd, samples.end());
  if (samples.empty()) {
    const double nan = std::nan("");
    return {nan, nan, nan, nan, nan, nonFinite};
  }
  const double count = static_cast<double>(samples.size());
  double sum = 0.0;
  for (double v : samples) sum += v;
  const double mean = sum / count;
  double squares = 0.0;
  for (double v : samples) squares += (v - mean) * (v - mean);
  const double sem = samples.size() > 1 ? std::sqrt(squares / (count - 1.0) / count) : 0.0;
  // With a lambda, not the default std::less: Emscripten's libc++ declares std::sort of double* with std::less an
  // extern template, so the default ran its prebuilt copy, which calls the comparison out of line (8 % of
  // gaussian-fitting's WebAssembly profile). The same algorithm and comparisons, so the same order.
  std::sort(samples.begin(), samples.end(), [](double a, double b) { return a < b; });
  return {mean, sem, sortedQuantile(samples, 0.1), sortedQuantile(samples, 0.9), sortedQuantile(samples, 0.5), nonFinite};
}

}  // namespace collapse
