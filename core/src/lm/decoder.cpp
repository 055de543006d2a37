// Exact temperature / top-p decoding of an n-gram model (docs/theory/language-model.md §6).
#include "collapse/lm/decoder.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "collapse/math/portable_math.hpp"
#include "collapse/simd/vector_math.hpp"

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
  for (double& p : baseTempered_) {
    if (p > 0.0) ++basePositive_;
    else p = 0.0;  // and pow(0, 1/τ) = 0
  }
  simd::powArray(baseTempered_.data(), exponent_, baseTempered_.data(), baseTempered_.size());  // P_base^(1/τ) on two lanes
  for (std::size_t w = 0; w < baseTempered_.size(); ++w) baseCumulative_[w] = sum += baseTempered_[w];
  if (sum > 0.0 && sum < 1e308) baseGuide_ = GuideTable(baseCumulative_.data(), baseCumulative_.size());
  if (topP_ < 1.0) {
    baseOrder_.resize(baseTempered_.size());
    std::iota(baseOrder_.begin(), baseOrder_.end(), Token(0));
    std::stable_sort(baseOrder_.begin(), baseOrder_.end(), [&](Token a, Token b) { return baseTempered_[a] > baseTempered_[b]; });
    position_.resize(baseOrder_.size());
    orderedValues_.resize(baseOrder_.size());
    orderedPrefix_.assign(baseOrder_.size() + 1, 0.0);
    for (std::size_t k = 0; k < baseOrder_.size(); ++k) {
      position_[baseOrder_[k]] = k;
      orderedValues_[k] = baseTempered_[baseOrder_[k]];
      orderedPrefix_[k + 1] = orderedPrefix_[k] + orderedValues_[k];
    }
  }
}

