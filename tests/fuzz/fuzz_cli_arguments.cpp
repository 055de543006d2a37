// libFuzzer target: `collapse-lab run` argument lists (NUL-separated in the input) → parseRunArguments → makePlan.
// --config is left out (it reads files; fuzz_request covers its text).
#include <cstdint>
#include <string>
#include <vector>

#include "../../cli/run_arguments.hpp"
#include "collapse/catalogue/validation_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) args.emplace_back();
    else args.back() += static_cast<char>(data[i]);
  }
  for (const auto& arg : args)
    if (arg.rfind("--config", 0) == 0) return 0;
  try {
    const auto arguments = cli::parseRunArguments(args);
    if (!arguments.help) (void)collapse::makePlan(arguments.request);
  } catch (const collapse::ValidationError&) {
  }
  return 0;
}
