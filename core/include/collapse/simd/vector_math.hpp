#pragma once
/// @file vector_math.hpp
/// exp and log on two f64 lanes: lane for lane the same operations, in the same order, as collapse::math::exp
/// and collapse::math::log (collapse/math/portable_math.hpp), hence the same bits — the scalar functions are
/// these kernels' reference, and tests/core/simd_kernels_test.cpp checks the equality on every build.
/// Branches of the scalar code become selects between lanes computed the same way.
#include <cstddef>

#include "collapse/math/fdlibm_constants.hpp"
#include "collapse/simd/f64x2.hpp"

namespace collapse::simd {

namespace detail {

/// Round to the nearest integer (ties to even) for |v| < 2^51: (v + 1.5·2^52) − 1.5·2^52.
inline F64x2 roundToInteger(F64x2 v) {
  const F64x2 shifter = splat(0x1.8p52);
  return (v + shifter) - shifter;
}

/// 2^k for integral k in [−1022, 1023]: the bits of k + 1.5·2^52 hold k in their low mantissa bits.
inline F64x2 powerOfTwo(F64x2 k) {
  const F64x2 shifter = splat(0x1.8p52);
  const U64x2 integer = bitsOf(k + shifter) - bitsOf(shifter);
  return fromBits(shiftLeft(integer + splatBits(1023), 52));
}

}  // namespace detail

/// e^x per lane, bit-identical to collapse::math::exp.
inline F64x2 exp(F64x2 x) {
  using namespace collapse::math::fdlibm;
  const F64x2 k = detail::roundToInteger(x * splat(kInvLn2));
  const F64x2 hi = x - k * splat(kLn2Hi), lo = k * splat(kLn2Lo);
  const F64x2 r = hi - lo;
  const F64x2 t = r * r;
  const F64x2 c = r - t * (splat(kP1) + t * (splat(kP2) + t * (splat(kP3) + t * (splat(kP4) + t * splat(kP5)))));
  const F64x2 one = splat(1.0);
  const F64x2 y = one - ((lo - (r * c) / (splat(2.0) - c)) - hi);
  const F64x2 k1 = detail::roundToInteger(k * splat(0.5)), k2 = k - k1;
  F64x2 result = (y * detail::powerOfTwo(k1)) * detail::powerOfTwo(k2);
  result = select(lessThan(x, splat(kExpUnderflow)), splat(0.0), result);
  result = select(greaterThan(x, splat(kExpOverflow)), splat(kInf), result);
  return select(equal(x, x), result, x);  // NaN stays NaN
}

/// Natural logarithm per lane, bit-identical to collapse::math::log.
inline F64x2 log(F64x2 x) {
  using namespace collapse::math::fdlibm;
  const U64x2 subnormal = lessThan(x, splat(0x1p-1022));
  const F64x2 scaled = select(subnormal, x * splat(kTwo54), x);
  const F64x2 offset = select(subnormal, splat(-1023.0 - 54.0), splat(-1023.0));
  const U64x2 bits = bitsOf(scaled);
  // The biased exponent as a double: its bits ORed into 2^52's mantissa, minus 2^52 (exact).
  const F64x2 biased = fromBits(shiftRight(bits, 52) | splatBits(0x4330000000000000ULL)) - splat(0x1p52);
  F64x2 k = biased + offset;
  F64x2 u = fromBits((bits & splatBits(0x000fffffffffffffULL)) | splatBits(0x3ff0000000000000ULL));
  const U64x2 squareForm = greaterEqual(u, splat(kLogSquareFrom)) & lessThan(u, splat(kLogSquareBelow));
  const U64x2 halve = greaterEqual(u, splat(kLogHalveFrom));
  u = select(halve, u * splat(0.5), u);
  k = select(halve, k + splat(1.0), k);
  const F64x2 f = u - splat(1.0);
  const F64x2 s = f / (splat(2.0) + f);
  const F64x2 z = s * s, w = z * z;
  const F64x2 t1 = w * (splat(kLg2) + w * (splat(kLg4) + w * splat(kLg6)));
  const F64x2 t2 = z * (splat(kLg1) + w * (splat(kLg3) + w * (splat(kLg5) + w * splat(kLg7))));
  const F64x2 R = t2 + t1;
  const F64x2 hfsq = splat(0.5) * f * f;
  const F64x2 ln2Hi = splat(kLn2Hi), ln2Lo = splat(kLn2Lo);
  const F64x2 withSquare = k * ln2Hi - ((hfsq - (s * (hfsq + R) + k * ln2Lo)) - f);
  const F64x2 without = k * ln2Hi - ((s * (f - R) - k * ln2Lo) - f);
  F64x2 result = select(squareForm, withSquare, without);
  result = select(equal(x, splat(kInf)), splat(kInf), result);
  result = select(equal(x, splat(0.0)), splat(-kInf), result);
  return select(greaterEqual(x, splat(0.0)), result, splat(kNaN));  // x < 0 and NaN give NaN
}

/// log(1 + x) per lane, bit-identical to collapse::math::log1p: log(u)·(x/(u − 1)) with u = 1 + x (Goldberg's
/// correction), x itself where u rounds to 1, +∞ where u overflows, NaN for x < −1.
inline F64x2 log1p(F64x2 x) {
  using namespace collapse::math::fdlibm;
  const F64x2 u = splat(1.0) + x;
  F64x2 result = log(u) * (x / (u - splat(1.0)));
  result = select(equal(u, splat(kInf)), u, result);
  result = select(greaterEqual(u, splat(0.0)), result, splat(kNaN));  // x < −1 and NaN: the scalar's one NaN
  return select(equal(u, splat(1.0)), x, result);
}

/// out[i] = collapse::math::exp(in[i]) (bit for bit), two lanes at a time; in and out may be the same array.
void expArray(const double* in, double* out, std::size_t n);

/// out[i] = collapse::math::log(in[i]) (bit for bit), two lanes at a time; in and out may be the same array.
void logArray(const double* in, double* out, std::size_t n);

/// out[i] = collapse::math::log1p(in[i]) (bit for bit), two lanes at a time; in and out may be the same array.
void log1pArray(const double* in, double* out, std::size_t n);

/// out[i] = collapse::math::pow(in[i], y) (bit for bit): exp(y·log x) on two lanes, as math::pow computes it for
/// x > 0, x ≠ 1 and y ≠ 0, y finite; every other case by math::pow itself. in and out may be the same array. For the
/// tempered laws p^(1/τ) of the language model's decoding, a vocabulary's worth per fitted model.
void powArray(const double* in, double y, double* out, std::size_t n);

/// Σᵢ e^(xᵢ − shift), summed in two lanes (even and odd i), the lanes added at the end: the log-sum-exp of kernel
/// densities and softmax normalisers. Reference: sumExpShiftedReference (the same order, scalar).
double sumExpShifted(const double* x, std::size_t n, double shift);
double sumExpShiftedReference(const double* x, std::size_t n, double shift);

/// Whether x[0..n) holds no ±∞ and no NaN (Eigen's allFinite), on two lanes: the sum of the x·0 is ±0 when every
/// x is finite, NaN otherwise. Every factorisation checks its input with it (linalg/checked_factorisation.hpp):
/// Eigen's allFinite compares entry by entry and had been a fifth of checkedCholesky's time in WebAssembly.
/// Reference: allFiniteReference (std::isfinite entry by entry).
bool allFinite(const double* x, std::size_t n);
bool allFiniteReference(const double* x, std::size_t n);

}  // namespace collapse::simd
