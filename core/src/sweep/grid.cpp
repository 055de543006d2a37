#include "collapse/sweep/grid.hpp"
#include "collapse/math/portable_math.hpp"

#include <cmath>

#include "collapse/catalogue/parameter.hpp"

namespace collapse {

namespace {
bool parseDouble(const std::string& text, double& out) {
  const auto value = parseDecimal(text);  // the same number syntax as every other input
  if (value) out = *value;
  return value.has_value();
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}
}  // namespace

std::vector<std::string> splitList(const std::string& text) { return split(text, ','); }

std::variant<std::vector<double>, std::string> parseNumericGrid(const std::string& text) {
  const auto fields = split(text, ':');
  if (fields.size() == 1) {
    std::vector<double> values;
    for (const auto& item : splitList(text)) {
      double value;
      if (!parseDouble(item, value)) return "'" + shortened(item) + "' is not a number (decimal digits, e.g. 10, 0.5 or 1e-3)";
      values.push_back(value);
    }
    return values;
  }
  const std::string form = "expected start:stop:lin:count or start:stop:log:count";
  if (fields.size() != 4) return form;
  double start, stop, count;
  if (!parseDouble(fields[0], start) || !parseDouble(fields[1], stop) || !parseDouble(fields[3], count))
    return "start, stop and count must be numbers (" + form + ")";
  if (count < 1 || count > 1000 || std::floor(count) != count) return "count must be an integer from 1 to 1000";
  const bool logSpaced = fields[2] == "log";
  if (!logSpaced && fields[2] != "lin") return "spacing '" + shortened(fields[2]) + "' must be lin or log";
  if (logSpaced && (start <= 0 || stop <= 0)) return "a log grid needs start > 0 and stop > 0";
  std::vector<double> values(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double fraction = values.size() == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(values.size() - 1);
    values[i] = logSpaced ? math::exp(math::log(start) + fraction * (math::log(stop) - math::log(start)))
                          : start + fraction * (stop - start);
  }
  values.front() = start;  // exact end points, whatever exp(log(·)) rounds to
  if (values.size() > 1) values.back() = stop;
  return values;
}

}  // namespace collapse
