// libFuzzer target: request JSON text → Request::fromText → makePlan (what the JS API, the page's workers and
// `collapse-lab run --config` do with untrusted text). Anything may be refused with a ValidationError; nothing may
// crash, hang, leak or read out of bounds (ASan/UBSan). Plans are made but never run.
#include <cstdint>
#include <string>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/sweep/plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const collapse::Plan plan = collapse::makePlan(collapse::Request::fromText(text));
    (void)plan;
  } catch (const collapse::ValidationError&) {
  }
  return 0;
}
