// "language-model" (docs/theory/language-model.md): the n-gram model (normalised laws for every smoothing and order,
// samples that follow them), the fixed corpus split, and the exact Wright–Fisher diversity of a refitted unigram model
// against the simulator's Monte Carlo, |MC − theory| ≤ 4 SE (statistics.hpp; exact, so no finite-size allowance).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "collapse/data/dataset_store.hpp"
#include "collapse/experiments/language_model.hpp"
#include "collapse/lm/ngram_model.hpp"
#include "collapse/lm/text_corpus.hpp"
#include "experiment_run.hpp"
#include "statistics.hpp"

using namespace collapse;
using namespace collapse::lm;
using nlohmann::json;
using testing::checkAgainstTheory;

namespace {

/// A small stream over 12 words with sentence ends, repeating patterns so that every order has seen contexts.
std::vector<Token> smallStream() {
  std::vector<Token> s;
  Rng rng(5, 0);
  for (int sentence = 0; sentence < 300; ++sentence) {
    const int length = 2 + static_cast<int>(rng.below(6));
    Token previous = 1 + static_cast<Token>(rng.below(3));
    for (int i = 0; i < length; ++i) {
      previous = 1 + (previous * 3 + static_cast<Token>(rng.below(4))) % 11;
      s.push_back(previous);
    }
    s.push_back(kSentenceEnd);
  }
  return s;
}

testing::ExperimentRun run(json config, const std::string& series = "") {
  return testing::runExperiment("language-model", config, "", series);
}

}  // namespace

TEST_CASE("n-gram counts: sorted, merged and equal to a map's counts, for every order and tokens of all 17 bits", "[language-model]") {
  // 5000 tokens (past the radix sort's 512-entry threshold) drawn from few words spread over the whole token range
  // (every 11-bit digit of word and context is exercised), with sentence ends; and a short stream (std::sort).
  for (const std::size_t length : {5000, 300}) {
    Rng rng(9, length);
    const std::vector<Token> words = {1, 2, 0x7ff, 0x800, 0x1ffff, 0x10000, 0x12345, kSentenceEnd};
    std::vector<Token> stream;
    for (std::size_t i = 0; i < length; ++i) stream.push_back(words[rng.below(words.size())]);
    for (int order = 1; order <= kMaxOrder; ++order) {
      const NgramCounts counts = NgramCounts::of(stream, order);
      for (int m = 1; m <= order; ++m) {
        std::map<std::pair<std::uint64_t, Token>, std::uint64_t> reference;
        std::uint64_t history = 0;
        for (Token token : stream) {
          ++reference[{lastTokens(history, m - 1), token}];
          history = advance(history, token);
        }
        const auto& entries = counts.byOrder[static_cast<std::size_t>(m - 1)];
        INFO("length " << length << ", order " << order << ", m = " << m);
        REQUIRE(entries.size() == reference.size());
        std::size_t i = 0;
        for (const auto& [key, count] : reference) {  // std::map iterates in (context, word) order
          CHECK(entries[i].context == key.first);
          CHECK(entries[i].word == key.second);
          CHECK(entries[i].count == count);
          ++i;
        }
      }
    }
  }
}

TEST_CASE("n-gram model: every smoothing and order gives a normalised law that probability() agrees with", "[language-model]") {
  const auto stream = smallStream();
  const std::size_t vocabulary = 14;  // two words never seen
  for (int order = 1; order <= 4; ++order)
    for (Smoothing smoothing : {Smoothing::None, Smoothing::AddK, Smoothing::KneserNey}) {
      const NgramModel model(NgramCounts::of(stream, order), smoothing, 0.5, vocabulary);
      std::uint64_t history = 0;
      for (std::size_t i = 0; i < 40; ++i) {  // the contexts of the stream's first tokens, and one never seen
        std::vector<double> law;
        const std::uint64_t h = i == 39 ? advance(advance(0, 13), 12) : history;
        model.distribution(h, law);
        INFO("order " << order << ", smoothing " << static_cast<int>(smoothing) << ", position " << i);
        CHECK(std::accumulate(law.begin(), law.end(), 0.0) == Approx(1.0).epsilon(1e-12));
        for (Token w = 0; w < vocabulary; ++w) CHECK(model.probability(h, w) == Approx(law[w]).margin(1e-15));
        if (smoothing != Smoothing::None) CHECK(law[13] > 0.0);  // smoothing keeps unseen words possible
        history = advance(history, stream[i]);
      }
    }
}

TEST_CASE("n-gram model: sampled frequencies follow P(· | h)", "[language-model]") {
  const auto stream = smallStream();
  for (Smoothing smoothing : {Smoothing::None, Smoothing::AddK, Smoothing::KneserNey}) {
    const NgramModel model(NgramCounts::of(stream, 3), smoothing, 0.5, 14);
    const std::uint64_t h = advance(advance(0, stream[0]), stream[1]);
    std::vector<double> law;
    model.distribution(h, law);
    Rng rng(8, static_cast<std::uint64_t>(smoothing));
    const std::size_t draws = 40000;
    std::vector<std::vector<double>> hits(14, std::vector<double>(draws, 0.0));  // indicator per draw
    for (std::size_t i = 0; i < draws; ++i) hits[model.sample(h, rng)][i] = 1.0;
    for (Token w = 0; w < 14; ++w) {
      INFO("smoothing " << static_cast<int>(smoothing) << ", word " << w << ", P = " << law[w]);
      if (law[w] == 0.0) CHECK(std::accumulate(hits[w].begin(), hits[w].end(), 0.0) == 0.0);
      else {  // 4 binomial SEs √(P(1 − P)/draws) of the frequency (the sample SE is unreliable for rare words)
        const double frequency = std::accumulate(hits[w].begin(), hits[w].end(), 0.0) / draws;
        CHECK(std::fabs(frequency - law[w]) <= 4.0 * std::sqrt(law[w] * (1.0 - law[w]) / draws));
      }
    }
  }
}

