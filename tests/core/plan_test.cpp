// The generic sweep engine and request validation.
#include <catch2/catch.hpp>

#include <cstring>

#include "collapse/catalogue/validation_error.hpp"
#include "collapse/result/result.hpp"
#include "collapse/random/rng.hpp"
#include "collapse/sweep/plan.hpp"

using namespace collapse;
using nlohmann::json;

namespace {
Request request(json config, std::string x = "", std::string series = "") {
  Request r;
  r.experiment = "recursive-regression";
  r.config = std::move(config);
  r.x = std::move(x);
  r.series = std::move(series);
  return r;
}

/// The issues makePlan reports for a request (empty if it is valid).
std::vector<Issue> issuesOf(const Request& r) {
  try {
    makePlan(r);
  } catch (const ValidationError& error) {
    return error.issues();
  }
  return {};
}

std::string allMessages(const Request& r) {
  std::string text;
  for (const auto& issue : issuesOf(r)) text += issue.message + "\n";
  return text;
}
}  // namespace

TEST_CASE("plan: defaults fill the config; the natural series is every workflow") {
  const Plan plan = makePlan(request({{"generations", 4}}));
  CHECK(plan.config.number("dim") == 10);
  CHECK(plan.config.choice("design") == "fixed");
  CHECK(plan.seriesKey == "workflow");
  CHECK(plan.seriesLabels == std::vector<std::string>{"Replace", "Accumulate", "Accumulate-subsample"});
  CHECK(plan.x.key == "generation");
  CHECK(plan.xValues == std::vector<double>{1, 2, 3, 4});
  CHECK_FALSE(plan.sweptX);
}

TEST_CASE("plan: fixing the natural series parameter gives one series") {
  const Plan plan = makePlan(request({{"workflow", "accumulate"}}));
  REQUIRE(plan.seriesValues.size() == 1);
  CHECK(plan.pointConfigs[0][0].choice("workflow") == "accumulate");
}

TEST_CASE("plan: a swept x and an explicit series; integer grids are rounded and de-duplicated") {
  const Plan plan = makePlan(request({{"generations", 3}}, "samples=20:40:log:4", "generations=1,3"));
  CHECK(plan.sweptX);
  CHECK(plan.x.key == "samples");
  CHECK(plan.xValues == std::vector<double>{20, 25, 32, 40});
  CHECK(plan.seriesKey == "generations");
  CHECK(plan.seriesLabels == std::vector<std::string>{"n = 1", "n = 3"});
  CHECK(plan.pointConfigs[1][2].number("samples") == 32);
  CHECK(plan.pointConfigs[1][2].number("generations") == 3);
  CHECK(plan.valuesPerTrial() == 8);
}

TEST_CASE("plan: bad requests list every problem, each naming parameter, value and what is allowed") {
  const auto issues = issuesOf(request({{"noise", -1}, {"dim", 5000}, {"workflow", "recycle"}, {"colour", "red"}}));
  REQUIRE(issues.size() == 4);
  const std::string text = allMessages(request({{"noise", -1}, {"dim", 5000}, {"workflow", "recycle"}, {"colour", "red"}}));
  CHECK_THAT(text, Catch::Contains("noise = -1") && Catch::Contains("from 0 to 1000"));
  CHECK_THAT(text, Catch::Contains("dim = 5000") && Catch::Contains("from 1 to 2000"));
  CHECK_THAT(text, Catch::Contains("workflow = recycle") && Catch::Contains("one of replace"));
  CHECK_THAT(text, Catch::Contains("'colour' is not a parameter") && Catch::Contains("Known: seed, trials"));
}

TEST_CASE("plan: type errors, NaN text, unknown experiments") {
  CHECK_THAT(allMessages(request({{"samples", "nan"}})), Catch::Contains("samples = nan is not a number"));
  CHECK_THAT(allMessages(request({{"samples", true}})), Catch::Contains("wrong type"));
  CHECK_THAT(allMessages(request({{"design", 3}})), Catch::Contains("design = 3"));
  Request unknown = request({});
  unknown.experiment = "collapse-everything";
  CHECK_THAT(allMessages(unknown), Catch::Contains("experiment = collapse-everything") && Catch::Contains("recursive-regression"));
}

