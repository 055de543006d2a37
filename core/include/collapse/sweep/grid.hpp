#pragma once
/// @file grid.hpp
/// Grids of values for swept axes and series (docs/design.md §5.1):
///   "a,b,c"                   an explicit list
///   "start:stop:lin:count"    count evenly spaced values, both ends included
///   "start:stop:log:count"    count log-spaced values, both ends included (start, stop > 0)
#include <string>
#include <variant>
#include <vector>

namespace collapse {

/// The values of a grid, or a sentence saying why the text is not one.
std::variant<std::vector<double>, std::string> parseNumericGrid(const std::string& text);

/// "a,b,c" split at commas (choice series).
std::vector<std::string> splitList(const std::string& text);

}  // namespace collapse
