// RngPair and the paired samplers (collapse/random/paired_samplers.hpp) against the one-stream code they pair:
// every lane's numbers bit for bit, and every stream left exactly where the one-stream code leaves it, for random
// patterns of which lanes ask (a lane that asks nothing must draw nothing).
#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <stdexcept>

#include "collapse/random/paired_samplers.hpp"
#include "collapse/random/rng_pair.hpp"
#include "collapse/random/samplers.hpp"

using namespace collapse;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

/// Lanes as a mask: bit 0 lane 0, bit 1 lane 1.
simd::U64x2 lanes(int bits) { return simd::makeBits(bits & 1 ? ~0ULL : 0ULL, bits & 2 ? ~0ULL : 0ULL); }

bool sameState(const Rng& a, const Rng& b) { return a.state() == b.state(); }

}  // namespace

TEST_CASE("RngPair: each lane is its own xoshiro256** stream, advanced only when asked", "[samplers][simd]") {
  Rng first(7, 0), second(7, 1), chooser(99, 0);
  RngPair pair(first, second);
  for (int call = 0; call < 5000; ++call) {
    const int ask = static_cast<int>(chooser.below(4));
    const simd::U64x2 out = pair.next(lanes(ask));
    INFO("call " << call << ", lanes " << ask);
    if (ask & 1) CHECK(simd::laneBits(out, 0) == first.nextU64());
    if (ask & 2) CHECK(simd::laneBits(out, 1) == second.nextU64());
  }
  CHECK(sameState(pair.lane(0), first));
  CHECK(sameState(pair.lane(1), second));
}

TEST_CASE("uniformLanes and uniformOpenLanes: Rng::toUniform and Rng::uniformOpen bit for bit", "[samplers][simd]") {
  // x >> 11 ≥ 2⁵² is where uniformOpen's + 0.5 rounds; 0 and all ones are the ends.
  const std::uint64_t edges[] = {0, 1, 0x7FF, 0x800, ~0ULL, 1ULL << 63, (1ULL << 63) + 0x800, 0xFFFFFFFFFFFFF800ULL,
                                 0x8000000000000FFFULL, 0x00000000FFFFFFFFULL, 0xFFFFFFFF00000000ULL};
  Rng rng(3, 4);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t a = i < 11 ? edges[i] : rng.nextU64(), b = i < 11 ? edges[10 - i] : rng.nextU64();
    const simd::U64x2 bits = simd::makeBits(a, b);
    INFO(std::hex << a << " " << b);
    CHECK(sameBits(simd::lane(uniformLanes(bits), 0), Rng::toUniform(a)));
    CHECK(sameBits(simd::lane(uniformLanes(bits), 1), Rng::toUniform(b)));
    CHECK(sameBits(simd::lane(uniformOpenLanes(bits), 0), (static_cast<double>(a >> 11) + 0.5) * 0x1.0p-53));
    CHECK(sameBits(simd::lane(uniformOpenLanes(bits), 1), (static_cast<double>(b >> 11) + 0.5) * 0x1.0p-53));
  }
  // uniformOpen's formula above is Rng's own: check it against the generator once.
  Rng x(5, 5), y(5, 5);
  CHECK(sameBits(x.uniformOpen(), (static_cast<double>(y.nextU64() >> 11) + 0.5) * 0x1.0p-53));
}

TEST_CASE("NormalPairSampler: each lane is NormalSampler on its stream, cache included", "[samplers][simd]") {
  Rng first(11, 0), second(11, 1), chooser(12, 0);
  RngPair pair(first, second);
  NormalPairSampler paired(pair);
  NormalSampler one(first), other(second);
  for (int call = 0; call < 20000; ++call) {
    const int ask = static_cast<int>(chooser.below(4));
    INFO("call " << call << ", lanes " << ask);
    if (call % 3 == 0) {  // two at once, against two calls
      const std::array<simd::F64x2, 2> z = paired.nextTwo(lanes(ask));
      for (const simd::F64x2& value : z) {
        if (ask & 1) CHECK(sameBits(simd::lane(value, 0), one()));
        if (ask & 2) CHECK(sameBits(simd::lane(value, 1), other()));
      }
      continue;
    }
    const simd::F64x2 z = paired(lanes(ask));
    if (ask & 1) CHECK(sameBits(simd::lane(z, 0), one()));
    if (ask & 2) CHECK(sameBits(simd::lane(z, 1), other()));
  }
  CHECK(sameState(pair.lane(0), first));
  CHECK(sameState(pair.lane(1), second));
}

TEST_CASE("sampleGammaPair and sampleChiSquarePair: sampleGamma and sampleChiSquare in each lane", "[samplers][simd]") {
  // Shape 1 rejects most often (the squeeze fails and the log test decides; v = 1 + c·x ≤ 0 for x ≤ −2.45);
  // normals drawn between the Gamma draws share the samplers' cache, as gaussian-fitting's chain does.
  for (double shape : {1.0, 1.5, 4.5, 9.5, 250.0}) {
    Rng first(21, 0), second(21, 1), chooser(22, 0);
    RngPair pair(first, second);
    NormalPairSampler paired(pair);
    NormalSampler one(first), other(second);
    for (int call = 0; call < 4000; ++call) {
      const int ask = static_cast<int>(chooser.below(4));
      INFO("shape " << shape << ", call " << call << ", lanes " << ask);
      // Every third call as gaussian-fitting's chain draws: two normals at once, the second the Gamma's first.
      const bool together = call % 3 == 0;
      const std::array<simd::F64x2, 2> z = together ? paired.nextTwo(lanes(ask)) : std::array<simd::F64x2, 2>{paired(lanes(ask))};
      if (ask & 1) CHECK(sameBits(simd::lane(z[0], 0), one()));
      if (ask & 2) CHECK(sameBits(simd::lane(z[0], 1), other()));
      const simd::F64x2* firstNormal = together ? &z[1] : nullptr;
      const simd::F64x2 g = call % 2 ? sampleGammaPair(shape, lanes(ask), paired, pair, firstNormal)
                                     : sampleChiSquarePair(2.0 * shape, lanes(ask), paired, pair, firstNormal);
      const auto scalar = [&](NormalSampler& normal, Rng& rng) {
        return call % 2 ? sampleGamma(shape, normal, rng) : sampleChiSquare(2.0 * shape, normal, rng);
      };
      if (ask & 1) CHECK(sameBits(simd::lane(g, 0), scalar(one, first)));
      if (ask & 2) CHECK(sameBits(simd::lane(g, 1), scalar(other, second)));
    }
    CHECK(sameState(pair.lane(0), first));
    CHECK(sameState(pair.lane(1), second));
  }
  Rng a(1, 0), b(1, 1);
  RngPair pair(a, b);
  NormalPairSampler normal(pair);
  CHECK_THROWS_AS(sampleGammaPair(0.5, lanes(3), normal, pair), std::invalid_argument);
}
