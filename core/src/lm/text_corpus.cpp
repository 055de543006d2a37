// The fixed training / held-out split of experiment "language-model" (docs/theory/language-model.md §2).
#include "collapse/lm/text_corpus.hpp"

#include <memory>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/brown_corpus.hpp"
#include "collapse/data/dataset_store.hpp"
#include "collapse/lm/text_tokeniser.hpp"

namespace collapse::lm {

namespace {

/// Sentences of documents [first, ...) that satisfy `keep`, interleaved one sentence per document in turn.
std::vector<Token> interleave(const std::vector<Token>& tokens, const std::vector<std::size_t>& documentStart,
                              bool heldOut, std::size_t limit) {
  struct Cursor {
    std::size_t at, end;
  };
  std::vector<Cursor> cursors;
  for (std::size_t k = 0; k + 1 < documentStart.size(); ++k)
    if ((k % 10 == 9) == heldOut) cursors.push_back({documentStart[k], documentStart[k + 1]});
  std::vector<Token> out;
  for (bool any = true; any && out.size() < limit;) {
    any = false;
    for (Cursor& c : cursors) {
      if (c.at >= c.end) continue;
      any = true;
      while (c.at < c.end) {
        const Token t = tokens[c.at++];
        out.push_back(t);
        if (t == kSentenceEnd) break;
      }
    }
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

/// The unigram law of the whole text (every word of the vocabulary that occurs gets its share of the tokens).
std::vector<double> unigramLaw(const std::vector<Token>& tokens, std::size_t vocabulary) {
  std::vector<double> law(vocabulary, 0.0);
  for (Token t : tokens) law[t] += 1.0;
  for (double& p : law) p /= static_cast<double>(tokens.size());
  return law;
}

}  // namespace

TextCorpus splitCorpus(const std::vector<Token>& tokens, const std::vector<std::size_t>& documentStart, std::size_t vocabulary) {
  TextCorpus corpus;
  corpus.vocabulary = vocabulary;
  corpus.training = interleave(tokens, documentStart, false, tokens.size());
  corpus.heldOut = interleave(tokens, documentStart, true, kHeldOutTokens);
  corpus.corpusLaw = unigramLaw(tokens, vocabulary);
  return corpus;
}

const TextCorpus& brownSplit() {
  thread_local std::uint64_t stamp = ~std::uint64_t(0);
  thread_local std::unique_ptr<TextCorpus> split;
  const data::BrownCorpus& brown = data::brownCorpus();  // throws when the dataset is missing
  if (!split || stamp != data::storeGeneration()) {
    std::vector<std::size_t> starts = brown.documentStart;
    if (starts.size() == brown.documentNames.size()) starts.push_back(brown.tokens.size());
    split = std::make_unique<TextCorpus>(splitCorpus(brown.tokens, starts, brown.vocabulary.size()));
    split->words = brown.vocabulary;
    split->wordCount = brown.tokens.size();
    split->stamp = stamp = data::storeGeneration();
  }
  return *split;
}

namespace {

[[noreturn]] void pastedProblem(const std::string& message) { throw ValidationError({{"corpus", "pasted", "corpus = pasted: " + message}}); }

}  // namespace

TextCorpus splitSentences(const std::vector<std::string>& words, const std::vector<Token>& tokens, std::size_t sentences,
                          std::size_t wordCount) {
  if (wordCount < kMinPastedWords)
    pastedProblem("the text has " + std::to_string(wordCount) + " words; at least " + std::to_string(kMinPastedWords) +
                  " are needed to fit and test a model.");
  if (sentences < 2)
    pastedProblem("the text is one sentence; at least 2 are needed (one is held out). Sentences end at . ! ? or a blank line.");
  TextCorpus corpus;
  corpus.vocabulary = words.size();
  corpus.words = words;
  corpus.wordCount = wordCount;
  corpus.sentences = sentences;
  const std::size_t heldOutEvery = 10;
  for (std::size_t i = 0, start = 0, k = 0; i < tokens.size(); ++i) {
    if (tokens[i] != kSentenceEnd) continue;
    const bool heldOut = sentences < heldOutEvery ? k + 1 == sentences : k % heldOutEvery == heldOutEvery - 1;
    auto& into = heldOut ? corpus.heldOut : corpus.training;
    if (!heldOut || into.size() < kHeldOutTokens) into.insert(into.end(), tokens.begin() + static_cast<std::ptrdiff_t>(start), tokens.begin() + static_cast<std::ptrdiff_t>(i + 1));
    start = i + 1;
    ++k;
  }
  if (corpus.heldOut.size() > kHeldOutTokens) corpus.heldOut.resize(kHeldOutTokens);
  corpus.corpusLaw = unigramLaw(tokens, corpus.vocabulary);
  return corpus;
}

const TextCorpus& pastedSplit() {
  thread_local std::uint64_t stamp = ~std::uint64_t(0);
  thread_local std::unique_ptr<TextCorpus> split;
  if (split && stamp == data::storeGeneration()) return *split;
  const std::vector<std::uint8_t>* bytes = data::provided(kPastedTextDataset);
  if (!bytes)
    pastedProblem("no text of your own is loaded here. Paste or open one under \"Use your own text\" (it stays in your "
                  "browser and is not part of the link), or on the command line give --text-file PATH.");
  if (bytes->size() > kMaxPastedBytes)
    pastedProblem("the text has " + std::to_string(bytes->size()) + " bytes; at most " + std::to_string(kMaxPastedBytes) + " are used.");
  const TokenisedText text = tokenise(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
  if (text.words.size() > kMaxVocabulary)
    pastedProblem("the text has " + std::to_string(text.words.size() - 1) + " distinct words; at most " +
                  std::to_string(kMaxVocabulary - 1) + " are supported.");
  split = std::make_unique<TextCorpus>(splitSentences(text.words, text.tokens, text.sentences, text.wordCount));
  split->stamp = stamp = data::storeGeneration();
  return *split;
}

}  // namespace collapse::lm
