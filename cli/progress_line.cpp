#include "progress_line.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace cli {

std::vector<double> simulateWithProgress(const collapse::Plan& plan) {
  if (!isatty(STDERR_FILENO)) return collapse::simulateTrials(plan, 0, plan.trials);
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::vector<double> values;
  values.reserve(plan.valuesPerTrial() * static_cast<std::size_t>(plan.trials));
  bool shown = false;
  const int chunk = std::max(1, plan.trials / 100);
  for (int begin = 0; begin < plan.trials; begin += chunk) {
    const int end = std::min(plan.trials, begin + chunk);
    const auto part = collapse::simulateTrials(plan, begin, end);
    values.insert(values.end(), part.begin(), part.end());
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (elapsed > 1.0 && end < plan.trials) {
      const double remaining = elapsed / end * (plan.trials - end);
      std::fprintf(stderr, "\r\033[Kcollapse-lab: %d of %d trials (%d%%), about %.0f s left", end, plan.trials,
                   100 * end / plan.trials, remaining);
      shown = true;
    }
  }
  if (shown) std::fprintf(stderr, "\r\033[K");
  return values;
}

}  // namespace cli
