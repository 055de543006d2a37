#pragma once
/// @file config.hpp
/// A complete, validated assignment of every parameter of one experiment (defaults filled in).
#include <map>
#include <string>

#include "collapse/catalogue/parameter.hpp"

namespace collapse {

class Config {
 public:
  void set(const std::string& key, Value value) { values_[key] = std::move(value); }
  const Value& get(const std::string& key) const;
  double number(const std::string& key) const;
  int integer(const std::string& key) const { return static_cast<int>(number(key)); }
  const std::string& choice(const std::string& key) const;
  const std::map<std::string, Value>& values() const { return values_; }

 private:
  std::map<std::string, Value> values_;
};

}  // namespace collapse
