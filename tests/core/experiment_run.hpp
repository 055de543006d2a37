#pragma once
// A validated plan and its Result, kept together for tests. A Result points at its Plan, so the pair is never
// copied or moved: runExperiment returns it as a prvalue (C++17 guaranteed copy elision).
#include <string>

#include <nlohmann/json.hpp>

#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"

namespace collapse::testing {

struct ExperimentRun {
  explicit ExperimentRun(const Request& request) : plan(makePlan(request)), result(runPlan(plan)) {}
  ExperimentRun(const ExperimentRun&) = delete;
  ExperimentRun& operator=(const ExperimentRun&) = delete;

  Plan plan;
  Result result;
};

inline ExperimentRun runExperiment(const std::string& experiment, const nlohmann::json& config, const std::string& x = "",
                                   const std::string& series = "") {
  Request request;
  request.experiment = experiment;
  request.config = config;
  request.x = x;
  request.series = series;
  return ExperimentRun(request);
}

}  // namespace collapse::testing
