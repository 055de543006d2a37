// Several metrics from one run (docs/result.md): the trial layout, the Result's per-metric summaries, theory
// and reference lines, the JSON and both CSV forms — on a toy experiment with two metrics, and the promise
// that a one-metric experiment's Result only gains a one-element `metrics`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "collapse/catalogue/common_parameters.hpp"
#include "collapse/result/result.hpp"
#include "collapse/sweep/plan.hpp"
#include "experiment_run.hpp"

using namespace collapse;

namespace {

/// Two metrics per trial: `up` = x + u and `down` = −10x + u, u uniform on [0, 1) (one draw per x), so
/// every value can be predicted from the stream. `metric` picks the primary metric.
class TwoMetricToy : public Experiment {
 public:
  TwoMetricToy() {
    info_.key = "two-metric-toy";
    info_.x = {"step", "step"};
    info_.metric = {"up", "x + u"};
    info_.parameters = {parameters::seed(), parameters::trials(),
                        parameters::makeNumber(ParameterType::Integer, "steps", "S", "steps", "", 3, 1, 10, false, "x = 1..S"),
                        parameters::makeChoice("metric", "", "metric", {"up", "down"}, {"x + u", "−10x + u"}, "up", "primary")};
  }
  const ExperimentInfo& info() const override { return info_; }
  Axis metricAxis(const Config& config) const override {
    return config.choice("metric") == "up" ? Axis{"up", "x + u"} : Axis{"down", "−10x + u"};
  }
  std::vector<Axis> metrics(const Config&) const override { return {{"up", "x + u"}, {"down", "−10x + u"}}; }
  std::vector<double> naturalX(const Config& config) const override { return generationAxis(1, config.integer("steps")); }
  std::vector<double> simulateTrial(const Config& config, Rng& rng) const override {
    const auto x = naturalX(config);
    std::vector<double> values(2 * x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double u = rng.uniform();
      values[i] = x[i] + u;
      values[x.size() + i] = -10 * x[i] + u;
    }
    return values;
  }
  std::optional<std::vector<double>> theory(const Config& config) const override {
    return theoryFor(config, metricAxis(config).key);
  }
  std::optional<std::vector<double>> theoryFor(const Config& config, const std::string& key) const override {
    auto x = naturalX(config);
    for (auto& v : x) v = key == "up" ? v + 0.5 : -10 * v + 0.5;
    return x;
  }
  std::vector<ReferenceLine> referenceLinesFor(const Config&, const std::string&, const std::string& key) const override {
    if (key == "down") return {{"floor", -100}};
    return {};
  }

 private:
  ExperimentInfo info_;
};

const TwoMetricToy toy;

/// A plan built by hand (the toy is not in the registry): natural axis or `steps` swept over {1, 2, 3, 4}.
Plan toyPlan(const std::string& primary, bool sweepSteps) {
  Plan plan;
  plan.experiment = &toy;
  for (const auto& p : toy.info().parameters) plan.config.set(p.key, p.defaultValue());
  plan.config.set("metric", primary);
  plan.config.set("trials", 40.0);
  plan.seriesValues = {Value(0.0)};
  plan.seriesLabels = {"toy"};
  plan.sweptX = sweepSteps;
  if (sweepSteps) {
    plan.x = {"steps", "steps"};
    std::vector<Config> points;
    for (int s = 1; s <= 4; ++s) {
      Config c = plan.config;
      c.set("steps", static_cast<double>(s));
      points.push_back(c);
      plan.xValues.push_back(s);
    }
    plan.pointConfigs = {points};
  } else {
    plan.x = toy.info().x;
    plan.xValues = toy.naturalX(plan.config);
    plan.pointConfigs = {{plan.config}};
  }
  plan.metrics = toy.metrics(plan.config);
  plan.trials = plan.config.integer("trials");
  plan.seed = 7;
  return plan;
}

}  // namespace

TEST_CASE("multi-metric: a trial's values are series-, then metric-major", "[result][multi-metric]") {
  const Plan plan = toyPlan("up", false);
  REQUIRE(plan.valuesPerTrial() == 2 * 3);
  const auto values = simulateTrials(plan, 2, 4);
  REQUIRE(values.size() == 2 * 6);
  for (int t = 2; t < 4; ++t) {
    Rng rng(plan.seed, static_cast<std::uint64_t>(t));
    const auto expected = toy.simulateTrial(plan.config, rng);
    for (std::size_t k = 0; k < 6; ++k) CHECK(values[(t - 2) * 6 + k] == expected[k]);
  }
}

TEST_CASE("multi-metric: with a swept x each point reports every metric's last natural value", "[result][multi-metric]") {
  const Plan plan = toyPlan("up", true);
  const auto values = simulateTrials(plan, 0, 1);
  REQUIRE(values.size() == 2 * 4);
  for (int s = 1; s <= 4; ++s) {
    Rng rng(plan.seed, 0);
    double u = 0;
    for (int i = 0; i < s; ++i) u = rng.uniform();  // the draw of the last step
    CHECK(values[s - 1] == s + u);
    CHECK(values[4 + s - 1] == -10 * s + u);
  }
}

