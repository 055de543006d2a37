// A guard against a known miscompilation of Debian's clang 14 (Emscripten 3.1.6) for WebAssembly SIMD128: a vector
// whose lane 0 is built from a scalar load becomes a v128.load64_splat that is scheduled after a later store to the
// same address, so lane 0 reads the new value (docs/determinism.md, "Known compiler bug"). The SLP vectoriser builds
// such vectors out of plain scalar code — here, two xoshiro256** steps in a row, whose outputs it computes in two
// lanes: the first output then came out as the third. The SIMD flavour is compiled with -fno-slp-vectorize
// (CMakeLists.txt); this file is compiled at -O2, as the core is, so that the vectoriser would run here too, and the
// check fails in the WebAssembly SIMD suite if that flag is ever dropped.
#include <catch2/catch.hpp>
#include <cstdint>

#include "collapse/random/rng.hpp"

namespace {

struct TwoSeeds {
  double weight;  // a leading field, as in real-vs-synthetic's TrialSetting, where the bug was found
  std::uint64_t first, second;
};

// Not inlined: the two draws must be compiled as one straight-line block, the shape the vectoriser pairs up.
__attribute__((noinline)) TwoSeeds drawTwoSeeds(collapse::Rng& rng) {
  TwoSeeds seeds;
  seeds.weight = 1.0;
  seeds.first = rng.nextU64();
  seeds.second = rng.nextU64();
  return seeds;
}

}  // namespace

TEST_CASE("Compiler guard: two generator steps in a row give the stream's first two outputs", "[compiler-guard]") {
  for (std::uint64_t seed : {1ULL, 42ULL, 0x9E3779B97F4A7C15ULL}) {
    collapse::Rng paired(seed, 7), reference(seed, 7);
    const TwoSeeds seeds = drawTwoSeeds(paired);
    const std::uint64_t first = reference.nextU64();
    const std::uint64_t second = reference.nextU64();
    INFO("seed " << seed);
    CHECK(seeds.first == first);
    CHECK(seeds.second == second);
    CHECK(paired.nextU64() == reference.nextU64());  // and the state is where it should be
  }
}
