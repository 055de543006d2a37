#include "collapse/catalogue/suggestion.hpp"

#include <algorithm>
#include <cctype>

namespace collapse {

namespace {
std::string lower(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring).
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}
}  // namespace

std::optional<std::string> closestMatch(const std::string& typed, const std::vector<std::string>& candidates) {
  if (typed.empty() || typed.size() > 100) return std::nullopt;
  const std::string needle = lower(typed);
  for (const auto& candidate : candidates)
    if (lower(candidate) == needle) return candidate;
  const std::size_t allowed = std::max<std::size_t>(1, needle.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = allowed + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = editDistance(needle, lower(candidate));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string didYouMean(const std::string& typed, const std::vector<std::string>& candidates) {
  const auto match = closestMatch(typed, candidates);
  return match ? " Did you mean '" + *match + "'?" : "";
}

}  // namespace collapse
