#pragma once
/// @file text_corpus.hpp
/// The fixed split of a token corpus used by experiment "language-model" (docs/theory/language-model.md §2):
/// every tenth document (k ≡ 9 mod 10, so every genre of the Brown corpus is represented) is held out; the held-out
/// text is the first 20 000 tokens of those documents' sentences taken in turn; the training text is the other
/// documents' sentences taken in turn (one sentence from each document, then the next), so that the first T
/// tokens mix every genre. The reader's own text (pastedSplit) is split by sentences instead (§7).
#include <cstdint>
#include <string>
#include <vector>

#include "collapse/lm/ngram_model.hpp"

namespace collapse::lm {

struct TextCorpus {
  std::size_t vocabulary = 0;
  std::vector<Token> training;     ///< sentences of the training documents, interleaved
  std::vector<Token> heldOut;      ///< 20 000 held-out tokens (whole sentences, the last one cut)
  std::vector<double> corpusLaw;   ///< unigram law of the whole corpus (every word > 0)
  std::vector<std::string> words;  ///< id → word
  std::uint64_t stamp = 0;         ///< the dataset store's generation it was built from (caches key on it)
  std::size_t wordCount = 0, sentences = 0;  ///< of the whole text (</s> not counted as a word)
};

inline constexpr std::size_t kHeldOutTokens = 20000;

/// Builds the split from documents given as token ranges.
TextCorpus splitCorpus(const std::vector<Token>& tokens, const std::vector<std::size_t>& documentStart, std::size_t vocabulary);

/// The Brown corpus split, built once per loaded dataset (throws ValidationError when the dataset is missing).
const TextCorpus& brownSplit();

/// The dataset holding the reader's own text (UTF-8), handed over by the page or the CLI (--text-file).
inline constexpr const char* kPastedTextDataset = "pasted-text";
inline constexpr std::size_t kMinPastedWords = 200;
inline constexpr std::size_t kMaxPastedBytes = std::size_t(16) << 20;

/// The split of a tokenised text of the reader's (§7): every tenth sentence (the 10th, 20th, …; the last one of a
/// text of fewer than ten) held out, at most kHeldOutTokens tokens of them; the others, in order, are the training
/// text. Throws ValidationError (parameter "corpus") when the text is too short or has one sentence.
TextCorpus splitSentences(const std::vector<std::string>& words, const std::vector<Token>& tokens, std::size_t sentences,
                          std::size_t wordCount);

/// The split of the pasted text, built once per hand-over. Throws ValidationError (parameter "corpus") when no
/// text was provided, or it is too long, too short, or has too many distinct words.
const TextCorpus& pastedSplit();

}  // namespace collapse::lm
