// The n-gram model of experiment "language-model" (docs/theory/language-model.md §1).
#include "collapse/lm/ngram_model.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace collapse::lm {

namespace {

using Entry = NgramCounts::Entry;

/// (context, word) order. A function object, not a function: passed by pointer, std::sort called it out of line for
/// every comparison, half of language-model's time in WebAssembly (node --cpu-prof); as a lambda it is inlined.
constexpr auto before = [](const Entry& a, const Entry& b) {
  return a.context != b.context ? a.context < b.context : a.word < b.word;
};

/// Sorts entries into (context, word) order, contexts of `contextTokens` tokens (kTokenBits each): a least-significant-
/// digit radix sort, stable passes of 11 bits over the word, then over the context. Counting was a third of
/// language-model's WebAssembly time as a comparison sort; a sorted array of distinct keys is the same whatever
/// sorts it, so the counts do not change. Short arrays take std::sort.
void sortByContextAndWord(std::vector<Entry>& entries, int contextTokens) {
  if (entries.size() < 512) {
    std::sort(entries.begin(), entries.end(), before);
    return;
  }
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t(1) << kDigitBits;
  std::vector<Entry> sorted(entries.size());
  std::vector<std::size_t> start(kBuckets);
  const auto pass = [&](auto digitOf) {
    std::fill(start.begin(), start.end(), 0);
    for (const Entry& e : entries) ++start[digitOf(e)];
    std::size_t total = 0;
    for (std::size_t& bucket : start) total += std::exchange(bucket, total);  // counts → first positions
    for (const Entry& e : entries) sorted[start[digitOf(e)]++] = e;
    entries.swap(sorted);
  };
  for (int shift = 0; shift < kTokenBits; shift += kDigitBits)
    pass([shift](const Entry& e) { return static_cast<std::size_t>(e.word >> shift) & (kBuckets - 1); });
  for (int shift = 0; shift < kTokenBits * contextTokens; shift += kDigitBits)
    pass([shift](const Entry& e) { return static_cast<std::size_t>(e.context >> shift) & (kBuckets - 1); });
}

/// Merges neighbouring entries of equal (context, word) in a sorted array, adding their counts.
void mergeEqualNeighbours(std::vector<Entry>& entries) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (out > 0 && entries[out - 1].context == entries[i].context && entries[out - 1].word == entries[i].word)
      entries[out - 1].count += entries[i].count;
    else
      entries[out++] = entries[i];
  }
  entries.resize(out);
}

/// Sorts and merges equal (context, word) pairs, adding their counts.
void collapseRuns(std::vector<Entry>& entries, int contextTokens) {
  sortByContextAndWord(entries, contextTokens);
  mergeEqualNeighbours(entries);
}

/// Whether an n-gram with a context of `contextTokens` tokens packs into one 64-bit key (context · 2¹⁷ + word):
/// orders 1–3.
constexpr bool packs(int contextTokens) { return kTokenBits * (contextTokens + 1) <= 64; }

/// The entries (context, word, how many times) of n-grams given as packed keys, each occurrence once: the keys
/// sorted by the same least-significant-digit radix sort, 8 bytes a key instead of a 24-byte entry (the sort of
/// the entries had been a sixth of language-model's WebAssembly time), then counted in runs. A key's order is
/// (context, word) order, so the entries are those collapseRuns gives.
std::vector<Entry> countPackedKeys(std::vector<std::uint64_t>& keys, int contextTokens) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t(1) << kDigitBits;
  if (keys.size() < 512) {
    std::sort(keys.begin(), keys.end());
  } else {
    std::vector<std::uint64_t> sorted(keys.size());
    std::vector<std::size_t> start(kBuckets);
    for (int shift = 0; shift < kTokenBits * (contextTokens + 1); shift += kDigitBits) {
      std::fill(start.begin(), start.end(), 0);
      for (std::uint64_t k : keys) ++start[(k >> shift) & (kBuckets - 1)];
      std::size_t total = 0;
      for (std::size_t& bucket : start) total += std::exchange(bucket, total);
      for (std::uint64_t k : keys) sorted[start[(k >> shift) & (kBuckets - 1)]++] = k;
      keys.swap(sorted);
    }
  }
  std::vector<Entry> entries;
  constexpr std::uint64_t wordMask = (std::uint64_t(1) << kTokenBits) - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0 && keys[i] == keys[i - 1]) {
      ++entries.back().count;
      continue;
    }
    entries.push_back({keys[i] >> kTokenBits, static_cast<Token>(keys[i] & wordMask), 1});
  }
  return entries;
}

