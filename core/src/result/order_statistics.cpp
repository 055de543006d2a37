// Exact order statistics by quickselect (collapse/result/order_statistics.hpp).
#include "collapse/result/order_statistics.hpp"

#include <algorithm>

namespace collapse {

namespace {

/// Ranges this short are finished by insertion sort.
constexpr std::size_t kInsertionSortBelow = 16;

/// keys[k] becomes the k-th smallest of keys[lo, hi) with the smaller ones before it and the larger after.
/// Each round takes the median of the first, middle and last keys as pivot and partitions in two branch-free
/// passes (each key is swapped to the front whether or not it belongs there, and the front advances by the
/// comparison): [lo, less) < pivot, [less, equal) = pivot, [equal, hi) > pivot. Only the part holding k goes on,
/// so a range of equal keys ends in one round. At most 2n comparisons a round, no mispredicted branch: on 400
/// keys the three quantiles took 3.4 µs in WebAssembly SIMD and 2.3 µs natively against 7.9 and 7.1 µs for
/// three std::nth_element (docs/benchmarks.md, twelfth pass).
void selectRank(std::uint64_t* keys, std::size_t lo, std::size_t hi, std::size_t k, int depthBudget) {
  while (hi - lo > kInsertionSortBelow) {
    if (depthBudget-- == 0) {  // a pathological order: the library's introselect finishes (the same values)
      std::nth_element(keys + lo, keys + k, keys + hi, [](std::uint64_t a, std::uint64_t b) { return a < b; });
      return;
    }
    const std::uint64_t first = keys[lo], middle = keys[lo + (hi - lo) / 2], last = keys[hi - 1];
    const std::uint64_t pivot = std::max(std::min(first, middle), std::min(std::max(first, middle), last));
    std::size_t less = lo;
    for (std::size_t i = lo; i < hi; ++i) {
      const std::uint64_t key = keys[i];
      keys[i] = keys[less];
      keys[less] = key;
      less += key < pivot;
    }
    if (k < less) {
      hi = less;
      continue;
    }
    std::size_t equal = less;
    for (std::size_t i = less; i < hi; ++i) {
      const std::uint64_t key = keys[i];
      keys[i] = keys[equal];
      keys[equal] = key;
      equal += key == pivot;
    }
    if (k < equal) return;  // keys[k] is the pivot, in place between the smaller and the larger keys
    lo = equal;
  }
  for (std::size_t i = lo + 1; i < hi; ++i) {
    const std::uint64_t key = keys[i];
    std::size_t j = i;
    for (; j > lo && keys[j - 1] > key; --j) keys[j] = keys[j - 1];
    keys[j] = key;
  }
}

/// The middle requested rank first, then the lower ranks left of it and the higher right of it.
void selectRanksIn(std::uint64_t* keys, std::size_t lo, std::size_t hi, const std::size_t* ranks, std::size_t count,
                   int depthBudget) {
  if (count == 0) return;
  const std::size_t middle = count / 2, k = ranks[middle];
  selectRank(keys, lo, hi, k, depthBudget);
  std::size_t below = middle, above = middle + 1;
  while (below > 0 && ranks[below - 1] == k) --below;  // repeats of k are placed already
  while (above < count && ranks[above] == k) ++above;
  selectRanksIn(keys, lo, k, ranks, below, depthBudget);
  selectRanksIn(keys, k + 1, hi, ranks + above, count - above, depthBudget);
}

}  // namespace

void selectRanks(std::uint64_t* keys, std::size_t n, const std::size_t* ranks, std::size_t count, int depthBudget) {
  if (depthBudget < 0) {
    depthBudget = 4;
    for (std::size_t m = n; m > 1; m >>= 1) depthBudget += 2;
  }
  selectRanksIn(keys, 0, n, ranks, count, depthBudget);
}

}  // namespace collapse
