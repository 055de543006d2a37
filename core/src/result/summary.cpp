#include "collapse/result/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace collapse {

double sortedQuantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

namespace {

// The selections below run on integer keys, not on doubles: `orderKey` maps every finite double to an unsigned
// 64-bit integer whose order is the total order "a < b, and −0 before +0", and equal keys are equal bits. So a
// selection of keys picks exactly the values (the bits) a sort of the doubles under that order would place there,
// whichever algorithm libstdc++ (native) or libc++ (WebAssembly) uses. One integer comparison instead of a
// floating comparison, a tie test and two sign tests: the selections were a third of gaussian-fitting's assembly,
// which the worker pool runs on one worker after the trials (docs/benchmarks.md, tenth pass).
std::uint64_t orderKey(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double valueOfKey(std::uint64_t key) {
  const std::uint64_t bits = (key >> 63) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

/// sortedQuantile of the samples as a full sort would order them, by selection: the order statistics k = ⌊h⌋ and
/// k + 1 are the k-th key after std::nth_element and the least key after it. Three selections are O(R) each against
/// the sort's O(R log R) (the sort had been 8 % of gaussian-fitting's WebAssembly time). The same values, so the same
/// bits. Reorders `keys`.
double selectedQuantile(std::vector<std::uint64_t>& keys, double p) {
  // A lambda, not std::less: Emscripten's libc++ has the std::less forms of these algorithms as extern templates
  // whose prebuilt copies call the comparison out of line.
  const auto less = [](std::uint64_t a, std::uint64_t b) { return a < b; };
  const double h = (static_cast<double>(keys.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= keys.size()) return valueOfKey(*std::max_element(keys.begin(), keys.end(), less));
  const auto kth = keys.begin() + static_cast<std::ptrdiff_t>(below);
  std::nth_element(keys.begin(), kth, keys.end(), less);
  const double lower = valueOfKey(*kth), upper = valueOfKey(*std::min_element(kth + 1, keys.end(), less));
  return lower + (h - static_cast<double>(below)) * (upper - lower);
}

}  // namespace

PointSummary summarise(std::vector<double> samples) { return summariseInPlace(samples); }

PointSummary summariseInPlace(std::vector<double>& samples) {
  // remove_if keeps the finite values in trial order (the sums below need it) without stable_partition's buffer.
  const auto finiteEnd = std::remove_if(samples.begin(), samples.end(), [](double v) { return !std::isfinite(v); });
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
  // The sums above ran in trial order; the selections below reorder the keys (one buffer per thread, reused).
  thread_local std::vector<std::uint64_t> keys;
  keys.resize(samples.size());
  std::transform(samples.begin(), samples.end(), keys.begin(), orderKey);
  const double lo = selectedQuantile(keys, 0.1), hi = selectedQuantile(keys, 0.9);
  const double median = selectedQuantile(keys, 0.5);
  return {mean, sem, lo, hi, median, nonFinite};
}

}  // namespace collapse
