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
    SeriesResult series{plan.seriesKey, plan.seriesValues[s], plan.seriesLabels[s], {}, {}, {}, {}, {}, {}, {}, {}};
    for (std::size_t i = 0; i < points; ++i) {
      for (int t = 0; t < plan.trials; ++t) samples[t] = trialValues[static_cast<std::size_t>(t) * perTrial + s * points + i];
      const PointSummary summary = summarise(samples);
      series.mean.push_back(summary.mean);
      series.sem.push_back(summary.sem);
      series.lo.push_back(summary.lo);
      series.hi.push_back(summary.hi);
      series.median.push_back(summary.median);
    }
    series.theory = theoryOnGrid(plan, pointConfigs);
    series.references = plan.experiment->referenceLines(pointConfigs.front(), plan.x.key);
    if (plan.sweptX) series.markers = plan.experiment->referencePoints(pointConfigs.front(), plan.x.key);
    if (series.theory) series.theoryCurve = theoryCurve(plan, s);
    for (const auto& point : pointConfigs)
      for (const auto& note : plan.experiment->notes(point))
        if (std::find(result.notes.begin(), result.notes.end(), note) == result.notes.end()) result.notes.push_back(note);
    result.series.push_back(std::move(series));
  }
  return result;
}

std::optional<TheoryCurve> theoryCurve(const Plan& plan, std::size_t s) {
  const Experiment& experiment = *plan.experiment;
  const Parameter* swept = plan.sweptX ? experiment.findParameter(plan.x.key) : nullptr;
  if (!swept || swept->type == ParameterType::Choice || plan.xValues.size() < 2) return std::nullopt;
  const auto [lowest, highest] = std::minmax_element(plan.xValues.begin(), plan.xValues.end());
  const double lo = *lowest, hi = *highest;
  if (!(hi > lo)) return std::nullopt;
  // Log-spaced when the Monte Carlo grid is (its middle point nearer the geometric than the arithmetic mean).
  std::vector<double> sorted = plan.xValues;
  std::sort(sorted.begin(), sorted.end());
  const double middle = sorted[sorted.size() / 2];
  const bool logSpaced = lo > 0 && std::abs(std::log(middle) - 0.5 * (std::log(lo) + std::log(hi))) <
                                       std::abs(middle - 0.5 * (lo + hi)) / middle;
  // Through the Monte Carlo points (so both agree there), with points between neighbours: enough that a line through
  // them looks smooth, few enough that the theory (a deterministic equivalent can cost milliseconds) stays cheap.
  std::vector<double> xs = plan.xValues;
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const std::size_t intervals = sorted.size() - 1;
  const std::size_t room = kTheoryCurvePoints > sorted.size() ? (kTheoryCurvePoints - sorted.size()) / intervals : 0;
  // One point between neighbours on the papers' grids (12–21 points): a deterministic equivalent per point can cost
  // milliseconds, and every preview assembles the Result again. Sparse grids get up to three.
  const std::size_t between = std::max<std::size_t>(1, std::min<std::size_t>(sorted.size() < 12 ? 3 : 1, room));
  for (std::size_t i = 0; i < intervals; ++i)
    for (std::size_t k = 1; k <= between; ++k) {
      const double u = static_cast<double>(k) / static_cast<double>(between + 1);
      const double a = sorted[i], b = sorted[i + 1];
      double x = logSpaced ? std::exp(std::log(a) + u * (std::log(b) - std::log(a))) : a + u * (b - a);
      if (swept->type == ParameterType::Integer) x = std::round(x);
      xs.push_back(x);
    }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

  Config seriesConfig = plan.config;
  if (!plan.seriesKey.empty()) seriesConfig.set(plan.seriesKey, plan.seriesValues[s]);
  TheoryCurve curve;
  bool any = false;
  for (double x : xs) {
    Config point = seriesConfig;
    point.set(swept->key, Value(x));
    double y = std::numeric_limits<double>::quiet_NaN();
    try {
      if (experiment.checkCombination(point).empty()) {
        const auto values = experiment.theory(experiment.resolve(point));
        if (values && !values->empty()) y = values->back();
      }
    } catch (const std::exception&) {
      // a point where the closed form cannot be evaluated stays a gap (NaN), like theory elsewhere
    }
    any = any || std::isfinite(y);
    curve.x.push_back(x);
    curve.y.push_back(y);
  }
  if (!any) return std::nullopt;
  return curve;
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
                        {"median", numbers(s.median)}}},
                      {"theory", s.theory ? numbers(*s.theory) : nlohmann::json()},
                      {"references", references},
                      {"markers", markers}});
    if (s.theoryCurve) series.back()["theoryCurve"] = {{"x", numbers(s.theoryCurve->x)}, {"y", numbers(s.theoryCurve->y)}};
  }
  return {{"experiment", experiment.info().key},
          {"version", kVersion},
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
