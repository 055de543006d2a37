// Exact sums and recursions of "A Tale of Tails" (docs/theory/tails.md).
#include "collapse/theory/tails_theory.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/vector_math.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace collapse::theory::tails {

std::vector<double> zipfLaw(double beta, int support) {
  std::vector<double> p(static_cast<std::size_t>(support));
  double total = 0.0;
  for (int i = support; i >= 1; --i) total += (p[static_cast<std::size_t>(i - 1)] = math::pow(static_cast<double>(i), -beta));
  for (double& v : p) v /= total;
  return p;
}

double zeta(double beta) {
  if (!(beta > 1.0)) throw std::invalid_argument("zeta: β must exceed 1");
  constexpr int kDirect = 1000;
  double sum = 0.0;
  for (int i = kDirect - 1; i >= 1; --i) sum += math::pow(static_cast<double>(i), -beta);
  // Euler–Maclaurin for Σ_{i ≥ M} i^(−β): ∫_M^∞ + f(M)/2 − f′(M)/12 + f‴(M)/720.
  const double m = kDirect;
  const double tail = math::pow(m, 1.0 - beta) / (beta - 1.0) + 0.5 * math::pow(m, -beta) + beta * math::pow(m, -beta - 1.0) / 12.0 -
                      beta * (beta + 1.0) * (beta + 2.0) * math::pow(m, -beta - 3.0) / 720.0;
  return sum + tail;
}

int keptRank(const std::vector<double>& law, int cutRank, double topP) {
  const int n = static_cast<int>(law.size());
  int k = std::min(cutRank, n);
  if (topP < 1.0) {
    double cumulative = 0.0;
    for (int i = 0; i < k; ++i) {
      cumulative += law[static_cast<std::size_t>(i)];
      if (cumulative >= topP) return i + 1;
    }
  }
  // Items of zero probability are never kept (a law already cut stays cut).
  while (k > 1 && law[static_cast<std::size_t>(k - 1)] <= 0.0) --k;
  return k;
}

std::vector<double> tailCut(const std::vector<double>& law, int cutRank, double topP) {
  const int k = keptRank(law, cutRank, topP);
  std::vector<double> q(law.size(), 0.0);
  double kept = 0.0;
  for (int i = k - 1; i >= 0; --i) kept += law[static_cast<std::size_t>(i)];
  for (int i = 0; i < k; ++i) q[static_cast<std::size_t>(i)] = law[static_cast<std::size_t>(i)] / kept;
  return q;
}

std::vector<double> withTemperature(const std::vector<double>& law, double temperature) {
  // q ∝ exp(log(p)/τ), scaled by the largest term so that small τ does not underflow the head.
  double top = 0.0;
  for (double v : law) top = std::max(top, v);
  std::vector<double> q(law.size());
  double total = 0.0;
  for (std::size_t i = law.size(); i-- > 0;) total += (q[i] = law[i] > 0.0 ? math::pow(law[i] / top, 1.0 / temperature) : 0.0);
  for (double& v : q) v /= total;
  return q;
}

std::vector<double> productLaw(const std::vector<double>& context, const std::vector<double>& successor) {
  std::vector<double> flat;
  flat.reserve(context.size() * successor.size());
  for (double c : context)
    for (double r : successor) flat.push_back(c * r);
  return flat;
}

namespace {

/// e^(scale·log(1 − c·p_i)) for every item, on two lanes (simd::log1pArray and expArray give math::log1p's and
/// math::exp's bits): the survival (1 − c·p)^scale of each item. Entries where c·p ≥ 1 are meaningless.
std::vector<double> survivals(const std::vector<double>& p, double c, double scale) {
  std::vector<double> out(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) out[i] = -(c * p[i]);
  simd::log1pArray(out.data(), out.data(), out.size());
  for (double& v : out) v *= scale;
  simd::expArray(out.data(), out.data(), out.size());
  return out;
}

}  // namespace

double missedMass(const std::vector<double>& weights, const std::vector<double>& q, double samples) {
  const std::vector<double> missed = survivals(q, 1.0, samples);
  double sum = 0.0;
  for (std::size_t i = weights.size(); i-- > 0;) sum += q[i] <= 0.0 ? weights[i] : q[i] >= 1.0 ? 0.0 : weights[i] * missed[i];
  return sum;
}

double CountLaw::mean() const {
  double m = 0.0;
  for (std::size_t a = 0; a < prob.size(); ++a) m += prob[a] * static_cast<double>(lo + static_cast<std::int64_t>(a));
  return m;
}

