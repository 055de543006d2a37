#include "collapse/result/partial_result.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/determinism_hash.hpp"
#include "collapse/version.hpp"

namespace collapse {

namespace {

constexpr const char* kFormat = "collapse-lab partial result";
constexpr int kFormatVersion = 1;

[[noreturn]] void refuse(const std::string& parameter, const std::string& value, const std::string& message) {
  throw ValidationError({{parameter, value, message}});
}

bool parseNonNegative(const std::string& text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  out = std::stoi(text);
  return true;
}

nlohmann::json valueToJson(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return v;
}

}  // namespace

ShardSpec parseShard(const std::string& text) {
  const auto slash = text.find('/');
  ShardSpec shard;
  if (slash == std::string::npos || !parseNonNegative(text.substr(0, slash), shard.index) ||
      !parseNonNegative(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index >= shard.count)
    refuse("shard", text, "shard = " + text + ": expected i/k with integers 0 ≤ i < k, e.g. --shard 0/4 … --shard 3/4.");
  return shard;
}

TrialRange shardTrials(int trials, const ShardSpec& shard) {
  const auto at = [&](int i) { return static_cast<int>(static_cast<long long>(i) * trials / shard.count); };
  return {at(shard.index), at(shard.index + 1)};
}

std::string planDigest(const Plan& plan) {
  const Experiment& experiment = *plan.experiment;
  nlohmann::json config = nlohmann::json::object();
  for (const auto& parameter : experiment.info().parameters)
    config[parameter.key] = valueJson(parameter, plan.config.get(parameter.key));
  nlohmann::json series = nlohmann::json::array();
  const Parameter* seriesParameter = plan.seriesKey.empty() ? nullptr : experiment.findParameter(plan.seriesKey);
  for (const auto& value : plan.seriesValues) series.push_back(seriesParameter ? valueJson(*seriesParameter, value) : nlohmann::json());
  const nlohmann::json identity = {{"experiment", experiment.info().key}, {"version", kVersion},
                                   {"config", config},                    {"x", plan.x.key},
                                   {"xValues", plan.xValues},             {"sweptX", plan.sweptX},
                                   {"series", plan.seriesKey},            {"seriesValues", series}};
  const std::string text = identity.dump();
  return sha256Hex(text.data(), text.size());
}

nlohmann::json requestJson(const Request& request) {
  nlohmann::json json = {{"experiment", request.experiment}, {"config", request.config}};
  if (!request.x.empty()) json["x"] = request.x;
  if (!request.series.empty()) json["series"] = request.series;
  if (!request.preset.empty()) json["preset"] = request.preset;
  return json;
}

PartialResult simulateShard(const Request& request, const Plan& plan, const ShardSpec& shard) {
  const TrialRange range = shardTrials(plan.trials, shard);
  PartialResult part = partialFromValues(request, plan, range.begin, range.end, simulateTrials(plan, range.begin, range.end));
  part.shard = shard;
  return part;
}

PartialResult partialFromValues(const Request& request, const Plan& plan, int begin, int end, std::vector<double> values) {
  if (begin < 0 || end < begin || end > plan.trials)
    refuse("trials", std::to_string(begin) + ".." + std::to_string(end),
           "trial range [" + std::to_string(begin) + ", " + std::to_string(end) + ") must lie within [0, " + std::to_string(plan.trials) + ").");
  if (values.size() != plan.valuesPerTrial() * static_cast<std::size_t>(end - begin))
    refuse("values", std::to_string(values.size()),
           std::to_string(values.size()) + " values do not fit trials [" + std::to_string(begin) + ", " + std::to_string(end) + ") × " +
               std::to_string(plan.valuesPerTrial()) + " values per trial.");
  PartialResult part;
  part.request = requestJson(request);
  part.planDigest = planDigest(plan);
  part.version = kVersion;
  part.trials = plan.trials;
  part.shard = {0, 1};
  part.range = {begin, end};
  part.valuesPerTrial = plan.valuesPerTrial();
  part.values = std::move(values);
  return part;
}

nlohmann::json partialResultJson(const PartialResult& part) {
  nlohmann::json values = nlohmann::json::array();
  for (const double v : part.values) values.push_back(valueToJson(v));
  return {{"format", kFormat},
          {"formatVersion", kFormatVersion},
          {"version", part.version},
          {"request", part.request},
          {"planDigest", part.planDigest},
          {"trials", part.trials},
          {"shard", {{"index", part.shard.index}, {"count", part.shard.count}, {"begin", part.range.begin}, {"end", part.range.end}}},
          {"valuesPerTrial", part.valuesPerTrial},
          {"values", values}};
}

PartialResult partialResultFromJson(const nlohmann::json& json, const std::string& source) {
  const auto bad = [&](const std::string& problem) -> void {
    refuse("part", source, source + ": " + problem);
  };
  // Compared as JSON values, never converted: a "format" that is a number or a "formatVersion" that is text must
  // be a clear refusal, not a type error (json.value(key, default) throws when the types differ).
  if (!json.is_object() || !json.contains("format") || json.at("format") != kFormat)
    bad("not a partial result (made by collapse-lab run … --shard i/k, or the page's Download → Trials).");
  if (!json.contains("formatVersion") || json.at("formatVersion") != kFormatVersion)
    bad("partial-result format " + (json.contains("formatVersion") ? json.at("formatVersion").dump().substr(0, 80) : std::string("(none)")) +
        "; this collapse-lab reads format " + std::to_string(kFormatVersion) + ".");
  PartialResult part;
  // Each field by name, so a hand-edited or truncated part gets a message that says which field is wrong.
  const auto field = [&](const nlohmann::json& object, const char* key, const std::string& path) -> const nlohmann::json& {
    if (!object.is_object() || !object.contains(key)) bad("no field '" + path + "'.");
    return object.at(key);
  };
  const auto text = [&](const nlohmann::json& object, const char* key, const std::string& path) {
    const auto& value = field(object, key, path);
    if (!value.is_string()) bad("field '" + path + "' must be text, not " + value.dump().substr(0, 80) + ".");
    return value.get<std::string>();
  };
  const auto integer = [&](const nlohmann::json& object, const char* key, const std::string& path) {
    const auto& value = field(object, key, path);
    if (!value.is_number_integer() || value.get<double>() < 0 || value.get<double>() > 2147483647.0)
      bad("field '" + path + "' must be a non-negative integer, not " + value.dump().substr(0, 80) + ".");
    return value.get<int>();
  };
  part.version = text(json, "version", "version");
  part.request = field(json, "request", "request");
  part.planDigest = text(json, "planDigest", "planDigest");
  part.trials = integer(json, "trials", "trials");
  const auto& shard = field(json, "shard", "shard");
  part.shard = {integer(shard, "index", "shard.index"), integer(shard, "count", "shard.count")};
  part.range = {integer(shard, "begin", "shard.begin"), integer(shard, "end", "shard.end")};
  part.valuesPerTrial = static_cast<std::size_t>(integer(json, "valuesPerTrial", "valuesPerTrial"));
  const auto& values = field(json, "values", "values");
  if (!values.is_array()) bad("field 'values' must be an array of numbers.");
  part.values.reserve(values.size());
  for (const auto& v : values) {
    if (v.is_number()) part.values.push_back(v.get<double>());
    else if (v == "NaN") part.values.push_back(std::numeric_limits<double>::quiet_NaN());
    else if (v == "Infinity") part.values.push_back(std::numeric_limits<double>::infinity());
    else if (v == "-Infinity") part.values.push_back(-std::numeric_limits<double>::infinity());
    else bad("value " + v.dump().substr(0, 80) + " is neither a number nor NaN/Infinity/-Infinity.");
  }
  if (part.range.begin < 0 || part.range.end < part.range.begin || part.range.end > part.trials)
    bad("trial range [" + std::to_string(part.range.begin) + ", " + std::to_string(part.range.end) + ") is outside [0, " +
        std::to_string(part.trials) + ").");
  const std::size_t expected = part.valuesPerTrial * static_cast<std::size_t>(part.range.end - part.range.begin);
  if (part.values.size() != expected)
    bad(std::to_string(part.values.size()) + " values, but trials [" + std::to_string(part.range.begin) + ", " +
        std::to_string(part.range.end) + ") × " + std::to_string(part.valuesPerTrial) + " values per trial need " +
        std::to_string(expected) + ".");
  return part;
}

MergedRun mergePartialResults(const std::vector<PartialResult>& parts, const std::vector<std::string>& sources) {
  if (parts.empty()) refuse("part", "", "merge needs the partial results of a run, e.g. collapse-lab merge part-*.json.");
  const PartialResult& first = parts.front();
  const std::string firstSource = sources.front();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].version != kVersion)
      refuse("part", sources[i], sources[i] + " was made by collapse-lab " + parts[i].version + "; this is " + kVersion +
                                     ": numbers may differ between versions, so parts are merged only by the version that made them.");
  }
  // Re-plan the request (this also validates it) and check every part belongs to that plan.
  MergedRun merged;
  merged.request = Request::fromJson(first.request);
  const Plan plan = makePlan(merged.request);
  const std::string digest = planDigest(plan);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].planDigest != digest || parts[i].trials != plan.trials || parts[i].valuesPerTrial != plan.valuesPerTrial()) {
      // The first part is the one re-planned: it disagrees with its own request. So does a later part whose
      // request reads the same as the first's.
      if (i == 0 || parts[i].request == first.request)
        refuse("part", sources[i], sources[i] + " does not match its own request (its plan digest, trials or values per trial " +
                                       "differ from what collapse-lab makes of that request): the file was edited or damaged.");
      refuse("part", sources[i], sources[i] + " is a part of a different request than " + firstSource + " (request " +
                                     parts[i].request.dump() + " vs " + first.request.dump() + ").");
    }
  }
  // Trial ranges must tile [0, trials) exactly.
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return parts[a].range.begin != parts[b].range.begin ? parts[a].range.begin < parts[b].range.begin
                                                        : parts[a].range.end < parts[b].range.end;
  });
  const auto rangeText = [](const TrialRange& r) { return "[" + std::to_string(r.begin) + ", " + std::to_string(r.end) + ")"; };
  int next = 0;
  merged.values.reserve(plan.valuesPerTrial() * static_cast<std::size_t>(plan.trials));
  for (const std::size_t i : order) {
    const TrialRange& r = parts[i].range;
    if (r.begin == r.end) continue;  // an empty shard (more shards than trials)
    if (r.begin < next)
      refuse("part", sources[i], sources[i] + " repeats trials: its range " + rangeText(r) + " overlaps trials already merged up to " +
                                     std::to_string(next) + " (the same shard given twice?).");
    if (r.begin > next)
      refuse("part", sources[i], "trials " + rangeText({next, r.begin}) + " are missing: no part covers them (a shard not run or not given?).");
    merged.values.insert(merged.values.end(), parts[i].values.begin(), parts[i].values.end());
    next = r.end;
  }
  if (next != plan.trials)
    refuse("part", "", "trials " + rangeText({next, plan.trials}) + " of " + std::to_string(plan.trials) +
                           " are missing: no part covers them (a shard not run or not given?).");
  return merged;
}

}  // namespace collapse
