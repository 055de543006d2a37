#pragma once
/// @file samplers.hpp
/// Samplers built only on Rng and IEEE-754 arithmetic, so that results do not depend on the C++ standard
/// library's distributions (which differ between libstdc++ and libc++).
#include <cstdint>
#include <utility>
#include <vector>

#include "collapse/random/rng.hpp"

namespace collapse {

/// Standard normal variates by Marsaglia's polar method (Marsaglia & Bray, SIAM Review 6(3), 1964):
/// draw (u, v) uniform in the unit disc, then u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent N(0, 1).
/// The second variate is cached, so consecutive calls consume the stream in pairs.
class NormalSampler {
 public:
  explicit NormalSampler(Rng& rng) : rng_(rng) {}
  double operator()();
  /// Fills `out[0..n)` with independent N(0, 1).
  void fill(double* out, std::size_t n);

 private:
  Rng& rng_;
  double cached_ = 0.0;
  bool hasCached_ = false;
};

/// The first `count` normals of each of `n` streams Rng(seed, streams[i]), the values NormalSampler gives one stream
/// at a time (bit for bit), into out[i·count + k]: each stream's accepted polar pairs drawn as it would draw them,
/// then the logarithms of all of them on two lanes (simd::logArray). For many short streams (kernel-real-vs-synthetic:
/// one per synthetic digit, a trial's label noise), where that logarithm had been most of the sampling.
void normalsOfStreams(std::uint64_t seed, const std::uint64_t* streams, std::size_t n, std::size_t count, double* out);

/// Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3),
/// 2000; for shape < 1 the boost Gamma(shape + 1)·U^(1/shape).
double sampleGamma(double shape, NormalSampler& normal, Rng& rng);

/// Chi-square with `degrees` degrees of freedom: 2·Gamma(degrees / 2).
double sampleChiSquare(double degrees, NormalSampler& normal, Rng& rng);

/// Binomial(n, p), exactly, in O(log n) work whatever n·p. While n·p > 16 it splits on the a-th order statistic
/// of n uniforms, X ~ Beta(a, n + 1 − a) with a = ⌊n/2⌋ + 1: the count of uniforms below p is then
/// Binomial(a − 1, p/X) if X ≥ p, else a + Binomial(n − a, (p − X)/(1 − X)) (Devroye, Non-Uniform Random Variate
/// Generation, 1986, §X.4.3); small n·p is done by inversion of the probability function.
std::uint64_t sampleBinomial(std::uint64_t n, double p, NormalSampler& normal, Rng& rng);

/// The same draw (the same value, the same random numbers consumed) given logKeep = math::log1p(−p) bit for bit,
/// e.g. from simd::log1pArray over a whole law: the inversion of the probability function then starts from
/// exp(n·logKeep) without a logarithm of its own. Sequential binomials over a fixed law (the tails experiment's
/// multinomials) had spent a quarter of their time in that logarithm.
std::uint64_t sampleBinomial(std::uint64_t n, double p, double logKeep, NormalSampler& normal, Rng& rng);

/// `count` distinct indices from [0, population), uniformly without replacement, in random order
/// (a partial Fisher–Yates shuffle over an index array).
std::vector<std::uint32_t> sampleWithoutReplacement(std::uint32_t population, std::uint32_t count, Rng& rng);

/// sampleWithoutReplacement (the same draws, the same picks) with its buffers kept from call to call: a chain
/// that subsamples its pool every generation (accumulate-subsample) allocates them once per trial, not per
/// generation — their allocation and clearing had been a tenth of gaussian-fitting fixed-compute in WebAssembly.
class SubsetSampler {
 public:
  /// The picks, valid until the next call.
  const std::vector<std::uint32_t>& sample(std::uint32_t population, std::uint32_t count, Rng& rng);

 private:
  static constexpr std::uint32_t kListedDisplacements = 32;     // up to this count, a list instead of the table
  std::vector<std::uint32_t> picked_, index_;                   // the picks; the dense path's index array
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slots_;  // the sparse path's table of displaced positions
};

}  // namespace collapse
