#pragma once
/// @file decoder.hpp
/// Exact temperature and top-p (nucleus) decoding of an n-gram model of any order and smoothing, without O(V) work
/// per token (docs/theory/language-model.md §6). The decoded law of context h is
///   q_h(w) ∝ P(w | h)^(1/τ)   restricted, for p_top < 1, to the smallest head (largest values first, ties by id)
///   of mass ≥ p_top · Z_h,    Z_h = Σ_w P(w | h)^(1/τ)   (Holtzman et al. 2020, *The curious case of neural text
///   degeneration*, for top-p).
/// Every smoothing's P(· | h) is a sparse part over the words U_h plus B_h · P_base (NgramModel::sparseLaw), so with
/// Σ_w P_base(w)^(1/τ), its cumulative table and its order by value computed once per model,
///   Z_h = Σ_{w∈U_h} P(w | h)^(1/τ) + B_h^(1/τ) (Σ_w P_base(w)^(1/τ) − Σ_{w∈U_h} P_base(w)^(1/τ)),
/// a draw outside U_h is a draw from the tempered base rejecting U_h, and the nucleus is a merge of U_h's sorted
/// values with the base's sorted list (skipping U_h), whose outside part is a prefix of the base order found by
/// binary search. Context tables are cached (bounded) for one decoder's life.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "collapse/lm/ngram_model.hpp"
#include "collapse/random/guide_table.hpp"
#include "collapse/random/rng.hpp"

namespace collapse::lm {

class Decoder {
 public:
  /// `temperature` τ > 0, `topP` in (0, 1]. The model must outlive the decoder.
  Decoder(const NgramModel& model, double temperature, double topP);

  /// One token drawn from the decoded law of `history`.
  Token sample(std::uint64_t history, Rng& rng);
  /// The decoded law of `history` over the whole vocabulary (O(V): for tests).
  void law(std::uint64_t history, std::vector<double>& out);
  /// One token drawn from the decoded law restricted to the words outside U_h (the path of sample() that draws from
  /// the tempered base by rejection, then exactly; public so that tests can reach it where it is rare). p = 1 only.
  Token sampleOutside(std::uint64_t history, Rng& rng);

  /// Entries kept in the context cache before it is emptied (memory bound: about 12 bytes each).
  static constexpr std::size_t kCacheEntries = std::size_t(1) << 20;

 private:
  /// The decoded table of one context.
  struct Context {
    std::vector<Token> members;      ///< U_h, sorted (to test membership)
    std::vector<Token> words;        ///< the words of the inner table (U_h, or the whole nucleus)
    std::vector<double> cumulative;  ///< running sums of their tempered values
    double outerMass = 0.0;          ///< tempered mass outside U_h (of the nucleus, for p < 1)
    double outerWeight = 0.0;        ///< B_h^(1/τ)
    bool nucleus = false;            ///< p < 1: the words outside U_h are those of the first `outerPrefix` of baseOrder_
    std::size_t outerPrefix = 0;
  };
  const Context& context(std::uint64_t history);
  Context build(std::uint64_t history) const;
  Token drawOutside(const Context& c, Rng& rng) const;

  const NgramModel& model_;
  double exponent_, topP_;
  std::vector<double> baseTempered_;    ///< P_base(w)^(1/τ)
  std::vector<double> baseCumulative_;  ///< their running sums, by id
  GuideTable baseGuide_;                ///< over baseCumulative_ (empty when its total is 0)
  std::vector<Token> baseOrder_;        ///< ids by tempered value, largest first (ties by id); p < 1 only
  std::vector<std::size_t> position_;   ///< the inverse of baseOrder_
  std::vector<double> orderedValues_;   ///< tempered values in that order
  std::vector<double> orderedPrefix_;   ///< their running sums, orderedPrefix_[k] = sum of the first k
  std::size_t basePositive_ = 0;        ///< words with P_base > 0
  std::unordered_map<std::uint64_t, Context> cache_;
  std::size_t cached_ = 0;
};

}  // namespace collapse::lm