TEST_CASE("plan: impossible combinations are refused before any allocation") {
  // 2000 × 10⁶ doubles per block would be 16 GB: refused from the estimate alone.
  CHECK_THAT(allMessages(request({{"dim", 2000}, {"samples", 1000000}, {"sampler", "explicit"}})),
             Catch::Contains("MiB per trial") && Catch::Contains("limit is 1024 MiB"));
  CHECK_THAT(allMessages(request({{"dim", 20}, {"samples", 10}, {"sampler", "sufficient"}})),
             Catch::Contains("sampler = sufficient") && Catch::Contains("samples = 10 < dim = 20"));
  CHECK_THAT(allMessages(request({{"trials", 100000}, {"generations", 1000}})), Catch::Contains("the limit is 20000000"));
}

TEST_CASE("plan: bad sweeps") {
  CHECK_THAT(allMessages(request({}, "design=1,2")), Catch::Contains("x = design=1,2") && Catch::Contains("is a choice"));
  CHECK_THAT(allMessages(request({}, "trials=1,2")), Catch::Contains("cannot be swept"));
  CHECK_THAT(allMessages(request({}, "ridge")), Catch::Contains("expected key=values"));
  CHECK_THAT(allMessages(request({}, "ridge=-1,1")), Catch::Contains("ridge = -1"));
  CHECK_THAT(allMessages(request({}, "ridge=1,2", "ridge=3")), Catch::Contains("both use 'ridge'"));
  CHECK_THAT(allMessages(request({}, "", "generations=2,4")), Catch::Contains("changes the generation axis"));
  CHECK(issuesOf(request({}, "", "generations=10,20,40")).size() == 1);  // once, not once per series
  CHECK_THAT(allMessages(request({}, "ridge=0:1:lin:401")), Catch::Contains("at most 400"));
}

TEST_CASE("simulateTrials: any split of the trials gives bit-identical values") {
  const Plan plan = makePlan(request({{"trials", 9}, {"generations", 5}, {"dim", 4}, {"samples", 9}}));
  const auto whole = simulateTrials(plan, 0, 9);
  std::vector<double> chunks;
  for (auto [begin, end] : {std::pair{0, 2}, {2, 3}, {3, 7}, {7, 9}}) {
    const auto part = simulateTrials(plan, begin, end);
    chunks.insert(chunks.end(), part.begin(), part.end());
  }
  REQUIRE(chunks.size() == whole.size());
  CHECK(chunks == whole);  // exact equality, not approximate
  CHECK(whole.size() == 9u * 3u * 5u);
}

TEST_CASE("simulateTrials: a swept point uses the same stream as the natural curve's last point") {
  const Plan natural = makePlan(request({{"trials", 3}, {"generations", 4}, {"workflow", "replace"}}));
  const Plan swept = makePlan(request({{"trials", 3}, {"workflow", "replace"}}, "generations=2,4"));
  const auto curve = simulateTrials(natural, 0, 3);
  const auto points = simulateTrials(swept, 0, 3);
  for (int t = 0; t < 3; ++t) CHECK(points[t * 2 + 1] == curve[t * 4 + 3]);
}

