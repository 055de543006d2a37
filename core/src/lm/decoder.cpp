// Exact temperature / top-p decoding of an n-gram model (docs/theory/language-model.md §6).
#include "collapse/lm/decoder.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "collapse/math/portable_math.hpp"

namespace collapse::lm {

namespace {

/// Rejections from the tempered base before the exact O(V) draw from the rest takes over (keeps the cost bounded
/// when U_h holds most of the base's tempered mass; the law is the same either way).
constexpr int kMaxRejections = 64;

bool contains(const std::vector<Token>& sorted, Token w) { return std::binary_search(sorted.begin(), sorted.end(), w); }

/// Index of the entry that u ∈ [0, cumulative.back()) falls in.
std::size_t pick(const std::vector<double>& cumulative, std::size_t first, std::size_t last, double u) {
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin() + static_cast<std::ptrdiff_t>(first),
                                                   cumulative.begin() + static_cast<std::ptrdiff_t>(last - 1), u) -
                                  cumulative.begin());
}

}  // namespace

Decoder::Decoder(const NgramModel& model, double temperature, double topP)
    : model_(model), exponent_(1.0 / temperature), topP_(topP) {
  if (!(temperature > 0.0) || !(topP > 0.0 && topP <= 1.0)) throw std::invalid_argument("Decoder: needs τ > 0 and 0 < p ≤ 1");
  model.baseLaw(baseTempered_);
  baseCumulative_.resize(baseTempered_.size());
  double sum = 0.0;
  for (std::size_t w = 0; w < baseTempered_.size(); ++w) {
    if (baseTempered_[w] > 0.0) ++basePositive_;
    baseTempered_[w] = baseTempered_[w] > 0.0 ? math::pow(baseTempered_[w], exponent_) : 0.0;
    baseCumulative_[w] = sum += baseTempered_[w];
  }
  if (topP_ < 1.0) {
    baseOrder_.resize(baseTempered_.size());
    std::iota(baseOrder_.begin(), baseOrder_.end(), Token(0));
    std::stable_sort(baseOrder_.begin(), baseOrder_.end(), [&](Token a, Token b) { return baseTempered_[a] > baseTempered_[b]; });
  }
}

Decoder::Context Decoder::build(std::uint64_t history) const {
  SparseLaw sparse = model_.sparseLaw(history);
  Context c;
  c.members = sparse.words;
  std::vector<double> inner(sparse.words.size());
  double excluded = 0.0;
  std::size_t excludedPositive = 0;
  for (std::size_t i = 0; i < sparse.words.size(); ++i) {
    inner[i] = sparse.probabilities[i] > 0.0 ? math::pow(sparse.probabilities[i], exponent_) : 0.0;
    excluded += baseTempered_[sparse.words[i]];
    excludedPositive += baseTempered_[sparse.words[i]] > 0.0;
  }
  // Tempered base mass outside U_h; exactly 0 when U_h holds every word the base gives mass to.
  const double rest = excludedPositive == basePositive_ ? 0.0 : std::max(baseCumulative_.back() - excluded, 0.0);
  c.outerWeight = sparse.baseWeight > 0.0 ? math::pow(sparse.baseWeight, exponent_) : 0.0;
  const double outer = c.outerWeight * rest;
  if (topP_ >= 1.0) {
    c.words = std::move(sparse.words);
    c.cumulative.resize(inner.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < inner.size(); ++i) c.cumulative[i] = sum += inner[i];
    c.outerMass = outer;
    return c;
  }
  // The nucleus: U_h's values, largest first (ties by id), merged with the base's order outside U_h.
  const double innerTotal = std::accumulate(inner.begin(), inner.end(), 0.0);
  const double target = topP_ * (innerTotal + outer);
  std::vector<std::size_t> byValue(inner.size());
  std::iota(byValue.begin(), byValue.end(), std::size_t(0));
  std::stable_sort(byValue.begin(), byValue.end(), [&](std::size_t a, std::size_t b) { return inner[a] > inner[b]; });
  std::size_t i = 0, o = 0;
  const auto nextOuter = [&] {
    while (o < baseOrder_.size() && contains(c.members, baseOrder_[o])) ++o;
  };
  nextOuter();
  double mass = 0.0;
  while (c.words.empty() || mass < target) {
    const bool haveInner = i < byValue.size();
    const bool haveOuter = o < baseOrder_.size() && c.outerWeight > 0.0 && rest > 0.0;
    const double vi = haveInner ? inner[byValue[i]] : -1.0;
    const double vo = haveOuter ? c.outerWeight * baseTempered_[baseOrder_[o]] : -1.0;
    const Token wi = haveInner ? c.members[byValue[i]] : 0, wo = haveOuter ? baseOrder_[o] : 0;
    const bool takeInner = haveInner && (!haveOuter || vi > vo || (vi == vo && wi < wo));
    const double v = takeInner ? vi : vo;
    if (!(v > 0.0)) break;  // only words of probability 0 are left
    c.words.push_back(takeInner ? wi : wo);
    c.cumulative.push_back(mass += v);
    if (takeInner) ++i;
    else ++o, nextOuter();
  }
  return c;
}

