#include "collapse/math/portable_math.hpp"

#include "collapse/math/fdlibm_constants.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

// Algorithms: fdlibm 5.3 (Sun Microsystems, 1993: "Permission to use, copy, modify, and distribute this software
// is freely granted, provided that this notice is preserved."), constants unchanged; see docs/determinism.md.
// Every branch below that the SIMD twins (collapse/simd/vector_math.hpp) cannot take lane by lane is a *select*
// between values both computed the same way, so scalar and SIMD give the same bits.

namespace collapse::math {

using namespace fdlibm;

namespace {

std::uint64_t bitsOf(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

double fromBits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

/// 2^k for an integral k in [−1022, 1023], built from its exponent bits.
double powerOfTwo(double k) { return fromBits(static_cast<std::uint64_t>(static_cast<std::int64_t>(k) + 1023) << 52); }

/// Round to the nearest integer, ties to even, for |v| < 2^51: the classic 1.5·2^52 shifter (exact in IEEE).
double roundToInteger(double v) {
  const double shifter = 0x1.8p52;
  return (v + shifter) - shifter;
}

// k_sin.c, k_cos.c, e_rem_pio2.c (first-round constants)
constexpr double kS1 = -1.66666666666666324348e-01, kS2 = 8.33333333332248946124e-03,
                 kS3 = -1.98412698298579493134e-04, kS4 = 2.75573137070700676789e-06,
                 kS5 = -2.50507602534068634195e-08, kS6 = 1.58969099521155010221e-10;
constexpr double kC1 = 4.16666666666666019037e-02, kC2 = -1.38888888888741095749e-03,
                 kC3 = 2.48015872894767294178e-05, kC4 = -2.75573143513906633035e-07,
                 kC5 = 2.08757232129817482790e-09, kC6 = -1.13596475577881948265e-11;
constexpr double kInvPio2 = 6.36619772367581382433e-01;
constexpr double kPio2_1 = 1.57079632673412561417e+00;   // first 33 bits of π/2
constexpr double kPio2_1t = 6.07710050650619224932e-11;  // π/2 − kPio2_1

/// sin(x + y) for |x + y| ≤ π/4, y the tail of the reduced argument (k_sin.c with iy = 1).
double kernelSin(double x, double y) {
  const double z = x * x, v = z * x;
  const double r = kS2 + z * (kS3 + z * (kS4 + z * (kS5 + z * kS6)));
  return x - ((z * (0.5 * y - v * r) - y) - v * kS1);
}

/// cos(x + y) for |x + y| ≤ π/4 (k_cos.c, FreeBSD's revision).
double kernelCos(double x, double y) {
  const double z = x * x, w = z * z;
  const double r = z * (kC1 + z * (kC2 + z * kC3)) + w * w * (kC4 + z * (kC5 + z * kC6));
  const double hz = 0.5 * z, one_minus_hz = 1.0 - hz;
  return one_minus_hz + (((1.0 - one_minus_hz) - hz) + (z * r - x * y));
}

struct ReducedAngle {
  double head, tail;
  int quadrant;  // x ≈ quadrant·π/2 + head + tail, quadrant mod 4
};

ReducedAngle reduceByHalfPi(double x) {
  const double n = roundToInteger(x * kInvPio2);
  const double r = x - n * kPio2_1;  // exact while |n| < 2^20
  const double w = n * kPio2_1t;
  const double head = r - w;
  const double tail = (r - head) - w;
  const auto quadrant = static_cast<int>(static_cast<long long>(n) & 3);
  return {head, tail, quadrant};
}

}  // namespace

double exp(double x) {
  if (x != x) return x;
  if (x > kExpOverflow) return kInf;
  if (x < kExpUnderflow) return 0.0;
  // x = k·ln2 + r, |r| ≤ ln2/2; e^r by fdlibm's rational form; then scale by 2^k in two exact halves so that
  // results in the subnormal range are rounded once.
  const double k = roundToInteger(x * kInvLn2);
  const double hi = x - k * kLn2Hi, lo = k * kLn2Lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  const double k1 = roundToInteger(k * 0.5), k2 = k - k1;
  return (y * powerOfTwo(k1)) * powerOfTwo(k2);
}

double log(double x) {
  if (x != x || x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (x == kInf) return kInf;
  double exponentOffset = -1023.0;
  if (x < 0x1p-1022) {  // subnormal: scale into the normal range first
    x *= kTwo54;
    exponentOffset -= 54.0;
  }
  const std::uint64_t bits = bitsOf(x);
  double k = static_cast<double>(bits >> 52) + exponentOffset;
  double u = fromBits((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // x = 2^k · u, u in [1, 2)
  const bool squareForm = u >= kLogSquareFrom && u < kLogSquareBelow;
  if (u >= kLogHalveFrom) {  // u in [√2/2, √2): f = u − 1 small in both directions
    u *= 0.5;
    k += 1.0;
  }
  const double f = u - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s, w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double R = t2 + t1;
  const double hfsq = 0.5 * f * f;
  const double withSquare = k * kLn2Hi - ((hfsq - (s * (hfsq + R) + k * kLn2Lo)) - f);
  const double without = k * kLn2Hi - ((s * (f - R) - k * kLn2Lo) - f);
  return squareForm ? withSquare : without;
}

double log1p(double x) {
  const double u = 1.0 + x;
  if (u == 1.0) return x;
  if (u == kInf) return kInf;
  if (!(u >= 0.0)) return kNaN;  // x < −1 or NaN: one NaN bit pattern (a product of NaNs may keep either sign)
  return log(u) * (x / (u - 1.0));
}

double pow(double x, double y) {
  if (y == 0.0 || x == 1.0) return 1.0;
  if (x != x || y != y) return kNaN;
  if (x == 0.0) return y > 0.0 ? 0.0 : kInf;
  if (x < 0.0) {
    if (std::floor(y) != y) return kNaN;
    const double magnitude = exp(y * log(-x));
    return std::fmod(y, 2.0) != 0.0 ? -magnitude : magnitude;
  }
  return exp(y * log(x));
}

double sin(double x) {
  if (!(std::fabs(x) < kInf)) return kNaN;
  const ReducedAngle a = reduceByHalfPi(x);
  switch (a.quadrant) {
    case 0: return kernelSin(a.head, a.tail);
    case 1: return kernelCos(a.head, a.tail);
    case 2: return -kernelSin(a.head, a.tail);
    default: return -kernelCos(a.head, a.tail);
  }
}

double cos(double x) {
  if (!(std::fabs(x) < kInf)) return kNaN;
  const ReducedAngle a = reduceByHalfPi(x);
  switch (a.quadrant) {
    case 0: return kernelCos(a.head, a.tail);
    case 1: return -kernelSin(a.head, a.tail);
    case 2: return -kernelCos(a.head, a.tail);
    default: return kernelSin(a.head, a.tail);
  }
}

double lgamma(double x) {
  if (!(x > 0.0)) return kNaN;
  if (x == kInf) return kInf;
  // Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)); Stirling's series is accurate to < 1e-17 relative from x = 20 on.
  double product = 1.0;
  while (x < 20.0) {
    product *= x;
    x += 1.0;
  }
  const double z = 1.0 / (x * x);
  // B₂ₖ / (2k(2k−1)) for k = 1…6 (Abramowitz & Stegun 6.1.40).
  const double series = (1.0 / x) * (1.0 / 12 + z * (-1.0 / 360 + z * (1.0 / 1260 + z * (-1.0 / 1680 + z * (1.0 / 1188 + z * (-691.0 / 360360))))));
  const double halfLogTwoPi = 0.91893853320467274178;
  return (x - 0.5) * log(x) - x + halfLogTwoPi + series - log(product);
}

}  // namespace collapse::math
