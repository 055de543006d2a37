// Temperature and top-p decoding of the n-gram model (docs/theory/language-model.md §6): lm::Decoder's law for
// orders 2 and 3 and every smoothing equals the brute-force law (P(w | h)^(1/τ) over the whole vocabulary,
// normalised; the nucleus by sorting), and its samples follow that law (a chi-square test, and each word within 4
// binomial standard errors).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "collapse/lm/decoder.hpp"
#include "collapse/lm/ngram_model.hpp"
#include "collapse/math/portable_math.hpp"
#include "experiment_run.hpp"

using namespace collapse;
using namespace collapse::lm;

namespace {

constexpr std::size_t kVocabulary = 14;  // words 12 and 13 never occur

/// Sentences over words 1..11 with repeating patterns, so that orders 2 and 3 have seen and unseen contexts.
std::vector<Token> smallStream() {
  std::vector<Token> s;
  Rng rng(11, 0);
  for (int sentence = 0; sentence < 120; ++sentence) {
    const int length = 2 + static_cast<int>(rng.below(5));
    Token previous = 1 + static_cast<Token>(rng.below(3));
    for (int i = 0; i < length; ++i) {
      previous = 1 + (previous * 5 + static_cast<Token>(rng.below(3))) % 11;
      s.push_back(previous);
    }
    s.push_back(kSentenceEnd);
  }
  return s;
}

/// The decoded law by brute force: q_w = P(w | h)^(1/τ) for every word, the nucleus by a stable sort (largest
/// first, ties by id) cut at the first prefix of mass ≥ p·Σq, normalised.
std::vector<double> bruteForceLaw(const NgramModel& model, std::uint64_t h, double temperature, double topP) {
  std::vector<double> p;
  model.distribution(h, p);
  std::vector<double> q(p.size());
  for (std::size_t w = 0; w < p.size(); ++w) q[w] = p[w] > 0.0 ? std::pow(p[w], 1.0 / temperature) : 0.0;
  const double z = std::accumulate(q.begin(), q.end(), 0.0);
  std::vector<std::size_t> order(q.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return q[a] > q[b]; });
  std::vector<double> law(q.size(), 0.0);
  double mass = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (q[order[k]] <= 0.0 || (k > 0 && mass >= topP * z)) break;
    law[order[k]] = q[order[k]];
    mass += q[order[k]];
  }
  for (double& x : law) x /= mass;
  return law;
}

/// Histories to check: the stream's first contexts and one never seen (words 13, 12).
std::vector<std::uint64_t> histories(const std::vector<Token>& stream) {
  std::vector<std::uint64_t> out;
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < 25; ++i) out.push_back(h), h = advance(h, stream[i]);
  out.push_back(advance(advance(0, 13), 12));
  out.push_back(advance(advance(0, stream[3]), 13));  // an unseen top context whose shorter context is seen
  return out;
}

}  // namespace

TEST_CASE("decoder: the decoded law equals the brute-force law for orders 2 and 3 and every smoothing", "[language-model]") {
  const auto stream = smallStream();
  for (int order : {2, 3})
    for (Smoothing smoothing : {Smoothing::None, Smoothing::AddK, Smoothing::KneserNey})
      for (double temperature : {0.4, 0.7, 1.0, 1.6})
        // p not round: at τ = 1 a round p can fall exactly on a prefix mass, where rounding alone decides.
        for (double topP : {1.0, 0.893, 0.557}) {
          const NgramModel model(NgramCounts::of(stream, order), smoothing, 0.5, kVocabulary);
          Decoder decoder(model, temperature, topP);
          for (std::uint64_t h : histories(stream)) {
            INFO("order " << order << ", smoothing " << static_cast<int>(smoothing) << ", τ " << temperature << ", p " << topP
                          << ", history " << h);
            const std::vector<double> expected = bruteForceLaw(model, h, temperature, topP);
            std::vector<double> decoded;
            decoder.law(h, decoded);
            REQUIRE(decoded.size() == kVocabulary);
            for (Token w = 0; w < kVocabulary; ++w) CHECK(decoded[w] == Approx(expected[w]).margin(1e-12));
          }
        }
}

