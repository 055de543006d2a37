#pragma once
/// @file config.hpp
/// A complete, validated assignment of every parameter of one experiment (defaults filled in).
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "collapse/catalogue/parameter.hpp"

namespace collapse {

/// Keys are looked up as string_views through a transparent comparator: the experiments read parameters by literal
/// name inside their trials, and a std::string made from a literal of more than 10 characters is a heap allocation
/// in wasm32's libc++ (real-vs-synthetic had spent a tenth of its WebAssembly time in such lookups and copies).
using ConfigValues = std::map<std::string, Value, std::less<>>;

class Config {
 public:
  void set(const std::string& key, Value value) { values_[key] = std::move(value); }
  const Value& get(std::string_view key) const;
  double number(std::string_view key) const;
  int integer(std::string_view key) const { return static_cast<int>(number(key)); }
  const std::string& choice(std::string_view key) const;
  const ConfigValues& values() const { return values_; }

 private:
  ConfigValues values_;
};

}  // namespace collapse
