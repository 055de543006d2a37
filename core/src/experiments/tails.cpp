// Catalogue entry, validation, notes, theory and annotations of "tails" (simulation in tails_simulation.cpp;
// mathematics in docs/theory/tails.md).
#include "collapse/experiments/tails.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/experiments/tails_laws.hpp"
#include "collapse/theory/tails_theory.hpp"
#include "collapse/math/portable_math.hpp"

namespace collapse {

namespace {

namespace T = theory::tails;

constexpr int kMaxSupport = 2000000;
constexpr int kMaxBigramSupport = 1000;        ///< N² = 10⁶ (context, next item) pairs
constexpr double kMaxTheoryWork = 4e8;         ///< operations of the exact finite-sample recursion

ExperimentInfo tailsInfo() {
  namespace P = parameters;
  using PT = ParameterType;
  Parameter samples = P::makeNumber(PT::Integer, "samples", "T", "training samples", "", 100000, 1, 1e10, true,
                                    "Training samples the memoriser sees, drawn from π·p + (1 − π)·q⁽ⁿ⁾.");
  ExperimentInfo info;
  info.key = "tails";
  info.title = "A Tale of Tails: Zipf data, a memoriser and AI-generated training data";
  info.source = "Dohmatob, Feng, Yang, Charton & Kempe 2024, A Tale of Tails: Model Collapse as a Change of Scaling Laws "
                "(ICML, arXiv 2402.07043); Hutter 2021, Learning curve theory (arXiv 2102.04074)";
  info.summary =
      "Items with Zipf frequencies pᵢ ∝ i⁻ᵝ are learnt by a memoriser that knows exactly the items it has seen, so "
      "its test error Σ pᵢ (1 − qᵢ)ᵀ falls like T to the power −(1 − 1/β). Training on AI-generated data — a generator that cuts "
      "the tail (top-k, top-p), narrows it (temperature) or is itself a finite sample, generation after generation — "
      "bends that scaling law: it stalls at the lost tail mass, slows down, or shifts with every generation; mixing "
      "in clean data gives a plateau and then a late recovery ('grokking').";
  info.parameters = {
      P::seed(),
      P::withDefault(P::trials(), 20),
      P::makeNumber(PT::Real, "zipfExponent", "β", "Zipf exponent", "", 2.0, 1.05, 5.0, false,
                    "Tail exponent of the item law pᵢ ∝ i⁻ᵝ (β > 1); the clean error falls like T to the power −(1 − 1/β)."),
      P::makeNumber(PT::Integer, "support", "N", "support (items)", "", 100000, 10, kMaxSupport, true,
                    "Number of items N; p is normalised on 1..N (for the bigram task N contexts × N next items, N ≤ 1000)."),
      P::makeChoice("task", "", "task", {"memoriser", "bigram"}, {"memoriser (Hutter)", "bigram memoriser (Hutter++)"},
                    "memoriser",
                    "memoriser: learn item labels (§2 of the paper); bigram: learn (context, next item) pairs with "
                    "Zipf contexts and Zipf next items, the generator acting on the next item (§4, Hutter++)."),
      P::makeChoice("generator", "", "AI generator", {"tail-cut", "narrowed", "finite-sample"},
                    {"tail cutting (top-k / top-p)", "tail narrowing (temperature)", "finite sample (histogram of T₀)"},
                    "finite-sample",
                    "How the AI data are made from the previous generation: keep the top k (cutRank) or top-p items; "
                    "raise the law to the power 1/τ; or take the histogram of T₀ draws."),
      P::makeNumber(PT::Integer, "cutRank", "k", "cut rank (top-k)", "", 100, 1, kMaxSupport, true,
                    "Tail cutting keeps the k most frequent (next) items."),
      P::makeNumber(PT::Real, "topP", "p_top", "top-p threshold", "", 1.0, 0.01, 1.0, false,
                    "Tail cutting also keeps only the smallest head of mass ≥ p_top (1 = no top-p); applied to every "
                    "generation, it cuts deeper each time."),
      P::makeNumber(PT::Real, "temperature", "τ", "temperature", "", 0.8, 0.05, 4.0, false,
                    "Tail narrowing: q ∝ p to the power 1/τ, a Zipf law of exponent β/τ per generation (τ < 1 narrows)."),
      P::makeNumber(PT::Integer, "generatorSamples", "T₀", "generator samples", "", 1000, 1, 10000000, true,
                    "A finite-sample generator is the histogram of T₀ draws from the previous generation (the real law first)."),
      P::makeNumber(PT::Integer, "generations", "n", "generations", "", 10, 1, 200, false,
                    "Generations of AI generators; generation 1 is built from real data, generation n from generation n − 1."),
      P::makeNumber(PT::Real, "cleanFraction", "π", "clean fraction", "", 0.0, 0.0, 1.0, false,
                    "Share π of real data in the training mix π·p + (1 − π)·q⁽ⁿ⁾ (1 = clean data only)."),
      samples,
  };
  info.x = {"generation", "generation n of the AI generator"};
  info.metric = {"testError", "test error E = P(test item unseen)"};
  info.naturalSeries = "";
  const std::string paper = "Dohmatob et al. 2024, A Tale of Tails", url = "https://arxiv.org/abs/2402.07043";
  using S = std::string;
  info.presets = {
      {"scaling-law", "Scaling law of a memoriser on Zipf data",
       "A memoriser trained on T clean samples of Zipf(β) data errs with probability Σ pᵢ (1 − pᵢ)ᵀ, a power law "
       "T to the power −(1 − 1/β) whose slope is set by the tail: heavier tails learn slower.",
       paper + ", §2 (after Hutter 2021)", url, {{"cleanFraction", 1.0}, {"generations", 1.0}, {"samples", 10.0}},
       "samples=10:10000000:log:13", "zipfExponent=1.5,2,3"},
      {"tail-cut", "Tail cutting stops the scaling law",
       "Trained on top-k output, the memoriser's error follows the clean law until T ≈ kᵝ and then stalls at the lost "
       "tail mass Σ pᵢ over i > k ≍ k¹⁻ᵝ: more data no longer helps (Theorem 2.1).",
       paper + ", Theorem 2.1", url, {{"generator", S("tail-cut")}, {"generations", 1.0}, {"samples", 10.0}},
       "samples=10:10000000:log:13", "cutRank=10,100,1000,100000"},
      {"generations-shift", "Generations of synthetic data shift the law",
       "Each generation of finite-sample generators loses more of the tail: the error curves level off higher and "
       "earlier, exactly as the genealogy of the samples says — growing like n to the power 1 − 1/β, slower than the paper's linear "
       "headline (an open discrepancy, see the notes).",
       paper + ", Corollary 2.2 and §2.3", url, {{"generator", S("finite-sample")}, {"samples", 10.0}},
       "samples=10:1000000:log:11", "generations=1,2,4,8"},
      {"grokking", "Mixing in clean data: plateau, then grokking",
       "With a share π of clean data mixed into top-k output, the error first follows the clean law, then sits on the "
       "plateau k¹⁻ᵝ until πT ≈ 1/pₖ, and then resumes the clean law at πT samples (Theorem 3.2).",
       paper + ", Theorem 3.2", url,
       {{"generator", S("tail-cut")}, {"cutRank", 100.0}, {"generations", 1.0}, {"samples", 100.0}},
       "samples=100:100000000:log:13", "cleanFraction=0,0.01,0.1"},
      {"generation-discrepancy", "Error against generation: the open discrepancy",
       "With finite-sample generators the exact error grows sublinearly in the generation, like n to the power 1 − 1/β (the "
       "genealogy of the samples); the paper's headline 'error degrades linearly with the number of generations' "
       "(dotted level) overshoots it.",
       paper + ", §2.3", url, {{"generator", S("finite-sample")}, {"generations", 20.0}}, "", ""},
  };
  return info;
}

bool finiteSample(const Config& c) { return c.choice("generator") == "finite-sample" && c.number("cleanFraction") < 1.0; }

/// Why the finite-sample recursion is not evaluated, if so.
std::optional<std::string> whyNoTheory(const Config& c) {
  if (!finiteSample(c)) return std::nullopt;
  const double work = T::finiteSampleWork(static_cast<std::int64_t>(c.number("generatorSamples")), c.number("samples"),
                                          c.integer("generations"), tails::itemCount(c));
  if (work > kMaxTheoryWork)
    return "The exact finite-sample recursion would take about " + formatNumber(std::round(work / 1e8) / 10) +
           "·10⁹ operations here (T₀ = " + formatNumber(c.number("generatorSamples")) + ", T = " + formatNumber(c.number("samples")) +
           "); it is drawn up to 4·10⁸. The Monte Carlo mean is the reference.";
  const double clean = c.number("cleanFraction");
  if (clean > 0.0 && T::finiteSampleErrors({1.0}, static_cast<std::int64_t>(c.number("generatorSamples")),
                                           c.number("samples"), clean, 1).empty())
    return "With clean data mixed into a finite-sample generator the exact expectation is drawn only once the "
           "synthetic draws surely hit every generator sample ((1 − π)T ≳ (40 + ln T₀)·T₀); the Monte Carlo mean is the reference.";
  return std::nullopt;
}

std::vector<double> exactErrors(const Config& c) {
  const int n = c.integer("generations");
  const double samples = c.number("samples");
  const tails::ItemLaw& real = tails::realLaw(c);
  if (!finiteSample(c)) {
    std::vector<double> errors;
    for (int g = 1; g <= n; ++g) errors.push_back(T::missedMass(real.q, tails::trainingLaw(c, g).q, samples));
    return errors;
  }
  // Series and points that differ only in n share one recursion: cache its errors per thread, longest first.
  thread_local std::map<std::string, std::vector<double>> cache;
  const std::string key = c.choice("task") + "|" + formatNumber(c.number("zipfExponent")) + "|" + formatNumber(c.number("support")) +
                          "|" + formatNumber(c.number("generatorSamples")) + "|" + formatNumber(samples) + "|" +
                          formatNumber(c.number("cleanFraction"));
  auto found = cache.find(key);
  if (found == cache.end() || static_cast<int>(found->second.size()) < n) {
    if (cache.size() > 256) cache.clear();
    found = cache.insert_or_assign(key, T::finiteSampleErrors(real.q, static_cast<std::int64_t>(c.number("generatorSamples")),
                                                             samples, c.number("cleanFraction"), n)).first;
  }
  return std::vector<double>(found->second.begin(), found->second.begin() + std::min<std::size_t>(n, found->second.size()));
}

/// The p-mass outside the support of finite-sample generators 1..n (the T → ∞ error), through the cached recursion.
std::vector<double> supportLoss(Config c) {
  c.set("samples", 1e18);
  c.set("cleanFraction", 0.0);
  return exactErrors(c);
}

/// The exact error of configuration c with T samples at its last generation (for annotations).
double exactErrorAt(Config c, double samples) {
  c.set("samples", samples);
  if (whyNoTheory(c)) return std::nan("");
  return exactErrors(c).back();
}

/// Σ of p over the items a tail-cut generator drops at generation n (per context for the bigram task).
double lostTailMass(const Config& c, int generation) {
  const std::vector<double> p = T::zipfLaw(c.number("zipfExponent"), c.integer("support"));
  const int k = tails::keptRankAt(c, generation);
  double lost = 0.0;
  for (std::size_t i = p.size(); i-- > static_cast<std::size_t>(k);) lost += p[i];
  return lost;
}

std::string fixed(double x, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, x);
  return text;
}

/// Three significant digits, for sentences.
std::string threeDigits(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", x);
  return text;
}

}  // namespace

