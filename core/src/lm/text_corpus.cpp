// The fixed training / held-out split of experiment "language-model" (docs/theory/language-model.md §2).
#include "collapse/lm/text_corpus.hpp"

#include <memory>

#include "collapse/data/brown_corpus.hpp"
#include "collapse/data/dataset_store.hpp"

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

}  // namespace

TextCorpus splitCorpus(const std::vector<Token>& tokens, const std::vector<std::size_t>& documentStart, std::size_t vocabulary) {
  TextCorpus corpus;
  corpus.vocabulary = vocabulary;
  corpus.training = interleave(tokens, documentStart, false, tokens.size());
  corpus.heldOut = interleave(tokens, documentStart, true, kHeldOutTokens);
  corpus.corpusLaw.assign(vocabulary, 0.0);
  for (Token t : tokens) corpus.corpusLaw[t] += 1.0;
  for (double& p : corpus.corpusLaw) p /= static_cast<double>(tokens.size());
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
    stamp = data::storeGeneration();
  }
  return *split;
}

}  // namespace collapse::lm
