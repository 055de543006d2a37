#include "collapse/catalogue/config.hpp"

#include <stdexcept>

namespace collapse {

const Value& Config::get(std::string_view key) const {
  const auto found = values_.find(key);
  if (found == values_.end()) throw std::logic_error("Config has no parameter '" + std::string(key) + "'");
  return found->second;
}

double Config::number(std::string_view key) const {
  const auto* number = std::get_if<double>(&get(key));
  if (!number) throw std::logic_error("Config parameter '" + std::string(key) + "' is not numeric");
  return *number;
}

const std::string& Config::choice(std::string_view key) const {
  const auto* name = std::get_if<std::string>(&get(key));
  if (!name) throw std::logic_error("Config parameter '" + std::string(key) + "' is not a choice");
  return *name;
}

}  // namespace collapse
