#pragma once
/// @file guide_table.hpp
/// Inversion of a running sum in O(1) expected time, giving exactly the index a binary search gives: the first i
/// with cumulative[i] > u, or count − 1 (std::upper_bound over cumulative[0, count − 1)). A guide table (Chen &
/// Asau 1974; Devroye 1986, §III.2.4) keeps, for each of `count` equal buckets of [0, total), the first index whose
/// running sum falls in that bucket or beyond; a draw starts there and steps forward. The same u gives the same
/// index as the binary search (the bucket of a value is monotone in it), so the draws, and every result, stay as
/// they were. For the large tables drawn from on every token (the n-gram model's unigram level and the decoder's
/// tempered base law: one entry per word of the vocabulary), where the binary search's dozen cache misses had cost.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace collapse {

class GuideTable {
 public:
  GuideTable() = default;
  /// `cumulative`: count ≥ 1 non-decreasing running sums, the last one positive and finite.
  GuideTable(const double* cumulative, std::size_t count);

  bool empty() const { return start_.empty(); }
  /// The first i < count − 1 with cumulative[i] > u, else count − 1 (the same array the table was built from).
  std::size_t find(const double* cumulative, double u) const;

 private:
  std::size_t bucket(double x) const;
  double scale_ = 0.0;
  std::vector<std::uint32_t> start_;  ///< per bucket b: the first index i with bucket(cumulative[i]) ≥ b (else count − 1)
};

}  // namespace collapse