const ExperimentInfo& Tails::info() const {
  static const ExperimentInfo info = tailsInfo();
  return info;
}

std::vector<Issue> Tails::checkCombination(const Config& c) const {
  std::vector<Issue> issues;
  const int n = c.integer("support");
  if (c.choice("task") == "bigram" && n > kMaxBigramSupport)
    issues.push_back({"support", formatNumber(n),
                      "support = " + formatNumber(n) + " is too large for task = bigram (N² pairs): the limit is " +
                          formatNumber(kMaxBigramSupport) + "."});
  return issues;
}

std::vector<std::string> Tails::notes(const Config& c) const {
  std::vector<std::string> notes;
  const double beta = c.number("zipfExponent");
  notes.push_back("Zipf law on N = " + formatNumber(c.number("support")) + " items with β = " + formatNumber(beta) +
                  ", normalised on the truncated support (the clean error then reaches 0 once every item is seen, near "
                  "T ≈ Nᵝ); scaling-law slope c = 1 − 1/β = " + fixed(1.0 - 1.0 / beta, 3) + ".");
  if (c.choice("task") == "bigram")
    notes.push_back("Bigram task (Hutter++): the error is the probability that a test pair (context, next item) was never "
                    "seen in training; the generator cuts or narrows every context's next-item law. The paper's §4 "
                    "studies conditional-probability losses, whose exponents may differ (docs/theory/tails.md §3: a guide, not an overlay).");
  if (auto why = whyNoTheory(c)) notes.push_back(*why);
  if (finiteSample(c) && c.number("cleanFraction") == 0.0) {
    const auto t0 = static_cast<std::int64_t>(c.number("generatorSamples"));
    const int n = c.integer("generations");
    const tails::ItemLaw& real = tails::realLaw(c);
    if (T::finiteSampleWork(t0, 1e300, n, real.q.size()) <= kMaxTheoryWork) {
      const double exact = supportLoss(c).back();
      const double first = T::missedMass(real.q, real.q, static_cast<double>(t0));
      const double poisson = T::poissonSupportLoss(real.q, static_cast<double>(t0), n).back();
      notes.push_back(
          "Open discrepancy (A Tale of Tails §2.3; docs/theory/tails.md §4.3): the paper's headline says the error grows linearly "
          "with the number of generations, E_clean + n·(collapse term). For the histogram recursion the exact mass lost "
          "from the generator's support after n = " + std::to_string(n) + " generations is " + threeDigits(exact) +
          " (the genealogy of the samples; " + threeDigits(poisson) + " in its Poisson Galton–Watson form ≈ C_β (n/(2T₀))ᶜ), "
          "against n·E_clean(T₀) = " + threeDigits(n * first) + " for the linear law: an item's copies form a critical "
          "branching process that dies out like 2/n, so the loss grows like nᶜ, sublinearly. The dotted level marks the "
          "linear law at generation n; it is an upper bound, not the law of this recursion.");
    }
  }
  if (c.choice("generator") == "tail-cut" && c.number("topP") < 1.0)
    notes.push_back("Top-p is applied anew to every generation's renormalised law, so the kept rank shrinks generation "
                    "by generation (" + formatNumber(tails::keptRankAt(c, 1)) + " items at generation 1, " +
                    formatNumber(tails::keptRankAt(c, c.integer("generations"))) + " at generation " +
                    formatNumber(c.number("generations")) + ").");
  return notes;
}

