#include "collapse/random/samplers.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/random/rng_pair.hpp"
#include "collapse/simd/vector_math.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace collapse {

double NormalSampler::operator()() {
  if (hasCached_) {
    hasCached_ = false;
    return cached_;
  }
  double u, v, s;
  do {
    u = 2.0 * rng_.uniform() - 1.0;
    v = 2.0 * rng_.uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * math::log(s) / s);
  cached_ = v * factor;
  hasCached_ = true;
  return u * factor;
}

void normalsOfStreams(std::uint64_t seed, const std::uint64_t* streams, std::size_t n, std::size_t count, double* out) {
  const std::size_t pairs = (count + 1) / 2;
  std::vector<double> u(n * pairs), v(n * pairs), s(n * pairs), logs(n * pairs);
  for (std::size_t i = 0; i < n; ++i) {
    Rng rng(seed, streams[i]);
    for (std::size_t k = i * pairs; k < (i + 1) * pairs; ++k) {
      do {  // NormalSampler::operator()'s loop, the same draws in the same order
        u[k] = 2.0 * rng.uniform() - 1.0;
        v[k] = 2.0 * rng.uniform() - 1.0;
        s[k] = u[k] * u[k] + v[k] * v[k];
      } while (s[k] >= 1.0 || s[k] == 0.0);
    }
  }
  simd::logArray(s.data(), logs.data(), s.size());
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t k = i * pairs + j / 2;
      const double factor = std::sqrt(-2.0 * logs[k] / s[k]);
      out[i * count + j] = (j % 2 == 0 ? u[k] : v[k]) * factor;
    }
}

void NormalSampler::fill(double* out, std::size_t n) {
  // The same numbers, in the same order, as n calls of operator(), which draws a pair (u, v) and rejects it while
  // s = u² + v² ≥ 1 or s = 0. Here a batch needing `pairs` accepted pairs draws exactly `pairs` candidates, keeps
  // the accepted ones in stream order, and draws as many more as are still missing, until none is: the generator
  // is consumed exactly as far as the one-at-a-time loop would consume it (its last candidate is accepted). Only
  // the raw 64-bit outputs are drawn serially; the uniforms, s, the test and the factors √(−2 ln s / s) are
  // computed two at a time with one IEEE operation per lane, as in operator().
  std::size_t i = 0;
  if (n > 0 && hasCached_) {
    out[i++] = cached_;
    hasCached_ = false;
  }
  constexpr std::size_t kBatch = 64;  // pairs per batch
  alignas(16) std::uint64_t first[kBatch], second[kBatch];
  alignas(16) double u[kBatch], v[kBatch], s[kBatch];
  const simd::F64x2 one = simd::splat(1.0), two = simd::splat(2.0), zero = simd::splat(0.0);
  while (n - i >= 2) {
    const std::size_t pairs = std::min(kBatch, (n - i) / 2);
    std::size_t accepted = 0;
    while (accepted < pairs) {
      const std::size_t candidates = pairs - accepted;
      for (std::size_t p = 0; p < candidates; ++p) {
        first[p] = rng_.nextU64();
        second[p] = rng_.nextU64();
      }
      std::size_t p = 0;
      for (; p + 2 <= candidates; p += 2) {
        const simd::F64x2 a = two * uniformLanes(simd::loadBits(first + p)) - one;
        const simd::F64x2 b = two * uniformLanes(simd::loadBits(second + p)) - one;
        const simd::F64x2 r = a * a + b * b;
        const int keep = simd::laneMask(simd::lessThan(r, one) & simd::greaterThan(r, zero));
        // Written unconditionally, kept by advancing: a rejected lane is overwritten by the next accepted one.
        u[accepted] = simd::lane(a, 0), v[accepted] = simd::lane(b, 0), s[accepted] = simd::lane(r, 0);
        accepted += static_cast<std::size_t>(keep & 1);
        u[accepted] = simd::lane(a, 1), v[accepted] = simd::lane(b, 1), s[accepted] = simd::lane(r, 1);
        accepted += static_cast<std::size_t>(keep >> 1);
      }
      if (p < candidates) {
        const double a = 2.0 * Rng::toUniform(first[p]) - 1.0;
        const double b = 2.0 * Rng::toUniform(second[p]) - 1.0;
        const double r = a * a + b * b;
        u[accepted] = a, v[accepted] = b, s[accepted] = r;
        accepted += static_cast<std::size_t>(r < 1.0 && r != 0.0);
      }
    }
    std::size_t p = 0;
    for (; p + 2 <= pairs; p += 2) {
      const simd::F64x2 r = simd::load(s + p);
      const simd::F64x2 factor = simd::sqrt(simd::splat(-2.0) * simd::log(r) / r);
      const simd::F64x2 firsts = simd::load(u + p) * factor, seconds = simd::load(v + p) * factor;
      out[i] = simd::lane(firsts, 0);
      out[i + 1] = simd::lane(seconds, 0);
      out[i + 2] = simd::lane(firsts, 1);
      out[i + 3] = simd::lane(seconds, 1);
      i += 4;
    }
    if (p < pairs) {
      const double factor = std::sqrt(-2.0 * math::log(s[p]) / s[p]);
      out[i++] = u[p] * factor;
      out[i++] = v[p] * factor;
    }
  }
  if (i < n) out[i] = (*this)();
}

