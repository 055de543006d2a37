#include "collapse/catalogue/parameter.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "collapse/catalogue/suggestion.hpp"

namespace collapse {

std::string formatNumber(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (std::floor(x) == x && std::fabs(x) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    return buffer;
  }
  char buffer[40];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
    if (std::strtod(buffer, nullptr) == x) break;
  }
  return buffer;
}

std::string formatValue(const Value& value) {
  if (const auto* number = std::get_if<double>(&value)) return formatNumber(*number);
  return std::get<std::string>(value);
}

Value Parameter::defaultValue() const {
  if (type == ParameterType::Choice) return defaultChoice;
  return defaultNumber;
}

std::string Parameter::valueLabel(const Value& value) const {
  if (type == ParameterType::Choice) {
    const auto& name = std::get<std::string>(value);
    for (std::size_t i = 0; i < choices.size(); ++i)
      if (choices[i] == name && i < choiceLabels.size()) return choiceLabels[i];
    return name;
  }
  return symbol + " = " + formatValue(value);
}

std::string Parameter::allowedText() const {
  switch (type) {
    case ParameterType::Integer:
      return "an integer from " + formatNumber(min) + " to " + formatNumber(max);
    case ParameterType::Real:
      return "a number from " + formatNumber(min) + " to " + formatNumber(max);
    case ParameterType::Choice: {
      std::string text = "one of ";
      for (std::size_t i = 0; i < choices.size(); ++i) text += (i ? ", " : "") + choices[i];
      return text;
    }
  }
  return {};
}

std::string Parameter::name() const { return symbol.empty() || symbol == key ? label : label + " (" + symbol + ")"; }

std::optional<double> parseDecimal(const std::string& text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (n == 0 || n > 400) return std::nullopt;
  if (text[i] == '+' || text[i] == '-') ++i;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  std::size_t mantissa = digits();
  if (i < n && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return std::nullopt;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return std::nullopt;
  }
  if (i != n) return std::nullopt;
  const double value = std::strtod(text.c_str(), nullptr);  // the grammar above is a subset of strtod's
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::string shortened(const std::string& text, std::size_t limit) {
  return text.size() <= limit ? text : text.substr(0, limit) + "…";
}

std::optional<Issue> checkValue(const Parameter& parameter, const Value& value, const std::string& asTyped) {
  const std::string shown = shortened(asTyped.empty() ? formatValue(value) : asTyped);
  auto issue = [&](const std::string& problem, const std::string& hint = "") {
    return Issue{parameter.key, shown,
                 parameter.key + " = " + shown + " " + problem + ": " + parameter.name() + " must be " +
                     parameter.allowedText() + "." + hint};
  };
  if (parameter.type == ParameterType::Choice) {
    const auto* name = std::get_if<std::string>(&value);
    if (!name) return issue("is a number");
    for (const auto& choice : parameter.choices)
      if (choice == *name) return std::nullopt;
    return issue("is not a known choice", didYouMean(*name, parameter.choices));
  }
  const auto* number = std::get_if<double>(&value);
  if (!number) return issue("is not a number");
  if (!std::isfinite(*number)) return issue("is not a finite number");
  if (parameter.type == ParameterType::Integer && std::floor(*number) != *number) return issue("is not an integer");
  if (*number < parameter.min || *number > parameter.max) return issue("is out of range");
  return std::nullopt;
}

std::variant<Value, Issue> parseValue(const Parameter& parameter, const std::string& text) {
  Value value = text;
  if (parameter.isNumeric()) {
    const auto number = parseDecimal(text);
    if (!number)
      return Issue{parameter.key, shortened(text),
                   parameter.key + " = " + shortened(text) + " is not a number: " + parameter.name() + " must be " +
                       parameter.allowedText() + " (decimal digits, e.g. 10, 0.5 or 1e-3)."};
    value = *number;
  }
  if (auto issue = checkValue(parameter, value, text)) return *issue;
  return value;
}

}  // namespace collapse
