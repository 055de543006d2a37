// Monte Carlo of "language-model" (docs/theory/language-model.md §3): fit, sample T tokens, refit; every metric is
// computed by its own function from the same fitted generation.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>

#include "collapse/data/brown_corpus.hpp"
#include "collapse/experiments/language_model.hpp"
#include "collapse/lm/decoder.hpp"
#include "collapse/lm/ngram_model.hpp"
#include "collapse/lm/text_corpus.hpp"
#include "collapse/random/guide_table.hpp"
#include "collapse/random/samplers.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/vector_math.hpp"

namespace collapse {

namespace {

using lm::NgramCounts;
using lm::NgramModel;
using lm::Token;

lm::Smoothing smoothingOf(const Config& c) {
  const std::string& s = c.choice("smoothing");
  return s == "none" ? lm::Smoothing::None : s == "add-k" ? lm::Smoothing::AddK : lm::Smoothing::KneserNey;
}

/// What a generation's metrics are measured against: the real training text and the held-out text.
struct Reference {
  const lm::TextCorpus* corpus;
  std::vector<std::uint64_t> realCounts;  ///< unigram counts of the T real training tokens
  double realWords = 0.0;                 ///< distinct words among them
};

// ---- one function per metric -------------------------------------------------------------------------------

/// exp(−mean log P(w | h)) over the held-out tokens (infinite when a held-out token has probability 0).
/// The logarithms on two lanes (simd::logArray, the bits of math::log), summed in the tokens' order.
double perplexity(const NgramModel& model, const std::vector<Token>& heldOut) {
  std::vector<double> logs(heldOut.size());
  std::uint64_t history = 0;
  for (std::size_t i = 0; i < heldOut.size(); ++i) {
    logs[i] = model.probability(history, heldOut[i]);
    if (!(logs[i] > 0.0)) return std::numeric_limits<double>::infinity();
    history = lm::advance(history, heldOut[i]);
  }
  simd::logArray(logs.data(), logs.data(), logs.size());
  double logSum = 0.0;
  for (double l : logs) logSum += l;
  return math::exp(-logSum / static_cast<double>(heldOut.size()));
}

/// Share of the real training text's words that the model's training text still contains.
double vocabulary(const std::vector<std::uint64_t>& counts, const Reference& r) {
  double kept = 0.0;
  for (std::size_t w = 0; w < counts.size(); ++w) kept += r.realCounts[w] > 0 && counts[w] > 0;
  return kept / r.realWords;
}

/// Real probability (in the real training text) of the words the model's training text has lost.
double tailMass(const std::vector<std::uint64_t>& counts, const Reference& r, double realTokens) {
  double lost = 0.0;
  for (std::size_t w = 0; w < counts.size(); ++w)
    if (r.realCounts[w] > 0 && counts[w] == 0) lost += static_cast<double>(r.realCounts[w]);
  return lost / realTokens;
}

/// Gini–Simpson index 1 − Σ q_w² of the model's training text's unigram law.
double diversity(const std::vector<std::uint64_t>& counts, double tokens) {
  double squares = 0.0;
  for (std::uint64_t c : counts) squares += static_cast<double>(c) * static_cast<double>(c);
  return 1.0 - squares / (tokens * tokens);
}

/// KL(q ‖ p_corpus) of that unigram law from the whole corpus's (finite: every word has corpus probability > 0).
/// The logarithms on two lanes, as in perplexity; the terms summed in the words' order.
double kl(const std::vector<std::uint64_t>& counts, double tokens, const std::vector<double>& corpusLaw) {
  std::vector<double> shares, logs;
  for (std::size_t w = 0; w < counts.size(); ++w)
    if (counts[w] > 0) {
      shares.push_back(static_cast<double>(counts[w]) / tokens);
      logs.push_back(shares.back() / corpusLaw[w]);
    }
  simd::logArray(logs.data(), logs.data(), logs.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < shares.size(); ++i) sum += shares[i] * logs[i];
  return sum;
}

LanguageModelMetrics measureModel(const NgramModel& model, const NgramCounts& data, const Reference& r, double realTokens) {
  const std::vector<std::uint64_t> counts = data.unigrams(r.corpus->vocabulary);
  const double tokens = static_cast<double>(data.tokens);
  return {perplexity(model, r.corpus->heldOut), vocabulary(counts, r), tailMass(counts, r, realTokens), diversity(counts, tokens),
          kl(counts, tokens, r.corpus->corpusLaw)};
}

// ---- sampling --------------------------------------------------------------------------------------------

/// T tokens sampled from the model (one stream; each sentence ends with </s> and the next starts afresh).
/// With temperature or top-p, the decoded law P(w | h)^(1/τ) restricted to its top-p head is drawn exactly
/// (docs/theory/language-model.md §6): at order 1 (one context) from its full table by inversion, at higher orders
/// by lm::Decoder's sparse chain form.
std::vector<Token> sampleText(const NgramModel& model, std::size_t tokens, double temperature, double topP, Rng& rng) {
  std::vector<Token> text;
  text.reserve(tokens);
  if ((temperature == 1.0 && topP == 1.0) || model.order() > 1) {
    std::unique_ptr<lm::Decoder> decoder;
    if (temperature != 1.0 || topP != 1.0) decoder = std::make_unique<lm::Decoder>(model, temperature, topP);
    std::uint64_t history = 0;
    for (std::size_t i = 0; i < tokens; ++i) {
      const Token t = decoder ? decoder->sample(history, rng) : model.sample(history, rng);
      text.push_back(t);
      history = lm::advance(history, t);
    }
    return text;
  }
  std::vector<double> law;
  model.distribution(0, law);  // order 1: one context
  double top = *std::max_element(law.begin(), law.end());
  for (double& p : law) p = p > 0.0 ? p / top : 0.0;
  simd::powArray(law.data(), 1.0 / temperature, law.data(), law.size());  // (p/top)^(1/τ) on two lanes; pow(0, 1/τ) = 0
  std::vector<Token> byMass(law.size());
  std::iota(byMass.begin(), byMass.end(), Token(0));
  std::stable_sort(byMass.begin(), byMass.end(), [&](Token a, Token b) { return law[a] > law[b]; });
  const double total = std::accumulate(law.begin(), law.end(), 0.0);
  std::vector<double> cumulative;
  double mass = 0.0;
  for (Token w : byMass) {
    if (law[w] <= 0.0 || (mass >= topP * total && !cumulative.empty())) break;
    mass += law[w];
    cumulative.push_back(mass);
  }
  const GuideTable guide(cumulative.data(), cumulative.size());  // finds what std::upper_bound finds, in O(1)
  for (std::size_t i = 0; i < tokens; ++i) text.push_back(byMass[guide.find(cumulative.data(), rng.uniform() * cumulative.back())]);
  return text;
}

/// T tokens of whole sentences drawn without replacement from all text so far (the last sentence cut at T).
std::vector<Token> subsample(const std::vector<std::vector<Token>>& pool, std::size_t tokens, Rng& rng) {
  struct Span {
    std::uint32_t block, begin, end;
  };
  std::vector<Span> sentences;
  for (std::size_t b = 0; b < pool.size(); ++b)
    for (std::size_t i = 0, start = 0; i < pool[b].size(); ++i)
      if (pool[b][i] == lm::kSentenceEnd || i + 1 == pool[b].size()) {
        sentences.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i + 1)});
        start = i + 1;
      }
  std::vector<Token> out;
  out.reserve(tokens);
  for (std::size_t k = 0; k < sentences.size() && out.size() < tokens; ++k) {
    std::swap(sentences[k], sentences[k + rng.below(sentences.size() - k)]);  // partial Fisher–Yates
    const Span& s = sentences[k];
    out.insert(out.end(), pool[s.block].begin() + s.begin, pool[s.block].begin() + s.end);
  }
  out.resize(std::min(out.size(), tokens));
  return out;
}

