#pragma once
// `collapse-lab run <experiment> --help`: that experiment's parameters and presets, from the catalogue.
#include <ostream>
#include <string>

namespace cli {

void printUsage(std::ostream& out);

/// The experiment's parameters (key, symbol, default, allowed values, description) and presets; false when
/// `experiment` is not one.
bool printExperimentHelp(std::ostream& out, const std::string& experiment);

}  // namespace cli
