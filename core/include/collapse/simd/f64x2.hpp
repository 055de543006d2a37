#pragma once
/// @file f64x2.hpp
/// Two f64 lanes, the one vector width that SSE2 (every x86-64 CPU) and WebAssembly SIMD128 share, with the
/// operations the kernels in collapse/simd/ need. Three twins with identical lane semantics:
///   * SSE2 (<emmintrin.h>) natively,
///   * SIMD128 (<wasm_simd128.h>) in the WebAssembly SIMD flavour (-msimd128),
///   * two plain doubles elsewhere (the WebAssembly scalar flavour).
/// Every lane operation is one IEEE-754 operation rounded once (no FMA, no min/max whose NaN and ±0 rules differ
/// between SSE2 and SIMD128), so a kernel written with F64x2 gives the same bits in all three builds, and the
/// same bits as its scalar reference when that performs the same operations in the same order
/// (docs/determinism.md; equality tests in tests/core/simd_kernels_test.cpp).
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define COLLAPSE_F64X2_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define COLLAPSE_F64X2_SSE2 1
#endif

namespace collapse::simd {

/// Which twin this build uses: "sse2", "simd128" or "scalar".
constexpr const char* kF64x2Backend =
#if defined(COLLAPSE_F64X2_WASM)
    "simd128";
#elif defined(COLLAPSE_F64X2_SSE2)
    "sse2";
#else
    "scalar";
#endif

#if defined(COLLAPSE_F64X2_WASM)

struct F64x2 { v128_t v; };
struct U64x2 { v128_t v; };  ///< two 64-bit integer lanes (also the result of comparisons: all ones or zero)
inline F64x2 load(const double* p) { return {wasm_v128_load(p)}; }
inline void store(double* p, F64x2 a) { wasm_v128_store(p, a.v); }
inline F64x2 splat(double x) { return {wasm_f64x2_splat(x)}; }
inline F64x2 make(double lane0, double lane1) { return {wasm_f64x2_make(lane0, lane1)}; }
inline F64x2 operator+(F64x2 a, F64x2 b) { return {wasm_f64x2_add(a.v, b.v)}; }
inline F64x2 operator-(F64x2 a, F64x2 b) { return {wasm_f64x2_sub(a.v, b.v)}; }
inline F64x2 operator*(F64x2 a, F64x2 b) { return {wasm_f64x2_mul(a.v, b.v)}; }
inline F64x2 operator/(F64x2 a, F64x2 b) { return {wasm_f64x2_div(a.v, b.v)}; }
inline F64x2 sqrt(F64x2 a) { return {wasm_f64x2_sqrt(a.v)}; }
inline U64x2 lessThan(F64x2 a, F64x2 b) { return {wasm_f64x2_lt(a.v, b.v)}; }
inline U64x2 greaterThan(F64x2 a, F64x2 b) { return {wasm_f64x2_gt(a.v, b.v)}; }
inline U64x2 greaterEqual(F64x2 a, F64x2 b) { return {wasm_f64x2_ge(a.v, b.v)}; }
inline U64x2 equal(F64x2 a, F64x2 b) { return {wasm_f64x2_eq(a.v, b.v)}; }
inline U64x2 operator&(U64x2 a, U64x2 b) { return {wasm_v128_and(a.v, b.v)}; }
inline U64x2 operator|(U64x2 a, U64x2 b) { return {wasm_v128_or(a.v, b.v)}; }
inline U64x2 operator^(U64x2 a, U64x2 b) { return {wasm_v128_xor(a.v, b.v)}; }
/// a & ~b.
inline U64x2 andNot(U64x2 a, U64x2 b) { return {wasm_v128_andnot(a.v, b.v)}; }
/// mask ? a : b, lane by lane (mask lanes all ones or all zeros).
inline F64x2 select(U64x2 mask, F64x2 a, F64x2 b) { return {wasm_v128_bitselect(a.v, b.v, mask.v)}; }
inline U64x2 select(U64x2 mask, U64x2 a, U64x2 b) { return {wasm_v128_bitselect(a.v, b.v, mask.v)}; }
inline U64x2 bitsOf(F64x2 a) { return {a.v}; }
inline F64x2 fromBits(U64x2 a) { return {a.v}; }
inline U64x2 splatBits(std::uint64_t x) { return {wasm_i64x2_splat(static_cast<std::int64_t>(x))}; }
inline U64x2 makeBits(std::uint64_t lane0, std::uint64_t lane1) {
  return {wasm_i64x2_make(static_cast<std::int64_t>(lane0), static_cast<std::int64_t>(lane1))};
}
inline std::uint64_t laneBits(U64x2 a, int i) {
  return static_cast<std::uint64_t>(i == 0 ? wasm_i64x2_extract_lane(a.v, 0) : wasm_i64x2_extract_lane(a.v, 1));
}
inline U64x2 operator+(U64x2 a, U64x2 b) { return {wasm_i64x2_add(a.v, b.v)}; }
inline U64x2 operator-(U64x2 a, U64x2 b) { return {wasm_i64x2_sub(a.v, b.v)}; }
inline U64x2 shiftLeft(U64x2 a, int n) { return {wasm_i64x2_shl(a.v, n)}; }
inline U64x2 shiftRight(U64x2 a, int n) { return {wasm_u64x2_shr(a.v, n)}; }
inline double lane(F64x2 a, int i) { return i == 0 ? wasm_f64x2_extract_lane(a.v, 0) : wasm_f64x2_extract_lane(a.v, 1); }
inline bool anyLane(U64x2 m) { return wasm_v128_any_true(m.v); }
inline U64x2 loadBits(const std::uint64_t* p) { return {wasm_v128_load(p)}; }
inline int laneMask(U64x2 m) { return wasm_i64x2_bitmask(m.v); }

#elif defined(COLLAPSE_F64X2_SSE2)

struct F64x2 { __m128d v; };
struct U64x2 { __m128i v; };
inline F64x2 load(const double* p) { return {_mm_loadu_pd(p)}; }
inline void store(double* p, F64x2 a) { _mm_storeu_pd(p, a.v); }
inline F64x2 splat(double x) { return {_mm_set1_pd(x)}; }
inline F64x2 make(double lane0, double lane1) { return {_mm_set_pd(lane1, lane0)}; }
inline F64x2 operator+(F64x2 a, F64x2 b) { return {_mm_add_pd(a.v, b.v)}; }
inline F64x2 operator-(F64x2 a, F64x2 b) { return {_mm_sub_pd(a.v, b.v)}; }
inline F64x2 operator*(F64x2 a, F64x2 b) { return {_mm_mul_pd(a.v, b.v)}; }
inline F64x2 operator/(F64x2 a, F64x2 b) { return {_mm_div_pd(a.v, b.v)}; }
inline F64x2 sqrt(F64x2 a) { return {_mm_sqrt_pd(a.v)}; }
inline U64x2 lessThan(F64x2 a, F64x2 b) { return {_mm_castpd_si128(_mm_cmplt_pd(a.v, b.v))}; }
inline U64x2 greaterThan(F64x2 a, F64x2 b) { return {_mm_castpd_si128(_mm_cmpgt_pd(a.v, b.v))}; }
inline U64x2 greaterEqual(F64x2 a, F64x2 b) { return {_mm_castpd_si128(_mm_cmpge_pd(a.v, b.v))}; }
inline U64x2 equal(F64x2 a, F64x2 b) { return {_mm_castpd_si128(_mm_cmpeq_pd(a.v, b.v))}; }
inline U64x2 operator&(U64x2 a, U64x2 b) { return {_mm_and_si128(a.v, b.v)}; }
inline U64x2 operator|(U64x2 a, U64x2 b) { return {_mm_or_si128(a.v, b.v)}; }
inline U64x2 operator^(U64x2 a, U64x2 b) { return {_mm_xor_si128(a.v, b.v)}; }
inline U64x2 andNot(U64x2 a, U64x2 b) { return {_mm_andnot_si128(b.v, a.v)}; }
inline F64x2 select(U64x2 mask, F64x2 a, F64x2 b) {
  const __m128d m = _mm_castsi128_pd(mask.v);
  return {_mm_or_pd(_mm_and_pd(m, a.v), _mm_andnot_pd(m, b.v))};
}
inline U64x2 select(U64x2 mask, U64x2 a, U64x2 b) { return {_mm_or_si128(_mm_and_si128(mask.v, a.v), _mm_andnot_si128(mask.v, b.v))}; }
inline U64x2 bitsOf(F64x2 a) { return {_mm_castpd_si128(a.v)}; }
inline F64x2 fromBits(U64x2 a) { return {_mm_castsi128_pd(a.v)}; }
inline U64x2 splatBits(std::uint64_t x) { return {_mm_set1_epi64x(static_cast<long long>(x))}; }
inline U64x2 makeBits(std::uint64_t lane0, std::uint64_t lane1) {
  return {_mm_set_epi64x(static_cast<long long>(lane1), static_cast<long long>(lane0))};
}
inline std::uint64_t laneBits(U64x2 a, int i) {
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(i == 0 ? a.v : _mm_unpackhi_epi64(a.v, a.v)));
}
inline U64x2 operator+(U64x2 a, U64x2 b) { return {_mm_add_epi64(a.v, b.v)}; }
inline U64x2 operator-(U64x2 a, U64x2 b) { return {_mm_sub_epi64(a.v, b.v)}; }
inline U64x2 shiftLeft(U64x2 a, int n) { return {_mm_sll_epi64(a.v, _mm_cvtsi32_si128(n))}; }
inline U64x2 shiftRight(U64x2 a, int n) { return {_mm_srl_epi64(a.v, _mm_cvtsi32_si128(n))}; }
inline double lane(F64x2 a, int i) { return i == 0 ? _mm_cvtsd_f64(a.v) : _mm_cvtsd_f64(_mm_unpackhi_pd(a.v, a.v)); }
inline bool anyLane(U64x2 m) { return _mm_movemask_pd(_mm_castsi128_pd(m.v)) != 0; }
inline U64x2 loadBits(const std::uint64_t* p) { return {_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))}; }
inline int laneMask(U64x2 m) { return _mm_movemask_pd(_mm_castsi128_pd(m.v)); }