/// The real text's fit, the same in every trial: cached per thread.
struct FirstGeneration {
  std::vector<Token> text;
  NgramCounts counts;
  std::unique_ptr<NgramModel> model;
  Reference reference;
  LanguageModelMetrics metrics;
};

/// The text of the run: the Brown corpus split, or the reader's own (docs/theory/language-model.md §7).
const lm::TextCorpus& corpusOf(const Config& c) { return c.choice("corpus") == "pasted" ? lm::pastedSplit() : lm::brownSplit(); }

const FirstGeneration& firstGeneration(const Config& c) {
  const lm::TextCorpus& corpus = corpusOf(c);
  thread_local std::map<std::string, std::shared_ptr<FirstGeneration>> cache;
  if (cache.size() > 8) cache.clear();
  const std::string key = c.choice("corpus") + "#" + std::to_string(corpus.stamp) + "|" + formatNumber(c.number("samples")) + "|" + formatNumber(c.number("order")) + "|" + c.choice("smoothing") +
                          "|" + formatNumber(c.number("addK"));
  auto& slot = cache[key];
  if (!slot) {
    auto first = std::make_shared<FirstGeneration>();
    const auto t = static_cast<std::size_t>(c.number("samples"));
    first->text.assign(corpus.training.begin(), corpus.training.begin() + static_cast<std::ptrdiff_t>(std::min(t, corpus.training.size())));
    first->counts = NgramCounts::of(first->text, c.integer("order"));
    first->model = std::make_unique<NgramModel>(first->counts, smoothingOf(c), c.number("addK"), corpus.vocabulary);
    first->reference.corpus = &corpus;
    first->reference.realCounts = first->counts.unigrams(corpus.vocabulary);
    for (std::uint64_t n : first->reference.realCounts) first->reference.realWords += n > 0;
    first->metrics = measureModel(*first->model, first->counts, first->reference, static_cast<double>(first->text.size()));
    slot = first;
  }
  return *slot;
}

