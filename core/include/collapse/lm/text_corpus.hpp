#pragma once
/// @file text_corpus.hpp
/// The fixed split of a token corpus used by experiment "language-model" (docs/theory/language-model.md §2):
/// every tenth document (k ≡ 9 mod 10, so every genre of the Brown corpus is represented) is held out; the held-out
/// text is the first 20 000 tokens of those documents' sentences taken in turn; the training text is the other
/// documents' sentences taken in turn (one sentence from each document, then the next), so that the first T
/// tokens mix every genre.
#include <cstdint>
#include <vector>

#include "collapse/lm/ngram_model.hpp"

namespace collapse::lm {

struct TextCorpus {
  std::size_t vocabulary = 0;
  std::vector<Token> training;     ///< sentences of the training documents, interleaved
  std::vector<Token> heldOut;      ///< 20 000 held-out tokens (whole sentences, the last one cut)
  std::vector<double> corpusLaw;   ///< unigram law of the whole corpus (every word > 0)
};

inline constexpr std::size_t kHeldOutTokens = 20000;

/// Builds the split from documents given as token ranges.
TextCorpus splitCorpus(const std::vector<Token>& tokens, const std::vector<std::size_t>& documentStart, std::size_t vocabulary);

/// The Brown corpus split, built once per loaded dataset (throws ValidationError when the dataset is missing).
const TextCorpus& brownSplit();

}  // namespace collapse::lm