std::vector<double> Tails::naturalX(const Config& c) const { return generationAxis(1, c.integer("generations")); }

std::optional<std::vector<double>> Tails::theory(const Config& c) const {
  if (whyNoTheory(c)) return std::nullopt;
  return exactErrors(c);
}

std::vector<ReferenceLine> Tails::referenceLines(const Config& c, const std::string& xKey) const {
  const int n = c.integer("generations");
  if (c.number("cleanFraction") >= 1.0) return {};
  if (c.choice("generator") == "tail-cut")
    return {{"lost tail mass (Σ pᵢ over i > k)", lostTailMass(c, n)}};
  if (!finiteSample(c) || c.number("cleanFraction") > 0.0) return {};
  const auto t0 = static_cast<std::int64_t>(c.number("generatorSamples"));
  const tails::ItemLaw& real = tails::realLaw(c);
  if (T::finiteSampleWork(t0, 1e300, n, real.q.size()) > kMaxTheoryWork) return {};
  if (xKey == "samples") return {{"T → ∞: mass lost by generation n", supportLoss(c).back()}};
  if (xKey != "generation" || whyNoTheory(c)) return {};
  // The paper's headline on the generation axis: E_clean(T) + n·(E₁ − E_clean(T)), linear in n.
  const std::vector<double> exact = exactErrors(c);
  const double clean = T::missedMass(real.q, real.q, c.number("samples"));
  return {{"paper's linear law at generation n", clean + n * (exact.front() - clean)}};
}

