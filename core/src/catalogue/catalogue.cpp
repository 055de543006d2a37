#include "collapse/catalogue/catalogue.hpp"

#include "collapse/experiments/gaussian_fitting.hpp"
#include "collapse/experiments/kde_fitting.hpp"
#include "collapse/experiments/recursive_regression.hpp"
#include "collapse/experiments/strong_collapse.hpp"
#include "collapse/experiments/synthetic_chain.hpp"
#include "collapse/version.hpp"

namespace collapse {

const std::vector<const Experiment*>& allExperiments() {
  static const RecursiveRegression recursiveRegression;
  static const SyntheticChain syntheticChain;
  static const StrongCollapse strongCollapse;
  static const GaussianFitting gaussianFitting;
  static const KdeFitting kdeFitting;
  static const std::vector<const Experiment*> experiments = {&recursiveRegression, &syntheticChain, &strongCollapse,
                                                             &gaussianFitting, &kdeFitting};
  return experiments;
}

const Experiment* findExperiment(const std::string& key) {
  for (const auto* experiment : allExperiments())
    if (experiment->info().key == key) return experiment;
  return nullptr;
}

nlohmann::json valueJson(const Parameter& parameter, const Value& value) {
  if (const auto* name = std::get_if<std::string>(&value)) return *name;
  const double number = std::get<double>(value);
  if (parameter.type == ParameterType::Integer) return static_cast<std::int64_t>(number);
  return number;
}

nlohmann::json parameterJson(const Parameter& p) {
  static const char* typeNames[] = {"integer", "real", "choice"};
  nlohmann::json j = {{"key", p.key},
                      {"symbol", p.symbol},
                      {"label", p.label},
                      {"unit", p.unit},
                      {"type", typeNames[static_cast<int>(p.type)]},
                      {"default", valueJson(p, p.defaultValue())},
                      {"description", p.description}};
  if (p.isNumeric()) {
    j["min"] = valueJson(p, p.min);
    j["max"] = valueJson(p, p.max);
    j["scale"] = p.logScale ? "log" : "linear";
  } else {
    j["choices"] = p.choices;
    j["choiceLabels"] = p.choiceLabels;
  }
  return j;
}

nlohmann::json presetJson(const Experiment& experiment, const Preset& preset) {
  nlohmann::json config = nlohmann::json::object();
  for (const auto& [key, value] : preset.config) config[key] = valueJson(*experiment.findParameter(key), value);
  return {{"key", preset.key},     {"title", preset.title}, {"claim", preset.claim}, {"citation", preset.citation}, {"url", preset.url},
          {"config", config},      {"x", preset.x},         {"series", preset.series}};
}

nlohmann::json presetsJson(const Experiment& experiment) {
  nlohmann::json presets = nlohmann::json::array();
  for (const auto& preset : experiment.info().presets) presets.push_back(presetJson(experiment, preset));
  return presets;
}

nlohmann::json catalogueJson() {
  nlohmann::json experiments = nlohmann::json::array();
  for (const auto* experiment : allExperiments()) {
    const auto& info = experiment->info();
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& parameter : info.parameters) parameters.push_back(parameterJson(parameter));
    experiments.push_back({{"key", info.key},
                           {"title", info.title},
                           {"source", info.source},
                           {"summary", info.summary},
                           {"x", {{"key", info.x.key}, {"label", info.x.label}}},
                           {"metric", {{"key", info.metric.key}, {"label", info.metric.label}}},
                           {"naturalSeries", info.naturalSeries},
                           {"parameters", parameters},
                           {"presets", presetsJson(*experiment)},
                           {"datasets", info.datasets}});
  }
  return {{"version", kVersion}, {"experiments", experiments}};
}

}  // namespace collapse