TEST_CASE("language-model: the corpus split is fixed and disjoint in documents", "[language-model]") {
  const TextCorpus& corpus = brownSplit();
  CHECK(corpus.heldOut.size() == kHeldOutTokens);
  CHECK(corpus.training.size() > 1000000);
  CHECK(corpus.vocabulary == 49816);
  CHECK(std::accumulate(corpus.corpusLaw.begin(), corpus.corpusLaw.end(), 0.0) == Approx(1.0).epsilon(1e-12));
  CHECK(*std::min_element(corpus.corpusLaw.begin(), corpus.corpusLaw.end()) > 0.0);
}

TEST_CASE("language-model: Wright–Fisher diversity of a refitted unigram model, replace and accumulate", "[language-model]") {
  const auto r = run({{"order", 1}, {"smoothing", "none"}, {"samples", 400}, {"generations", 12}, {"trials", 150}, {"metric", "diversity"}},
                     "workflow=replace,accumulate");
  for (const auto& s : r.result.series) checkAgainstTheory(s, 0.0);
  // Replace loses diversity at the rate 1 − 1/T; accumulate keeps most of it.
  CHECK(r.result.series[0].mean.back() < r.result.series[1].mean.back());
}

TEST_CASE("language-model: replace forgets words and raises perplexity; accumulate keeps the real text", "[language-model]") {
  const auto vocab = run({{"order", 1}, {"smoothing", "none"}, {"samples", 2000}, {"generations", 8}, {"trials", 3}, {"metric", "vocabulary"}},
                         "workflow=replace,accumulate");
  CHECK(vocab.result.series[0].mean.front() == 1.0);
  CHECK(vocab.result.series[0].mean.back() < 0.6);
  CHECK(vocab.result.series[1].mean.back() == 1.0);  // the real text stays in the pool
  const auto ppl = run({{"order", 2}, {"samples", 5000}, {"generations", 6}, {"trials", 2}}, "workflow=replace,accumulate");
  CHECK(ppl.result.series[0].mean.back() > 1.1 * ppl.result.series[0].mean.front());
  CHECK(ppl.result.series[1].mean.back() < ppl.result.series[0].mean.back());
}

TEST_CASE("language-model: a lower temperature cuts the unigram tail faster", "[language-model]") {
  const auto cut = run({{"order", 1}, {"samples", 3000}, {"generations", 4}, {"trials", 2}, {"metric", "tailMass"}}, "temperature=1,0.6");
  CHECK(cut.result.series[1].mean.back() > cut.result.series[0].mean.back());  // lower temperature loses more mass
}

TEST_CASE("language-model: the notes quote a real sentence and sampled sentences of later generations", "[language-model]") {
  const auto r = run({{"samples", 3000}, {"generations", 5}, {"trials", 1}, {"workflow", "replace"}});
  const auto& notes = r.result.notes;
  const auto quoted = std::find_if(notes.begin(), notes.end(), [](const std::string& n) { return n.rfind("Sentences of trial 1", 0) == 0; });
  REQUIRE(quoted != notes.end());
  CHECK_THAT(*quoted, Catch::Contains("generation 1 (real text): “the fulton county grand jury"));
  CHECK_THAT(*quoted, Catch::Contains("generation 5: “"));
}

TEST_CASE("language-model: every series carries sentences of every generation (series[].samples)", "[language-model]") {
  const auto r = run({{"samples", 3000}, {"generations", 6}, {"trials", 1}}, "workflow=replace,accumulate");
  const json out = resultJson(r.result);
  for (const auto& series : out.at("series")) {
    const auto& samples = series.at("samples");
    REQUIRE(samples.size() == 6);
    for (std::size_t g = 0; g < samples.size(); ++g) {
      CHECK(samples[g].at("generation") == g + 1);
      CHECK(samples[g].at("sentences").size() == LanguageModel::kSentencesShown);
    }
    CHECK(samples[0].at("sentences")[0].get<std::string>().rfind("the fulton county grand jury", 0) == 0);  // the real text
  }
  // Replace and accumulate sample different text after generation 1.
  CHECK(out["series"][0]["samples"][5] != out["series"][1]["samples"][5]);
  // The note quotes the same first sentences.
  const auto& notes = r.result.notes;
  const std::string first = out["series"][0]["samples"][4]["sentences"][0];
  CHECK(std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find("generation 5: “" + first + "”") != std::string::npos; }));
  // A swept x has no natural generations to quote.
  const auto swept = testing::runExperiment("language-model", {{"generations", 2}, {"trials", 1}, {"workflow", "replace"}}, "samples=500,1000");
  CHECK_FALSE(resultJson(swept.result)["series"][0].contains("samples"));
}