TEST_CASE("multi-metric: every metric is summarised; the primary one fills the top-level fields", "[result][multi-metric]") {
  for (const std::string primary : {"up", "down"}) {
    const Plan plan = toyPlan(primary, false);
    const Result result = runPlan(plan);
    REQUIRE(result.series.size() == 1);
    const auto& series = result.series[0];
    REQUIRE(series.metrics.size() == 2);
    CHECK(series.metrics[0].metric.key == "up");  // declared order, whichever is primary
    CHECK(series.metrics[1].metric.key == "down");
    const auto& chosen = series.metrics[primary == "up" ? 0 : 1];
    CHECK(series.mean == chosen.mean);
    CHECK(series.sem == chosen.sem);
    CHECK(series.theory == chosen.theory);
    CHECK(series.references.size() == chosen.references.size());
    // The two metrics differ by exactly 11x on every trial, so their means do too (up to round-off).
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(series.metrics[0].mean[i] - series.metrics[1].mean[i] == Approx(11 * (i + 1.0)).epsilon(1e-12));
      CHECK(series.metrics[0].sem[i] == Approx(series.metrics[1].sem[i]).epsilon(1e-9));
      // u is uniform: its mean is 1/2, SE = sd/√trials = √(1/12)/√40; 4 SE.
      CHECK(std::abs(series.metrics[0].mean[i] - (*series.metrics[0].theory)[i]) < 4 * std::sqrt(1.0 / 12 / 40));
    }
    REQUIRE(series.metrics[1].references.size() == 1);
    CHECK(series.metrics[1].references[0].value == -100);
    CHECK(series.metrics[0].references.empty());
  }
}

TEST_CASE("multi-metric: Result JSON lists the metrics and carries each one per series", "[result][multi-metric]") {
  const Plan plan = toyPlan("down", false);
  const auto json = resultJson(runPlan(plan));
  CHECK(json["metric"]["key"] == "down");
  REQUIRE(json["metrics"].size() == 2);
  CHECK(json["metrics"][0]["key"] == "up");
  CHECK(json["metrics"][1]["label"] == "−10x + u");
  const auto& series = json["series"][0];
  CHECK(series["simulation"] == series["metrics"]["down"]["simulation"]);
  CHECK(series["theory"] == series["metrics"]["down"]["theory"]);
  CHECK(series["references"] == series["metrics"]["down"]["references"]);
  CHECK(series["metrics"]["up"]["references"].empty());
  CHECK(series["metrics"]["up"]["theory"][0] == 1.5);
}

TEST_CASE("multi-metric: CSV keeps the primary metric's columns; csv-all adds a metric column", "[result][multi-metric]") {
  const Plan plan = toyPlan("up", false);
  const Result result = runPlan(plan);
  const std::string csv = resultCsv(result), all = resultCsvAllMetrics(result);
  CHECK(csv.rfind("series_key,series_value,x,mean,sem,lo,hi,theory\n", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3);
  CHECK(all.rfind("metric,series_key,series_value,x,mean,sem,lo,hi,theory\n", 0) == 0);
  CHECK(std::count(all.begin(), all.end(), '\n') == 1 + 2 * 3);
  CHECK(all.find("\nup,,,1,") != std::string::npos);
  CHECK(all.find("\ndown,,,3,") != std::string::npos);
  CHECK(all.find(",-29.5\n") != std::string::npos);  // the theory of `down` at x = 3
}

TEST_CASE("multi-metric: a one-metric experiment only gains a one-element metrics", "[result][multi-metric]") {
  const auto run = testing::runExperiment("recursive-regression", {{"trials", 20}, {"generations", 3}});
  REQUIRE(run.plan.metrics.size() == 1);
  CHECK(run.plan.valuesPerTrial() == run.plan.seriesValues.size() * run.plan.xValues.size());
  const auto json = resultJson(run.result);
  REQUIRE(json["metrics"].size() == 1);
  const std::string key = json["metric"]["key"];
  CHECK(json["metrics"][0]["key"] == key);
  for (const auto& series : json["series"]) {
    CHECK(series["metrics"].size() == 1);
    CHECK(series["metrics"][key]["simulation"] == series["simulation"]);
    CHECK(series["metrics"][key]["theory"] == series["theory"]);
    CHECK(series["metrics"][key]["references"] == series["references"]);
  }
  const std::string all = resultCsvAllMetrics(run.result), csv = resultCsv(run.result);
  // csv-all is the primary CSV with the metric key in front of every row.
  std::string expected = "metric," + csv.substr(0, csv.find('\n') + 1);
  std::size_t start = csv.find('\n') + 1;
  while (start < csv.size()) {
    const std::size_t end = csv.find('\n', start);
    expected += key + "," + csv.substr(start, end - start + 1);
    start = end + 1;
  }
  CHECK(all == expected);
}
