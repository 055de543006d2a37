#pragma once
/// @file rng_pair.hpp
/// Two Rng streams in the two lanes of simd::U64x2, stepped together: two trials' random numbers for the price of
/// one stream's instructions. Each lane is exactly its Rng (xoshiro256**, rng.hpp): the same outputs in the same
/// order, and a lane advances only when asked, so that two rejection samplers can run side by side while each lane
/// consumes its stream exactly as far as the one-at-a-time sampler would (paired_samplers.hpp).
#include "collapse/random/rng.hpp"
#include "collapse/simd/f64x2.hpp"

namespace collapse {

class RngPair {
 public:
  /// Lane 0 continues `first`, lane 1 `second`, from where they are.
  RngPair(const Rng& first, const Rng& second) {
    const auto a = first.state(), b = second.state();
    for (int w = 0; w < 4; ++w) state_[w] = simd::makeBits(a[w], b[w]);
  }

  /// Each lane's next output (Rng::nextU64); lanes outside `advance` (all-zero lanes) stay where they are, and
  /// their output is the one they will give when next advanced. x·5 = (x << 2) + x and x·9 = (x << 3) + x modulo
  /// 2⁶⁴, and rotations are two shifts: SSE2 and SIMD128 have no 64-bit lane multiply or rotate.
  simd::U64x2 next(simd::U64x2 advance) {
    using simd::shiftLeft, simd::shiftRight;
    const simd::U64x2 s0 = state_[0], s1 = state_[1], s2 = state_[2], s3 = state_[3];
    const simd::U64x2 times5 = shiftLeft(s1, 2) + s1;
    const simd::U64x2 rotated = shiftLeft(times5, 7) | shiftRight(times5, 57);
    const simd::U64x2 result = shiftLeft(rotated, 3) + rotated;
    const simd::U64x2 t = shiftLeft(s1, 17);
    const simd::U64x2 n2 = s2 ^ s0, n3 = s3 ^ s1;
    const simd::U64x2 n1 = s1 ^ n2, n0 = s0 ^ n3;
    state_[0] = simd::select(advance, n0, s0);
    state_[1] = simd::select(advance, n1, s1);
    state_[2] = simd::select(advance, n2 ^ t, s2);
    state_[3] = simd::select(advance, shiftLeft(n3, 45) | shiftRight(n3, 19), s3);
    return result;
  }

  /// Lane i's stream as an Rng, where it is now.
  Rng lane(int i) const {
    return Rng::fromState(simd::laneBits(state_[0], i), simd::laneBits(state_[1], i), simd::laneBits(state_[2], i),
                          simd::laneBits(state_[3], i));
  }

 private:
  simd::U64x2 state_[4];
};

/// Each lane's x >> 11 (53 bits) as a double, exactly: its high 21 and low 32 bits each become a double exactly by
/// placing them in the mantissa of 2⁸⁴ and 2⁵² and subtracting those, and their sum is exact (it has 53 bits).
inline simd::F64x2 top53BitsAsDouble(simd::U64x2 bits) {
  const simd::U64x2 v = simd::shiftRight(bits, 11);
  const simd::F64x2 low = simd::fromBits((v & simd::splatBits(0xFFFFFFFFULL)) | simd::splatBits(0x4330000000000000ULL)) - simd::splat(0x1.0p52);
  const simd::F64x2 high = simd::fromBits(simd::shiftRight(v, 32) | simd::splatBits(0x4530000000000000ULL)) - simd::splat(0x1.0p84);
  return high + low;
}

/// Rng::toUniform of each lane's raw output, bit for bit: static_cast<double>(x >> 11) · 2⁻⁵³.
inline simd::F64x2 uniformLanes(simd::U64x2 bits) { return top53BitsAsDouble(bits) * simd::splat(0x1.0p-53); }

/// Rng::uniformOpen of each lane's raw output, bit for bit: (static_cast<double>(x >> 11) + 0.5) · 2⁻⁵³, the
/// same rounded sum (the power of two scales exactly).
inline simd::F64x2 uniformOpenLanes(simd::U64x2 bits) {
  return (top53BitsAsDouble(bits) + simd::splat(0.5)) * simd::splat(0x1.0p-53);
}

}  // namespace collapse
