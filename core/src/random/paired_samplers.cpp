#include "collapse/random/paired_samplers.hpp"

#include <cmath>
#include <stdexcept>

#include "collapse/simd/vector_math.hpp"

namespace collapse {

using simd::F64x2;
using simd::U64x2;

void NormalPairSampler::drawPairs(U64x2 lanes, F64x2& u, F64x2& v, F64x2& s) {
  // Rejected while s ≥ 1 or s = 0; a lane that has accepted keeps its pair and draws no more.
  const F64x2 one = simd::splat(1.0), two = simd::splat(2.0), zero = simd::splat(0.0);
  u = zero, v = zero, s = one;
  for (U64x2 pending = lanes; simd::anyLane(pending);) {
    const F64x2 a = two * uniformLanes(rng_.next(pending)) - one;
    const F64x2 b = two * uniformLanes(rng_.next(pending)) - one;
    const F64x2 r = a * a + b * b;
    u = simd::select(pending, a, u);
    v = simd::select(pending, b, v);
    s = simd::select(pending, r, s);
    pending = simd::andNot(pending, simd::lessThan(r, one) & simd::greaterThan(r, zero));
  }
}

F64x2 NormalPairSampler::operator()(U64x2 want) {
  // Lanes with a cached value take it; the others (`fresh`) draw a polar pair, return u·√(−2 ln s / s) and cache
  // v·√(−2 ln s / s), as NormalSampler::operator().
  const U64x2 fresh = simd::andNot(want, hasCached_);
  hasCached_ = simd::select(want, fresh, hasCached_);
  if (!simd::anyLane(fresh)) return cached_;
  F64x2 u, v, s;
  drawPairs(fresh, u, v, s);
  const F64x2 factor = simd::sqrt(simd::splat(-2.0) * simd::log(s) / s);
  const F64x2 result = simd::select(fresh, u * factor, cached_);
  cached_ = simd::select(fresh, v * factor, cached_);
  return result;
}

std::array<F64x2, 2> NormalPairSampler::nextTwo(U64x2 want) {
  F64x2 u, v, s;
  drawPairs(want, u, v, s);
  const F64x2 factor = simd::sqrt(simd::splat(-2.0) * simd::log(s) / s);
  const F64x2 first = u * factor, second = v * factor;
  // A lane with a cached value: that value, then the pair's first, and its second is cached (still a cached
  // value). A lane without: the pair's two values, and still none cached.
  const std::array<F64x2, 2> values = {simd::select(hasCached_, cached_, first), simd::select(hasCached_, first, second)};
  cached_ = simd::select(want & hasCached_, second, cached_);
  return values;
}

F64x2 sampleGammaPair(double shape, U64x2 want, NormalPairSampler& normal, RngPair& rng, const F64x2* firstNormal) {
  if (!(shape >= 1.0)) throw std::invalid_argument("sampleGammaPair: shape must be at least 1");
  // sampleGamma's loop for shape ≥ 1, each lane until it accepts: x ~ N(0,1) redrawn while v = 1 + c·x ≤ 0,
  // v = v³, u ~ U(0,1); accepted if u < 1 − 0.0331·x⁴ (the squeeze) or ln u < x²/2 + d·(1 − v + ln v).
  const double dScalar = shape - 1.0 / 3.0;
  const F64x2 d = simd::splat(dScalar), c = simd::splat(1.0 / std::sqrt(9.0 * dScalar));
  const F64x2 one = simd::splat(1.0), zero = simd::splat(0.0);
  F64x2 result = zero, x = zero, v = one;
  for (U64x2 pending = want; simd::anyLane(pending);) {
    U64x2 drawing = pending;  // not empty: every pending lane draws at least one x
    do {
      x = firstNormal ? *firstNormal : simd::select(drawing, normal(drawing), x);  // the first x may be given
      firstNormal = nullptr;
      v = simd::select(drawing, one + c * x, v);
      drawing = simd::andNot(drawing, simd::greaterThan(v, zero));
    } while (simd::anyLane(drawing));
    const F64x2 cube = v * v * v;
    const F64x2 u = uniformOpenLanes(rng.next(pending));
    const F64x2 x2 = x * x;
    U64x2 accepted = simd::lessThan(u, one - simd::splat(0.0331) * x2 * x2);
    if (simd::anyLane(simd::andNot(pending, accepted)))  // the log test, where the squeeze failed
      accepted = accepted | simd::lessThan(simd::log(u), simd::splat(0.5) * x2 + d * (one - cube + simd::log(cube)));
    const U64x2 done = pending & accepted;
    result = simd::select(done, d * cube, result);
    pending = simd::andNot(pending, accepted);
  }
  return result;
}

F64x2 sampleChiSquarePair(double degrees, U64x2 want, NormalPairSampler& normal, RngPair& rng, const F64x2* firstNormal) {
  return simd::splat(2.0) * sampleGammaPair(0.5 * degrees, want, normal, rng, firstNormal);
}

}  // namespace collapse
