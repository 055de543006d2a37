// Item laws of "tails" (docs/theory/tails.md §1–3), cached per thread.
#include "collapse/experiments/tails_laws.hpp"

#include <cmath>
#include <functional>
#include <map>

#include "collapse/theory/tails_theory.hpp"
#include "collapse/math/portable_math.hpp"
#include "collapse/simd/vector_math.hpp"

namespace collapse::tails {

namespace {

namespace T = theory::tails;

ItemLaw withSuffix(std::vector<double> q) {
  ItemLaw law;
  law.suffix.assign(q.size() + 1, 0.0);
  for (std::size_t i = q.size(); i-- > 0;) law.suffix[i] = law.suffix[i + 1] + q[i];
  for (std::size_t i = q.size(); i-- > 0;)
    if (q[i] > 0.0) {
      law.lastPositive = i;
      break;
    }
  law.q = std::move(q);
  const std::size_t n = law.q.size();
  law.share.resize(n);
  law.logKeep.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double share = i >= law.lastPositive ? 1.0 : law.suffix[i] > 0.0 ? law.q[i] / law.suffix[i] : 0.0;
    law.share[i] = share > 1.0 ? 1.0 : share;
    law.logKeep[i] = -law.share[i];
  }
  simd::log1pArray(law.logKeep.data(), law.logKeep.data(), n);
  return law;
}

bool bigram(const Config& c) { return c.choice("task") == "bigram"; }

std::vector<double> zipfOf(const Config& c) { return T::zipfLaw(c.number("zipfExponent"), c.integer("support")); }

std::vector<double> flatten(const Config& c, const std::vector<double>& successor) {
  return bigram(c) ? T::productLaw(zipfOf(c), successor) : successor;
}

/// Laws by a key naming everything they depend on; cleared past 96 MiB so a long session stays bounded.
const ItemLaw& cached(const std::string& key, const std::function<std::vector<double>()>& make) {
  thread_local std::map<std::string, ItemLaw> cache;
  thread_local double bytes = 0.0;
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  ItemLaw law = withSuffix(make());
  const double size = 32.0 * static_cast<double>(law.q.size());  // q, suffix, share, logKeep
  if (bytes + size > 96.0 * 1048576.0) cache.clear(), bytes = 0.0;
  bytes += size;
  return cache.emplace(key, std::move(law)).first->second;
}

std::string realKey(const Config& c) {
  return c.choice("task") + "|" + formatNumber(c.number("zipfExponent")) + "|" + formatNumber(c.number("support"));
}

}  // namespace

std::size_t itemCount(const Config& c) {
  const auto n = static_cast<std::size_t>(c.integer("support"));
  return bigram(c) ? n * n : n;
}

const ItemLaw& realLaw(const Config& c) {
  return cached(realKey(c), [&] { return flatten(c, zipfOf(c)); });
}

std::vector<double> generatorSuccessorLaw(const Config& c, int generation) {
  const std::vector<double> p = zipfOf(c);
  if (c.choice("generator") == "narrowed") return T::withTemperature(p, math::pow(c.number("temperature"), generation));
  std::vector<double> q = p;
  for (int g = 1; g <= generation; ++g) {
    std::vector<double> next = T::tailCut(q, c.integer("cutRank"), c.number("topP"));
    if (next == q) break;  // top-k (and a top-p that keeps everything) is idempotent
    q = std::move(next);
  }
  return q;
}

int keptRankAt(const Config& c, int generation) {
  const std::vector<double> q = generatorSuccessorLaw(c, generation);
  int k = static_cast<int>(q.size());
  while (k > 1 && q[static_cast<std::size_t>(k - 1)] <= 0.0) --k;
  return k;
}

const ItemLaw& trainingLaw(const Config& c, int generation) {
  const double clean = c.number("cleanFraction");
  if (clean >= 1.0) return realLaw(c);
  const std::string key = realKey(c) + "|" + c.choice("generator") + "|" + formatNumber(c.number("cutRank")) + "|" +
                          formatNumber(c.number("topP")) + "|" + formatNumber(c.number("temperature")) + "|" +
                          formatNumber(clean) + "|" + std::to_string(generation);
  return cached(key, [&] {
    std::vector<double> q = flatten(c, generatorSuccessorLaw(c, generation));
    if (clean > 0.0) {
      const std::vector<double>& p = realLaw(c).q;
      for (std::size_t i = 0; i < q.size(); ++i) q[i] = clean * p[i] + (1.0 - clean) * q[i];
    }
    return q;
  });
}

}  // namespace collapse::tails