std::uint64_t packedKey(std::uint64_t context, Token word) { return (context << kTokenBits) | word; }

/// The entries of n occurrences of n-grams, occurrence(i) = (context, word), called once for each i in order: as
/// packed keys where they fit, else as entries sorted and merged by collapseRuns.
template <class Occurrence>
std::vector<Entry> countOccurrences(std::size_t n, int contextTokens, Occurrence occurrence) {
  if (packs(contextTokens)) {
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto [context, word] = occurrence(i);
      keys[i] = packedKey(context, word);
    }
    return countPackedKeys(keys, contextTokens);
  }
  std::vector<Entry> entries(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto [context, word] = occurrence(i);
    entries[i] = {context, word, 1};
  }
  collapseRuns(entries, contextTokens);
  return entries;
}

}  // namespace

NgramCounts NgramCounts::of(const std::vector<Token>& stream, int order) {
  if (order < 1 || order > kMaxOrder) throw std::invalid_argument("NgramCounts: order must be 1..4");
  NgramCounts counts;
  counts.order = order;
  counts.tokens = stream.size();
  counts.byOrder.assign(static_cast<std::size_t>(order), {});
  for (int m = 1; m <= order; ++m) {
    std::uint64_t history = 0;
    counts.byOrder[static_cast<std::size_t>(m - 1)] = countOccurrences(stream.size(), m - 1, [&](std::size_t i) {
      const std::pair<std::uint64_t, Token> occurrence{lastTokens(history, m - 1), stream[i]};
      history = advance(history, stream[i]);
      return occurrence;
    });
  }
  return counts;
}

void NgramCounts::add(const NgramCounts& other) {
  if (byOrder.empty()) {
    *this = other;
    return;
  }
  tokens += other.tokens;
  for (std::size_t m = 0; m < byOrder.size(); ++m) {
    std::vector<Entry> merged(byOrder[m].size() + other.byOrder[m].size());  // sized, not a back_inserter's push_backs
    std::merge(byOrder[m].begin(), byOrder[m].end(), other.byOrder[m].begin(), other.byOrder[m].end(), merged.begin(), before);
    mergeEqualNeighbours(merged);
    byOrder[m] = std::move(merged);
  }
}

std::vector<std::uint64_t> NgramCounts::unigrams(std::size_t vocabulary) const {
  std::vector<std::uint64_t> counts(vocabulary, 0);
  for (const Entry& e : byOrder.front()) counts[e.word] += e.count;
  return counts;
}

namespace {
constexpr std::uint64_t kFibonacci = 0x9E3779B97F4A7C15ULL;  // 2⁶⁴/φ
}

void NgramModel::Level::indexContexts() {
  int bits = 1;
  while ((std::size_t{1} << bits) < 2 * contexts.size()) ++bits;
  slotShift = 64 - bits;
  const std::size_t mask = (std::size_t{1} << bits) - 1;
  slots.assign(mask + 1, -1);
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    std::size_t h = static_cast<std::size_t>((contexts[i] * kFibonacci) >> slotShift);
    while (slots[h] >= 0) h = (h + 1) & mask;
    slots[h] = static_cast<std::int32_t>(i);
  }
}