Decoder::Context Decoder::build(std::uint64_t history) const {
  SparseLaw sparse = model_.sparseLaw(history);
  Context c;
  c.members = sparse.words;
  std::vector<double> inner(sparse.words.size());
  double excluded = 0.0;
  std::size_t excludedPositive = 0;
  for (std::size_t i = 0; i < sparse.words.size(); ++i) inner[i] = sparse.probabilities[i] > 0.0 ? sparse.probabilities[i] : 0.0;
  simd::powArray(inner.data(), exponent_, inner.data(), inner.size());  // P(w | h)^(1/τ); pow(0, 1/τ) = 0
  for (std::size_t i = 0; i < sparse.words.size(); ++i) {
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
  // The nucleus: U_h's values, largest first (ties by id), merged with the base's order outside U_h. The words
  // outside U_h that it takes are a prefix of the base order (skipping U_h), so only its length K is found: between
  // two consecutive values of U_h the outside mass of a prefix is W·(S[K] − the U_h members before K), and K is
  // found by binary search (O(|U_h| log V), however large the nucleus).
  const double target = topP_ * (std::accumulate(inner.begin(), inner.end(), 0.0) + outer);
  std::vector<std::size_t> byValue(inner.size());
  std::iota(byValue.begin(), byValue.end(), std::size_t(0));
  std::stable_sort(byValue.begin(), byValue.end(), [&](std::size_t a, std::size_t b) { return inner[a] > inner[b]; });
  const bool useOuter = c.outerWeight > 0.0 && rest > 0.0;
  const double w = c.outerWeight;
  std::vector<std::size_t> memberPositions;
  for (Token m : c.members) memberPositions.push_back(position_[m]);
  std::sort(memberPositions.begin(), memberPositions.end());
  std::vector<double> memberPrefix(memberPositions.size() + 1, 0.0);
  for (std::size_t j = 0; j < memberPositions.size(); ++j) memberPrefix[j + 1] = memberPrefix[j] + orderedValues_[memberPositions[j]];
  const auto outerMass = [&](std::size_t k) {
    if (!useOuter) return 0.0;
    const auto before = static_cast<std::size_t>(std::lower_bound(memberPositions.begin(), memberPositions.end(), k) - memberPositions.begin());
    return w * std::max(orderedPrefix_[k] - memberPrefix[before], 0.0);
  };
  // Base-order positions that come before a U_h word of value v and id `word` in the merged order.
  const auto positionsBefore = [&](double v, Token word) -> std::size_t {
    if (!useOuter) return 0;
    std::size_t lo = 0, hi = baseOrder_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const double vo = w * orderedValues_[mid];
      if (vo > v || (vo == v && baseOrder_[mid] < word)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The shortest prefix in (from, to] of the base order whose outside mass, with `innerMass`, reaches the target.
  const auto crossing = [&](double innerMass, std::size_t from, std::size_t to) {
    std::size_t lo = from + 1, hi = to + 1;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (innerMass + outerMass(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return std::min(lo, to);
  };
  double innerMass = 0.0;
  std::size_t innerCount = byValue.size(), prefix = useOuter ? baseOrder_.size() : 0, last = 0;
  bool found = false;
  for (std::size_t i = 0; i < byValue.size() && !found; ++i) {
    const double v = inner[byValue[i]];
    const std::size_t k = positionsBefore(v, c.members[byValue[i]]);
    if (innerMass + outerMass(k) >= target) {  // reached inside the outside block before this word
      innerCount = i, prefix = crossing(innerMass, last, k), found = true;
    } else if (!(v > 0.0)) {  // only words of probability 0 are left
      innerCount = i, prefix = k, found = true;
    } else if ((innerMass += v) + outerMass(k) >= target) {  // reached at this word
      innerCount = i + 1, prefix = k, found = true;
    }
    last = k;
  }
  if (!found && useOuter) prefix = crossing(innerMass, last, baseOrder_.size());  // in the block after U_h's last word
  c.nucleus = true;
  c.outerPrefix = prefix;
  c.outerMass = outerMass(prefix);
  double sum = 0.0;
  for (std::size_t i = 0; i < innerCount; ++i) {
    c.words.push_back(c.members[byValue[i]]);
    c.cumulative.push_back(sum += inner[byValue[i]]);
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
  // The tempered base by id (p = 1), or the nucleus's prefix of the base order (p < 1), rejecting U_h.
  const std::vector<double>& cumulative = c.nucleus ? orderedPrefix_ : baseCumulative_;
  const std::size_t first = c.nucleus ? 1 : 0, count = c.nucleus ? c.outerPrefix : baseCumulative_.size();
  const auto token = [&](std::size_t k) { return c.nucleus ? baseOrder_[k] : static_cast<Token>(k); };
  const double total = cumulative[first + count - 1];
  for (int attempt = 0; attempt < kMaxRejections; ++attempt) {
    const double u = rng.uniform() * total;
    // The whole base law by id: its guide table finds what pick finds.
    const Token w = c.nucleus || baseGuide_.empty() ? token(pick(cumulative, first, first + count, u) - first)
                                                    : token(baseGuide_.find(baseCumulative_.data(), u));
    if (!contains(c.members, w)) return w;
  }
  // Exact draw from that law restricted to the complement of U_h.
  std::vector<double> rest(count);
  double sum = 0.0;
  for (std::size_t k = 0; k < count; ++k)
    rest[k] = sum += contains(c.members, token(k)) ? 0.0 : cumulative[first + k] - (first + k > 0 ? cumulative[first + k - 1] : 0.0);
  return token(pick(rest, 0, count, rng.uniform() * sum));
}

Token Decoder::sample(std::uint64_t history, Rng& rng) {
  const Context& c = context(history);
  const double inner = c.cumulative.empty() ? 0.0 : c.cumulative.back();
  const double u = rng.uniform() * (inner + c.outerMass);
  if (u < inner) return c.words[pick(c.cumulative, 0, c.cumulative.size(), u)];
  return drawOutside(c, rng);
}

Token Decoder::sampleOutside(std::uint64_t history, Rng& rng) {
  const Context& c = context(history);
  if (!(c.outerMass > 0.0)) throw std::invalid_argument("Decoder::sampleOutside: this context has no mass outside U_h");
  return drawOutside(c, rng);
}

void Decoder::law(std::uint64_t history, std::vector<double>& out) {
  const Context& c = context(history);
  const double inner = c.cumulative.empty() ? 0.0 : c.cumulative.back();
  const double z = inner + c.outerMass;
  out.assign(model_.vocabulary(), 0.0);
  if (c.outerMass > 0.0) {
    if (c.nucleus) {
      for (std::size_t k = 0; k < c.outerPrefix; ++k)
        if (!contains(c.members, baseOrder_[k])) out[baseOrder_[k]] = c.outerWeight * orderedValues_[k] / z;
    } else {
      for (std::size_t w = 0; w < out.size(); ++w)
        if (!contains(c.members, static_cast<Token>(w))) out[w] = c.outerWeight * baseTempered_[w] / z;
    }
  }
  for (std::size_t i = 0; i < c.words.size(); ++i) out[c.words[i]] = (c.cumulative[i] - (i ? c.cumulative[i - 1] : 0.0)) / z;
}

}  // namespace collapse::lm