std::vector<ReferencePoint> Tails::referencePoints(const Config& c, const std::string& xKey) const {
  if (xKey != "samples") return {};
  const double beta = c.number("zipfExponent"), first = c.number("samples");
  const int n = c.integer("generations");
  std::vector<ReferencePoint> points;
  const auto mark = [&](const std::string& label, double samples) {
    const double y = exactErrorAt(c, samples);
    if (std::isfinite(y) && y > 0.0) points.push_back({label, samples, y});
  };
  const double clean = c.number("cleanFraction");
  const std::string generator = c.choice("generator");
  if (generator == "narrowed" && clean < 1.0) {
    const double slope = (beta - 1.0) / beta * math::pow(c.number("temperature"), n);
    mark("slope −c·τⁿ = −" + fixed(slope, 2), 10.0 * first);
  } else {
    mark("slope −c = −(1 − 1/β) = −" + fixed(1.0 - 1.0 / beta, 2), 10.0 * first);
  }
  if (generator == "tail-cut" && clean < 1.0) {
    const double k = tails::keptRankAt(c, n);
    if (k < c.number("support")) {
      mark("T = kᵝ: the scaling stops", std::round(math::pow(k, beta)));
      if (clean > 0.0) mark("πT = 1/pₖ: grokking", std::round(T::zeta(beta) * math::pow(k, beta) / clean));
    }
  }
  return points;
}

}  // namespace collapse