CountLaw distinctSlots(const CountLaw& lines, std::int64_t slots) {
  constexpr double kDrop = 1e-30;
  const std::int64_t last = lines.lo + static_cast<std::int64_t>(lines.prob.size()) - 1;
  const std::int64_t top = std::min(last, slots);
  std::vector<double> out(static_cast<std::size_t>(top + 1), 0.0);
  const double m = static_cast<double>(slots);
  std::vector<double> f{1.0}, next;  // f[k]: P(D = low + k) after t lines
  std::int64_t low = 0;
  for (std::int64_t t = 0;; ++t) {
    if (t >= lines.lo) {
      const double w = lines.prob[static_cast<std::size_t>(t - lines.lo)];
      if (w > 0.0)
        for (std::size_t k = 0; k < f.size(); ++k) out[static_cast<std::size_t>(low) + k] += w * f[k];
    }
    if (t == last) break;
    // One more line: it hits a new slot with probability 1 − d/slots.
    const bool full = low + static_cast<std::int64_t>(f.size()) - 1 >= slots;
    next.assign(f.size() + (full ? 0 : 1), 0.0);
    for (std::size_t k = 0; k < f.size(); ++k) {
      const double d = static_cast<double>(low + static_cast<std::int64_t>(k));
      next[k] += f[k] * (d / m);
      if (k + 1 < next.size()) next[k + 1] += f[k] * (1.0 - d / m);
    }
    const double largest = *std::max_element(next.begin(), next.end());
    std::size_t begin = 0, end = next.size();
    while (begin + 1 < end && next[begin] < kDrop * largest) ++begin;
    while (end - 1 > begin && next[end - 1] < kDrop * largest) --end;
    f.assign(next.begin() + static_cast<std::ptrdiff_t>(begin), next.begin() + static_cast<std::ptrdiff_t>(end));
    low += static_cast<std::int64_t>(begin);
  }
  std::size_t begin = 0, end = out.size();
  while (begin + 1 < end && out[begin] == 0.0) ++begin;
  while (end - 1 > begin && out[end - 1] == 0.0) --end;
  CountLaw law{static_cast<std::int64_t>(begin), std::vector<double>(out.begin() + static_cast<std::ptrdiff_t>(begin),
                                                                     out.begin() + static_cast<std::ptrdiff_t>(end))};
  double total = 0.0;
  for (double v : law.prob) total += v;
  for (double& v : law.prob) v /= total;  // the dropped mass (< 1e-25) is renormalised away
  return law;
}

double expectedMissedMass(const std::vector<double>& weights, const std::vector<double>& p, const CountLaw& draws) {
  constexpr int kOrder = 16;  // Σ_{k > 16} 0.5^k/k! < 1e-19
  const double mean = draws.mean();
  double central[kOrder + 1] = {1.0, 0.0};
  double spread = 0.0;
  for (std::size_t a = 0; a < draws.prob.size(); ++a) {
    const double deviation = static_cast<double>(draws.lo + static_cast<std::int64_t>(a)) - mean;
    spread = std::max(spread, std::fabs(deviation));
    double power = deviation * deviation;
    for (int k = 2; k <= kOrder; ++k, power *= deviation) central[k] += draws.prob[a] * power;
  }
  double factorial[kOrder + 1] = {1.0};
  for (int k = 1; k <= kOrder; ++k) factorial[k] = factorial[k - 1] * k;
  // log(1 − p_i) for every item, then e^(mean·log(1 − p_i)) for all of them at once on two lanes (simd::expArray
  // gives math::exp's bits): the exponentials had been over half of generations-shift's WebAssembly time. Items
  // that take the other branch below, or are skipped, have theirs computed and unused.
  std::vector<double> logMisses(p.size()), atMean(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) logMisses[i] = -p[i];
  simd::log1pArray(logMisses.data(), logMisses.data(), logMisses.size());  // E[(1 − p)^A] = E[exp(A·log(1 − p))]
  for (std::size_t i = 0; i < p.size(); ++i) atMean[i] = mean * logMisses[i];
  simd::expArray(atMean.data(), atMean.data(), atMean.size());
  double sum = 0.0;
  for (std::size_t i = p.size(); i-- > 0;) {
    if (weights[i] == 0.0) continue;
    if (p[i] >= 1.0) {
      sum += weights[i] * (draws.lo == 0 ? draws.prob[0] : 0.0);
      continue;
    }
    const double logMiss = logMisses[i];
    double expectation;
    const double reach = std::fabs(logMiss) * spread;  // |(A − mean)·log(1 − p)| ≤ reach
    if (reach <= 0.5) {
      // Σ_k μ_k L^k / k!, stopped once the bound reach^k/k! on the remaining terms is below 1e-18.
      double series = 1.0, power = logMiss * logMiss, bound = reach * reach / 2.0;
      for (int k = 2; k <= kOrder && bound > 1e-18; ++k, power *= logMiss, bound *= reach / (k + 1))
        series += central[k] * power / factorial[k];
      expectation = atMean[i] * series;  // e^(mean·logMiss)·series
    } else {
      expectation = 0.0;
      const double ratio = math::exp(logMiss);
      double term = math::exp(static_cast<double>(draws.lo) * logMiss);
      for (double w : draws.prob) expectation += w * term, term *= ratio;
    }
    sum += weights[i] * expectation;
  }
  return sum;
}

