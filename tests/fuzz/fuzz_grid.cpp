// libFuzzer target: the grid and number parsers (--x, --series, URL hash x/series, JSON text values). Refusals are
// sentences; every accepted grid has 1–1000 finite values; every accepted number is finite and reads back.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <variant>

#include "collapse/catalogue/parameter.hpp"
#include "collapse/sweep/grid.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto grid = collapse::parseNumericGrid(text);
  if (const auto* values = std::get_if<std::vector<double>>(&grid)) {
    if (values->empty()) std::abort();
    for (double v : *values)
      if (!std::isfinite(v)) std::abort();
  }
  if (const auto number = collapse::parseDecimal(text)) {
    if (!std::isfinite(*number)) std::abort();
    if (collapse::parseDecimal(collapse::formatNumber(*number)) != number) std::abort();  // formatted numbers read back
  }
  return 0;
}
