#include "collapse/result/csv_report.hpp"

#include <cmath>
#include <sstream>

#include "collapse/catalogue/parameter.hpp"
#include "collapse/version.hpp"

namespace collapse {

namespace {

std::string number(double value) { return std::isfinite(value) ? formatNumber(value) : ""; }

std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

/// A comment line never spans lines: a newline inside a label or note would start an unmarked data row.
std::string oneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

/// "model width m (features)" or the label alone.
std::string named(const std::string& key, const std::string& label, const std::string& unit) {
  return key + " — " + label + (unit.empty() ? "" : " [" + unit + "]");
}

}  // namespace

std::string resultCsvReport(const Result& result, const std::vector<std::string>& extraComments) {
  const Plan& plan = *result.plan;
  const Experiment& experiment = *plan.experiment;
  const Parameter* xParameter = plan.sweptX ? experiment.findParameter(plan.x.key) : nullptr;
  const Axis metric = experiment.metricAxis(plan.config);
  std::ostringstream csv;
  csv << "# Collapse Lab " << kVersion << ": " << experiment.info().key << '\n';
  csv << "# seed: " << plan.seed << "; trials: " << plan.trials << '\n';
  csv << "# parameters:";
  for (const auto& parameter : experiment.info().parameters) csv << ' ' << parameter.key << '=' << formatValue(plan.config.get(parameter.key));
  csv << '\n';
  csv << "# x: " << oneLine(named(plan.x.key, plan.x.label, xParameter ? xParameter->unit : "")) << (plan.sweptX ? " (swept; each point is the last generation)" : " (natural axis)") << '\n';
  csv << "# metric: " << oneLine(named(metric.key, metric.label, "")) << '\n';
  csv << "# series: " << (plan.seriesKey.empty() ? "one curve" : plan.seriesKey) << '\n';
  for (const auto& line : extraComments) csv << "# " << oneLine(line) << '\n';
  csv << "# columns: mean and sem (standard error) of the Monte Carlo mean over the trials; lo and hi the 10% and 90% "
         "quantiles of the trials; median the 50% quantile; theory the closed form (empty where none)\n";
  bool anyReference = false, anyMarker = false;
  for (const auto& s : result.series) {
    anyReference = anyReference || !s.references.empty();
    anyMarker = anyMarker || !s.markers.empty();
  }
  const auto seriesValue = [&](const SeriesResult& s) { return s.key.empty() ? std::string() : field(formatValue(s.value)); };
  if (anyReference) {
    csv << "# reference,series_key,series_value,label,value\n";
    for (const auto& s : result.series)
      for (const auto& r : s.references)
        csv << "# reference," << field(s.key) << ',' << seriesValue(s) << ',' << field(oneLine(r.label)) << ',' << number(r.value) << '\n';
  }
  if (anyMarker) {
    csv << "# marker,series_key,series_value,label,x,y\n";
    for (const auto& s : result.series)
      for (const auto& m : s.markers)
        csv << "# marker," << field(s.key) << ',' << seriesValue(s) << ',' << field(oneLine(m.label)) << ',' << number(m.x) << ','
            << number(m.y) << '\n';
  }
  for (const auto& note : result.notes) csv << "# note: " << oneLine(note) << '\n';
  csv << "series_key,series_value,x,mean,sem,lo,hi,median,theory\n";
  for (const auto& s : result.series)
    for (std::size_t i = 0; i < plan.xValues.size(); ++i)
      csv << field(s.key) << ',' << seriesValue(s) << ',' << formatNumber(plan.xValues[i]) << ',' << number(s.mean[i]) << ','
          << number(s.sem[i]) << ',' << number(s.lo[i]) << ',' << number(s.hi[i]) << ',' << number(s.median[i]) << ','
          << (s.theory ? number((*s.theory)[i]) : "") << '\n';
  return csv.str();
}

}  // namespace collapse
