#pragma once
/// @file tails_theory.hpp
/// Exact sums and recursions of "A Tale of Tails" (Dohmatob, Feng, Yang, Charton & Kempe, ICML 2024,
/// arXiv 2402.07043) for the Hutter memoriser on Zipf data; the derivations are in docs/theory/tails.md.
///
/// A learner that memorises every item it sees, trained on T i.i.d. draws from q, errs on a test item i ~ p
/// with probability E(T) = Σ_i p_i (1 − q_i)^T (docs/theory/tails.md §1). Generators that are finite samples
/// (histograms of T₀ draws, recursively) are handled exactly through the genealogy of the draws (§4).
#include <cstdint>
#include <vector>

namespace collapse::theory::tails {

/// Zipf law p_i = i^(−β) / Σ_{j ≤ N} j^(−β) on i = 1..N (index i − 1), normalised on the truncated support.
std::vector<double> zipfLaw(double beta, int support);

/// Σ_{i ≥ 1} i^(−β) = ζ(β) for β > 1 (direct sum plus an Euler–Maclaurin tail; relative error < 1e-12).
double zeta(double beta);

/// The rank a top-k / top-p filter keeps of a descending law: min(cutRank, smallest k with P_k ≥ topP).
int keptRank(const std::vector<double>& law, int cutRank, double topP);

/// Top-k / top-p decoding of a descending law (tail cutting, §2): the first keptRank items, renormalised.
std::vector<double> tailCut(const std::vector<double>& law, int cutRank, double topP);

/// Softmax temperature τ on the logits log q_i: q_i^(1/τ) renormalised (tail narrowing, β′ = β/τ for Zipf, §3).
std::vector<double> withTemperature(const std::vector<double>& law, double temperature);

/// The product law of the bigram task: flat[i·M + j] = context[i]·successor[j].
std::vector<double> productLaw(const std::vector<double>& context, const std::vector<double>& successor);

/// Σ_i weights_i (1 − q_i)^T, computed as Σ w_i exp(T·log1p(−q_i)) (items with q_i = 0 contribute w_i).
double missedMass(const std::vector<double>& weights, const std::vector<double>& q, double samples);

/// A law of a non-negative integer count on [lo, lo + prob.size()).
struct CountLaw {
  std::int64_t lo = 0;
  std::vector<double> prob;
  static CountLaw point(std::int64_t value) { return {value, {1.0}}; }
  double mean() const;
};

/// The number of distinct slots hit when each of `lines` draws picks one of `slots` slots uniformly (the
/// occupancy problem), mixed over the law of `lines`. Ball by ball: d → d + 1 with probability 1 − d/slots.
/// Probabilities below 1e-30 of the largest are dropped (their total bounds the error).
CountLaw distinctSlots(const CountLaw& lines, std::int64_t slots);

/// Σ_i weights_i · E[(1 − p_i)^A] for A ~ draws: the memoriser's error when it saw A i.i.d. draws of p whose
/// number A is random. Uses the central moments of A where |log(1 − p_i)|·spread ≤ 1/2, the direct sum elsewhere.
double expectedMissedMass(const std::vector<double>& weights, const std::vector<double>& p, const CountLaw& draws);

/// Exact E(T) of the memoriser at generations 1..n of a finite-sample generator chain (§4): generation 1 is the
/// histogram of T₀ draws from p, generation g the histogram of T₀ draws from generation g − 1; the learner sees
/// T draws of π·p + (1 − π)·q⁽ᵍ⁾. Exact when π = 0; for π > 0 only when (1 − π)T is so large that the learner
/// sees every slot of the generator (then the error of neglecting the rest is below 1e-17); empty otherwise.
std::vector<double> finiteSampleErrors(const std::vector<double>& p, std::int64_t generatorSamples, double samples,
                                       double cleanFraction, int generations);

/// Work (rough operation count) of finiteSampleErrors, to refuse theory that would take too long.
double finiteSampleWork(std::int64_t generatorSamples, double samples, int generations, std::size_t items);

/// The learner's error when T → ∞ at generations 1..n: the p-mass outside the generator's support, exactly.
std::vector<double> finiteSampleSupportLoss(const std::vector<double>& p, std::int64_t generatorSamples, int generations);

/// The reference's Poissonised Galton–Watson law L_n = Σ p_i exp(−T₀ p_i s_{n−1}), s₀ = 1, s_{j+1} = 1 − e^(−s_j)
/// (docs/theory/tails.md §4.3), at generations 1..n.
std::vector<double> poissonSupportLoss(const std::vector<double>& p, double generatorSamples, int generations);

/// The clean scaling constant C_β = Γ(1 − 1/β) ζ(β)^(−1/β) / β of E_clean(T) ≈ C_β T^(−(1−1/β)).
double cleanConstant(double beta);

}  // namespace collapse::theory::tails
