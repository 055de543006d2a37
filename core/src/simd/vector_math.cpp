#include "collapse/simd/vector_math.hpp"

#include <cmath>

#include "collapse/math/portable_math.hpp"

namespace collapse::simd {

void expArray(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) store(out + i, exp(load(in + i)));
  for (; i < n; ++i) out[i] = math::exp(in[i]);  // the scalar reference gives the same bits as a lane
}

void logArray(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) store(out + i, log(load(in + i)));
  for (; i < n; ++i) out[i] = math::log(in[i]);
}

void log1pArray(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) store(out + i, log1p(load(in + i)));
  for (; i < n; ++i) out[i] = math::log1p(in[i]);
}

void powArray(const double* in, double y, double* out, std::size_t n) {
  const bool laneY = y != 0.0 && y - y == 0.0;  // y finite and non-zero: the lanes' formula can apply
  const F64x2 scale = splat(y);
  const auto usual = [](double x) { return x > 0.0 && x != 1.0; };  // not NaN, not 0, not negative, not 1
  std::size_t i = 0;
  if (laneY)
    for (; i + 2 <= n; i += 2) {
      const double x0 = in[i], x1 = in[i + 1];
      store(out + i, exp(log(make(x0, x1)) * scale));
      if (!usual(x0)) out[i] = math::pow(x0, y);
      if (!usual(x1)) out[i + 1] = math::pow(x1, y);
    }
  for (; i < n; ++i) out[i] = math::pow(in[i], y);
}

double sumExpShifted(const double* x, std::size_t n, double shift) {
  F64x2 sum = splat(0.0);
  const F64x2 s = splat(shift);
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) sum = sum + exp(load(x + i) - s);
  double even = lane(sum, 0), odd = lane(sum, 1);
  if (i < n) even += math::exp(x[i] - shift);
  return even + odd;
}

bool allFinite(const double* x, std::size_t n) {
  const F64x2 zero = splat(0.0);
  F64x2 a = zero, b = zero;  // two accumulators: two independent additions per step
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    a = a + load(x + i) * zero;
    b = b + load(x + i + 2) * zero;
  }
  for (; i + 2 <= n; i += 2) a = a + load(x + i) * zero;
  double rest = 0.0;
  if (i < n) rest = x[i] * 0.0;
  const F64x2 sum = a + b;
  const double total = (lane(sum, 0) + lane(sum, 1)) + rest;
  return total == total;  // NaN (an ∞ or a NaN among the x) is the one value unequal to itself
}

bool allFiniteReference(const double* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(x[i])) return false;
  return true;
}

double sumExpShiftedReference(const double* x, std::size_t n, double shift) {
  double even = 0.0, odd = 0.0;
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    even += math::exp(x[i] - shift);
    odd += math::exp(x[i + 1] - shift);
  }
  if (i < n) even += math::exp(x[i] - shift);
  return even + odd;
}

}  // namespace collapse::simd
