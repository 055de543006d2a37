#include "collapse/experiments/experiment.hpp"

namespace collapse {

const Parameter* Experiment::findParameter(const std::string& key) const {
  for (const auto& parameter : info().parameters)
    if (parameter.key == key) return &parameter;
  return nullptr;
}

}  // namespace collapse