/// log₁₀ rank and log₁₀ relative frequency of the real text's words in a text, at about 120 log-spaced ranks (a Zipf
/// plot). Words the real training text never had (a smoothed model's uniform floor) are left out, so a lost tail
/// shows as points that stop short.
std::vector<double> rankFrequency(const std::vector<Token>& text, const std::vector<std::uint64_t>& realCounts) {
  std::vector<double> counts(realCounts.size(), 0.0);
  for (Token t : text)
    if (realCounts[t] > 0) counts[t] += 1.0;
  std::sort(counts.begin(), counts.end(), std::greater<>());
  std::vector<double> rows;
  double next = 1.0;
  for (std::size_t r = 1; r <= counts.size() && counts[r - 1] > 0.0; ++r) {
    if (static_cast<double>(r) < next && counts[r] > 0.0) continue;
    rows.push_back(math::log(static_cast<double>(r)) / math::log(10.0));
    rows.push_back(math::log(counts[r - 1] / static_cast<double>(text.size())) / math::log(10.0));
    next = std::max(next + 1.0, next * 1.06);
  }
  return rows;
}

}  // namespace

const std::vector<std::string>& LanguageModelMetrics::keys() {
  static const std::vector<std::string> keys = {"perplexity", "vocabulary", "tailMass", "diversity", "kl"};
  return keys;
}

double LanguageModelMetrics::get(const std::string& key) const {
  if (key == "perplexity") return perplexity;
  if (key == "vocabulary") return vocabulary;
  if (key == "tailMass") return tailMass;
  if (key == "diversity") return diversity;
  return kl;
}