double sampleGamma(double shape, NormalSampler& normal, Rng& rng) {
  if (!(shape > 0.0)) throw std::invalid_argument("sampleGamma: shape must be positive");
  if (shape < 1.0) {
    // Gamma(a) = Gamma(a + 1) · U^(1/a)  (Marsaglia & Tsang 2000, section 6).
    // Two statements: the operands of * may be evaluated in either order (GCC and Clang differ), and both draw.
    const double boosted = sampleGamma(shape + 1.0, normal, rng);
    return boosted * math::pow(rng.uniformOpen(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniformOpen();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;  // cheap squeeze
    if (math::log(u) < 0.5 * x2 + d * (1.0 - v + math::log(v))) return d * v;
  }
}

double sampleChiSquare(double degrees, NormalSampler& normal, Rng& rng) {
  return 2.0 * sampleGamma(0.5 * degrees, normal, rng);
}

namespace {

/// Binomial(n, p) by sequential inversion (p ≤ 1/2, n·p ≤ 16, so (1 − p)^n ≥ e^(−23) never underflows);
/// logKeep = log(1 − p) = math::log1p(−p).
std::uint64_t binomialByInversion(std::uint64_t n, double p, double logKeep, Rng& rng) {
  const double odds = p / (1.0 - p);
  double mass = math::exp(static_cast<double>(n) * logKeep);  // P(X = 0)
  double u = rng.uniform();
  std::uint64_t x = 0;
  while (u >= mass && x < n) {
    u -= mass;
    ++x;
    mass *= odds * static_cast<double>(n - x + 1) / static_cast<double>(x);
  }
  return x;
}

/// sampleBinomial with, when known, math::log1p(−p) for the p it is called with (`logKeep`, else nullptr).
std::uint64_t binomialDraw(std::uint64_t n, double p, const double* logKeep, NormalSampler& normal, Rng& rng) {
  // The answer is offset + sign·Binomial(n, p) for the current (n, p); p > 1/2 is reflected, n − Binomial(n, 1 − p).
  std::int64_t offset = 0, sign = 1;
  for (;;) {
    if (n == 0 || !(p > 0.0)) return static_cast<std::uint64_t>(offset);
    if (p >= 1.0) return static_cast<std::uint64_t>(offset + sign * static_cast<std::int64_t>(n));
    if (p > 0.5) {
      offset += sign * static_cast<std::int64_t>(n);
      sign = -sign;
      p = 1.0 - p;
      logKeep = nullptr;  // it was the logarithm of the old p (so below, after a split)
    }
    if (static_cast<double>(n) * p <= 16.0) {
      const double keep = logKeep ? *logKeep : math::log1p(-p);
      return static_cast<std::uint64_t>(offset + sign * static_cast<std::int64_t>(binomialByInversion(n, p, keep, rng)));
    }
    const std::uint64_t a = n / 2 + 1, b = n + 1 - a;
    const double ga = sampleGamma(static_cast<double>(a), normal, rng), gb = sampleGamma(static_cast<double>(b), normal, rng);
    const double x = ga / (ga + gb);  // the a-th smallest of n uniforms
    if (x >= p) {
      n = a - 1;
      p = p / x;
    } else {
      offset += sign * static_cast<std::int64_t>(a);
      n = b - 1;
      p = (p - x) / (1.0 - x);
    }
    logKeep = nullptr;
  }
}

}  // namespace

std::uint64_t sampleBinomial(std::uint64_t n, double p, NormalSampler& normal, Rng& rng) {
  return binomialDraw(n, p, nullptr, normal, rng);
}

std::uint64_t sampleBinomial(std::uint64_t n, double p, double logKeep, NormalSampler& normal, Rng& rng) {
  return binomialDraw(n, p, &logKeep, normal, rng);
}

std::vector<std::uint32_t> sampleWithoutReplacement(std::uint32_t population, std::uint32_t count, Rng& rng) {
  SubsetSampler sampler;
  return sampler.sample(population, count, rng);
}

const std::vector<std::uint32_t>& SubsetSampler::sample(std::uint32_t population, std::uint32_t count, Rng& rng) {
  if (count > population) throw std::invalid_argument("sampleWithoutReplacement: count exceeds population");
  picked_.resize(count);
  // The sparse forms: the partial Fisher–Yates below on an array of which only the displaced positions are stored,
  // so the same draws give the same picks without an O(population) index. `find(k)` gives k's place in the store
  // (where it is, or where it would go), `valueAt(place, k)` the value at position k (k itself if never displaced),
  // `assign(place, k, v)` stores position k's new value; no store changes between a find and its assign.
  const auto sparseShuffle = [&](auto find, auto valueAt, auto assign) {
    for (std::uint32_t i = 0; i < count; ++i) {
      const auto j = static_cast<std::uint32_t>(i + rng.below(population - i));
      const auto placeOfJ = find(j);
      picked_[i] = valueAt(placeOfJ, j);
      const std::uint32_t displacedValue = valueAt(find(i), i);
      assign(placeOfJ, j, displacedValue);
    }
  };
  if (count <= kListedDisplacements && static_cast<std::uint64_t>(count) * 16 < population) {
    // Very few from many (accumulate-subsample's m = 10 or 20 of a pool of thousands): the displaced positions in a
    // short list searched from the start. At most `count` of them, so the search reads a few cache lines and needs
    // no table to clear: the hash table below had been an eighth of gaussian-fitting fixed-compute in WebAssembly,
    // mostly clearing and probing.
    std::array<std::uint32_t, kListedDisplacements> keys, values;
    std::size_t listed = 0;
    sparseShuffle(
        [&](std::uint32_t k) {
          std::size_t at = 0;
          while (at < listed && keys[at] != k) ++at;
          return at;  // == listed when k was never displaced
        },
        [&](std::size_t at, std::uint32_t k) { return at < listed ? values[at] : k; },
        [&](std::size_t at, std::uint32_t k, std::uint32_t v) {
          if (at == listed) keys[listed++] = k;
          values[at] = v;
        });
    return picked_;
  }
  if (static_cast<std::uint64_t>(count) * 16 < population) {
    // A few from many (accumulate-subsample late in a chain): the displaced positions in one open-addressing table
    // (linear probing, at most `count` keys, at least 4 slots per key): std::unordered_map's node per key had made
    // this a seventh of gaussian-fitting's accumulate-subsample time in WebAssembly (dlmalloc, dlfree and bucket
    // primes in the profile).
    constexpr std::uint32_t empty = 0xFFFFFFFFu;  // no key: every key is a position < population ≤ 2³² − 1
    int bits = 2;
    while ((std::size_t{1} << bits) < 4 * static_cast<std::size_t>(count)) ++bits;
    const std::size_t mask = (std::size_t{1} << bits) - 1;
    slots_.assign(mask + 1, {empty, 0});
    sparseShuffle(
        [&](std::uint32_t k) {
          std::size_t h = static_cast<std::size_t>((static_cast<std::uint64_t>(k) * 0x9E3779B97F4A7C15ULL) >> (64 - bits));  // Fibonacci hashing
          while (slots_[h].first != empty && slots_[h].first != k) h = (h + 1) & mask;
          return h;  // k's slot, or the empty slot where it would go
        },
        [&](std::size_t h, std::uint32_t k) { return slots_[h].first == empty ? k : slots_[h].second; },
        [&](std::size_t h, std::uint32_t k, std::uint32_t v) { slots_[h] = {k, v}; });
    return picked_;
  }
  index_.resize(population);
  std::iota(index_.begin(), index_.end(), 0U);
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto j = static_cast<std::uint32_t>(i + rng.below(population - i));
    std::swap(index_[i], index_[j]);
  }
  std::copy(index_.begin(), index_.begin() + count, picked_.begin());
  return picked_;
}

}  // namespace collapse
