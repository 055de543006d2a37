#pragma once
// A progress line on stderr for runs longer than a second, only when stderr is a terminal (pipes and CI logs stay
// clean). The run is simulated in chunks of trials; any split gives the same values (trials are seeded by index).
#include <vector>

#include "collapse/sweep/plan.hpp"

namespace cli {

/// All trials' values, as collapse::simulateTrials(plan, 0, plan.trials) returns them.
std::vector<double> simulateWithProgress(const collapse::Plan& plan);

}  // namespace cli
