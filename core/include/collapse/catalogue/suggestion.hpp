#pragma once
/// @file suggestion.hpp
/// "Did you mean …?" for mistyped keys and choices (CLI flags, URL hash, JS requests: one rule everywhere).
#include <optional>
#include <string>
#include <vector>

namespace collapse {

/// The candidate closest to `typed`, ignoring case: an exact case-insensitive match, or one within an edit distance
/// (insertions, deletions, substitutions, adjacent swaps) of max(1, ⌊length / 3⌋); nullopt when none is that close.
std::optional<std::string> closestMatch(const std::string& typed, const std::vector<std::string>& candidates);

/// " Did you mean 'dim'?" or "" (for appending to a message).
std::string didYouMean(const std::string& typed, const std::vector<std::string>& candidates);

}  // namespace collapse
