#include "collapse/result/result.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/summary.hpp"
#include "collapse/version.hpp"

namespace collapse {

namespace {

std::optional<std::vector<double>> theoryOnGrid(const Plan& plan, const std::vector<Config>& points) {
  const Experiment& experiment = *plan.experiment;
  if (!plan.sweptX) return experiment.theory(points.front());
  std::vector<double> values;
  bool any = false;
  for (const auto& point : points) {
    const auto curve = experiment.theory(point);
    values.push_back(curve ? curve->back() : std::numeric_limits<double>::quiet_NaN());
    any = any || curve.has_value();
  }
  if (!any) return std::nullopt;
  return values;
}

/// JSON has no NaN or infinity: those become null.
nlohmann::json numbers(const std::vector<double>& values) {
  nlohmann::json array = nlohmann::json::array();
  for (double v : values) array.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json());
  return array;
}

std::string csvNumber(double value) { return std::isfinite(value) ? formatNumber(value) : ""; }

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

Result assembleResult(const Plan& plan, const std::vector<double>& trialValues) {
  const std::size_t perTrial = plan.valuesPerTrial(), points = plan.xValues.size();
  if (trialValues.size() != perTrial * static_cast<std::size_t>(plan.trials))
    throw ValidationError({{"values", std::to_string(trialValues.size()),
                            "expected " + std::to_string(perTrial * plan.trials) + " trial values (trials × series × x) but got " +
                                std::to_string(trialValues.size()) + "."}});
  Result result{&plan, {}, {}};
  std::vector<double> samples(static_cast<std::size_t>(plan.trials));
  for (std::size_t s = 0; s < plan.seriesValues.size(); ++s) {
    const auto& pointConfigs = plan.pointConfigs[s];
    SeriesResult series{plan.seriesKey, plan.seriesValues[s], plan.seriesLabels[s], {}, {}, {}, {}, {}, {}, {}, {}, {}};
    for (std::size_t i = 0; i < points; ++i) {
      for (int t = 0; t < plan.trials; ++t) samples[t] = trialValues[static_cast<std::size_t>(t) * perTrial + s * points + i];
      const PointSummary summary = summarise(samples);
      series.mean.push_back(summary.mean);
      series.sem.push_back(summary.sem);
      series.lo.push_back(summary.lo);
      series.hi.push_back(summary.hi);
      series.median.push_back(summary.median);
      series.nonFinite.push_back(summary.nonFinite);
    }
    // No NaN or infinity passes silently: the notes name the series, each x where trials broke down, and how many.
    std::string where;
    std::size_t pointsWith = 0;
    for (std::size_t i = 0; i < points; ++i) {
      if (series.nonFinite[i] == 0) continue;
      if (++pointsWith <= 5)
        where += std::string(pointsWith > 1 ? "; " : "") + plan.x.key + " = " + formatNumber(plan.xValues[i]) + ": " +
                 std::to_string(series.nonFinite[i]) + " of " + std::to_string(plan.trials) + " trials";
    }
    if (pointsWith > 5) where += "; and " + std::to_string(pointsWith - 5) + " more points";
    if (pointsWith > 0)
      result.notes.push_back("Non-finite values (NaN or ±∞, a numerical breakdown) in " + series.label + " at " + where +
                             ". The statistics there are over the other trials (simulation.nonFinite counts them).");
    series.theory = theoryOnGrid(plan, pointConfigs);
    series.references = plan.experiment->referenceLines(pointConfigs.front(), plan.x.key);
    if (plan.sweptX) series.markers = plan.experiment->referencePoints(pointConfigs.front(), plan.x.key);
    for (const auto& point : pointConfigs)
      for (const auto& note : plan.experiment->notes(point))
        if (std::find(result.notes.begin(), result.notes.end(), note) == result.notes.end()) result.notes.push_back(note);
    result.series.push_back(std::move(series));
  }
  return result;
}

Result runPlan(const Plan& plan) { return assembleResult(plan, simulateTrials(plan, 0, plan.trials)); }

nlohmann::json resultJson(const Result& result) {
  const Plan& plan = *result.plan;
  const Experiment& experiment = *plan.experiment;
  nlohmann::json config = nlohmann::json::object();
  for (const auto& parameter : experiment.info().parameters)
    config[parameter.key] = valueJson(parameter, plan.config.get(parameter.key));
  const Parameter* seriesParameter = plan.seriesKey.empty() ? nullptr : experiment.findParameter(plan.seriesKey);
  nlohmann::json series = nlohmann::json::array();
  for (const auto& s : result.series) {
    nlohmann::json references = nlohmann::json::array();
    for (const auto& line : s.references) references.push_back({{"label", line.label}, {"value", line.value}});
    nlohmann::json markers = nlohmann::json::array();
    for (const auto& m : s.markers) markers.push_back({{"label", m.label}, {"x", m.x}, {"y", m.y}});
    series.push_back({{"key", s.key},
                      {"value", seriesParameter ? valueJson(*seriesParameter, s.value) : nlohmann::json()},
                      {"label", s.label},
                      {"simulation",
                       {{"mean", numbers(s.mean)},
                        {"sem", numbers(s.sem)},
                        {"lo", numbers(s.lo)},
                        {"hi", numbers(s.hi)},
                        {"median", numbers(s.median)},
                        {"nonFinite", s.nonFinite}}},
                      {"theory", s.theory ? numbers(*s.theory) : nlohmann::json()},
                      {"references", references},
                      {"markers", markers}});
  }
  // The request that reproduces this Result bit for bit (collapse-lab run --config FILE, the page's "Open").
  const nlohmann::json request = {{"experiment", experiment.info().key}, {"config", config}, {"x", plan.xSpec},
                                  {"series", plan.seriesSpec}};
  return {{"experiment", experiment.info().key},
          {"version", kVersion},
          {"request", request},
          {"config", config},
          {"trials", plan.trials},
          {"seed", plan.seed},
          {"x", {{"key", plan.x.key}, {"label", plan.x.label}, {"values", numbers(plan.xValues)}}},
          {"metric", {{"key", experiment.metricAxis(plan.config).key}, {"label", experiment.metricAxis(plan.config).label}}},
          {"series", series},
          {"notes", result.notes}};
}

std::string resultCsv(const Result& result) {
  const Plan& plan = *result.plan;
  std::ostringstream csv;
  csv << "series_key,series_value,x,mean,sem,lo,hi,theory\n";
  for (const auto& s : result.series) {
    const std::string value = s.key.empty() ? "" : csvField(formatValue(s.value));
    for (std::size_t i = 0; i < plan.xValues.size(); ++i) {
      csv << csvField(s.key) << ',' << value << ',' << formatNumber(plan.xValues[i]) << ',' << csvNumber(s.mean[i]) << ','
          << csvNumber(s.sem[i]) << ',' << csvNumber(s.lo[i]) << ',' << csvNumber(s.hi[i]) << ','
          << (s.theory ? csvNumber((*s.theory)[i]) : "") << '\n';
    }
  }
  return csv.str();
}

}  // namespace collapse