#else

struct F64x2 { double v[2]; };
struct U64x2 { std::uint64_t v[2]; };
inline F64x2 load(const double* p) { return {{p[0], p[1]}}; }
inline void store(double* p, F64x2 a) { p[0] = a.v[0]; p[1] = a.v[1]; }
inline F64x2 splat(double x) { return {{x, x}}; }
inline F64x2 make(double lane0, double lane1) { return {{lane0, lane1}}; }
inline F64x2 operator+(F64x2 a, F64x2 b) { return {{a.v[0] + b.v[0], a.v[1] + b.v[1]}}; }
inline F64x2 operator-(F64x2 a, F64x2 b) { return {{a.v[0] - b.v[0], a.v[1] - b.v[1]}}; }
inline F64x2 operator*(F64x2 a, F64x2 b) { return {{a.v[0] * b.v[0], a.v[1] * b.v[1]}}; }
inline F64x2 operator/(F64x2 a, F64x2 b) { return {{a.v[0] / b.v[0], a.v[1] / b.v[1]}}; }
inline F64x2 sqrt(F64x2 a) { return {{std::sqrt(a.v[0]), std::sqrt(a.v[1])}}; }  // correctly rounded, as sqrtpd
inline U64x2 maskOf(bool a, bool b) { return {{a ? ~0ULL : 0ULL, b ? ~0ULL : 0ULL}}; }
inline U64x2 lessThan(F64x2 a, F64x2 b) { return maskOf(a.v[0] < b.v[0], a.v[1] < b.v[1]); }
inline U64x2 greaterThan(F64x2 a, F64x2 b) { return maskOf(a.v[0] > b.v[0], a.v[1] > b.v[1]); }
inline U64x2 greaterEqual(F64x2 a, F64x2 b) { return maskOf(a.v[0] >= b.v[0], a.v[1] >= b.v[1]); }
inline U64x2 equal(F64x2 a, F64x2 b) { return maskOf(a.v[0] == b.v[0], a.v[1] == b.v[1]); }
inline U64x2 operator&(U64x2 a, U64x2 b) { return {{a.v[0] & b.v[0], a.v[1] & b.v[1]}}; }
inline U64x2 operator|(U64x2 a, U64x2 b) { return {{a.v[0] | b.v[0], a.v[1] | b.v[1]}}; }
inline U64x2 operator^(U64x2 a, U64x2 b) { return {{a.v[0] ^ b.v[0], a.v[1] ^ b.v[1]}}; }
inline U64x2 andNot(U64x2 a, U64x2 b) { return {{a.v[0] & ~b.v[0], a.v[1] & ~b.v[1]}}; }
inline F64x2 select(U64x2 mask, F64x2 a, F64x2 b) { return {{mask.v[0] ? a.v[0] : b.v[0], mask.v[1] ? a.v[1] : b.v[1]}}; }
inline U64x2 select(U64x2 mask, U64x2 a, U64x2 b) { return {{(mask.v[0] & a.v[0]) | (~mask.v[0] & b.v[0]), (mask.v[1] & a.v[1]) | (~mask.v[1] & b.v[1])}}; }
inline U64x2 bitsOf(F64x2 a) {
  U64x2 r;
  std::memcpy(r.v, a.v, sizeof r.v);
  return r;
}
inline F64x2 fromBits(U64x2 a) {
  F64x2 r;
  std::memcpy(r.v, a.v, sizeof r.v);
  return r;
}
inline U64x2 splatBits(std::uint64_t x) { return {{x, x}}; }
inline U64x2 makeBits(std::uint64_t lane0, std::uint64_t lane1) { return {{lane0, lane1}}; }
inline std::uint64_t laneBits(U64x2 a, int i) { return a.v[i]; }
inline U64x2 operator+(U64x2 a, U64x2 b) { return {{a.v[0] + b.v[0], a.v[1] + b.v[1]}}; }
inline U64x2 operator-(U64x2 a, U64x2 b) { return {{a.v[0] - b.v[0], a.v[1] - b.v[1]}}; }
inline U64x2 shiftLeft(U64x2 a, int n) { return {{a.v[0] << n, a.v[1] << n}}; }
inline U64x2 shiftRight(U64x2 a, int n) { return {{a.v[0] >> n, a.v[1] >> n}}; }
inline double lane(F64x2 a, int i) { return a.v[i]; }
inline bool anyLane(U64x2 m) { return (m.v[0] | m.v[1]) != 0; }
inline U64x2 loadBits(const std::uint64_t* p) { return {{p[0], p[1]}}; }
inline int laneMask(U64x2 m) { return static_cast<int>(m.v[0] >> 63) | static_cast<int>(m.v[1] >> 63) << 1; }

#endif

}  // namespace collapse::simd