std::vector<LanguageModelMetrics> LanguageModel::simulateMetrics(const Config& c, Rng& rng, PointCloud* cloud,
                                                               std::vector<std::vector<std::uint32_t>>* texts) const {
  const FirstGeneration& first = firstGeneration(c);
  const std::size_t vocabularySize = first.reference.corpus->vocabulary;
  const auto t = static_cast<std::size_t>(c.number("samples"));
  const double realTokens = static_cast<double>(first.text.size());
  const std::string& workflow = c.choice("workflow");
  const double temperature = c.number("temperature"), topP = c.number("topP");
  std::vector<LanguageModelMetrics> metrics{first.metrics};
  if (cloud) cloud->real = rankFrequency(first.text, first.reference.realCounts);
  if (texts) texts->push_back(first.text);
  const NgramModel* model = first.model.get();
  std::unique_ptr<NgramModel> current;
  NgramCounts pooled = workflow == "accumulate" ? first.counts : NgramCounts{};
  std::vector<std::vector<Token>> pool;
  if (workflow == "accumulate-subsample") pool.push_back(first.text);
  for (int g = 2; g <= c.integer("generations"); ++g) {
    std::vector<Token> text = sampleText(*model, t, temperature, topP, rng);
    if (cloud) cloud->generations.push_back(rankFrequency(text, first.reference.realCounts));
    if (texts) texts->push_back(text);
    NgramCounts fresh;
    const NgramCounts* data = &fresh;  // accumulate: the pooled counts themselves (a copy a generation had cost)
    if (workflow == "replace") {
      fresh = NgramCounts::of(text, c.integer("order"));
    } else if (workflow == "accumulate") {
      pooled.add(NgramCounts::of(text, c.integer("order")));
      data = &pooled;
    } else {
      pool.push_back(std::move(text));
      fresh = NgramCounts::of(subsample(pool, t, rng), c.integer("order"));
    }
    current = std::make_unique<NgramModel>(*data, smoothingOf(c), c.number("addK"), vocabularySize);
    model = current.get();
    metrics.push_back(measureModel(*model, *data, first.reference, realTokens));
  }
  if (cloud) cloud->generations.push_back(rankFrequency(sampleText(*model, t, temperature, topP, rng), first.reference.realCounts));
  return metrics;
}

std::vector<GenerationSample> LanguageModel::sampleSentences(const Config& c) const {
  thread_local std::map<std::string, std::vector<GenerationSample>> cache;
  const lm::TextCorpus& corpus = corpusOf(c);
  std::string key = std::to_string(corpus.stamp) + ";";  // the pasted text can change under the same config
  for (const auto& [name, value] : c.values()) key += name + "=" + formatValue(value) + ";";
  if (auto found = cache.find(key); found != cache.end()) return found->second;
  if (cache.size() > 32) cache.clear();
  std::vector<std::vector<Token>> texts;
  Rng rng(static_cast<std::uint64_t>(c.number("seed")), 0);
  simulateMetrics(c, rng, nullptr, &texts);
  const auto& words = corpus.words;
  std::vector<GenerationSample> samples;
  for (std::size_t g = 0; g < texts.size(); ++g) {
    GenerationSample sample{static_cast<int>(g + 1), {}};
    const auto& text = texts[g];
    for (std::size_t i = 0, start = 0; i < text.size() && sample.sentences.size() < kSentencesShown; ++i)
      if (text[i] == lm::kSentenceEnd) {
        if (i - start >= 6 && i - start <= 25) {
          std::string sentence;
          for (std::size_t k = start; k < i; ++k) sentence += (k > start ? " " : "") + words[text[k]];
          sample.sentences.push_back(std::move(sentence));
        }
        start = i + 1;
      }
    samples.push_back(std::move(sample));
  }
  return cache.emplace(key, std::move(samples)).first->second;
}

std::string LanguageModel::sampledSentences(const Config& c) const {
  const std::vector<GenerationSample> samples = sampleSentences(c);
  const int n = static_cast<int>(samples.size());
  std::string out = "Sentences of trial 1 (" + c.choice("workflow") + "), the first of 6–25 words in each generation's text";
  std::vector<int> shown;
  for (int g : {1, 5, 20, n})
    if (g <= n && std::find(shown.begin(), shown.end(), g) == shown.end()) shown.push_back(g);
  std::sort(shown.begin(), shown.end());
  for (int g : shown) {
    const auto& sentences = samples[static_cast<std::size_t>(g - 1)].sentences;
    out += std::string(g == 1 ? ": " : " · ") + "generation " + std::to_string(g) + (g == 1 ? " (real text)" : "") + ": “" +
           (sentences.empty() ? "(no sentence of 6–25 words)" : sentences.front()) + "”";
  }
  return out + ".";
}

std::optional<PointCloud> LanguageModel::pointCloud(const Config& c, Rng& rng) const {
  PointCloud cloud;
  cloud.dimension = 2;
  simulateMetrics(c, rng, &cloud);
  return cloud;
}

}  // namespace collapse