TEST_CASE("Result: JSON and CSV follow the contract") {
  const Plan plan = makePlan(request({{"trials", 20}, {"generations", 3}, {"dim", 3}, {"samples", 20}}));
  const Result result = runPlan(plan);
  const json j = resultJson(result);
  CHECK(j["experiment"] == "recursive-regression");
  CHECK(j["config"]["dim"] == 3);
  CHECK(j["trials"] == 20);
  CHECK(j["x"]["values"] == json::array({1, 2, 3}));
  CHECK(j["metric"]["key"] == "testError");
  REQUIRE(j["series"].size() == 3);
  CHECK(j["series"][0]["value"] == "replace");
  CHECK(j["series"][0]["simulation"]["mean"].size() == 3);
  CHECK(j["series"][0]["theory"].size() == 3);
  CHECK(j["series"][2]["theory"].is_null());  // accumulate-subsample: no closed form
  CHECK(j["series"][1]["references"][0]["label"] == "π²/6 bound");
  CHECK_FALSE(j["notes"].empty());
  for (int i = 0; i < 3; ++i) {
    const auto& sim = j["series"][0]["simulation"];
    CHECK(sim["lo"][i].get<double>() <= sim["hi"][i].get<double>());
    CHECK(sim["sem"][i].get<double>() > 0);
  }

  const std::string csv = resultCsv(result);
  CHECK(csv.rfind("series_key,series_value,x,mean,sem,lo,hi,theory\nworkflow,replace,1,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 9);
  CHECK(csv.find("workflow,accumulate-subsample,3,") != std::string::npos);
  CHECK(csv.back() == '\n');
  CHECK(csv.substr(csv.size() - 2) == ",\n");  // no theory for the last series: an empty cell
}

TEST_CASE("simulatePreparedBlock: a block of trials gives every trial the bits of simulateTrial alone", "[plan]") {
  // recursive-regression and gaussian-fitting read each point's settings once per block of trials
  // (Experiment::simulatePreparedBlock); shards, chunks and workers split trials anywhere, so every value must be
  // the one simulateTrial gives on Rng(seed, trial) by itself: swept x (each point's last natural value) and natural
  // x (the whole curve), several series, a block from trial 0 and one from the middle.
  struct Case {
    const char* experiment;
    nlohmann::json config;
    const char* x;
    const char* series;
  };
  const Case cases[] = {
      {"recursive-regression", {{"dim", 4}, {"samples", 8}, {"generations", 3}, {"trials", 9}, {"seed", 5}}, "ridge=0,0.5,2", "workflow=replace,accumulate"},
      {"recursive-regression", {{"dim", 4}, {"samples", 8}, {"generations", 3}, {"trials", 9}, {"sampler", "explicit"}}, "", ""},
      {"gaussian-fitting", {{"samples", 6}, {"generations", 4}, {"trials", 9}, {"seed", 3}}, "", "workflow=replace,accumulate,accumulate-subsample"},
      {"gaussian-fitting", {{"samples", 6}, {"generations", 4}, {"trials", 9}}, "dim=1,2", ""},
  };
  for (const Case& c : cases) {
    INFO(c.experiment << " x = " << c.x << " series = " << c.series);
    Request request;
    request.experiment = c.experiment;
    request.config = c.config;
    request.x = c.x;
    request.series = c.series;
    const Plan plan = makePlan(request);
    const std::size_t perTrial = plan.valuesPerTrial(), points = plan.xValues.size();
    const std::vector<double> block = simulateTrials(plan, 0, 9), middle = simulateTrials(plan, 3, 7);
    REQUIRE(block.size() == 9 * perTrial);
    for (std::size_t t = 0; t < 9; ++t)
      for (std::size_t s = 0; s < plan.pointConfigs.size(); ++s)
        for (std::size_t i = 0; i < points; ++i) {
          Rng rng(plan.seed, t);
          const std::vector<double> curve = plan.experiment->simulateTrial(plan.pointConfigs[s][plan.sweptX ? i : 0], rng);
          const double alone = plan.sweptX ? curve.back() : curve[i];
          INFO("trial " << t << ", series " << s << ", point " << i);
          CHECK(std::memcmp(&block[t * perTrial + s * points + i], &alone, sizeof alone) == 0);
          if (t >= 3 && t < 7) CHECK(std::memcmp(&middle[(t - 3) * perTrial + s * points + i], &alone, sizeof alone) == 0);
        }
  }
}
