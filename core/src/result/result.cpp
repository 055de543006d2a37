#include "collapse/result/result.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "collapse/catalogue/catalogue.hpp"
#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/summary.hpp"
#include "collapse/version.hpp"
#include "collapse/math/portable_math.hpp"

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
                              const std::vector<double>& hi, const std::vector<double>& median,
                              const std::vector<std::size_t>& nonFinite) {
  return {{"mean", numbers(mean)}, {"sem", numbers(sem)}, {"lo", numbers(lo)},          {"hi", numbers(hi)},
          {"median", numbers(median)}, {"nonFinite", nonFinite}};
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
    SeriesResult series{plan.seriesKey, plan.seriesValues[s], plan.seriesLabels[s], {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    const std::string primaryKey = plan.experiment->metricAxis(pointConfigs.front()).key;
    for (std::size_t m = 0; m < metricCount; ++m) {
      MetricSeries metric{plan.metrics[m], {}, {}, {}, {}, {}, {}, {}, {}};
      for (std::size_t i = 0; i < points; ++i) {
        samples.resize(static_cast<std::size_t>(plan.trials));  // summariseInPlace drops non-finite values
        for (int t = 0; t < plan.trials; ++t)
          samples[t] = trialValues[static_cast<std::size_t>(t) * perTrial + (s * metricCount + m) * points + i];
        const PointSummary summary = summariseInPlace(samples);
        metric.mean.push_back(summary.mean);
        metric.sem.push_back(summary.sem);
        metric.lo.push_back(summary.lo);
        metric.hi.push_back(summary.hi);
        metric.median.push_back(summary.median);
        metric.nonFinite.push_back(summary.nonFinite);
      }
      metric.theory = theoryOnGrid(plan, pointConfigs, metric.metric.key);
      metric.references = plan.experiment->referenceLinesFor(pointConfigs.front(), plan.x.key, metric.metric.key);
      if (metric.metric.key == primaryKey) {
        series.mean = metric.mean;
        series.sem = metric.sem;
        series.lo = metric.lo;
        series.hi = metric.hi;
        series.median = metric.median;
        series.nonFinite = metric.nonFinite;
        series.theory = metric.theory;
        series.references = metric.references;
      }
      // No NaN or infinity passes silently: the notes name the series (and metric), each x where trials broke
      // down, and how many.
      std::string where;
      std::size_t pointsWith = 0;
      for (std::size_t i = 0; i < points; ++i) {
        if (metric.nonFinite[i] == 0) continue;
        if (++pointsWith <= 5)
          where += std::string(pointsWith > 1 ? "; " : "") + plan.x.key + " = " + formatNumber(plan.xValues[i]) + ": " +
                   std::to_string(metric.nonFinite[i]) + " of " + std::to_string(plan.trials) + " trials";
      }
      if (pointsWith > 5) where += "; and " + std::to_string(pointsWith - 5) + " more points";
      if (pointsWith > 0)
        result.notes.push_back("Non-finite values (NaN or ±∞, a numerical breakdown) in " + series.label +
                               (metricCount > 1 ? " (" + metric.metric.key + ")" : std::string()) + " at " + where +
                               ". The statistics there are over the other trials (simulation.nonFinite counts them).");
      series.metrics.push_back(std::move(metric));
    }
    if (plan.sweptX) series.markers = plan.experiment->referencePoints(pointConfigs.front(), plan.x.key);
    if (series.theory) series.theoryCurve = theoryCurve(plan, s);
    if (!plan.sweptX) series.samples = plan.experiment->sampleSentences(pointConfigs.back());
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
  const bool logSpaced = lo > 0 && std::abs(math::log(middle) - 0.5 * (math::log(lo) + math::log(hi))) <
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
      double x = logSpaced ? math::exp(math::log(a) + u * (math::log(b) - math::log(a))) : a + u * (b - a);
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
    nlohmann::json metricsJson = nlohmann::json::object();
    for (const auto& m : s.metrics)
      metricsJson[m.metric.key] = {{"simulation", simulationJson(m.mean, m.sem, m.lo, m.hi, m.median, m.nonFinite)},
                                   {"theory", m.theory ? numbers(*m.theory) : nlohmann::json()},
                                   {"references", referencesJson(m.references)}};
    nlohmann::json markers = nlohmann::json::array();
    for (const auto& m : s.markers) markers.push_back({{"label", m.label}, {"x", m.x}, {"y", m.y}});
    series.push_back({{"key", s.key},
                      {"value", seriesParameter ? valueJson(*seriesParameter, s.value) : nlohmann::json()},
                      {"label", s.label},
                      {"simulation", simulationJson(s.mean, s.sem, s.lo, s.hi, s.median, s.nonFinite)},
                      {"theory", s.theory ? numbers(*s.theory) : nlohmann::json()},
                      {"references", referencesJson(s.references)},
                      {"markers", markers},
                      {"metrics", metricsJson}});
    if (s.theoryCurve) series.back()["theoryCurve"] = {{"x", numbers(s.theoryCurve->x)}, {"y", numbers(s.theoryCurve->y)}};
    if (!s.samples.empty()) {
      nlohmann::json samples = nlohmann::json::array();
      for (const auto& g : s.samples) samples.push_back({{"generation", g.generation}, {"sentences", g.sentences}});
      series.back()["samples"] = samples;
    }
  }
  // The request that reproduces this Result bit for bit (collapse-lab run --config FILE, the page's "Open").
  const nlohmann::json request = {{"experiment", experiment.info().key}, {"config", config}, {"x", plan.xSpec},
                                  {"series", plan.seriesSpec}};
  nlohmann::json metricList = nlohmann::json::array();
  for (const auto& axis : plan.metrics) metricList.push_back({{"key", axis.key}, {"label", axis.label}});
  return {{"experiment", experiment.info().key},
          {"version", kVersion},
          {"request", request},
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
