#include "collapse/result/summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "collapse/result/order_statistics.hpp"

namespace collapse {

double sortedQuantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

namespace {

// The selections below run on integer keys, not on doubles: `orderKey` maps every finite double to an unsigned 64-bit
// integer whose order is the total order "a < b, and −0 before +0", and equal keys are equal bits. So a selection of
// keys picks exactly the values (the bits) a sort of the doubles under that order would place there, whichever
// algorithm selects them (selectRanks, or its fallback in libstdc++ or libc++). One integer comparison instead of a
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

/// The type-7 quantiles at `p` (ascending) of the keys as a full sort would order them, by selection: the order
/// statistics k = ⌊h⌋, h = (n − 1)·p, are placed by selectRanks (O(n) each against the sort's O(n log n), which had
/// been 8 % of gaussian-fitting's WebAssembly time), and each one's upper neighbour k + 1 is the least key after it
/// up to the next placed rank (the keys beyond that one are not smaller). The same values, so the same bits.
/// Reorders `keys`.
template <std::size_t N>
std::array<double, N> selectedQuantiles(std::vector<std::uint64_t>& keys, const std::array<double, N>& p) {
  const std::size_t n = keys.size();
  std::array<double, N> h{}, quantiles{};
  std::array<std::size_t, N> ranks{};
  for (std::size_t i = 0; i < N; ++i) {
    h[i] = (static_cast<double>(n) - 1.0) * p[i];
    ranks[i] = static_cast<std::size_t>(std::floor(h[i]));
  }
  if (n == 1) {  // every quantile is the one value
    quantiles.fill(valueOfKey(keys[0]));
    return quantiles;
  }
  selectRanks(keys.data(), n, ranks.data(), N);
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t below = ranks[i];  // < n − 1 for n ≥ 2 and p < 1
    std::size_t end = n;
    for (std::size_t j = i + 1; j < N && end == n; ++j)
      if (ranks[j] > below) end = ranks[j] + 1;
    const double lower = valueOfKey(keys[below]);
    // A lambda, not std::less: Emscripten's libc++ has the std::less forms of these algorithms as extern templates
    // whose prebuilt copies call the comparison out of line.
    const auto least = std::min_element(keys.begin() + static_cast<std::ptrdiff_t>(below) + 1,
                                        keys.begin() + static_cast<std::ptrdiff_t>(end), [](std::uint64_t a, std::uint64_t b) { return a < b; });
    const double upper = valueOfKey(*least);
    quantiles[i] = lower + (h[i] - static_cast<double>(below)) * (upper - lower);
  }
  return quantiles;
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
  const auto [lo, median, hi] = selectedQuantiles<3>(keys, {0.1, 0.5, 0.9});
  return {mean, sem, lo, hi, median, nonFinite};
}

}  // namespace collapse
