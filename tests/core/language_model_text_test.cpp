// The reader's own text in "language-model" (docs/theory/language-model.md §7): the tokeniser's rules, the
// sentence split (every tenth sentence held out), the validation messages, and a run on a provided text.
#include <catch2/catch.hpp>

#include <string>

#include "collapse/data/dataset_store.hpp"
#include "collapse/lm/text_corpus.hpp"
#include "collapse/lm/text_tokeniser.hpp"
#include "experiment_run.hpp"

using namespace collapse;
using namespace collapse::lm;

namespace {

/// The words of a tokenised text, sentences separated by "|".
std::string spelled(const TokenisedText& t) {
  std::string out;
  for (Token id : t.tokens) out += id == kSentenceEnd ? std::string("|") : (out.empty() || out.back() == '|' ? "" : " ") + t.words[id];
  return out;
}

/// `sentences` sentences of 8 words each: word k of sentence s is "w<(s + k) mod 23>".
std::string madeText(int sentences) {
  std::string text;
  for (int s = 0; s < sentences; ++s) {
    for (int k = 0; k < 8; ++k) text += (k ? " " : "") + std::string(k == 0 ? "W" : "w") + std::to_string((s * 3 + k) % 23);
    text += s % 3 == 2 ? "!\n" : ". ";
  }
  return text;
}

void providePasted(const std::string& text) { data::provide(kPastedTextDataset, std::vector<std::uint8_t>(text.begin(), text.end())); }

}  // namespace

TEST_CASE("tokeniser: lower-case words; sentences end at . ! ? and blank lines; ids are ranks", "[language-model]") {
  const TokenisedText t = tokenise("The cat's well-known hat, it said: 3.5 \"hats\"! Is it?  'Yes' -- the end\n\nA new   paragraph\nsame one");
  CHECK(spelled(t) == "the cat's well-known hat it said 3.5 hats|is it|yes the end|a new paragraph same one|");
  CHECK(t.sentences == 4);
  CHECK(t.wordCount == 18);
  CHECK(t.words[0] == "</s>");
  CHECK(t.words[1] == "it");   // twice, as is "the"; ties in byte order
  CHECK(t.words[2] == "the");
  CHECK(t.words[3] == "3.5");  // then the words seen once, in byte order
  CHECK(tokenise("").tokens.empty());
  CHECK(tokenise("no end mark").tokens.size() == 4);  // the end of the text ends the sentence
  CHECK(spelled(tokenise("Ünïcode wörds stay whole.")) == "Ünïcode wörds stay whole|");  // only ASCII is lower-cased
}

TEST_CASE("pasted text: every tenth sentence is held out, the rest is the training text in order", "[language-model]") {
  const TokenisedText t = tokenise(madeText(30));
  const TextCorpus split = splitSentences(t.words, t.tokens, t.sentences, t.wordCount);
  CHECK(split.heldOut.size() == 3 * 9);    // sentences 10, 20 and 30, 8 words and </s> each
  CHECK(split.training.size() == 27 * 9);
  CHECK(split.vocabulary == t.words.size());
  CHECK(std::vector<Token>(split.training.begin(), split.training.begin() + 9 * 9) == std::vector<Token>(t.tokens.begin(), t.tokens.begin() + 9 * 9));
  CHECK(std::vector<Token>(split.heldOut.begin(), split.heldOut.begin() + 9) == std::vector<Token>(t.tokens.begin() + 9 * 9, t.tokens.begin() + 10 * 9));
  // Fewer than ten sentences: the last one is held out.
  std::string nine;  // 9 sentences of 25 words
  for (int s = 0; s < 9; ++s) {
    for (int k = 0; k < 25; ++k) nine += "v" + std::to_string((s + k) % 11) + " ";
    nine += ". ";
  }
  const TokenisedText few = tokenise(nine);
  const TextCorpus fewSplit = splitSentences(few.words, few.tokens, few.sentences, few.wordCount);
  CHECK(fewSplit.heldOut.size() == 26);
  CHECK(fewSplit.training.size() == 8 * 26);
  // Too short, or one sentence: errors naming corpus.
  const TokenisedText short_ = tokenise(madeText(5));
  CHECK_THROWS_WITH(splitSentences(short_.words, short_.tokens, short_.sentences, short_.wordCount), Catch::Contains("corpus = pasted: the text has 40 words; at least 200"));
  std::string oneSentence;
  for (int k = 0; k < 250; ++k) oneSentence += "word" + std::to_string(k % 7) + " ";
  const TokenisedText one = tokenise(oneSentence);
  CHECK_THROWS_WITH(splitSentences(one.words, one.tokens, one.sentences, one.wordCount), Catch::Contains("one sentence"));
}

TEST_CASE("language-model --corpus pasted: validation names corpus or samples; a run on the text is deterministic", "[language-model]") {
  Request request;
  request.experiment = "language-model";
  request.config = {{"corpus", "pasted"}, {"samples", 100}, {"generations", 3}, {"trials", 2}};
  data::provide(kPastedTextDataset, {});  // an empty text
  CHECK_THROWS_WITH(makePlan(request), Catch::Contains("corpus = pasted: the text has 0 words"));
  providePasted(madeText(40));
  request.config["samples"] = 400;  // 36 training sentences × 9 tokens = 324
  CHECK_THROWS_WITH(makePlan(request), Catch::Contains("samples = 400 tokens, but your text has 324 training tokens"));
  request.config["samples"] = 300;
  const testing::ExperimentRun a(request), b(request);
  CHECK(resultJson(a.result)["series"] == resultJson(b.result)["series"]);
  CHECK(a.result.series.front().mean.front() > 1.0);  // a finite held-out perplexity
  const auto& sentences = a.result.series.front().samples.front().sentences;
  REQUIRE_FALSE(sentences.empty());
  CHECK(sentences.front().rfind("w0 w1 w2", 0) == 0);  // generation 1 quotes the reader's text, lower-cased
  const auto& notes = a.result.notes;
  CHECK(std::any_of(notes.begin(), notes.end(), [](const std::string& n) { return n.rfind("Your own text", 0) == 0; }));
  // Another text under the same config gives another run.
  providePasted(madeText(41));
  const testing::ExperimentRun c(request);
  CHECK(resultJson(c.result)["series"] != resultJson(a.result)["series"]);
}
