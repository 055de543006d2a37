// libFuzzer target: parseValue for every parameter of every experiment (the first input byte picks the parameter).
// An accepted value must pass checkValue: parsing never lets an invalid value through.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "collapse/catalogue/catalogue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<const collapse::Parameter*> parameters = [] {
    std::vector<const collapse::Parameter*> all;
    for (const auto* experiment : collapse::allExperiments())
      for (const auto& parameter : experiment->info().parameters) all.push_back(&parameter);
    return all;
  }();
  if (size == 0) return 0;
  const collapse::Parameter& parameter = *parameters[data[0] % parameters.size()];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto parsed = collapse::parseValue(parameter, text);
  if (const auto* value = std::get_if<collapse::Value>(&parsed))
    if (collapse::checkValue(parameter, *value)) std::abort();
  return 0;
}