TEST_CASE("decoder: sampled frequencies follow the decoded law (chi-square and per-word binomial SE)", "[language-model]") {
  const auto stream = smallStream();
  const std::size_t draws = 30000;
  for (Smoothing smoothing : {Smoothing::None, Smoothing::AddK, Smoothing::KneserNey})
    for (const auto& [temperature, topP] : std::vector<std::pair<double, double>>{{0.6, 1.0}, {1.5, 1.0}, {0.8, 0.8}}) {
      const NgramModel model(NgramCounts::of(stream, 3), smoothing, 0.5, kVocabulary);
      Decoder decoder(model, temperature, topP);
      // A seen context (mostly inside U_h) and an unseen one (every draw from the tempered base, by rejection).
      for (std::uint64_t h : {advance(advance(0, stream[0]), stream[1]), advance(advance(0, 13), 12)}) {
        const std::vector<double> law = bruteForceLaw(model, h, temperature, topP);
        Rng rng(21, static_cast<std::uint64_t>(smoothing) * 10 + static_cast<std::uint64_t>(10 * temperature));
        std::vector<double> counts(kVocabulary, 0.0);
        for (std::size_t i = 0; i < draws; ++i) counts[decoder.sample(h, rng)] += 1.0;
        INFO("smoothing " << static_cast<int>(smoothing) << ", τ " << temperature << ", p " << topP << ", history " << h);
        double chiSquare = 0.0;
        int cells = 0;
        for (Token w = 0; w < kVocabulary; ++w) {
          if (law[w] == 0.0) {
            CHECK(counts[w] == 0.0);  // outside the nucleus (or unseen without smoothing): never drawn
            continue;
          }
          const double expected = law[w] * static_cast<double>(draws);
          chiSquare += (counts[w] - expected) * (counts[w] - expected) / expected;
          ++cells;
          // 4 binomial SEs √(P(1 − P)/draws) of the frequency.
          CHECK(std::fabs(counts[w] / draws - law[w]) <= 4.0 * std::sqrt(law[w] * (1.0 - law[w]) / draws));
        }
        // χ² with k − 1 degrees of freedom has mean k − 1 and SD √(2(k − 1)): allow mean + 4 SD.
        const double dof = cells - 1;
        CHECK(chiSquare <= dof + 4.0 * std::sqrt(2.0 * std::max(dof, 1.0)));
      }
    }
}

TEST_CASE("decoder: the draw outside U_h follows the tempered base there, also when rejection gives way to the exact pass",
          "[language-model]") {
  // At τ = 0.1 the tempered base P_base^10 sits almost wholly on the most frequent words, which a seen context's U_h
  // holds: most base draws are rejected and many draws end in the exact O(V) pass after 64 rejections.
  const auto stream = smallStream();
  for (double temperature : {0.1, 0.8}) {
    const NgramModel model(NgramCounts::of(stream, 2), Smoothing::KneserNey, 0.5, kVocabulary);
    Decoder decoder(model, temperature, 1.0);
    const std::uint64_t h = advance(0, stream[0]);
    const SparseLaw sparse = model.sparseLaw(h);
    std::vector<double> base, law(kVocabulary, 0.0);
    model.baseLaw(base);
    double total = 0.0;
    for (Token w = 0; w < kVocabulary; ++w)
      if (!std::binary_search(sparse.words.begin(), sparse.words.end(), w)) total += law[w] = std::pow(base[w], 1.0 / temperature);
    REQUIRE(total > 0.0);
    double baseTotal = 0.0;
    for (double b : base) baseTotal += std::pow(b, 1.0 / temperature);
    // Acceptance of a base draw: below 2 % at τ = 0.1, so over a quarter of the draws take the exact pass (0.98^64).
    if (temperature < 0.5) REQUIRE(total / baseTotal < 0.02);
    Rng rng(33, static_cast<std::uint64_t>(10 * temperature));
    const std::size_t draws = 20000;
    std::vector<double> counts(kVocabulary, 0.0);
    for (std::size_t i = 0; i < draws; ++i) counts[decoder.sampleOutside(h, rng)] += 1.0;
    for (Token w = 0; w < kVocabulary; ++w) {
      const double p = law[w] / total;
      INFO("τ " << temperature << ", word " << w << ", P = " << p);
      if (p == 0.0) CHECK(counts[w] == 0.0);  // a word of U_h is never drawn here
      else CHECK(std::fabs(counts[w] / draws - p) <= 4.0 * std::sqrt(p * (1.0 - p) / draws));  // 4 binomial SEs
    }
  }
}

TEST_CASE("decoder: temperature 1 and top-p 1 give the model's own law", "[language-model]") {
  const auto stream = smallStream();
  for (Smoothing smoothing : {Smoothing::None, Smoothing::AddK, Smoothing::KneserNey}) {
    const NgramModel model(NgramCounts::of(stream, 2), smoothing, 0.5, kVocabulary);
    Decoder decoder(model, 1.0, 1.0);
    for (std::uint64_t h : histories(stream)) {
      std::vector<double> p, q;
      model.distribution(h, p);
      decoder.law(h, q);
      for (Token w = 0; w < kVocabulary; ++w) CHECK(q[w] == Approx(p[w]).margin(1e-14));
    }
  }
}

TEST_CASE("language-model: temperature and top-p are accepted at every order and cut the tail", "[language-model]") {
  Request request;
  request.experiment = "language-model";
  request.config = {{"order", 3}, {"temperature", 0.7}, {"topP", 0.9}, {"smoothing", "add-k"}};
  CHECK_NOTHROW(makePlan(request));
  const auto cut = testing::runExperiment("language-model", {{"order", 2}, {"samples", 3000}, {"generations", 4}, {"trials", 2}, {"metric", "tailMass"}},
                                          "", "temperature=1,0.6");
  CHECK(cut.result.series[1].mean.back() > cut.result.series[0].mean.back());  // lower temperature loses more mass
  const auto nucleus = testing::runExperiment("language-model", {{"order", 2}, {"samples", 3000}, {"generations", 4}, {"trials", 2}, {"metric", "vocabulary"}},
                                              "", "topP=1,0.5");
  CHECK(nucleus.result.series[1].mean.back() < nucleus.result.series[0].mean.back());  // the nucleus drops rare words
}