long NgramModel::Level::find(std::uint64_t context) const {
  const std::size_t mask = slots.size() - 1;
  for (std::size_t h = static_cast<std::size_t>((context * kFibonacci) >> slotShift);; h = (h + 1) & mask) {
    const std::int32_t i = slots[h];
    if (i < 0) return -1;
    if (contexts[static_cast<std::size_t>(i)] == context) return i;
  }
}

NgramModel::NgramModel(const NgramCounts& counts, Smoothing smoothing, double addK, std::size_t vocabulary)
    : order_(counts.order), smoothing_(smoothing), addK_(addK), vocabulary_(vocabulary), levels_(static_cast<std::size_t>(counts.order)) {
  for (int m = 1; m <= order_; ++m) {
    // The counts of this order as they are (no copy), or Kneser–Ney's continuation counts below the top order.
    std::vector<Entry> continuation;
    const std::vector<Entry>* source = &counts.byOrder[static_cast<std::size_t>(m - 1)];
    if (smoothing == Smoothing::KneserNey && m < order_) {
      // Continuation counts N₁₊(• h w): how many distinct words precede (h, w) (Kneser & Ney 1995).
      const auto& longer = counts.byOrder[static_cast<std::size_t>(m)];
      continuation = countOccurrences(longer.size(), m - 1, [&](std::size_t i) {
        return std::pair<std::uint64_t, Token>{lastTokens(longer[i].context, m - 1), longer[i].word};
      });
      source = &continuation;
    }
    const std::vector<Entry>& entries = *source;
    Level& level = levels_[static_cast<std::size_t>(m - 1)];
    double once = 0.0, twice = 0.0;
    for (const Entry& e : entries) once += e.count == 1, twice += e.count == 2;
    // Chen & Goodman's D = n₁/(n₁ + 2n₂), kept inside [0.05, 0.95] so that every word keeps some probability.
    level.discount = once + twice > 0.0 ? std::clamp(once / (once + 2.0 * twice), 0.05, 0.95) : 0.5;
    const bool discounted = smoothing == Smoothing::KneserNey;
    std::size_t contextCount = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) contextCount += i == 0 || entries[i].context != entries[i - 1].context;
    for (auto* v : {&level.total, &level.types}) v->reserve(contextCount);
    level.contexts.reserve(contextCount);
    level.begin.reserve(contextCount + 1);
    level.words.reserve(entries.size());
    level.counts.reserve(entries.size());
    level.cumulative.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i == 0 || entries[i].context != entries[i - 1].context) {
        level.contexts.push_back(entries[i].context);
        level.begin.push_back(level.words.size());
        level.total.push_back(0.0);
        level.types.push_back(0.0);
      }
      const double c = static_cast<double>(entries[i].count);
      level.words.push_back(entries[i].word);
      level.counts.push_back(c);
      const double weight = discounted ? std::max(c - level.discount, 0.0) : c;
      const bool first = level.begin.back() == level.words.size() - 1;
      level.cumulative.push_back((first ? 0.0 : level.cumulative.back()) + weight);
      level.total.back() += c;
      level.types.back() += 1.0;
    }
    level.begin.push_back(level.words.size());
    level.indexContexts();
    if (m == 1) {
      level.entryOfToken.assign(vocabulary_, -1);
      for (std::size_t i = 0; i < level.words.size(); ++i)
        if (level.words[i] < vocabulary_) level.entryOfToken[level.words[i]] = static_cast<std::int32_t>(i);
      if (!level.cumulative.empty() && level.cumulative.back() > 0.0 && level.cumulative.back() < 1e308)
        level.guide = GuideTable(level.cumulative.data(), level.cumulative.size());
    }
  }
}

long NgramModel::Level::entry(long context, Token token) const {
  if (!entryOfToken.empty()) return token < entryOfToken.size() ? entryOfToken[token] : -1;
  const auto first = words.begin() + static_cast<std::ptrdiff_t>(begin[static_cast<std::size_t>(context)]);
  const auto last = words.begin() + static_cast<std::ptrdiff_t>(begin[static_cast<std::size_t>(context) + 1]);
  const auto it = std::lower_bound(first, last, token);
  return it != last && *it == token ? static_cast<long>(it - words.begin()) : -1;
}

