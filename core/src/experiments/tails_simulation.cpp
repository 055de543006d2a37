// Monte Carlo of "tails" (docs/theory/tails.md §5): the generators' histograms and the learner's training set are
// drawn as multinomials by conditional binomials — O(items) per draw whatever the sample count, never O(T·N) —
// and only whether each item was seen is kept.
#include <cstdint>
#include <utility>

#include "collapse/experiments/tails.hpp"
#include "collapse/experiments/tails_laws.hpp"
#include "collapse/random/samplers.hpp"

namespace collapse {

namespace {

using Histogram = std::vector<std::pair<std::uint32_t, std::uint64_t>>;  ///< (item, count > 0), ascending items

struct Sampling {
  explicit Sampling(Rng& r) : rng(r), normal(r) {}
  Rng& rng;
  NormalSampler normal;
  std::uint64_t binomial(std::uint64_t n, double p) { return sampleBinomial(n, p, normal, rng); }
  /// Binomial(n, p) where logKeep = math::log1p(−p) is known (ItemLaw::logKeep).
  std::uint64_t binomial(std::uint64_t n, double p, double logKeep) { return sampleBinomial(n, p, logKeep, normal, rng); }
};

/// Multinomial(draws, law) item by item: count_i ~ Binomial(remaining, q_i / Σ_{j ≥ i} q_j). Calls
/// visit(i, count) for every item up to the one that takes the last draw; returns the index after it.
template <class Visit>
std::size_t multinomial(const tails::ItemLaw& law, std::uint64_t draws, Sampling& s, Visit&& visit) {
  std::size_t i = 0;
  for (; draws > 0 && i < law.q.size(); ++i) {
    const std::uint64_t count = law.q[i] > 0.0 ? s.binomial(draws, law.share[i], law.logKeep[i]) : 0;
    draws -= count;
    visit(i, count);
  }
  return i;
}

/// The histogram of `draws` draws from a dense law.
Histogram histogramOf(const tails::ItemLaw& law, std::uint64_t draws, Sampling& s) {
  Histogram h;
  multinomial(law, draws, s, [&](std::size_t i, std::uint64_t c) {
    if (c) h.emplace_back(static_cast<std::uint32_t>(i), c);
  });
  return h;
}

/// Multinomial(draws, counts / total) over a histogram: exact integer shares, O(support).
Histogram resample(const Histogram& from, std::uint64_t total, std::uint64_t draws, Sampling& s) {
  Histogram h;
  for (const auto& [item, count] : from) {
    if (draws == 0) break;
    const std::uint64_t c = s.binomial(draws, static_cast<double>(count) / static_cast<double>(total));
    total -= count;
    draws -= c;
    if (c) h.emplace_back(item, c);
  }
  return h;
}

/// p-mass of the items a learner trained on `draws` draws of the dense law `train` never saw.
double unseenMass(const tails::ItemLaw& real, const tails::ItemLaw& train, std::uint64_t draws, Sampling& s) {
  double missed = 0.0;
  const std::size_t end = multinomial(train, draws, s, [&](std::size_t i, std::uint64_t c) {
    if (c == 0) missed += real.q[i];
  });
  return missed + real.suffix[end];
}

/// The same for the mixture π·p + (1 − π)·histogram: K ~ Binomial(T, π) clean draws, the rest from the histogram.
double unseenMassMixed(const tails::ItemLaw& real, const Histogram& generator, std::uint64_t total, std::uint64_t draws,
                       double cleanFraction, Sampling& s, std::vector<std::uint8_t>& seen) {
  const std::uint64_t clean = cleanFraction > 0.0 ? s.binomial(draws, cleanFraction) : 0;
  const Histogram synthetic = resample(generator, total, draws - clean, s);
  if (clean == 0) {
    double found = 0.0;
    for (const auto& entry : synthetic) found += real.q[entry.first];
    return std::max(0.0, 1.0 - found);
  }
  seen.assign(real.q.size(), 0);
  for (const auto& entry : synthetic) seen[entry.first] = 1;
  multinomial(real, clean, s, [&](std::size_t i, std::uint64_t c) {
    if (c) seen[i] = 1;
  });
  double missed = 0.0;
  for (std::size_t i = real.q.size(); i-- > 0;)
    if (!seen[i]) missed += real.q[i];
  return missed;
}

}  // namespace

std::vector<double> Tails::simulateTrial(const Config& c, Rng& rng) const {
  Sampling s(rng);
  const int generations = c.integer("generations");
  const auto samples = static_cast<std::uint64_t>(c.number("samples"));
  const auto generatorSamples = static_cast<std::uint64_t>(c.number("generatorSamples"));
  const double clean = c.number("cleanFraction");
  const tails::ItemLaw& real = tails::realLaw(c);
  std::vector<double> errors;
  if (c.choice("generator") != "finite-sample" || clean >= 1.0) {
    for (int g = 1; g <= generations; ++g) errors.push_back(unseenMass(real, tails::trainingLaw(c, g), samples, s));
    return errors;
  }
  Histogram generator;
  std::vector<std::uint8_t> seen;
  for (int g = 1; g <= generations; ++g) {
    generator = g == 1 ? histogramOf(real, generatorSamples, s) : resample(generator, generatorSamples, generatorSamples, s);
    errors.push_back(unseenMassMixed(real, generator, generatorSamples, samples, clean, s, seen));
  }
  return errors;
}

}  // namespace collapse
