#pragma once
/// @file rng.hpp
/// The project's own pseudo-random generator, so that a (seed, trial) pair gives the same stream on every
/// platform: native, WebAssembly in node, and every browser. The standard library's engines are portable but its
/// distributions are not (libstdc++ and libc++ differ), so the samplers in samplers.hpp build on this alone.
///
/// Algorithm: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4), 2021), period 2^256 − 1. Its 256-bit state is filled by SplitMix64 (Steele, Lea & Flood,
/// OOPSLA 2014) from a 64-bit key that mixes the seed and the trial index, as Vigna recommends for seeding.
#include <array>
#include <cstdint>

namespace collapse {

/// One SplitMix64 step: advances `state` and returns a well-mixed 64-bit output.
inline std::uint64_t splitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  /// The stream of trial `trial` under `seed`. Distinct (seed, trial) pairs get unrelated streams: the key is
  /// SplitMix64(seed) combined with the trial index, then expanded by SplitMix64 into the xoshiro state.
  Rng(std::uint64_t seed, std::uint64_t trial) {
    std::uint64_t s = seed;
    std::uint64_t key = splitMix64(s) ^ (trial * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
    for (auto& word : state_) word = splitMix64(key);
  }

  /// A generator in a given xoshiro256** state, for known-answer tests of the algorithm.
  static Rng fromState(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
    Rng rng(0, 0);
    rng.state_[0] = s0;
    rng.state_[1] = s1;
    rng.state_[2] = s2;
    rng.state_[3] = s3;
    return rng;
  }

  /// The xoshiro256** state (s0, s1, s2, s3): for RngPair, which runs two streams in two lanes, and for tests.
  std::array<std::uint64_t, 4> state() const { return {state_[0], state_[1], state_[2], state_[3]}; }

  /// Next 64 uniformly distributed bits (xoshiro256**).
  std::uint64_t nextU64() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform on [0, 1) with 53 random bits: exactly representable, identical on every IEEE-754 platform.
  double uniform() { return toUniform(nextU64()); }

  /// The uniform() of one raw output: exact, identical on every IEEE-754 platform.
  static double toUniform(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

  /// Uniform on (0, 1): never 0, so safe under log().
  double uniformOpen() { return (static_cast<double>(nextU64() >> 11) + 0.5) * 0x1.0p-53; }

  /// Uniform integer on [0, n) without modulo bias (Lemire's multiply-and-reject, ACM TOMACS 2019): the high
  /// 64 bits of the 128-bit product x·n, redrawn while its low 64 bits fall in the biased zone.
  std::uint64_t below(std::uint64_t n) {
    if (n > 0xFFFFFFFFULL) return belowWide(n);
    // n < 2³², the case of every index draw: the same product from two 64-bit ones, x = xh·2³² + xl, so that
    // high = (xh·n + ⌊xl·n / 2³²⌋) / 2³² (no overflow: xh·n ≤ (2³² − 1)², the carry < 2³²) and low = x·n mod 2⁶⁴.
    // Same draws, same values as belowWide; WebAssembly has no 64×64→128 multiply, and its __multi3 call
    // had been 2 % of gaussian-fitting and recursive-regression.
    std::uint64_t x = nextU64(), low = x * n;
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        x = nextU64();
        low = x * n;
      }
    }
    return ((x >> 32) * n + (((x & 0xFFFFFFFFULL) * n) >> 32)) >> 32;
  }

  /// below(n) through a 128-bit product, for any n ≥ 1 (the reference the fast path is tested against).
  std::uint64_t belowWide(std::uint64_t n);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace collapse
