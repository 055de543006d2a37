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

std::optional<std::vector<double>> theoryOnGrid(const Plan& plan, const std::vector<Config>& points,
                                                const std::string& metricKey) {
  const Experiment& experiment = *plan.experiment;
  if (!plan.sweptX) return experiment.theoryFor(points.front(), metricKey);
  std::vector<double> values;
  bool any = false;
  for (const auto& point : points) {
    const auto curve = experiment.theoryFor(point, metricKey);
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

nlohmann::json referencesJson(const std::vector<ReferenceLine>& lines) {
  nlohmann::json references = nlohmann::json::array();
  for (const auto& line : lines) references.push_back({{"label", line.label}, {"value", line.value}});
  return references;
}

nlohmann::json simulationJson(const std::vector<double>& mean, const std::vector<double>& sem, const std::vector<double>& lo,
                              const std::vector<double>& hi, const std::vector<double>& median) {
  return {{"mean", numbers(mean)}, {"sem", numbers(sem)}, {"lo", numbers(lo)}, {"hi", numbers(hi)}, {"median", numbers(median)}};
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
  const std::size_t perTrial = plan.valuesPerTrial(), points = plan.xValues.size(), metricCount = plan.metrics.size();
  if (trialValues.size() != perTrial * static_cast<std::size_t>(plan.trials))
    throw ValidationError({{"values", std::to_string(trialValues.size()),
                            "expected " + std::to_string(perTrial * plan.trials) + " trial values (trials × series × metrics × x) but got " +
                                std::to_string(trialValues.size()) + "."}});
  Result result{&plan, {}, {}};
  std::vector<double> samples(static_cast<std::size_t>(plan.trials));
  for (std::size_t s = 0; s < plan.seriesValues.size(); ++s) {
    const auto& pointConfigs = plan.pointConfigs[s];
    SeriesResult series{plan.seriesKey, plan.seriesValues[s], plan.seriesLabels[s], {}, {}, {}, {}, {}, {}, {}, {}, {}};
    const std::string primaryKey = plan.experiment->metricAxis(pointConfigs.front()).key;
    for (std::size_t m = 0; m < metricCount; ++m) {
      MetricSeries metric{plan.metrics[m], {}, {}, {}, {}, {}, {}, {}};
      for (std::size_t i = 0; i < points; ++i) {
        for (int t = 0; t < plan.trials; ++t)
          samples[t] = trialValues[static_cast<std::size_t>(t) * perTrial + (s * metricCount + m) * points + i];
        const PointSummary summary = summarise(samples);
        metric.mean.push_back(summary.mean);
        metric.sem.push_back(summary.sem);
        metric.lo.push_back(summary.lo);
        metric.hi.push_back(summary.hi);
        metric.median.push_back(summary.median);
      }
      metric.theory = theoryOnGrid(plan, pointConfigs, metric.metric.key);
      metric.references = plan.experiment->referenceLinesFor(pointConfigs.front(), plan.x.key, metric.metric.key);
      if (metric.metric.key == primaryKey) {
        series.mean = metric.mean;
        series.sem = metric.sem;
        series.lo = metric.lo;
        series.hi = metric.hi;
        series.median = metric.median;
        series.theory = metric.theory;
        series.references = metric.references;
      }
      series.metrics.push_back(std::move(metric));
    }
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
    nlohmann::json metricsJson = nlohmann::json::object();
    for (const auto& m : s.metrics)
      metricsJson[m.metric.key] = {{"simulation", simulationJson(m.mean, m.sem, m.lo, m.hi, m.median)},
                                   {"theory", m.theory ? numbers(*m.theory) : nlohmann::json()},
                                   {"references", referencesJson(m.references)}};
    nlohmann::json markers = nlohmann::json::array();
    for (const auto& m : s.markers) markers.push_back({{"label", m.label}, {"x", m.x}, {"y", m.y}});
    series.push_back({{"key", s.key},
                      {"value", seriesParameter ? valueJson(*seriesParameter, s.value) : nlohmann::json()},
                      {"label", s.label},
                      {"simulation", simulationJson(s.mean, s.sem, s.lo, s.hi, s.median)},
                      {"theory", s.theory ? numbers(*s.theory) : nlohmann::json()},
                      {"references", referencesJson(s.references)},
                      {"markers", markers},
                      {"metrics", metricsJson}});
  }
  nlohmann::json metricList = nlohmann::json::array();
  for (const auto& axis : plan.metrics) metricList.push_back({{"key", axis.key}, {"label", axis.label}});
  return {{"experiment", experiment.info().key},
          {"version", kVersion},
          {"config", config},
          {"trials", plan.trials},
          {"seed", plan.seed},
          {"x", {{"key", plan.x.key}, {"label", plan.x.label}, {"values", numbers(plan.xValues)}}},
          {"metric", {{"key", experiment.metricAxis(plan.config).key}, {"label", experiment.metricAxis(plan.config).label}}},
          {"metrics", metricList},
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

std::string resultCsvAllMetrics(const Result& result) {
  const Plan& plan = *result.plan;
  std::ostringstream csv;
  csv << "metric,series_key,series_value,x,mean,sem,lo,hi,theory\n";
  for (std::size_t m = 0; m < plan.metrics.size(); ++m) {
    for (const auto& s : result.series) {
      const MetricSeries& metric = s.metrics[m];
      const std::string value = s.key.empty() ? "" : csvField(formatValue(s.value));
      for (std::size_t i = 0; i < plan.xValues.size(); ++i) {
        csv << csvField(metric.metric.key) << ',' << csvField(s.key) << ',' << value << ',' << formatNumber(plan.xValues[i]) << ','
            << csvNumber(metric.mean[i]) << ',' << csvNumber(metric.sem[i]) << ',' << csvNumber(metric.lo[i]) << ','
            << csvNumber(metric.hi[i]) << ',' << (metric.theory ? csvNumber((*metric.theory)[i]) : "") << '\n';
      }
    }
  }
  return csv.str();
}

}  // namespace collapse