namespace {

/// Errors at generations 1..n from the law of A₁, the number of distinct slots of the newest generator that the
/// learner's synthetic draws hit. At generation g those slots trace back through g − 1 further occupancy steps to
/// A_g distinct slots of generation 1, which are i.i.d. draws of p (docs/theory/tails.md §4.1).
std::vector<double> chainErrors(const std::vector<double>& weights, const std::vector<double>& p, CountLaw distinct,
                                std::int64_t generatorSamples, int generations) {
  std::vector<double> errors;
  for (int g = 1; g <= generations; ++g) {
    errors.push_back(expectedMissedMass(weights, p, distinct));
    if (g < generations) distinct = distinctSlots(distinct, generatorSamples);
  }
  return errors;
}

/// Whether `lines` uniform draws among `slots` slots surely hit every slot: P(some slot missed) ≤ slots·e^(−lines/slots),
/// below 1e-17 once lines ≥ (40 + ln slots)·slots.
bool hitsEverySlot(double lines, double slots) { return lines >= (40.0 + math::log(slots)) * slots; }

}  // namespace

std::vector<double> finiteSampleErrors(const std::vector<double>& p, std::int64_t generatorSamples, double samples,
                                       double cleanFraction, int generations) {
  const double slots = static_cast<double>(generatorSamples);
  std::vector<double> weights = p;
  CountLaw firstStep;
  if (cleanFraction > 0.0) {
    // K ~ Binomial(T, π) clean draws; the J = T − K synthetic ones hit every slot (12 SD below the mean of J).
    const double synthetic = (1.0 - cleanFraction) * samples, sd = std::sqrt(samples * cleanFraction * (1.0 - cleanFraction));
    if (!hitsEverySlot(synthetic - 12.0 * sd, slots)) return {};
    const std::vector<double> unseen = survivals(p, cleanFraction, samples);
    for (std::size_t i = 0; i < p.size(); ++i) weights[i] = p[i] * unseen[i];
    firstStep = CountLaw::point(generatorSamples);
  } else {
    firstStep = hitsEverySlot(samples, slots) ? CountLaw::point(generatorSamples)
                                              : distinctSlots(CountLaw::point(static_cast<std::int64_t>(samples)), generatorSamples);
  }
  return chainErrors(weights, p, firstStep, generatorSamples, generations);
}

double finiteSampleWork(std::int64_t generatorSamples, double samples, int generations, std::size_t items) {
  const double slots = static_cast<double>(generatorSamples);
  const double width = 24.0 * std::sqrt(slots) + 10.0;
  const double first = hitsEverySlot(samples, slots) ? 0.0 : samples * width;
  return first + generations * (slots * width + 17.0 * static_cast<double>(items));
}

std::vector<double> finiteSampleSupportLoss(const std::vector<double>& p, std::int64_t generatorSamples, int generations) {
  return chainErrors(p, p, CountLaw::point(generatorSamples), generatorSamples, generations);
}

std::vector<double> poissonSupportLoss(const std::vector<double>& p, double generatorSamples, int generations) {
  std::vector<double> losses;
  double survival = 1.0;  // s_{n−1}
  std::vector<double> exponents(p.size());
  for (int g = 1; g <= generations; ++g) {
    for (std::size_t i = 0; i < p.size(); ++i) exponents[i] = -generatorSamples * p[i] * survival;
    simd::expArray(exponents.data(), exponents.data(), exponents.size());  // math::exp's bits, two lanes at a time
    double loss = 0.0;
    for (std::size_t i = p.size(); i-- > 0;) loss += p[i] * exponents[i];
    losses.push_back(loss);
    survival = 1.0 - math::exp(-survival);
  }
  return losses;
}

double cleanConstant(double beta) {
  return math::exp(math::lgamma(1.0 - 1.0 / beta)) * math::pow(zeta(beta), -1.0 / beta) / beta;
}

}  // namespace collapse::theory::tails
