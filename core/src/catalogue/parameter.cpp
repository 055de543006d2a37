#include "collapse/catalogue/parameter.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

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

std::optional<Issue> checkValue(const Parameter& parameter, const Value& value, const std::string& asTyped) {
  const std::string shown = asTyped.empty() ? formatValue(value) : asTyped;
  auto issue = [&](const std::string& problem) {
    return Issue{parameter.key, shown,
                 parameter.key + " = " + shown + " " + problem + ": " + parameter.label + " (" + parameter.symbol +
                     ") must be " + parameter.allowedText() + "."};
  };
  if (parameter.type == ParameterType::Choice) {
    const auto* name = std::get_if<std::string>(&value);
    if (!name) return issue("is a number");
    for (const auto& choice : parameter.choices)
      if (choice == *name) return std::nullopt;
    return issue("is not a known choice");
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
    const char* begin = text.c_str();
    char* end = nullptr;
    const double number = std::strtod(begin, &end);
    const bool whole = end != begin && *end == '\0' && !text.empty() && !std::isspace(static_cast<unsigned char>(text[0]));
    if (!whole)
      return Issue{parameter.key, text,
                   parameter.key + " = " + text + " is not a number: " + parameter.label + " (" + parameter.symbol +
                       ") must be " + parameter.allowedText() + "."};
    value = number;
  }
  if (auto issue = checkValue(parameter, value, text)) return *issue;
  return value;
}

}  // namespace collapse
