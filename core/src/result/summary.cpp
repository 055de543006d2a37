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

namespace {

/// sortedQuantile of the samples as a full sort would order them, by selection: the order statistics k = ⌊h⌋ and
/// k + 1 are the k-th element after std::nth_element and the least element after it. Three selections are O(R)
/// each against the sort's O(R log R) (the sort had been 8 % of gaussian-fitting's WebAssembly time). The same
/// values, so the same bits. Reorders `samples`.
double selectedQuantile(std::vector<double>& samples, double p) {
  // A total order on finite values, −0 before +0, so that values it calls equal have equal bits and any selection
  // or sort (libstdc++'s natively, libc++'s in WebAssembly) picks the same bits. A lambda, not std::less:
  // Emscripten's libc++ has the std::less forms of these algorithms on double* as extern templates whose prebuilt
  // copies call the comparison out of line.
  const auto less = [](double a, double b) { return a < b || (a == b && std::signbit(a) && !std::signbit(b)); };
  const double h = (static_cast<double>(samples.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= samples.size()) return *std::max_element(samples.begin(), samples.end(), less);
  const auto kth = samples.begin() + static_cast<std::ptrdiff_t>(below);
  std::nth_element(samples.begin(), kth, samples.end(), less);
  const double lower = *kth, upper = *std::min_element(kth + 1, samples.end(), less);
  return lower + (h - static_cast<double>(below)) * (upper - lower);
}

}  // namespace

PointSummary summarise(std::vector<double> samples) { return summariseInPlace(samples); }

PointSummary summariseInPlace(std::vector<double>& samples) {
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
  // The sums above ran in trial order; the selections below reorder the samples.
  const double lo = selectedQuantile(samples, 0.1), hi = selectedQuantile(samples, 0.9);
  const double median = selectedQuantile(samples, 0.5);
  return {mean, sem, lo, hi, median, nonFinite};
}

}  // namespace collapse
