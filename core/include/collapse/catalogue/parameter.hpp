#pragma once
/// @file parameter.hpp
/// One parameter of one experiment, declared once. The CLI flags, the Embind API, the URL hash, the web
/// controls and docs/parameters.md are all generated from these declarations: a parameter never has two names.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace collapse {

enum class ParameterType { Integer, Real, Choice };

/// A parameter's value: a number (Integer and Real) or a choice name.
using Value = std::variant<double, std::string>;

struct Parameter {
  std::string key;          ///< camelCase key, identical in C++, JS, URL, CLI and JSON
  std::string symbol;       ///< the paper's symbol, e.g. "λ"
  std::string label;        ///< short human label
  std::string unit;         ///< unit or "" when dimensionless
  std::string description;  ///< one line for tooltips and docs
  ParameterType type = ParameterType::Real;
  double defaultNumber = 0.0;  ///< Integer and Real
  double min = 0.0;            ///< inclusive lower bound (Integer and Real)
  double max = 0.0;            ///< inclusive upper bound (Integer and Real)
  bool logScale = false;       ///< a hint for controls and default sweep grids
  std::vector<std::string> choices;       ///< Choice only: allowed names
  std::vector<std::string> choiceLabels;  ///< Choice only: display names, same order
  std::string defaultChoice;              ///< Choice only

  Value defaultValue() const;
  bool isNumeric() const { return type != ParameterType::Choice; }
  /// Display label of a value: the choice's label, or "symbol = value".
  std::string valueLabel(const Value& value) const;
  /// Human description of the allowed values, e.g. "an integer in [1, 2000]" or "one of fixed, fresh".
  std::string allowedText() const;
  /// "label (symbol)", or the label alone when the parameter has no symbol: how messages name it.
  std::string name() const;
};

/// A problem with one parameter's value: what the CLI prints (exit 2), what the JS API throws, and what the
/// page shows beside the control.
struct Issue {
  std::string parameter;  ///< the key ("x", "series", "experiment" for request-level problems)
  std::string value;      ///< the offending value as text
  std::string message;    ///< a full sentence naming the parameter, its value and what is allowed
};

/// Checks a value against the parameter's type and range; nullopt when it is valid. Messages quote `asTyped`
/// (the user's own text) when given, else the formatted value.
std::optional<Issue> checkValue(const Parameter& parameter, const Value& value, const std::string& asTyped = "");

/// The one number syntax of every input (CLI flags, grids, URL hash, JSON text values): an optional sign, decimal
/// digits with an optional point, an optional exponent — `10`, `-0.5`, `.5`, `1e-3`. No hexadecimal, no
/// infinities or NaN, no surrounding spaces. nullopt when `text` is not such a number or is not finite.
std::optional<double> parseDecimal(const std::string& text);

/// `text`, cut to `limit` characters with "…" when longer (values quoted in messages).
std::string shortened(const std::string& text, std::size_t limit = 60);

/// Parses text (a CLI flag or URL field) into a value of the parameter's type; an Issue when it does not parse
/// or is out of range.
std::variant<Value, Issue> parseValue(const Parameter& parameter, const std::string& text);

/// Shortest decimal text that reads back as the same double (integers without a decimal point).
std::string formatNumber(double x);
std::string formatValue(const Value& value);

}  // namespace collapse
