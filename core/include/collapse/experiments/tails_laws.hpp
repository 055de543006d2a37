#pragma once
/// @file tails_laws.hpp
/// The item laws of experiment "tails" (docs/theory/tails.md §1–3), shared by its simulation and its theory:
/// the real law p and the deterministic generators' laws, flattened over items (memoriser: N items; bigram: N
/// contexts × N next items, context-major). Each law keeps its suffix sums for conditional-binomial sampling.
/// Laws are cached per thread (a worker computes each once per run).
#include <string>
#include <vector>

#include "collapse/catalogue/config.hpp"

namespace collapse::tails {

struct ItemLaw {
  std::vector<double> q;       ///< probability of each item
  std::vector<double> suffix;  ///< suffix[i] = Σ_{j ≥ i} q_j (suffix[size] = 0)
  std::size_t lastPositive = 0;  ///< the last item with q > 0 (it takes all remaining draws)
  /// The multinomial's conditional probabilities: item i takes Binomial(remaining, share[i]) of the remaining draws,
  /// share[i] = q_i / suffix[i] (at most 1; 1 from lastPositive on) ...
  std::vector<double> share;
  /// ... and logKeep[i] = math::log1p(−share[i]) (through simd::log1pArray, the same bits), for sampleBinomial.
  std::vector<double> logKeep;
};

/// The real law p: Zipf(β) on N items, or for the bigram task the product of Zipf(β) contexts and Zipf(β) next items.
const ItemLaw& realLaw(const Config& config);

/// The successor (next-item) law the generator emits at generation g ≥ 1: tail-cut (top-k/top-p applied g times)
/// or narrowed (temperature τ applied g times, q ∝ p^(1/τ^g)); not for finite-sample generators.
std::vector<double> generatorSuccessorLaw(const Config& config, int generation);

/// The training law π·p + (1 − π)·q⁽ᵍ⁾ of a deterministic generator, flattened.
const ItemLaw& trainingLaw(const Config& config, int generation);

/// How many next items the tail-cut generator keeps at generation g.
int keptRankAt(const Config& config, int generation);

/// Number of items (N, or N² for the bigram task).
std::size_t itemCount(const Config& config);

}  // namespace collapse::tails