double NgramModel::probabilityAt(int m, std::uint64_t history, Token token) const {
  if (m == 0) return 1.0 / static_cast<double>(vocabulary_);
  const Level& level = levels_[static_cast<std::size_t>(m - 1)];
  const long context = level.find(lastTokens(history, m - 1));
  if (context < 0) return smoothing_ == Smoothing::AddK && m == order_ ? 1.0 / static_cast<double>(vocabulary_) : probabilityAt(m - 1, history, token);
  const long at = level.entry(context, token);
  const double c = at >= 0 ? level.counts[static_cast<std::size_t>(at)] : 0.0;
  const double total = level.total[static_cast<std::size_t>(context)];
  switch (smoothing_) {
    case Smoothing::None: return c / total;
    case Smoothing::AddK: return (c + addK_) / (total + addK_ * static_cast<double>(vocabulary_));
    case Smoothing::KneserNey:
    default:
      return (std::max(c - level.discount, 0.0) +
              level.discount * level.types[static_cast<std::size_t>(context)] * probabilityAt(m - 1, history, token)) / total;
  }
}

double NgramModel::probability(std::uint64_t history, Token token) const { return probabilityAt(order_, history, token); }

Token NgramModel::drawWithin(const Level& level, long context, Rng& rng) const {
  const std::size_t first = level.begin[static_cast<std::size_t>(context)], last = level.begin[static_cast<std::size_t>(context) + 1];
  const double u = rng.uniform() * level.cumulative[last - 1];
  if (!level.guide.empty()) return level.words[level.guide.find(level.cumulative.data(), u)];  // the one unigram context
  const auto it = std::upper_bound(level.cumulative.begin() + static_cast<std::ptrdiff_t>(first),
                                   level.cumulative.begin() + static_cast<std::ptrdiff_t>(last - 1), u);
  return level.words[static_cast<std::size_t>(it - level.cumulative.begin())];
}

Token NgramModel::sample(std::uint64_t history, Rng& rng) const {
  const auto uniform = [&] { return static_cast<Token>(rng.below(vocabulary_)); };
  if (smoothing_ == Smoothing::AddK) {
    const Level& top = levels_.back();
    const long context = top.find(lastTokens(history, order_ - 1));
    if (context < 0) return uniform();
    const double total = top.total[static_cast<std::size_t>(context)];
    return rng.uniform() * (total + addK_ * static_cast<double>(vocabulary_)) < total ? drawWithin(top, context, rng) : uniform();
  }
  for (int m = order_; m >= 1; --m) {
    const Level& level = levels_[static_cast<std::size_t>(m - 1)];
    const long context = level.find(lastTokens(history, m - 1));
    if (context < 0) continue;  // an unseen context: the next shorter one
    if (smoothing_ == Smoothing::None) return drawWithin(level, context, rng);
    // Kneser–Ney: the discounted counts carry (total − D·types)/total of the mass, the shorter context the rest.
    const double total = level.total[static_cast<std::size_t>(context)];
    if (rng.uniform() * total < total - level.discount * level.types[static_cast<std::size_t>(context)]) return drawWithin(level, context, rng);
  }
  return uniform();
}

