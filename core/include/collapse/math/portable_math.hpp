#pragma once
/// @file portable_math.hpp
/// Elementary functions computed from IEEE-754 +, −, ×, ÷, √ and bit manipulation only, so that they return the
/// same bits in every build: natively (where glibc picks an FMA variant of exp/log/sin/… at run time on CPUs
/// that have one) and in WebAssembly (musl). With `-ffp-contract=off` every operation below is rounded exactly
/// once, in the order written, on every IEEE-754 platform. docs/determinism.md states the guarantee.
///
/// The algorithms are those of Sun's fdlibm 5.3 (e_exp.c, e_log.c, k_sin.c, k_cos.c; freely distributable),
/// rewritten without the branches that only exist for speed, so that the 2-lane SIMD versions in
/// collapse/simd/vector_math.hpp can follow exactly the same operation order and give the same bits.
/// Accuracy (checked against glibc in tests/core/portable_math_test.cpp): exp, log < 1 ulp; sin, cos < 1 ulp
/// for |x| < 10⁵; log1p < 3 ulp; pow = exp(y·log x), relative error ≲ (|y·log x| + 2) ulp;
/// lgamma (x > 0) absolute error < 1e-13.

namespace collapse::math {

/// e^x. Overflows to +inf above 709.78, underflows to 0 (through subnormals) below −745.13, NaN stays NaN.
double exp(double x);

/// Natural logarithm: −inf at ±0, NaN below 0, +inf at +inf, exact 0 at 1; subnormals are handled.
double log(double x);

/// log(1 + x), accurate for small x (Kahan's u = 1 + x; log(u)·x/(u − 1)).
double log1p(double x);

/// x^y for x ≥ 0 (and x < 0 with integral y) as exp(y·log x); pow(x, 0) = 1, pow(0, y > 0) = 0.
double pow(double x, double y);

/// v^power for a small power ≥ 0 by repeated multiplication, left to right (exact for power ≤ 1, one rounding
/// per factor after that).
inline double powInt(double v, int power) {
  double r = 1.0;
  for (int i = 0; i < power; ++i) r *= v;
  return r;
}

/// sin and cos with Cody–Waite reduction by π/2 (three-part π/2, good to ~85 bits of the reduced argument).
double sin(double x);
double cos(double x);

/// log Γ(x) for x > 0 (NaN otherwise): the recurrence up to x ≥ 20, then Stirling's series to the x⁻¹¹ term.
double lgamma(double x);

}  // namespace collapse::math
