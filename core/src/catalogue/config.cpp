#include "collapse/catalogue/config.hpp"

#include <stdexcept>

namespace collapse {

const Value& Config::get(const std::string& key) const {
  const auto found = values_.find(key);
  if (found == values_.end()) throw std::logic_error("Config has no parameter '" + key + "'");
  return found->second;
}

double Config::number(const std::string& key) const {
  const auto* number = std::get_if<double>(&get(key));
  if (!number) throw std::logic_error("Config parameter '" + key + "' is not numeric");
  return *number;
}

const std::string& Config::choice(const std::string& key) const {
  const auto* name = std::get_if<std::string>(&get(key));
  if (!name) throw std::logic_error("Config parameter '" + key + "' is not a choice");
  return *name;
}

}  // namespace collapse