void NgramModel::distribution(std::uint64_t history, std::vector<double>& out) const {
  const double v = static_cast<double>(vocabulary_);
  out.assign(vocabulary_, 1.0 / v);
  const auto explicitPart = [&](const Level& level, long context, double scale, double subtract) {
    for (std::size_t i = level.begin[static_cast<std::size_t>(context)]; i < level.begin[static_cast<std::size_t>(context) + 1]; ++i)
      out[level.words[i]] += std::max(level.counts[i] - subtract, 0.0) * scale;
  };
  if (smoothing_ != Smoothing::KneserNey) {
    for (int m = order_; m >= 1; --m) {
      const Level& level = levels_[static_cast<std::size_t>(m - 1)];
      const long context = level.find(lastTokens(history, m - 1));
      if (context < 0) {
        if (smoothing_ == Smoothing::AddK) return;  // uniform
        continue;
      }
      const double total = level.total[static_cast<std::size_t>(context)];
      const double floor = smoothing_ == Smoothing::AddK ? addK_ / (total + addK_ * v) : 0.0;
      std::fill(out.begin(), out.end(), floor);
      explicitPart(level, context, 1.0 / (total + (smoothing_ == Smoothing::AddK ? addK_ * v : 0.0)), 0.0);
      return;
    }
    return;
  }
  for (int m = 1; m <= order_; ++m) {
    const Level& level = levels_[static_cast<std::size_t>(m - 1)];
    const long context = level.find(lastTokens(history, m - 1));
    if (context < 0) continue;  // P_m = P_{m−1}
    const double total = level.total[static_cast<std::size_t>(context)];
    const double backoff = level.discount * level.types[static_cast<std::size_t>(context)] / total;
    for (double& p : out) p *= backoff;
    explicitPart(level, context, 1.0 / total, level.discount);
  }
}

SparseLaw NgramModel::sparseLaw(std::uint64_t history) const {
  SparseLaw law;
  const auto collect = [&](const Level& level, long context) {
    const auto first = level.words.begin() + static_cast<std::ptrdiff_t>(level.begin[static_cast<std::size_t>(context)]);
    const auto last = level.words.begin() + static_cast<std::ptrdiff_t>(level.begin[static_cast<std::size_t>(context) + 1]);
    law.words.insert(law.words.end(), first, last);
  };
  if (smoothing_ == Smoothing::None) {
    // The longest seen context alone carries the law (no mass elsewhere); none seen at all: uniform.
    for (int m = order_; m >= 1; --m) {
      const Level& level = levels_[static_cast<std::size_t>(m - 1)];
      const long context = level.find(lastTokens(history, m - 1));
      if (context < 0) continue;
      collect(level, context);
      law.baseWeight = 0.0;
      break;
    }
  } else if (smoothing_ == Smoothing::AddK) {
    // (c + k)/(N + kV) = c/(N + kV) + (kV/(N + kV))·(1/V): the seen words above a uniform base.
    const Level& top = levels_.back();
    const long context = top.find(lastTokens(history, order_ - 1));
    if (context >= 0) {
      collect(top, context);
      const double total = top.total[static_cast<std::size_t>(context)], kv = addK_ * static_cast<double>(vocabulary_);
      law.baseWeight = kv / (total + kv);
    }
  } else {
    // Kneser–Ney: every seen context of order m ≥ 2 adds its words and multiplies the weight by D·N₁₊(h·)/c(h);
    // the unigram level (with its uniform floor) is the base.
    for (int m = order_; m >= 2; --m) {
      const Level& level = levels_[static_cast<std::size_t>(m - 1)];
      const long context = level.find(lastTokens(history, m - 1));
      if (context < 0) continue;
      collect(level, context);
      law.baseWeight *= level.discount * level.types[static_cast<std::size_t>(context)] / level.total[static_cast<std::size_t>(context)];
    }
    std::sort(law.words.begin(), law.words.end());
    law.words.erase(std::unique(law.words.begin(), law.words.end()), law.words.end());
  }
  law.probabilities.reserve(law.words.size());
  for (Token w : law.words) law.probabilities.push_back(probability(history, w));
  return law;
}

void NgramModel::baseLaw(std::vector<double>& out) const {
  out.assign(vocabulary_, 1.0 / static_cast<double>(vocabulary_));
  if (smoothing_ == Smoothing::KneserNey)
    for (Token w = 0; w < vocabulary_; ++w) out[w] = probabilityAt(1, 0, w);  // the unigram level ignores the history
}

}  // namespace collapse::lm
