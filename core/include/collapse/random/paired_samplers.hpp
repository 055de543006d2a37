#pragma once
/// @file paired_samplers.hpp
/// NormalSampler and sampleGamma (samplers.hpp) for the two streams of an RngPair at once: lane i gives exactly the
/// numbers that NormalSampler / sampleGamma on lane i's Rng alone would give, in the same order, and leaves that
/// stream exactly where they would (tests/core/paired_samplers_test.cpp). The rejection loops run until every
/// lane has accepted; a lane that has accepted waits (its stream is not advanced) while the other draws again.
/// Used where two trials run the same scalar chain side by side (gaussian-fitting at d = 1), so that the
/// generator, the logarithms, square roots and divisions of both take one set of two-lane instructions.
#include <array>

#include "collapse/random/rng_pair.hpp"
#include "collapse/simd/f64x2.hpp"

namespace collapse {

class NormalPairSampler {
 public:
  explicit NormalPairSampler(RngPair& rng) : rng_(rng) {}

  /// One N(0, 1) for each lane in `want` (NormalSampler::operator(): the cached second value of the last polar
  /// pair if there is one, else a new pair); the other lanes draw nothing and their result lane is meaningless.
  simd::F64x2 operator()(simd::U64x2 want);

  /// The next two N(0, 1) of each lane in `want`, as two calls of operator() give them. Either way each lane
  /// draws exactly one new polar pair (its cached value and the new pair's first, caching the second; or both
  /// values of the new pair), so the two lanes share one two-lane logarithm however their caches stand; two
  /// calls share one only when both lanes' caches are in the same state.
  std::array<simd::F64x2, 2> nextTwo(simd::U64x2 want);

 private:
  /// One accepted polar pair (u, v, s = u² + v²) in each lane of `lanes`, drawn as NormalSampler draws one; other
  /// lanes get s = 1 (a finite factor, never used).
  void drawPairs(simd::U64x2 lanes, simd::F64x2& u, simd::F64x2& v, simd::F64x2& s);

  RngPair& rng_;
  simd::F64x2 cached_ = simd::splat(0.0);
  simd::U64x2 hasCached_ = simd::splatBits(0);
};

/// sampleGamma(shape, …) in each lane of `want` (shape ≥ 1: Marsaglia & Tsang's squeeze and log test), the
/// normals drawn from `normal` (which must run on `rng`); other lanes draw nothing. `firstNormal`, if given, is
/// each lane's first normal, already drawn (the second of a NormalPairSampler::nextTwo).
simd::F64x2 sampleGammaPair(double shape, simd::U64x2 want, NormalPairSampler& normal, RngPair& rng,
                            const simd::F64x2* firstNormal = nullptr);

/// sampleChiSquare(degrees, …) in each lane of `want`: 2·Gamma(degrees / 2), for degrees ≥ 2.
simd::F64x2 sampleChiSquarePair(double degrees, simd::U64x2 want, NormalPairSampler& normal, RngPair& rng,
                                const simd::F64x2* firstNormal = nullptr);

}  // namespace collapse
