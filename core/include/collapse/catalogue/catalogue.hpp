#pragma once
/// @file catalogue.hpp
/// The registry of experiments and the catalogue document (`collapse-lab list`, the web controls, the docs).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collapse/experiments/experiment.hpp"

namespace collapse {

/// Every experiment, in the order the CLI and the page list them.
const std::vector<const Experiment*>& allExperiments();

/// The experiment with this key, or nullptr.
const Experiment* findExperiment(const std::string& key);

/// The whole catalogue: version, and per experiment its info and every parameter with default and range.
nlohmann::json catalogueJson();

nlohmann::json parameterJson(const Parameter& parameter);

/// A preset as JSON: {key, title, claim, citation, config, x, series}.
nlohmann::json presetJson(const Experiment& experiment, const Preset& preset);
nlohmann::json presetsJson(const Experiment& experiment);

/// A value as JSON: integers of Integer parameters as JSON integers.
nlohmann::json valueJson(const Parameter& parameter, const Value& value);

}  // namespace collapse