const Decoder::Context& Decoder::context(std::uint64_t history) {
  const std::uint64_t key = lastTokens(history, model_.order() - 1);
  if (auto found = cache_.find(key); found != cache_.end()) return found->second;
  Context c = build(key);
  const std::size_t size = c.members.size() + c.words.size();
  if (cached_ + size > kCacheEntries) cache_.clear(), cached_ = 0;
  cached_ += size;
  return cache_.emplace(key, std::move(c)).first->second;
}

Token Decoder::drawOutside(const Context& c, Rng& rng) const {
  const double baseTotal = baseCumulative_.back();
  for (int attempt = 0; attempt < kMaxRejections; ++attempt) {
    const Token w = static_cast<Token>(pick(baseCumulative_, 0, baseCumulative_.size(), rng.uniform() * baseTotal));
    if (!contains(c.members, w)) return w;
  }
  // Exact draw from the tempered base restricted to the complement of U_h.
  std::vector<double> cumulative(baseTempered_.size());
  double sum = 0.0;
  for (std::size_t w = 0; w < baseTempered_.size(); ++w)
    cumulative[w] = sum += contains(c.members, static_cast<Token>(w)) ? 0.0 : baseTempered_[w];
  return static_cast<Token>(pick(cumulative, 0, cumulative.size(), rng.uniform() * sum));
}

Token Decoder::sample(std::uint64_t history, Rng& rng) {
  const Context& c = context(history);
  const double inner = c.cumulative.empty() ? 0.0 : c.cumulative.back();
  const double u = rng.uniform() * (inner + c.outerMass);
  if (u < inner) return c.words[pick(c.cumulative, 0, c.cumulative.size(), u)];
  return drawOutside(c, rng);
}

Token Decoder::sampleOutside(std::uint64_t history, Rng& rng) {
  if (topP_ < 1.0) throw std::invalid_argument("Decoder::sampleOutside: only for top-p = 1 (a nucleus has no outside part)");
  return drawOutside(context(history), rng);
}

void Decoder::law(std::uint64_t history, std::vector<double>& out) {
  const Context& c = context(history);
  const double inner = c.cumulative.empty() ? 0.0 : c.cumulative.back();
  const double z = inner + c.outerMass;
  out.assign(model_.vocabulary(), 0.0);
  if (c.outerMass > 0.0)
    for (std::size_t w = 0; w < out.size(); ++w)
      if (!contains(c.members, static_cast<Token>(w))) out[w] = c.outerWeight * baseTempered_[w] / z;
  for (std::size_t i = 0; i < c.words.size(); ++i) out[c.words[i]] = (c.cumulative[i] - (i ? c.cumulative[i - 1] : 0.0)) / z;
}

}  // namespace collapse::lm
