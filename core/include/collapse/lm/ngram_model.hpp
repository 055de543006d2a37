#pragma once
/// @file ngram_model.hpp
/// A word-level n-gram language model (orders 1–4) fitted by counts, with the smoothings of experiment
/// "language-model" (docs/theory/language-model.md §1): none (maximum likelihood, backing off to a shorter context
/// only where a context was never seen), add-k (Lidstone), and interpolated Kneser–Ney with one absolute discount
/// per order D = n₁/(n₁ + 2n₂) (Kneser & Ney 1995; Chen & Goodman 1999, eq. 26; Ney, Essen & Kneser 1994).
///
/// Sentences end with the token 0 (</s>); the context of a sentence's first words is padded with 0. A history is
/// the packed previous tokens, the most recent in the low 17 bits (vocabularies up to 2¹⁷ words).
#include <cstdint>
#include <vector>

#include "collapse/random/guide_table.hpp"
#include "collapse/random/rng.hpp"

namespace collapse::lm {

using Token = std::uint32_t;
inline constexpr Token kSentenceEnd = 0;
inline constexpr int kTokenBits = 17;
inline constexpr Token kMaxVocabulary = Token(1) << kTokenBits;
inline constexpr int kMaxOrder = 4;

/// The history after appending `token` to `history` (a sentence end clears it: the next sentence starts afresh).
inline std::uint64_t advance(std::uint64_t history, Token token) {
  return token == kSentenceEnd ? 0 : ((history << kTokenBits) | token) & ((std::uint64_t(1) << (kTokenBits * (kMaxOrder - 1))) - 1);
}

/// The last `length` tokens of a history.
inline std::uint64_t lastTokens(std::uint64_t history, int length) {
  return length <= 0 ? 0 : history & ((std::uint64_t(1) << (kTokenBits * length)) - 1);
}

/// Raw counts of all n-grams of orders 1..order of a token stream, sorted by (context, word).
struct NgramCounts {
  struct Entry {
    std::uint64_t context;
    Token word;
    std::uint64_t count;
  };
  int order = 1;
  std::uint64_t tokens = 0;
  std::vector<std::vector<Entry>> byOrder;  ///< [m − 1]: n-grams of order m (context of m − 1 tokens)

  static NgramCounts of(const std::vector<Token>& stream, int order);
  /// Adds another stream's counts (accumulating data = adding counts).
  void add(const NgramCounts& other);
  /// Unigram counts indexed by token (size `vocabulary`).
  std::vector<std::uint64_t> unigrams(std::size_t vocabulary) const;
};

enum class Smoothing { None, AddK, KneserNey };

/// P(· | h) in chain form (docs/theory/language-model.md §6): P(w | h) = `probabilities[i]` for w = `words[i]`
/// (sorted, distinct: the union of the sparse supports above the base law), and `baseWeight` · P_base(w) for
/// every other word, P_base being NgramModel::baseLaw(), the same for every context.
struct SparseLaw {
  std::vector<Token> words;
  std::vector<double> probabilities;
  double baseWeight = 1.0;  ///< B_h, the product of the back-off weights (0: no mass outside `words`)
};

class NgramModel {
 public:
  NgramModel(const NgramCounts& counts, Smoothing smoothing, double addK, std::size_t vocabulary);

  /// P(token | history); 0 is possible only without smoothing.
  double probability(std::uint64_t history, Token token) const;
  /// One token drawn from P(· | history).
  Token sample(std::uint64_t history, Rng& rng) const;
  /// P(· | history) over the whole vocabulary (O(V · order)).
  void distribution(std::uint64_t history, std::vector<double>& out) const;
  /// P(· | history) in chain form (O(|words| · order · log) for the contexts of this history; see SparseLaw).
  SparseLaw sparseLaw(std::uint64_t history) const;
  /// The base law P_base of the chain form over the whole vocabulary (O(V)): Kneser–Ney's full unigram level
  /// (its uniform floor included); uniform 1/V for add-k and none.
  void baseLaw(std::vector<double>& out) const;

  int order() const { return order_; }
  std::size_t vocabulary() const { return vocabulary_; }

 private:
  struct Level {  ///< the n-grams of one order, grouped by context
    std::vector<std::uint64_t> contexts;
    std::vector<std::size_t> begin;  ///< contexts.size() + 1 offsets into words
    std::vector<Token> words;
    std::vector<double> counts;      ///< raw counts (top order, add-k, none) or continuation counts (Kneser–Ney below the top)
    std::vector<double> cumulative;  ///< running sums of the sampling weights within each context
    std::vector<double> total, types;
    double discount = 0.0;
    /// The index of `context` in `contexts`, or −1: an open-addressing table (Fibonacci hashing, linear probing, at
    /// most half full) of indices into `contexts`. A binary search over the sorted contexts had been a third of
    /// language-model's time in WebAssembly (each sampled and each held-out token looks up one context per order).
    long find(std::uint64_t context) const;
    void indexContexts();
    std::vector<std::int32_t> slots;  ///< −1: empty
    int slotShift = 64;
    /// The entry of `token` in context number `context` (an index into words and counts), or −1. The unigram
    /// level (one context) keeps a dense table by token: every Kneser–Ney probability reaches it, and a binary
    /// search over its whole vocabulary had been the longest of each token's searches.
    long entry(long context, Token token) const;
    std::vector<std::int32_t> entryOfToken;  ///< the unigram level only: by token, −1 for an unseen word
    GuideTable guide;                        ///< the unigram level only: over its cumulative weights
  };
  double probabilityAt(int order, std::uint64_t history, Token token) const;
  Token drawWithin(const Level& level, long context, Rng& rng) const;

  int order_;
  Smoothing smoothing_;
  double addK_;
  std::size_t vocabulary_;
  std::vector<Level> levels_;  ///< [m − 1]
};

}  // namespace collapse::lm
