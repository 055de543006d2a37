#pragma once
/// @file order_statistics.hpp
/// Exact order statistics of integer keys by selection: after selectRanks, keys[r] holds, for each requested rank r,
/// the value a full sort would put there (everything before it ≤ it, everything after ≥ it). summarise's three
/// quantiles (result/summary.cpp) select their ranks here instead of by three std::nth_element calls: one
/// quickselect with a branch-free partition, each rank searched only inside the range its neighbours leave. The
/// values do not depend on the algorithm, so the bits are those of the sort in every build.
#include <cstddef>
#include <cstdint>

namespace collapse {

/// Places the order statistics of `ranks` (ascending, each < n, repeats allowed) at their positions of keys[0..n).
/// `depthBudget` partitions per selection before it hands its range to std::nth_element (the same values, with
/// that algorithm's worst case); the default, −1, allows 2·⌊log₂ n⌋ + 4, as introselect does.
void selectRanks(std::uint64_t* keys, std::size_t n, const std::size_t* ranks, std::size_t count, int depthBudget = -1);

}  // namespace collapse
