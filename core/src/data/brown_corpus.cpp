#include "collapse/data/brown_corpus.hpp"

#include <memory>

#include "collapse/data/asset_reader.hpp"
#include "collapse/data/dataset_store.hpp"

namespace collapse::data {

namespace {
std::vector<std::string> splitLines(const std::uint8_t* text, std::size_t size) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (text[i] == '\n') lines.emplace_back();
    else lines.back() += static_cast<char>(text[i]);
  }
  return lines;
}

BrownCorpus parse() {
  AssetReader reader("brown-corpus", require("brown-corpus"));
  reader.expectMagic("CLBROWN1");
  const std::uint32_t documents = reader.u32(), vocabulary = reader.u32(), tokenCount = reader.u32(),
                      width = reader.u32(), namesBytes = reader.u32(), wordsBytes = reader.u32();
  if (documents != BrownCorpus::kDocuments || vocabulary != BrownCorpus::kVocabulary || (width != 2 && width != 4))
    reader.fail("unexpected header");
  BrownCorpus corpus;
  for (std::uint32_t k = 0; k <= documents; ++k) corpus.documentStart.push_back(reader.u32());
  if (corpus.documentStart.front() != 0 || corpus.documentStart.back() != tokenCount) reader.fail("bad document offsets");
  corpus.documentNames = splitLines(reader.bytes(namesBytes), namesBytes);
  corpus.vocabulary = splitLines(reader.bytes(wordsBytes), wordsBytes);
  if (corpus.documentNames.size() != documents || corpus.vocabulary.size() != vocabulary) reader.fail("bad name tables");
  const std::uint8_t* ids = reader.bytes(static_cast<std::size_t>(tokenCount) * width);
  corpus.tokens.resize(tokenCount);
  for (std::size_t i = 0; i < tokenCount; ++i) {
    const std::uint8_t* p = ids + i * width;
    std::uint32_t id = p[0] | (p[1] << 8);
    if (width == 4) id |= (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    if (id >= vocabulary) reader.fail("token id out of range");
    corpus.tokens[i] = id;
  }
  reader.expectEnd();
  return corpus;
}
}  // namespace

const BrownCorpus& brownCorpus() {
  static std::unique_ptr<BrownCorpus> cached;
  static std::uint64_t cachedGeneration = 0;
  const auto& bytes = require("brown-corpus");  // may load (and bump the generation) first
  (void)bytes;
  if (!cached || cachedGeneration != storeGeneration()) {
    cached = std::make_unique<BrownCorpus>(parse());
    cachedGeneration = storeGeneration();
  }
  return *cached;
}

}  // namespace collapse::data
