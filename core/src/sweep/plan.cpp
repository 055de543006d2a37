#include "collapse/sweep/plan.hpp"

#include <algorithm>
#include <cmath>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/suggestion.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/sweep/grid.hpp"

namespace collapse {

namespace {

std::string jsonText(const nlohmann::json& value) {
  return shortened(value.is_string() ? value.get<std::string>() : value.dump());
}

std::vector<std::string> parameterKeys(const Experiment& experiment) {
  std::vector<std::string> keys;
  for (const auto& parameter : experiment.info().parameters) keys.push_back(parameter.key);
  return keys;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

/// "'dimm' is not a parameter of recursive-regression. Did you mean 'dim'? Known: …"
std::string unknownParameter(const Experiment& experiment, const std::string& key) {
  return "'" + shortened(key) + "' is not a parameter of " + experiment.info().key + "." +
         didYouMean(key, parameterKeys(experiment)) + " Known: " + joined(parameterKeys(experiment)) + ".";
}

/// A config value from JSON: numbers as numbers, text parsed by the parameter's type.
std::variant<Value, Issue> valueFromJson(const Parameter& parameter, const nlohmann::json& json) {
  if (json.is_string()) return parseValue(parameter, json.get<std::string>());
  if (json.is_number() && parameter.isNumeric()) {
    Value value = json.get<double>();
    if (auto issue = checkValue(parameter, value)) return *issue;
    return value;
  }
  return Issue{parameter.key, jsonText(json),
               parameter.key + " = " + jsonText(json) + " has the wrong type: " + parameter.name() + " must be " +
                   parameter.allowedText() + "."};
}

struct AxisSpec {
  const Parameter* parameter = nullptr;
  std::vector<Value> values;
};

/// "key=values" for the x axis (numeric only) or the series (numeric or choice).
AxisSpec parseAxisSpec(const Experiment& experiment, const std::string& role, const std::string& spec,
                       std::size_t maxValues, std::vector<Issue>& issues) {
  AxisSpec axis;
  const auto eq = spec.find('=');
  const std::string key = spec.substr(0, eq);
  auto fail = [&](const std::string& problem) {
    issues.push_back({role, shortened(spec), role + " = " + shortened(spec) + ": " + problem});
  };
  if (spec.size() > kMaxSpecLength) {
    fail("is " + std::to_string(spec.size()) + " characters long; at most " + std::to_string(kMaxSpecLength) +
         " are allowed (use start:stop:lin:count or start:stop:log:count for long grids).");
    return axis;
  }
  if (eq == std::string::npos || eq + 1 == spec.size()) {
    fail("expected key=values, e.g. " + std::string(role == "x" ? "ridge=0.001:100:log:20" : "generations=1,5,10") + ".");
    return axis;
  }
  const Parameter* parameter = experiment.findParameter(key);
  if (!parameter) {
    fail(unknownParameter(experiment, key));
    return axis;
  }
  if (key == "seed" || key == "trials") {
    fail("'" + key + "' sets the run, not the model, and cannot be swept.");
    return axis;
  }
  if (role == "x" && !parameter->isNumeric()) {
    fail("'" + key + "' is a choice; only numeric parameters can be the x axis (use it as the series).");
    return axis;
  }
  const std::string valuesText = spec.substr(eq + 1);
  // An explicit list is taken as typed: every value is checked as a single --key value would be, and a value given
  // twice is an error. A generated grid (start:stop:lin|log:count) of an integer parameter is rounded to integers
  // (log grids over sample sizes) and values that round alike are kept once.
  const bool explicitList = valuesText.find(':') == std::string::npos;
  auto addExplicit = [&](const Value& value, const std::string& text) {
    if (std::find(axis.values.begin(), axis.values.end(), value) != axis.values.end()) {
      fail("'" + shortened(text) + "' is listed twice; give each value once.");
      return false;
    }
    axis.values.push_back(value);
    return true;
  };
  if (parameter->isNumeric() && !explicitList) {
    auto grid = parseNumericGrid(valuesText);
    if (auto* problem = std::get_if<std::string>(&grid)) {
      fail(*problem + ".");
      return axis;
    }
    for (double v : std::get<std::vector<double>>(grid)) {
      if (parameter->type == ParameterType::Integer) v = std::round(v);
      if (std::find(axis.values.begin(), axis.values.end(), Value(v)) == axis.values.end()) axis.values.push_back(v);
    }
  } else {
    for (const auto& item : splitList(valuesText)) {
      auto parsed = parseValue(*parameter, item);
      if (auto* issue = std::get_if<Issue>(&parsed)) {
        issues.push_back({role, shortened(spec), role + ": " + issue->message});
        return axis;
      }
      if (!addExplicit(std::get<Value>(parsed), item)) return axis;
    }
  }
  if (axis.values.size() > maxValues) {
    fail("has " + std::to_string(axis.values.size()) + " values; at most " + std::to_string(maxValues) + " are allowed.");
    return axis;
  }
  std::size_t before = issues.size();
  for (const auto& value : axis.values)
    if (auto issue = checkValue(*parameter, value)) issues.push_back({role, spec, role + ": " + issue->message});
  if (issues.size() == before) axis.parameter = parameter;
  return axis;
}

}  // namespace

Request Request::fromJson(const nlohmann::json& json) {
  auto fail = [](const std::string& field, const std::string& message) {
    throw ValidationError({{field, "", message}});
  };
  if (!json.is_object()) fail("request", "The request must be a JSON object {experiment, config, x, series}.");
  // A saved figure reproduces itself: a Result (CLI output, the page's Export JSON) carries the request that made it;
  // an older page export or a bare manifest carries its parameters, x and series.
  if (json.contains("request")) return fromJson(json["request"]);
  if (json.contains("manifest") || json.contains("generator")) {
    const nlohmann::json& manifest = json.contains("manifest") ? json["manifest"] : json;
    if (!manifest.is_object() || !manifest.contains("experiment") || !manifest.contains("parameters"))
      fail("request", "This file looks like a saved figure but its manifest has no experiment and parameters.");
    nlohmann::json request = {{"experiment", manifest["experiment"]}, {"config", manifest["parameters"]}};
    for (const char* field : {"x", "series"})
      if (manifest.contains(field)) request[field] = manifest[field];
    return fromJson(request);
  }
  static const std::vector<std::string> fields = {"experiment", "config", "x", "series", "preset"};
  for (const auto& [key, value] : json.items())
    if (std::find(fields.begin(), fields.end(), key) == fields.end())
      fail(key, "'" + shortened(key) + "' is not a field of a request." + didYouMean(key, fields) +
                    " A request has experiment, config, x, series and preset (or is a saved Result with its request).");
  Request request;
  if (!json.contains("experiment") || !json["experiment"].is_string())
    fail("experiment", "The request needs \"experiment\": the key of an experiment (see collapse-lab list).");
  request.experiment = json["experiment"].get<std::string>();
  if (json.contains("config")) {
    if (!json["config"].is_object()) fail("config", "\"config\" must be an object of parameter values.");
    request.config = json["config"];
    for (const auto& [key, value] : request.config.items())
      if (!value.is_number() && !value.is_string())
        fail(key, key + " = " + jsonText(value) + ": a parameter value must be a number or a text, not " +
                      std::string(value.type_name()) + ".");
  }
  for (const char* field : {"x", "series", "preset"}) {
    if (!json.contains(field) || json[field].is_null()) continue;
    if (!json[field].is_string()) fail(field, std::string("\"") + field + "\" must be a string.");
    const std::string name = field;
    (name == "x" ? request.x : name == "series" ? request.series : request.preset) = json[field].get<std::string>();
  }
  return request;
}

Request Request::fromText(const std::string& text) {
  auto fail = [&](const std::string& message) { throw ValidationError({{"request", shortened(text), message}}); };
  if (text.size() > kMaxRequestBytes)
    fail("The request is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxRequestBytes) +
         " are read.");
  // Nesting is bounded before parsing: the parser recurses once per level.
  std::size_t depth = 0;
  bool inString = false, escaped = false;
  for (char c : text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxRequestDepth)
        fail("The request nests deeper than " + std::to_string(kMaxRequestDepth) +
             " levels; a request is {experiment, config: {key: value}, x, series}.");
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) fail("The request is not valid JSON.");
  return fromJson(json);
}

namespace {
/// The request with its preset's settings filled in where the request leaves them open.
Request withPreset(const Experiment& experiment, Request request) {
  if (request.preset.empty()) return request;
  const auto& presets = experiment.info().presets;
  const auto found = std::find_if(presets.begin(), presets.end(), [&](const Preset& p) { return p.key == request.preset; });
  if (found == presets.end()) {
    std::string known;
    for (const auto& p : presets) known += (known.empty() ? "" : ", ") + p.key;
    std::vector<std::string> keys;
    for (const auto& p : presets) keys.push_back(p.key);
    throw ValidationError({{"preset", shortened(request.preset),
                            "preset = " + shortened(request.preset) + " is not a preset of " + experiment.info().key + "." +
                                didYouMean(request.preset, keys) + " Known: " + known + "."}});
  }
  for (const auto& [key, value] : found->config)
    if (!request.config.contains(key))
      request.config[key] = std::holds_alternative<double>(value) ? nlohmann::json(std::get<double>(value))
                                                                  : nlohmann::json(std::get<std::string>(value));
  if (request.x.empty()) request.x = found->x;
  if (request.series.empty()) request.series = found->series;
  return request;
}
}  // namespace

Plan makePlan(const Request& original) {
  Plan plan;
  plan.experiment = findExperiment(original.experiment);
  if (!plan.experiment) {
    std::vector<std::string> keys;
    for (const auto* e : allExperiments()) keys.push_back(e->info().key);
    throw ValidationError({{"experiment", shortened(original.experiment),
                            "experiment = " + shortened(original.experiment) + " is not an experiment." +
                                didYouMean(original.experiment, keys) + " Known: " + joined(keys) + "."}});
  }
  const Experiment& experiment = *plan.experiment;
  const ExperimentInfo& info = experiment.info();
  const Request request = withPreset(experiment, original);
  std::vector<Issue> issues;

  for (const auto& parameter : info.parameters) plan.config.set(parameter.key, parameter.defaultValue());
  for (const auto& [key, json] : request.config.items()) {
    const Parameter* parameter = experiment.findParameter(key);
    if (!parameter) {
      issues.push_back({shortened(key), jsonText(json), unknownParameter(experiment, key)});
      continue;
    }
    auto parsed = valueFromJson(*parameter, json);
    if (auto* issue = std::get_if<Issue>(&parsed)) issues.push_back(*issue);
    else plan.config.set(key, std::get<Value>(parsed));
  }

  AxisSpec x, series;
  if (!request.x.empty()) x = parseAxisSpec(experiment, "x", request.x, kMaxXPoints, issues);
  if (!request.series.empty()) series = parseAxisSpec(experiment, "series", request.series, kMaxSeries, issues);
  if (x.parameter && series.parameter && x.parameter == series.parameter)
    issues.push_back({"series", request.series, "series and x both use '" + x.parameter->key + "'; choose two different parameters."});
  if (!issues.empty()) throw ValidationError(issues);

  // Series: as requested; else the natural series over all its choices unless the config fixes it.
  if (series.parameter) {
    plan.seriesKey = series.parameter->key;
    plan.seriesValues = series.values;
    plan.seriesSpec = request.series;
  } else if (!info.naturalSeries.empty() && !request.config.contains(info.naturalSeries)) {
    plan.seriesKey = info.naturalSeries;
    plan.seriesSpec = info.naturalSeries + "=";
    for (const auto& choice : experiment.findParameter(info.naturalSeries)->choices) {
      plan.seriesValues.push_back(choice);
      plan.seriesSpec += (plan.seriesValues.size() > 1 ? "," : "") + choice;
    }
  } else {
    plan.seriesValues.push_back(Value(0.0));  // one series, the config as given
  }
  const Parameter* seriesParameter = plan.seriesKey.empty() ? nullptr : experiment.findParameter(plan.seriesKey);
  for (const auto& value : plan.seriesValues)
    plan.seriesLabels.push_back(seriesParameter ? seriesParameter->valueLabel(value) : experiment.metricAxis(plan.config).label);

  // Points: every (series, x) configuration, each checked for combinations before anything is allocated.
  plan.sweptX = x.parameter != nullptr;
  if (plan.sweptX) plan.xSpec = request.x;
  for (const auto& seriesValue : plan.seriesValues) {
    Config seriesConfig = plan.config;
    if (seriesParameter) seriesConfig.set(plan.seriesKey, seriesValue);
    std::vector<Config> points;
    if (plan.sweptX) {
      for (const auto& xValue : x.values) {
        Config point = seriesConfig;
        point.set(x.parameter->key, xValue);
        points.push_back(point);
      }
    } else {
      points.push_back(seriesConfig);
    }
    for (const auto& point : points)
      for (auto& issue : experiment.checkCombination(point))
        if (std::find_if(issues.begin(), issues.end(), [&](const Issue& i) { return i.message == issue.message; }) ==
            issues.end())
          issues.push_back(issue);
    plan.pointConfigs.push_back(std::move(points));
  }

  if (plan.sweptX) {
    plan.x = {x.parameter->key, x.parameter->label + " " + x.parameter->symbol};
    for (const auto& value : x.values) plan.xValues.push_back(std::get<double>(value));
  } else {
    plan.x = info.x;
    plan.xValues = experiment.naturalX(plan.pointConfigs.front().front());
    const bool axisChanges = std::any_of(plan.pointConfigs.begin(), plan.pointConfigs.end(), [&](const auto& points) {
      return experiment.naturalX(points.front()) != plan.xValues;
    });
    if (axisChanges)
      issues.push_back({"series", request.series,
                        "series = " + request.series + " changes the " + info.x.key +
                            " axis itself; sweep it with x instead, e.g. x = " + plan.seriesKey + "=1:20:lin:20."});
  }

  if (issues.empty())
    for (auto& points : plan.pointConfigs)
      for (auto& point : points) point = experiment.resolve(point);

  // Metrics: one list for the whole run (the values of a trial are laid out by it).
  plan.metrics = experiment.metrics(plan.config);
  auto sameKeys = [](const std::vector<Axis>& a, const std::vector<Axis>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Axis& p, const Axis& q) { return p.key == q.key; });
  };
  bool metricsChange = false;
  for (const auto& points : plan.pointConfigs)
    for (const auto& point : points) metricsChange = metricsChange || !sameKeys(experiment.metrics(point), plan.metrics);
  if (metricsChange)
    issues.push_back({plan.sweptX ? "x" : "series", plan.sweptX ? request.x : request.series,
                      std::string(plan.sweptX ? "x = " + request.x : "series = " + request.series) +
                          " changes which metrics a trial measures; keep that parameter fixed."});

  plan.trials = plan.config.integer("trials");
  plan.seed = static_cast<std::uint64_t>(plan.config.number("seed"));
  const double stored = static_cast<double>(plan.trials) * static_cast<double>(plan.valuesPerTrial());
  if (stored > kMaxStoredValues)
    issues.push_back({"trials", formatNumber(plan.trials),
                      "trials = " + formatNumber(plan.trials) + " with " + std::to_string(plan.valuesPerTrial()) +
                          " points per trial stores " + formatNumber(stored) + " values; the limit is " +
                          formatNumber(kMaxStoredValues) + ". Reduce trials, series or grid points."});
  if (!issues.empty()) throw ValidationError(issues);
  return plan;
}

std::vector<double> simulateTrials(const Plan& plan, int begin, int end) {
  const std::size_t perTrial = plan.valuesPerTrial();
  std::vector<double> values(static_cast<std::size_t>(end - begin) * perTrial);
  if (end > begin)
    plan.experiment->simulateTrialBlock(plan.pointConfigs, plan.sweptX, plan.xValues.size(), plan.seed,
                                        static_cast<std::uint64_t>(begin), static_cast<std::size_t>(end - begin), perTrial,
                                        values.data());
  return values;
}

}  // namespace collapse
