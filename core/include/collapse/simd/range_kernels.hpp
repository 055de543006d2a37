#pragma once
/// @file range_kernels.hpp
/// The two level-1 loops the matrix kernels and the eigensolver share, on two lanes (collapse/simd/f64x2.hpp),
/// each with its lane order fixed so that every build gives the same bits:
///   dot             Σ x[k]·y[k] — lane 0 takes k = 0, 2, 4, … and an odd last k, lane 1 takes k = 1, 3, …;
///                   lane 0 + lane 1 at the end
///   subtractScaled  y[k] = y[k] − x[k]·a, one IEEE operation per step and entry
#include "collapse/simd/f64x2.hpp"

namespace collapse::simd {

inline double dot(const double* x, const double* y, int count) {
  F64x2 s = splat(0.0);
  int k = 0;
  for (; k + 2 <= count; k += 2) s = s + load(x + k) * load(y + k);
  double lane0 = lane(s, 0);
  if (k < count) lane0 = lane0 + x[k] * y[k];
  return lane0 + lane(s, 1);
}

inline void subtractScaled(double* y, const double* x, double a, int count) {
  const F64x2 factor = splat(a);
  int k = 0;
  for (; k + 2 <= count; k += 2) store(y + k, load(y + k) - load(x + k) * factor);
  if (k < count) y[k] = y[k] - x[k] * a;
}

}  // namespace collapse::simd
